/**
 * `pnpm bench` for @feedkit/protocol: nanoseconds per decode (JSON.parse +
 * full zod validation) against bare JSON.parse of the same string, measured
 * in the same run. Runs itself twice: with zod's JIT and jitless (what a
 * browser with a strict CSP, no `new Function`, gets).
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { Bench } from 'tinybench';
import * as z from 'zod';
import { story, takhinMetrics } from '../fixtures/benchMessages';

const jitless = process.env.FEEDKIT_BENCH_JITLESS === '1';
// Must be set before any schema is first used: zod compiles object parsers lazily.
if (jitless) z.config({ jitless: true });
const { PlataformaE, Takhin } = await import('../src/index');

const takhinMetricsFrame = () => JSON.stringify(takhinMetrics());
const plataformaEvent = JSON.stringify(story);

const cases = [
  {
    name: `Takhin metrics (${takhinMetricsFrame().length} B)`,
    frame: takhinMetricsFrame(),
    decode: Takhin.adapter.decode,
  },
  {
    name: `Plataforma E story_created (${plataformaEvent.length} B)`,
    frame: plataformaEvent,
    decode: PlataformaE.adapter.decode,
  },
];

for (const { frame, decode } of cases) {
  const result = decode(frame);
  if (result.kind !== 'message')
    throw new Error(`bench vector does not decode: ${JSON.stringify(result)}`);
}

let sink: unknown;
const bench = new Bench({ time: 1500, warmupTime: 300 });
for (const { name, frame, decode } of cases) {
  bench.add(`${name} JSON.parse`, () => {
    sink = JSON.parse(frame);
  });
  bench.add(`${name} decode`, () => {
    sink = decode(frame);
  });
}
await bench.run();
void sink;

const nsPerOp = (taskName: string) => {
  const task = bench.tasks.find((t) => t.name === taskName);
  const result = task?.result as { latency?: { mean: number } } | undefined;
  if (!result?.latency) throw new Error(`no result for ${taskName}`);
  return result.latency.mean * 1e6;
};

const rows = cases.map(({ name }) => {
  const parse = nsPerOp(`${name} JSON.parse`);
  const decode = nsPerOp(`${name} decode`);
  return {
    message: name,
    'JSON.parse ns': Math.round(parse),
    'decode ns': Math.round(decode),
    ratio: +(decode / parse).toFixed(2),
  };
});

if (process.env.FEEDKIT_BENCH_CHILD === '1') {
  process.stdout.write(JSON.stringify(rows));
} else {
  console.log(
    `@feedkit/protocol decode (zod ${jitless ? 'jitless' : 'JIT'}), node ${process.version}`,
  );
  console.table(rows);
  // The jitless figure from a fresh process, so no schema was compiled with the JIT first.
  const child = execFileSync(
    process.execPath,
    [...process.execArgv, fileURLToPath(import.meta.url)],
    {
      env: { ...process.env, FEEDKIT_BENCH_JITLESS: '1', FEEDKIT_BENCH_CHILD: '1' },
      encoding: 'utf8',
    },
  );
  console.log('@feedkit/protocol decode (zod jitless: strict CSP, no new Function)');
  console.table(JSON.parse(child));
  console.log(
    'Target: metrics decode <= 1.3x JSON.parse with the JIT. Ratios are measured in this run.',
  );
}
