import { setTimeout as delay } from 'node:timers/promises';
import { veloflux } from '@feedkit/client';
import { describe, expect, it } from 'vitest';
import type { ProxyProcess } from '../../src/ProxyProcess';
import type { ReverseProxyOptions } from '../../src/ReverseProxyOptions';
import { collectErrors, next } from './next';
import { inFront } from './proxies';
import { recordGaps } from './recordGaps';
import { useDeployment } from './useDeployment';

/** The proxy closes a connection after this much silence (`proxy_read_timeout 3s`, `timeout tunnel 3s`). */
const IDLE_S = 3;

/**
 * A reverse proxy with a short idle timeout in front of a quiet feed
 * (VeloFlux with its streams paused: no frame from the server at all).
 * VeloFlux's document has no client ping; in Node feedkit sends WebSocket
 * ping frames instead, and the proxy counts their pongs as traffic.
 */
export function idleTimeoutSuite(
  name: string,
  start: (dir: string, options: ReverseProxyOptions) => Promise<ProxyProcess>,
) {
  const deployment = useDeployment();

  async function quietStatusFeed(heartbeat: { intervalMs: number } | false) {
    const { wsUrl } = await inFront(deployment, start, { idleTimeoutSeconds: IDLE_S });
    deployment.server.system('veloflux').setPaused('all', true);
    const client = deployment.client(veloflux(), { url: wsUrl, heartbeat });
    const status = client.feed('status');
    const sub = status.subscribe();
    deployment.defer(() => sub.unsubscribe());
    // The one message the server sends on open; then silence.
    await next(status);
    const [conn] = await deployment.server.waitForConnections((cs) => cs.length === 1);
    return { client, status, connectionId: conn?.id };
  }

  describe(`${name} with a ${IDLE_S} s idle timeout, in front of a quiet feed`, () => {
    it('the heartbeat (WebSocket pings every second) keeps the socket open past the timeout', async () => {
      const { client, status, connectionId } = await quietStatusFeed({ intervalMs: 1000 });
      const errors = collectErrors(client);
      // Time itself is the subject: the proxy would have closed the socket by now.
      await delay((IDLE_S + 1.5) * 1000);
      expect(errors).toEqual([]);
      expect(client.state.status).toBe('open');
      expect(client.state.attempt).toBe(0);
      expect(deployment.server.connections('veloflux').map((c) => c.id)).toEqual([connectionId]);
      const forced = next(status);
      deployment.server.system('veloflux').force('status');
      expect(await forced).toMatchObject({ type: 'system_status', forced: true });
    });

    it('without a heartbeat the proxy closes it: a reconnect follows and the feed continues, its gap marked', async () => {
      const { client, status, connectionId } = await quietStatusFeed(false);
      const errors = collectErrors(client);
      const gaps = recordGaps(status);
      const closed = await next(client.state$, (s) => s.status === 'reconnecting', 10_000);
      expect(closed).toMatchObject({ closeCode: 1006, reason: 'connection lost' });
      expect(errors[0]).toMatchObject({ code: 'connection', closeCode: 1006, fatal: false });
      // The new socket gets the server's on-open message: the feed goes on.
      const after = await next(status);
      expect(after.type).toBe('system_status');
      expect(gaps).toEqual([true, false]);
      const [replaced] = deployment.server.connections('veloflux');
      expect(replaced?.id).not.toBe(connectionId);
    });
  });
}
