import {
  type ReferenceServer,
  type ReferenceServerOptions,
  startReferenceServer,
} from '@feedkit/reference-server';
import { afterEach, beforeEach } from 'vitest';
import {
  type ClientOptions,
  createClient,
  type FeedkitClient,
  type Protocol,
} from '../../src/index';

/**
 * A fresh reference server on port 0 per test (at TIME_SCALE 0.01, no random
 * simulation so assertions see only what the test caused), and clients that
 * reconnect at once (zero backoff) and are closed after each test.
 */
export function useReferenceServer(options: ReferenceServerOptions = {}) {
  let server: ReferenceServer | undefined;
  const clients: FeedkitClient[] = [];
  beforeEach(async () => {
    server = await startReferenceServer({ timeScale: 0.01, seed: 1, simulate: false, ...options });
  });
  afterEach(async () => {
    for (const client of clients.splice(0)) client.close();
    await server?.stop();
  });
  return {
    get server(): ReferenceServer {
      if (!server) throw new Error('reference server not started');
      return server;
    },
    client<P extends Protocol>(protocol: P, extra: Partial<ClientOptions<P>> = {}) {
      const client = createClient({
        url: (server as ReferenceServer).wsUrl,
        protocol,
        backoff: () => 0,
        linger: 0,
        // The server's own timeouts run at TIME_SCALE 0.01 (Plataforma E drops a
        // silent socket after 900 ms, AIC after 3 s): ping on the same scale.
        heartbeat: { intervalMs: 200, timeoutMs: 2000 },
        ...extra,
      });
      clients.push(client as unknown as FeedkitClient);
      return client;
    },
  };
}
