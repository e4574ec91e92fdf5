import { describe, expect, it } from 'vitest';
import { velofluxExamples } from '../src/examples/index';
import { VeloFlux } from '../src/index';

const { adapter, endpoints } = VeloFlux;

// Every JSON example of the seed (000_8e0df167106ff533.txt), verbatim.
const seedBackendStatus = `{
    "type": "backend_status",
    "backends": [
        {
            "address": "192.168.1.100:8080",
            "pool": "web-servers",
            "weight": 100,
            "status": "healthy",
            "healthy": true,
            "connections": 42,
            "last_used": "2025-06-20T15:30:45Z",
            "region": "us-east-1",
            "health_check": {
                "path": "/health",
                "interval": "30s",
                "timeout": "5s",
                "expected_status": 200
            }
        }
    ],
    "timestamp": "2025-06-20T15:30:45Z",
    "forced": false
}`;

const seedMetrics = `{
    "type": "metrics",
    "data": {
        "requests_total": 15420,
        "requests_per_second": 45.2,
        "avg_response_time": 125,
        "error_rate": 0.02,
        "active_connections": 342,
        "healthy_backends": 8,
        "total_backends": 10,
        "websocket_clients": 3,
        "pools_count": 3,
        "availability": 80.0,
        "avg_last_used": "2025-06-20T15:30:40Z",
        "pool_metrics": {
            "web-servers": {
                "total_backends": 4,
                "healthy_backends": 3,
                "active_connections": 200,
                "health_percentage": 75.0
            },
            "api-servers": {
                "total_backends": 6,
                "healthy_backends": 5,
                "active_connections": 142,
                "health_percentage": 83.33
            }
        },
        "load_distribution": {
            "web-servers": 58.5,
            "api-servers": 41.5
        },
        "cluster_enabled": true,
        "is_leader": true,
        "adaptive_enabled": true,
        "current_strategy": "ai_optimized"
    },
    "timestamp": "2025-06-20T15:30:45Z"
}`;

const seedSystemStatus = `{
    "type": "system_status",
    "data": {
        "status": "healthy",
        "uptime": "2025-06-20T15:30:45Z",
        "version": "1.1.0",
        "websocket_clients": 3,
        "total_backends": 10,
        "healthy_backends": 8,
        "backend_health_percentage": 80.0,
        "pools_count": 3,
        "cluster_enabled": true,
        "node_id": "node-001",
        "is_leader": true,
        "adaptive_balancer_enabled": true,
        "current_strategy": "ai_optimized"
    },
    "timestamp": "2025-06-20T15:30:45Z"
}`;

/** Each server message type the seed shows, with its JSON as the seed writes it. */
const seedVectors = [
  ['backend_status', seedBackendStatus],
  ['metrics', seedMetrics],
  ['system_status', seedSystemStatus],
] as const;

describe('VeloFlux decode: seed vectors', () => {
  it.each(seedVectors)(
    '%s decodes to its typed message and deep-equals the seed',
    (type, frame) => {
      const result = adapter.decode(frame);
      expect(result.kind).toBe('message');
      if (result.kind !== 'message') return;
      expect(result.message.type).toBe(type);
      expect(result.message).toEqual(JSON.parse(frame));
      expect(adapter.roleOf(result.message)).toBe('data');
    },
  );

  it.each([
    ['metrics', seedMetrics],
    ['system_status', seedSystemStatus],
  ])('%s sent by a force-update carries forced: true', (_type, frame) => {
    const forced = { ...JSON.parse(frame), forced: true };
    const result = adapter.decode(JSON.stringify(forced));
    expect(result).toEqual({ kind: 'message', message: forced });
  });

  it('encodeMessage round-trips through decode', () => {
    const decoded = adapter.decode(seedMetrics);
    if (decoded.kind !== 'message') throw new Error('seed metrics must decode');
    expect(adapter.decode(adapter.encodeMessage(decoded.message))).toEqual(decoded);
  });
});

