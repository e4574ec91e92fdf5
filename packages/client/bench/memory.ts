/**
 * Memory: the client's heap (its own process, gc before each reading)
 * after a warm-up of everything the measured phases do (subscribe cycles,
 * message delivery, reconnects: V8 compiles and caches as paths warm up,
 * and that is not a leak), then after 10,000 subscribe/unsubscribe cycles
 * over 100 topic feeds, and after 1,000 reconnects (the reference server,
 * in this process, drops the connection; the bench waits until the server
 * sees the client back with its subscription replayed, then delivers one
 * metrics message through the new socket). A last phase cycles through
 * 10,000 DISTINCT topics, which the target does not cover: it shows what
 * the client keeps per feed key it has ever been asked for.
 */
import { type ReferenceServer, startReferenceServer } from '@feedkit/reference-server';
import { Child } from './Child';
import type { MemoryReport } from './memoryClient';
import { payloads } from './payloads';

export interface Memory {
  /** Before any message was delivered (the old baseline): shows what the warm-up adds. */
  readonly beforeWarmup: number;
  /** The baseline: after the warm-up of cycles, delivery and reconnects. */
  readonly start: number;
  readonly afterCycles: number;
  /** After the first tenth of the reconnects: the slope from here to the end tells a leak from warm-up. */
  readonly afterFirstReconnects: number;
  readonly afterReconnects: number;
  readonly afterDistinct: number;
  readonly reconnectMs: number;
  /** V8's compiled code (code space) at the baseline and after the reconnects: warm-up, not data kept. */
  readonly codeStart: number;
  readonly codeAfterReconnects: number;
}

/** Messages delivered in the warm-up, and reconnects in it (a tenth of the measured ones). */
const WARMUP_MESSAGES = 1000;
const WARMUP_RECONNECTS = 100;

type Subject = Child<MemoryReport>;

/** `count` metrics messages emitted by the server, awaited until the client's feed saw them all. */
async function deliver(server: ReferenceServer, subject: Subject, count: number): Promise<void> {
  const { delivered } = await subject.request({ cmd: 'delivered', until: 0 }, 'delivered');
  for (let i = 0; i < count; i++) server.emit('takhin', payloads.metrics.value);
  await subject.request({ cmd: 'delivered', until: delivered + count }, 'delivered');
}

/** The server drops the client; resolves once it is back with its topic replayed and one message delivered. */
async function reconnect(server: ReferenceServer, subject: Subject): Promise<void> {
  const [before] = await server.waitForConnections((c) => c.length === 1);
  server.dropConnections(1012, 'memory bench');
  await server.waitForConnections(
    (c) =>
      c.length === 1 &&
      c[0]?.id !== before?.id &&
      c[0]?.subscriptions.includes('topic:held') === true,
    10_000,
  );
  await deliver(server, subject, 1);
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
    const { heap: beforeWarmup } = await subject.request(
      { cmd: 'start', url: server.wsUrl, warmup: 1000 },
      'heap',
    );
    await deliver(server, subject, WARMUP_MESSAGES);
    for (let i = 0; i < WARMUP_RECONNECTS; i++) await reconnect(server, subject);
    const { heap: start, code: codeStart } = await subject.request({ cmd: 'heap' }, 'heap');
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
      await reconnect(server, subject);
    }
    const reconnectMs = performance.now() - reconnectStarted;
    const { heap: afterReconnects, code: codeAfterReconnects } = await subject.request(
      { cmd: 'heap' },
      'heap',
    );
    const { heap: afterDistinct } = await subject.request(
      { cmd: 'cycles', count: distinct, keys: distinct, prefix: 'distinct' },
      'heap',
    );
    return {
      beforeWarmup,
      start,
      afterCycles,
      afterFirstReconnects,
      afterReconnects,
      afterDistinct,
      reconnectMs,
      codeStart,
      codeAfterReconnects,
    };
  } finally {
    subject.kill();
    await server.stop();
  }
}
