/**
 * Recovery: independent feedkit clients with DEFAULT settings (default
 * backoff, heartbeat, everything) each hold the Takhin metrics feed; the
 * reference server goes down for `outageMs` (the port refuses connections,
 * as with a killed process) and comes back. Per client: ms from the moment
 * the server listens again to the client's first message after it. Each
 * client draws its own jitter, so N clients in one outage are N samples of
 * "one client's" recovery.
 */
import { startReferenceServer } from '@feedkit/reference-server';
import { createClient, takhin } from '../src/index';

export async function measureRecovery(clients: number, outageMs: number): Promise<number[]> {
  // Metrics slowed down: the only message a reconnected client gets at once is the one sent on open.
  const server = await startReferenceServer({ simulate: false, timeScale: 1000 });
  const all = Array.from({ length: clients }, () =>
    createClient({ url: server.wsUrl, protocol: takhin(), lifecycle: false }),
  );
  let backAt = Number.POSITIVE_INFINITY;
  const recovered: Promise<number>[] = [];
  try {
    const opened = all.map((client) => {
      let resolveOpen: () => void = () => {};
      let resolveBack: (ms: number) => void = () => {};
      const open = new Promise<void>((resolve) => {
        resolveOpen = resolve;
      });
      recovered.push(
        new Promise<number>((resolve) => {
          resolveBack = resolve;
        }),
      );
      client.feed('metrics').subscribe(() => {
        resolveOpen();
        if (performance.now() >= backAt) resolveBack(performance.now() - backAt);
      });
      return open;
    });
    await Promise.all(opened);
    const restarting = server.restart({ downtimeMs: outageMs });
    // restart() resolves once the port listens again: that is "the server is back".
    await restarting;
    backAt = performance.now();
    return await Promise.all(recovered);
  } finally {
    for (const client of all) client.close();
    await server.stop();
  }
}
