import { firstValueFrom } from 'rxjs';
import { describe, expect, it } from 'vitest';
import { veloflux } from '../src/index';
import { collectErrors, next } from './support/helpers';
import { useReferenceServer } from './support/referenceServer';

const ref = useReferenceServer();

describe('VeloFlux against the reference server', () => {
  it('every feed delivers typed messages, one socket per feed', async () => {
    const client = ref.client(veloflux());
    const [backends, metrics, statusMessage] = await Promise.all([
      next(client.feed('backends')),
      next(client.feed('metrics')),
      next(client.feed('status')),
    ]);
    expect(backends.type).toBe('backend_status');
    expect(typeof backends.backends[0]?.healthy).toBe('boolean');
    expect(metrics.type).toBe('metrics');
    expect(metrics.data.healthy_backends).toBeLessThanOrEqual(metrics.data.total_backends);
    expect(statusMessage.type).toBe('system_status');
    expect(typeof statusMessage.data.version).toBe('string');
    expect(
      ref.server
        .connections('veloflux')
        .map((c) => c.path)
        .sort(),
    ).toEqual(['/api/ws/backends', '/api/ws/metrics', '/api/ws/status']);
  });

  it('REST control and force-update: pause stops a feed, force-update pushes forced:true', async () => {
    const client = ref.client(veloflux());
    const backends = client.feed('backends');
    await next(backends);
    // The seed shows no response bodies for control and force-update: typed unknown, read as sent.
    type Control = { paused: Record<string, boolean> };
    const paused = (await client.rest.pause('backends')) as Control;
    expect(paused.paused.backends).toBe(true);
    const forced = next(backends, (m) => m.forced === true);
    const result = (await client.rest.forceUpdate({ type: 'backends' })) as { forced: string[] };
    expect(result.forced).toEqual(['backends']);
    expect((await forced).forced).toBe(true);
    expect(((await client.rest.resume()) as Control).paused).toEqual({
      backends: false,
      metrics: false,
      status: false,
    });
  });

  it.each([
    ['restart()', () => ref.server.restart()],
    ['dropConnections()', () => ref.server.dropConnections()],
  ])('after %s every feed reconnects (no topics to replay) and flags a gap', async (_, fault) => {
    const client = ref.client(veloflux());
    const metrics = client.feed('metrics');
    const sub = metrics.subscribe();
    const held = client.feed('status').subscribe();
    const gaps: boolean[] = [];
    metrics.listen(() => gaps.push(metrics.gap));
    await next(metrics);
    await ref.server.waitForConnections((cs) => cs.length === 2);
    const before = ref.server.connections('veloflux').map((c) => c.id);
    await fault();
    await ref.server.waitForConnections(
      (cs) => cs.length === 2 && cs.every((c) => !before.includes(c.id)),
    );
    // The server sends its current state on connect, so the gap may already be closed again.
    await next(metrics);
    expect(gaps).toContain(true);
    expect(metrics.gap).toBe(false);
    expect(ref.server.connections('veloflux').every((c) => c.subscriptions.length === 0)).toBe(
      true,
    );
    sub.unsubscribe();
    held.unsubscribe();
  });

  it('a frozen server is detected by the protocol-level ping (no app heartbeat) and replaced', async () => {
    const client = ref.client(veloflux(), { heartbeat: { intervalMs: 30, timeoutMs: 150 } });
    const errors = collectErrors(client);
    const sub = client.feed('status').subscribe();
    const [before] = await ref.server.waitForConnections((cs) => cs.length === 1);
    ref.server.freeze();
    await next(client.state$, (s) => s.closeCode === 4000);
    expect(errors.some((e) => e.code === 'connection' && e.closeCode === 4000)).toBe(true);
    ref.server.thaw();
    await ref.server.waitForConnections((cs) => cs.length === 1 && cs[0]?.id !== before?.id);
    sub.unsubscribe();
  });

  it('REST errors are typed: a 4xx carries its status', async () => {
    const client = ref.client(veloflux());
    const error = await client.rest
      .control({ action: 'pause', type: 'nonsense' as never })
      .catch((e: unknown) => e);
    // Refused before leaving the client: the request schema says no.
    expect(error).toMatchObject({ code: 'rest', system: 'veloflux' });
    expect(await firstValueFrom(client.feed('status'))).toMatchObject({ type: 'system_status' });
  });
});
