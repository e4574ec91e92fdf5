/**
 * Herd: 1,000 clients (bench/herdClients.ts, another process) hold a feed
 * on the reference server; the server restarts; every reconnect is
 * bucketed into 100 ms windows from the moment `restart()` was called.
 * Server side: the accepted connections' `connectedAt`. Client side: every
 * socket constructed, refused ones included.
 */
import { startReferenceServer } from '@feedkit/reference-server';
import { Child } from './Child';
import type { HerdReport } from './herdClients';

export const WINDOW_MS = 100;

export interface Herd {
  readonly clients: number;
  readonly openMs: number;
  /** Accepted reconnects per window, from restart(). */
  readonly serverWindows: readonly number[];
  /** Socket constructions per window, from restart(), refused ones included. */
  readonly clientWindows: readonly number[];
  readonly restartMs: number;
}

const windows = (timestamps: readonly number[], from: number): number[] => {
  const out: number[] = [];
  for (const t of timestamps) {
    const index = Math.max(0, Math.floor((t - from) / WINDOW_MS));
    while (out.length <= index) out.push(0);
    out[index] = (out[index] as number) + 1;
  }
  return out;
};

export async function measureHerd(count: number): Promise<Herd> {
  const server = await startReferenceServer({ simulate: false, timeScale: 1000 });
  const swarm = new Child<HerdReport>('./herdClients.ts', ['--max-old-space-size=2048']);
  try {
    await swarm.request(undefined, 'ready');
    const url = server.wsUrl;
    const { opened, ms } = await swarm.request({ cmd: 'open', url, count }, 'opened');
    await server.waitForConnections((c) => c.length === count, 60_000);
    await swarm.request({ cmd: 'attempts' }, 'attempts');
    const restartAt = Date.now();
    await server.restart();
    const restartMs = Date.now() - restartAt;
    const back = await server.waitForConnections((c) => c.length === count, 120_000);
    const { attempts } = await swarm.request({ cmd: 'attempts' }, 'attempts');
    await swarm.request({ cmd: 'close' }, 'closed');
    return {
      clients: opened,
      openMs: ms,
      serverWindows: windows(
        back.map((c) => c.connectedAt),
        restartAt,
      ),
      clientWindows: windows(attempts, restartAt),
      restartMs,
    };
  } finally {
    swarm.kill();
    await server.stop();
  }
}