// The curl `-d` bodies of the seed, verbatim, next to what its JavaScript client sends.
describe('VeloFlux REST: seed bodies', () => {
  it.each([
    ['{"action": "pause", "type": "all"}', { action: 'pause', type: 'all' }],
    ['{"action": "pause", "type": "backends"}', { action: 'pause', type: 'backends' }],
    ['{"action": "resume", "type": "metrics"}', { action: 'resume', type: 'metrics' }],
  ])('control %s parses and encodes as the seed client sends it', (body, clientObject) => {
    const parsed = endpoints.control.request?.parse(JSON.parse(body));
    expect(parsed).toEqual(JSON.parse(body));
    expect(JSON.stringify(parsed)).toBe(JSON.stringify(clientObject));
  });

  it.each([
    ['{"type": "all"}', { type: 'all' }],
    ['{"type": "backends"}', { type: 'backends' }],
  ])('force-update %s parses and encodes as the seed client sends it', (body, clientObject) => {
    const parsed = endpoints.forceUpdate.request?.parse(JSON.parse(body));
    expect(JSON.stringify(parsed)).toBe(JSON.stringify(clientObject));
  });

  it('endpoints carry method and path', () => {
    expect([endpoints.control.method, endpoints.control.path()]).toEqual([
      'POST',
      '/api/ws/control',
    ]);
    expect([endpoints.forceUpdate.method, endpoints.forceUpdate.path()]).toEqual([
      'POST',
      '/api/ws/force-update',
    ]);
  });

  // Issue 11: an independent server answered force-update without feedkit's
  // invented `forced` array and the helper threw although the update happened.
  it.each([
    ['control', endpoints.control.response],
    ['force-update', endpoints.forceUpdate.response],
  ])('%s: the seed shows no response body, so any JSON a 2xx carries is accepted', (_n, schema) => {
    for (const body of [
      { success: true, type: 'all' },
      { status: 'ok' },
      {},
      [],
      null,
      'ok',
      { success: true, type: 'all', forced: ['backends', 'metrics', 'status'] },
    ]) {
      expect(schema.parse(body)).toEqual(body);
    }
  });

  it.each([
    ['unknown action', endpoints.control.request, { action: 'stop', type: 'all' }, ['action']],
    ['unknown type', endpoints.control.request, { action: 'pause', type: 'cpu' }, ['type']],
    ['missing type', endpoints.forceUpdate.request, {}, ['type']],
  ])('a request with %s is refused at its field', (_name, schema, body, path) => {
    const result = schema?.safeParse(body);
    expect(result?.success).toBe(false);
    expect(result?.error?.issues[0]?.path).toEqual(path);
  });

  it('error bodies parse', () => {
    expect(VeloFlux.errorBodySchema.parse({ error: 'rate limited' })).toEqual({
      error: 'rate limited',
    });
    expect(VeloFlux.errorBodySchema.safeParse({ detail: 'x' }).success).toBe(false);
  });
});

