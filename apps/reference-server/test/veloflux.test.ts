import { VeloFlux } from '@feedkit/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ReferenceServer, startReferenceServer } from '../src/index';
import { rest, TestClient } from './support/TestClient';

const TIME_SCALE = 0.02;
const PATHS = VeloFlux.VELOFLUX_PATHS;
const decode = (message: unknown) => VeloFlux.adapter.decode(JSON.stringify(message));

let server: ReferenceServer;
beforeAll(async () => {
  server = await startReferenceServer({ timeScale: TIME_SCALE, seed: 7 });
});
afterAll(() => server.stop());

function checkMetrics(data: VeloFlux.MetricsData): void {
  expect(data.healthy_backends).toBeLessThanOrEqual(data.total_backends);
  const pools = Object.values(data.pool_metrics);
  expect(pools.length).toBe(data.pools_count);
  expect(pools.reduce((s, p) => s + p.total_backends, 0)).toBe(data.total_backends);
  expect(pools.reduce((s, p) => s + p.healthy_backends, 0)).toBe(data.healthy_backends);
  expect(pools.reduce((s, p) => s + p.active_connections, 0)).toBe(data.active_connections);
  for (const pool of pools) expect(pool.healthy_backends).toBeLessThanOrEqual(pool.total_backends);
  const shares = Object.values(data.load_distribution).reduce((s, n) => s + n, 0);
  expect(shares).toBeCloseTo(100, 6);
}

describe('VeloFlux feeds', () => {
  it.each([
    ['backends', 'backend_status', VeloFlux.VELOFLUX_BACKENDS_INTERVAL_MS],
    ['metrics', 'metrics', VeloFlux.VELOFLUX_METRICS_INTERVAL_MS],
    ['status', 'system_status', VeloFlux.VELOFLUX_STATUS_INTERVAL_MS],
  ] as const)(
    '/api/ws/%s sends %s on connect and every %i ms (scaled)',
    async (kind, type, interval) => {
      const client = await TestClient.open(`${server.wsUrl}${PATHS[kind]}`);
      const { messages, times } = await client.collect(4, () => true);
      for (const message of messages) {
        expect(message.type).toBe(type);
        const decoded = decode(message);
        expect(decoded.kind).toBe('message');
        if (type === 'metrics') checkMetrics((message as VeloFlux.MetricsMessage).data);
        if (type === 'system_status') {
          const data = (message as VeloFlux.SystemStatusMessage).data;
          expect(data.healthy_backends).toBeLessThanOrEqual(data.total_backends);
        }
        if (type === 'backend_status') expect(message.forced).toBe(false);
        else expect(message.forced).toBeUndefined();
      }
      // Mean of the periodic gaps (the first message is the on-connect one).
      const gap = ((times[3] as number) - (times[1] as number)) / 2;
      expect(gap).toBeGreaterThan(interval * TIME_SCALE * 0.7);
      expect(gap).toBeLessThan(interval * TIME_SCALE * 3);
      await client.close();
    },
  );

  it('keeps healthy backends consistent with the backends list over time', async () => {
    const backends = await TestClient.open(`${server.wsUrl}${PATHS.backends}`);
    const { messages } = await backends.collect(5);
    for (const message of messages as unknown as VeloFlux.BackendStatusMessage[]) {
      for (const b of message.backends) {
        expect(b.healthy).toBe(b.status === 'healthy');
        if (!b.healthy) expect(b.connections).toBe(0);
      }
    }
    await backends.close();
  });

  it('ignores client frames (the seed defines none) and closes oversize ones with 1009', async () => {
    const client = await TestClient.open(`${server.wsUrl}${PATHS.status}`);
    client.send({ hello: 'world' });
    client.send('garbage');
    await client.collect(2);
    client.send('x'.repeat(VeloFlux.VELOFLUX_MAX_COMMAND_LENGTH + 1));
    expect((await client.closed).code).toBe(1009);
  });
});

