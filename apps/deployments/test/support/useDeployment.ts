import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  type ClientOptions,
  createClient,
  type FeedkitClient,
  type Protocol,
} from '@feedkit/client';
import {
  type ReferenceServer,
  type ReferenceServerOptions,
  startReferenceServer,
} from '@feedkit/reference-server';
import { afterEach, beforeEach } from 'vitest';

/**
 * Per test: a reference server on port 0 (TIME_SCALE 0.01, no random
 * simulation), a temp dir for proxy configs and certificates, clients that
 * reconnect at once, and `defer` for anything else to stop. All of it is
 * closed after the test, in reverse order.
 */
export function useDeployment(options: ReferenceServerOptions = {}) {
  let server: ReferenceServer | undefined;
  let dir: string | undefined;
  const cleanup: (() => unknown)[] = [];
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'feedkit-deployments-'));
    server = await startReferenceServer({ timeScale: 0.01, seed: 1, simulate: false, ...options });
  });
  afterEach(async () => {
    for (const step of cleanup.splice(0).reverse()) await step();
    await server?.stop();
    if (dir) await rm(dir, { recursive: true, force: true });
  });
  return {
    get server(): ReferenceServer {
      if (!server) throw new Error('reference server not started');
      return server;
    },
    /** A fresh temp dir of this test. */
    get dir(): string {
      if (!dir) throw new Error('no temp dir outside a test');
      return dir;
    },
    /** Runs `step` after the test (before the server stops). */
    defer(step: () => unknown): void {
      cleanup.push(step);
    },
    /** A client with zero backoff, no linger and a heartbeat at the server's time scale, closed after the test. */
    client<P extends Protocol>(protocol: P, extra: Partial<ClientOptions<P>> & { url: string }) {
      const client = createClient({
        protocol,
        backoff: () => 0,
        linger: 0,
        lifecycle: false,
        heartbeat: { intervalMs: 200, timeoutMs: 2000 },
        ...extra,
      } as ClientOptions<P>);
      cleanup.push(() => (client as unknown as FeedkitClient).close());
      return client;
    },
  };
}
