import { describe, expect, it } from 'vitest';
import { VeloFlux } from '../src/index';

const { adapter } = VeloFlux;

const healthCheck = { path: '/health', interval: '30s', timeout: '5s', expected_status: 200 };

/**
 * A frame of the independent Go-style server (apps/independent-servers):
 * RFC3339Nano in a -03:00 zone, Go's zero time for a backend never used, and
 * a backend without a region (`region,omitempty`).
 */
const goFrame = {
  timestamp: '2026-11-27T10:47:01.347566262-03:00',
  type: 'backend_status',
  forced: false,
  backends: [
    {
      address: '192.168.1.100:8080',
      pool: 'web-servers',
      weight: 100,
      status: 'unhealthy',
      healthy: false,
      connections: 8,
      last_used: '2026-11-27T10:47:01.299141234-03:00',
      health_check: { ...healthCheck, unhealthy_threshold: 3 },
      region: 'us-east-1',
    },
    {
      address: '192.168.1.101:8080',
      pool: 'web-servers',
      weight: 100,
      status: 'healthy',
      healthy: true,
      connections: 26,
      last_used: '0001-01-01T00:00:00Z',
      health_check: { ...healthCheck, unhealthy_threshold: 3 },
    },
  ],
};

describe('VeloFlux: what a Go server with omitempty sends', () => {
  it('a backend without a region decodes, the field left absent', () => {
    expect(adapter.decode(JSON.stringify(goFrame))).toEqual({ kind: 'message', message: goFrame });
  });

  it('a region of the wrong type is still an error at its path', () => {
    const frame = { ...goFrame, backends: [{ ...goFrame.backends[1], region: 7 }] };
    const result = adapter.decode(JSON.stringify(frame));
    expect(result.kind === 'error' && result.error.path).toEqual(['backends', 0, 'region']);
  });
});

/**
 * The Go server of apps/independent-servers/go: one struct for the three
 * feeds, `Forced bool \`json:"forced,omitempty"\`` (a scheduled update has
 * no `forced` at all) and `HealthCheck *HealthCheck \`json:"health_check,omitempty"\``
 * (a backend with no health check configured has none).
 */
const { forced: _forced, ...scheduled } = goFrame;
const goOmitEmptyFrame = {
  ...scheduled,
  backends: [
    goFrame.backends[0],
    {
      address: '192.168.1.110:9000',
      pool: 'api-servers',
      weight: 100,
      status: 'healthy',
      healthy: true,
      connections: 12,
      last_used: '2026-11-27T12:50:13.021375811-03:00',
      region: 'sa-east-1',
    },
  ],
};

describe('VeloFlux: a Go server with forced,omitempty and a nil health_check pointer', () => {
  it('a scheduled backend_status without forced and a backend without health_check decode', () => {
    expect(adapter.decode(JSON.stringify(goOmitEmptyFrame))).toEqual({
      kind: 'message',
      message: goOmitEmptyFrame,
    });
  });

  it('a health_check of the wrong shape is still an error at its path', () => {
    const frame = {
      ...goOmitEmptyFrame,
      backends: [{ ...goOmitEmptyFrame.backends[1], health_check: { path: 3 } }],
    };
    const result = adapter.decode(JSON.stringify(frame));
    expect(result.kind === 'error' && result.error.path).toEqual([
      'backends',
      0,
      'health_check',
      'path',
    ]);
  });
});
