import { describe, expect, it } from 'vitest';
import { VeloFlux } from '../src/index';
import {
  isoSpellings,
  oddMessages,
  withExtraFields,
  withFields,
  withFloats,
} from './support/drift';

const { adapter } = VeloFlux;

const backend = {
  address: '192.168.1.100:8080',
  pool: 'web-servers',
  weight: 100,
  status: 'healthy',
  healthy: true,
  connections: 42,
  last_used: '2025-06-20T15:30:45Z',
  region: 'us-east-1',
  health_check: { path: '/health', interval: '30s', timeout: '5s', expected_status: 200 },
};
const backendStatus = {
  type: 'backend_status',
  backends: [backend],
  timestamp: '2025-06-20T15:30:45Z',
  forced: false,
};
const metrics = {
  type: 'metrics',
  data: {
    requests_total: 15420,
    requests_per_second: 45.2,
    avg_response_time: 125,
    error_rate: 0.02,
    active_connections: 342,
    healthy_backends: 8,
    total_backends: 10,
    websocket_clients: 3,
    pools_count: 3,
    availability: 80.0,
    avg_last_used: '2025-06-20T15:30:40Z',
    pool_metrics: {
      'web-servers': {
        total_backends: 4,
        healthy_backends: 3,
        active_connections: 200,
        health_percentage: 75.0,
      },
    },
    load_distribution: { 'web-servers': 58.5, 'api-servers': 41.5 },
    cluster_enabled: true,
    is_leader: true,
    adaptive_enabled: true,
    current_strategy: 'ai_optimized',
  },
  timestamp: '2025-06-20T15:30:45Z',
};
const status = {
  type: 'system_status',
  data: {
    status: 'healthy',
    uptime: '2025-06-20T15:30:45Z',
    version: '1.1.0',
    websocket_clients: 3,
    total_backends: 10,
    healthy_backends: 8,
    backend_health_percentage: 80.0,
    pools_count: 3,
    cluster_enabled: true,
    node_id: 'node-001',
    is_leader: true,
    adaptive_balancer_enabled: true,
    current_strategy: 'ai_optimized',
  },
  timestamp: '2025-06-20T15:30:45Z',
};

describe('VeloFlux tolerant reader: drifted messages still decode, unknown fields kept', () => {
  it.each<[string, unknown]>([
    ['backend_status with extra fields at every level', withExtraFields(backendStatus)],
    ['backend_status with floats for every integer', withFloats(backendStatus)],
    [
      'metrics with extra fields at every level',
      withExtraFields(metrics, ['pool_metrics', 'load_distribution']),
    ],
    ['metrics with floats for every integer', withFloats(metrics)],
    ['metrics with forced: null', { ...metrics, forced: null }],
    [
      'metrics with a share over 100 % (float rounding)',
      withFields(metrics, ['data.load_distribution.web-servers'], 100.0000001),
    ],
    ['system_status with extra fields at every level', withExtraFields(status)],
    ['system_status with uptime as a duration', withFields(status, ['data.uptime'], '72h3m0.5s')],
    ['system_status with forced: true', { ...status, forced: true }],
    ...isoSpellings.map((t): [string, unknown] => [
      `backend_status with timestamps spelt ${t}`,
      withFields(backendStatus, ['timestamp', 'backends.0.last_used'], t),
    ]),
  ])('%s', (_name, value) => {
    expect(adapter.decode(JSON.stringify(value))).toEqual({ kind: 'message', message: value });
  });

  it.each([
    [
      'a timestamp that is no date at all',
      withFields(metrics, ['timestamp'], 'yesterday'),
      ['timestamp'],
    ],
    [
      'a wrong type where the types promise a number',
      withFields(metrics, ['data.requests_total'], '15420'),
      ['data', 'requests_total'],
    ],
  ])('still an invalid_message: %s', (_name, value, path) => {
    const result = adapter.decode(JSON.stringify(value));
    expect(result.kind === 'error' && result.error.path).toEqual(path);
  });
});

describe('VeloFlux feeds: accepts is total', () => {
  const specs = [adapter.feeds.backends(), adapter.feeds.metrics(), adapter.feeds.status()];
  it.each(oddMessages.map((m) => [JSON.stringify(m) ?? 'undefined', m]))(
    'no feed throws on %s',
    (_name, message) => {
      for (const spec of specs) expect(() => spec.accepts(message)).not.toThrow();
    },
  );
});
