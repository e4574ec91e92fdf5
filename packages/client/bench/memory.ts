/**
 * Memory: the client's heap (its own process, gc before each reading) at
 * the start, after 10,000 subscribe/unsubscribe cycles over 100 topic
 * feeds, and after 1,000 reconnects (the reference server, in this
 * process, drops the connection; the bench waits until the server sees the
 * client back with its subscription replayed). A last phase cycles through
 * 10,000 DISTINCT topics, which the target does not cover: it shows what
 * the client keeps per feed key it has ever been asked for.
 */
import { startReferenceServer } from '@feedkit/reference-server';
import { Child } from './Child';
import type { MemoryReport } from './memoryClient';

export interface Memory {
  readonly start: number;
  readonly afterCycles: number;
  /** After the first tenth of the reconnects: the slope from here to the end tells a leak from warm-up. */
  readonly afterFirstReconnects: number;
  readonly afterReconnects: number;
  readonly afterDistinct: number;
  readonly reconnectMs: number;
}

export async function measureMemory(
  cycles: number,
  reconnects: number,
  distinct: number,
): Promise<Memory> {
  const server = await startReferenceServer({ simulate: false, timeScale: 1000 });
  const subject = new Child<MemoryReport>('./memoryClient.ts', ['--expose-gc']);
  try {
    await subject.request(undefined, 'ready');
    const { heap: start } = await subject.request(
      { cmd: 'start', url: server.wsUrl, warmup: 1000 },
      'heap',
    );
    const { heap: afterCycles } = await subject.request(
      { cmd: 'cycles', count: cycles, keys: 100, prefix: 'cycle' },
      'heap',
    );
    const reconnectStarted = performance.now();
    let afterFirstReconnects = 0;
    for (let i = 0; i < reconnects; i++) {
      if (i === Math.floor(reconnects / 10)) {
        afterFirstReconnects = (await subject.request({ cmd: 'heap' }, 'heap')).heap;
      }
      const [before] = await server.waitForConnections((c) => c.length === 1);
      server.dropConnections(1012, 'memory bench');
      await server.waitForConnections(
        (c) =>
          c.length === 1 &&
          c[0]?.id !== before?.id &&
          c[0]?.subscriptions.includes('topic:held') === true,
        10_000,
      );
    }
    const reconnectMs = performance.now() - reconnectStarted;
    const { heap: afterReconnects } = await subject.request({ cmd: 'heap' }, 'heap');
    const { heap: afterDistinct } = await subject.request(
      { cmd: 'cycles', count: distinct, keys: distinct, prefix: 'distinct' },
      'heap',
    );
    return {
      start,
      afterCycles,
      afterFirstReconnects,
      afterReconnects,
      afterDistinct,
      reconnectMs,
    };
  } finally {
    subject.kill();
    await server.stop();
  }
}
