import { measureMemory } from './memory';
import { fmt, progress, table } from './table';

const MEMORY_CYCLES = 10_000;
const MEMORY_RECONNECTS = Number(process.env.BENCH_MEMORY_RECONNECTS ?? 1000);

export async function memorySection(startedAt: number): Promise<void> {
  const m = await measureMemory(MEMORY_CYCLES, MEMORY_RECONNECTS, MEMORY_CYCLES);
  progress(startedAt, 'memory');
  const kb = (bytes: number) => fmt(bytes / 1024, 0);
  const vs = (bytes: number) =>
    `${bytes >= m.start ? '+' : ''}${fmt(((bytes - m.start) / m.start) * 100, 1)}%`;
  console.log(
    `\n6. Memory: heapUsed of one client in its own process (--expose-gc, 2 x gc before each reading); ${fmt(MEMORY_RECONNECTS)} reconnects took ${fmt(m.reconnectMs / 1000, 1)} s\n`,
  );
  table(
    ['reading', 'heap KB', 'vs start', 'target'],
    [
      [
        'before warm-up (socket open, 1,000 cycles on the same 100 keys, nothing delivered)',
        kb(m.beforeWarmup),
        vs(m.beforeWarmup),
        '',
      ],
      ['BASELINE: + warm-up of 1,000 messages delivered and 100 reconnects', kb(m.start), '', ''],
      [
        `after ${fmt(MEMORY_CYCLES)} subscribe/unsubscribe cycles (100 topic keys)`,
        kb(m.afterCycles),
        vs(m.afterCycles),
        'within 5%',
      ],
      [
        `after ${fmt(Math.floor(MEMORY_RECONNECTS / 10))} reconnects (server drops, client replays)`,
        kb(m.afterFirstReconnects),
        vs(m.afterFirstReconnects),
        '',
      ],
      [
        `after ${fmt(MEMORY_RECONNECTS)} reconnects (one message delivered after each)`,
        kb(m.afterReconnects),
        vs(m.afterReconnects),
        'within 5%',
      ],
      [
        `after ${fmt(MEMORY_CYCLES)} more cycles over ${fmt(MEMORY_CYCLES)} DISTINCT keys`,
        kb(m.afterDistinct),
        vs(m.afterDistinct),
        '(not in target)',
      ],
    ],
  );
  const tail = MEMORY_RECONNECTS - Math.floor(MEMORY_RECONNECTS / 10);
  console.log(
    `   reconnects ${fmt(Math.floor(MEMORY_RECONNECTS / 10))} -> ${fmt(MEMORY_RECONNECTS)}: ${fmt((m.afterReconnects - m.afterFirstReconnects) / tail, 0)} bytes per reconnect (heapUsed includes V8's compiled code, which grows as paths get optimized)`,
  );
  console.log(
    `   distinct keys: ${fmt((m.afterDistinct - m.afterReconnects) / MEMORY_CYCLES, 0)} bytes kept per feed key ever requested`,
  );
  const data = (heap: number, code: number) => heap - code;
  const dataGrowth =
    (data(m.afterReconnects, m.codeAfterReconnects) - data(m.start, m.codeStart)) /
    data(m.start, m.codeStart);
  console.log(
    `   V8 code space: ${kb(m.codeStart)} KB at the baseline, ${kb(m.codeAfterReconnects)} KB after ${fmt(MEMORY_RECONNECTS)} reconnects; heap without it: ${dataGrowth >= 0 ? '+' : ''}${fmt(dataGrowth * 100, 1)}% after the reconnects`,
  );
}