describe('VeloFlux REST', () => {
  it('pause stops periodic updates of one type; resume restarts them', async () => {
    const metrics = await TestClient.open(`${server.wsUrl}${PATHS.metrics}`);
    const backends = await TestClient.open(`${server.wsUrl}${PATHS.backends}`);
    await metrics.next();
    const paused = await rest(server.url, 'POST', '/api/ws/control', {
      action: 'pause',
      type: 'metrics',
    });
    expect(paused.status).toBe(200);
    expect(VeloFlux.endpoints.control.response.parse(paused.body)).toEqual({
      success: true,
      action: 'pause',
      type: 'metrics',
      paused: { backends: false, metrics: true, status: false },
    });
    const countAtPause = metrics.received.length;
    // Backends keep ticking: wait for 4 of their ticks, which span 2 metrics intervals.
    const start = backends.received.length;
    await backends.collect(start + 5);
    // At most one tick already in flight when pausing.
    expect(metrics.received.length - countAtPause).toBeLessThanOrEqual(1);
    const resumed = await rest(server.url, 'POST', '/api/ws/control', {
      action: 'resume',
      type: 'all',
    });
    expect(resumed.body).toMatchObject({
      paused: { backends: false, metrics: false, status: false },
    });
    await metrics.next(() => true, { from: metrics.received.length });
    await Promise.all([metrics.close(), backends.close()]);
  });

  it('setPaused on the handle does what the control endpoint does', async () => {
    const status = await TestClient.open(`${server.wsUrl}${PATHS.status}`);
    await status.next();
    expect(server.system('veloflux').setPaused('all', true)).toEqual({
      backends: true,
      metrics: true,
      status: true,
    });
    const forced = await rest(server.url, 'POST', '/api/ws/force-update', { type: 'status' });
    expect(forced.body).toEqual({ success: true, type: 'status', forced: ['status'] });
    // Forced updates go out even while paused.
    const message = await status.next((m) => m.forced === true);
    expect(decode(message).kind).toBe('message');
    server.system('veloflux').setPaused('all', false);
    await status.close();
  });

  it('force-update pushes every stream at once with forced: true', async () => {
    const clients = await Promise.all(
      (['backends', 'metrics', 'status'] as const).map((k) =>
        TestClient.open(`${server.wsUrl}${PATHS[k]}`),
      ),
    );
    await Promise.all(clients.map((c) => c.next()));
    server.system('veloflux').setPaused('all', true);
    const response = await rest(server.url, 'POST', '/api/ws/force-update', { type: 'all' });
    expect(response.status).toBe(200);
    // The seed shows no response body (the protocol types it `unknown`); ours lists what it pushed.
    expect((response.body as { forced: unknown }).forced).toEqual([
      'backends',
      'metrics',
      'status',
    ]);
    for (const client of clients) {
      const forced = await client.next((m) => m.forced === true);
      expect(decode(forced).kind).toBe('message');
    }
    server.system('veloflux').setPaused('all', false);
    await Promise.all(clients.map((c) => c.close()));
  });

  it.each([
    ['not JSON', '{"action":', 400],
    ['unknown action', { action: 'stop', type: 'all' }, 400],
    ['unknown type', { action: 'pause', type: 'everything' }, 400],
    ['empty body', '', 400],
  ])('control refuses %s with {error}', async (_name, body, status) => {
    const response = await rest(server.url, 'POST', '/api/ws/control', body);
    expect(response.status).toBe(status);
    expect(VeloFlux.errorBodySchema.parse(response.body).error).toMatch(/./);
  });

  it('GET on a POST endpoint is 405', async () => {
    const response = await rest(server.url, 'GET', '/api/ws/control');
    expect(response.status).toBe(405);
  });

  it('rate-limits control with 429 and Retry-After', async () => {
    const limited = await startReferenceServer({ timeScale: TIME_SCALE, rateLimitPerSecond: 3 });
    const statuses = await Promise.all(
      Array.from({ length: 8 }, () =>
        rest(limited.url, 'POST', '/api/ws/force-update', { type: 'backends' }),
      ),
    );
    const refused = statuses.filter((r) => r.status === 429);
    expect(refused.length).toBeGreaterThan(0);
    expect(statuses.filter((r) => r.status === 200).length).toBeLessThanOrEqual(4);
    expect(refused[0]?.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(VeloFlux.errorBodySchema.parse(refused[0]?.body).error).toMatch(/rate/);
    await limited.stop();
  });
});