describe('VeloFlux decode: negative vectors never throw', () => {
  it.each([
    ['malformed JSON', '{"type":"metrics",', 'not_json', []],
    ['not an object', '"backend_status"', 'not_object', []],
    [
      'wrong field type',
      seedMetrics.replace('"requests_per_second": 45.2', '"requests_per_second": "45.2"'),
      'invalid_message',
      ['data', 'requests_per_second'],
    ],
    [
      'forced of the wrong type on backend_status',
      seedBackendStatus.replace('"forced": false', '"forced": "no"'),
      'invalid_message',
      ['forced'],
    ],
    [
      'missing backend field',
      seedBackendStatus.replace('"healthy": true,', ''),
      'invalid_message',
      ['backends', 0, 'healthy'],
    ],
    [
      'unix seconds where an ISO timestamp is due',
      seedSystemStatus.replace('"timestamp": "2025-06-20T15:30:45Z"', '"timestamp": 1750433445'),
      'invalid_message',
      ['timestamp'],
    ],
    [
      'pool metrics with a wrong type',
      seedMetrics.replace('"health_percentage": 75.0', '"health_percentage": null'),
      'invalid_message',
      ['data', 'pool_metrics', 'web-servers', 'health_percentage'],
    ],
  ])('%s', (_name, frame, code, path) => {
    const result = adapter.decode(frame);
    expect(result.kind).toBe('error');
    if (result.kind !== 'error') return;
    expect(result.error.code).toBe(code);
    expect(result.error.path).toEqual(path);
    expect(result.error.system).toBe('veloflux');
    expect(result.error.message).toContain('veloflux');
  });

  it('an unnamed type decodes as a typed unknown message', () => {
    const frame = '{"type":"pool_added","data":{"pool":"edge"},"timestamp":"2025-06-20T15:30:45Z"}';
    expect(adapter.decode(frame)).toEqual({
      kind: 'unknown',
      message: { type: 'pool_added', value: JSON.parse(frame) },
    });
  });

  it('a client frame is never a command, and an oversize one is refused before parsing', () => {
    expect(adapter.decodeCommand('{"type":"subscribe"}').kind).toBe('unknown');
    const oversize = JSON.stringify({ type: 'x', pad: 'x'.repeat(5000) });
    const result = adapter.decodeCommand(oversize);
    expect(result.kind === 'error' && result.error.code).toBe('oversize');
    expect(adapter.decodeCommand('not json').kind).toBe('error');
  });
});

describe('VeloFlux reconcile: no topics, so never a wire command', () => {
  const set = (...items: string[]) => new Set(items);
  it.each([
    ['add', set(), set('backends')],
    ['remove', set('metrics'), set()],
    ['replay from empty', set(), set('backends', 'metrics')],
    ['no change', set('status'), set('status')],
  ])('%s', (_name, before, after) => {
    expect(adapter.reconcile(before, after)).toEqual([]);
  });
});

describe('VeloFlux feeds', () => {
  const messages = {
    backend_status: JSON.parse(seedBackendStatus),
    metrics: JSON.parse(seedMetrics),
    system_status: JSON.parse(seedSystemStatus),
  };

  it.each([
    ['backends', adapter.feeds.backends(), '/api/ws/backends', 'backend_status', 12_500],
    ['metrics', adapter.feeds.metrics(), '/api/ws/metrics', 'metrics', 25_000],
    ['status', adapter.feeds.status(), '/api/ws/status', 'system_status', 37_500],
  ] as const)(
    '%s: own socket, own type, silence timeout of 2.5 ticks',
    (name, feed, path, type, silence) => {
      expect(feed.key).toBe(`veloflux:${name}`);
      expect(feed.path).toBe(path);
      expect(feed.topics).toEqual([]);
      expect(feed.silenceTimeoutMs).toBe(silence);
      for (const [other, message] of Object.entries(messages)) {
        expect(feed.accepts(message)).toBe(other === type);
      }
    },
  );

  it('has no application heartbeat and no auth', () => {
    expect(adapter.heartbeat).toBeUndefined();
    expect(adapter.answerHeartbeat).toBeUndefined();
    expect(adapter.auth).toBeUndefined();
    expect(VeloFlux.VELOFLUX_BACKENDS_INTERVAL_MS).toBe(5_000);
    expect(VeloFlux.VELOFLUX_METRICS_INTERVAL_MS).toBe(10_000);
    expect(VeloFlux.VELOFLUX_STATUS_INTERVAL_MS).toBe(15_000);
  });
});

describe('VeloFlux examples (@feedkit/protocol/examples)', () => {
  it.each(seedVectors)('the %s example is the seed, value for value', (type, frame) => {
    expect(velofluxExamples[type]).toEqual(JSON.parse(frame));
  });
});
