/**
 * `pnpm bench` for @feedkit/protocol: nanoseconds per decode (JSON.parse +
 * full zod validation) against bare JSON.parse of the same string, measured
 * in the same run. Runs itself twice: with zod's JIT and jitless (what a
 * browser with a strict CSP, no `new Function`, gets).
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { Bench } from 'tinybench';
import { z } from 'zod';

const jitless = process.env.FEEDKIT_BENCH_JITLESS === '1';
// Must be set before any schema is first used: zod compiles object parsers lazily.
if (jitless) z.config({ jitless: true });
const { PlataformaE, Takhin } = await import('../src/index');

/** A Takhin metrics message of about 1.5 KB: the seed's example with four topics and two groups. */
function takhinMetricsFrame(): string {
  const topic = (name: string) => ({
    name,
    partitions: 3,
    totalMessages: 10000,
    totalBytes: 5242880,
    produceRate: 500.0,
    fetchRate: 400.0,
  });
  const group = (groupId: string, topic: string) => ({
    groupId,
    totalLag: 150,
    topicLags: [
      {
        topic,
        totalLag: 150,
        partitionLags: [0, 1].map((partition) => ({
          partition,
          currentOffset: 8500,
          logEndOffset: 8575,
          lag: 75,
        })),
      },
    ],
  });
  return JSON.stringify({
    type: 'metrics',
    timestamp: 1704225600,
    data: {
      throughput: {
        produceRate: 1500.5,
        fetchRate: 1200.3,
        produceBytes: 1048576,
        fetchBytes: 819200,
      },
      latency: {
        produceP50: 5.2,
        produceP95: 12.8,
        produceP99: 25.6,
        fetchP50: 3.1,
        fetchP95: 8.5,
        fetchP99: 15.2,
      },
      topicStats: [topic('orders'), topic('payments'), topic('audit-log'), topic('clickstream')],
      consumerLags: [group('billing', 'payments'), group('analytics', 'orders')],
      clusterHealth: {
        activeConnections: 5,
        totalTopics: 10,
        totalPartitions: 30,
        totalConsumers: 3,
        diskUsageBytes: 10485760,
        memoryUsageBytes: 52428800,
        goroutineCount: 125,
      },
    },
  });
}

/** The seed's story_created event: a small Plataforma E message. */
const plataformaEvent = JSON.stringify({
  type: 'story_created',
  data: { story_id: 'STR-0001', title: 'Implementar login', project_id: 'PROJ-001' },
  timestamp: '2025-01-15T10:30:00Z',
  message_id: 'abc123',
  project_id: 'PROJ-001',
  story_id: 'STR-0001',
});

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
