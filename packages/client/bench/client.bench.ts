/**
 * `pnpm --filter @feedkit/client bench`: the client against its baselines,
 * all in one run on this machine. It reports figures; targets are printed
 * beside them, nothing fails.
 *   1. throughput through the client vs a bare `ws` client doing JSON.parse;
 *   2. the same payloads through socket.io (server and client);
 *   3. reconnect: restart() resolved -> 100 subscriptions replayed -> first message on each;
 *   4. herd: 1,000 clients after a restart, largest share of attempts in any 100 ms window;
 *   5. bundle: min+gzip for the browser beside socket.io-client and centrifuge;
 *   6. memory: heap after 10,000 subscribe/unsubscribe cycles and 1,000 reconnects.
 * Sections can be picked with BENCH_ONLY=throughput,reconnect,herd,bundle,memory.
 */
import { availableParallelism, loadavg } from 'node:os';
import type { BlastReport } from './blastServers';
import { Child } from './Child';
import { type PayloadName, payloadLabel } from './payloads';
import { type ClientKind, type Run, runBare, runFeedkit, runSocketIo } from './throughput';

const only = new Set(
  (process.env.BENCH_ONLY ?? 'throughput,reconnect,herd,bundle,memory').split(','),
);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const MESSAGES: Record<PayloadName, number> = {
  metrics: Number(process.env.BENCH_METRICS_MESSAGES ?? 40_000),
  story: Number(process.env.BENCH_STORY_MESSAGES ?? 100_000),
};

export const fmt = (n: number, digits = 0): string =>
  Number.isFinite(n)
    ? n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits })
    : 'n/a';

/** Prints a table with a header row; the first column left-aligned, the rest right-aligned. */
export function table(header: readonly string[], rows: readonly (readonly string[])[]): void {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const row of rows) console.log(line(row));
}

const progress = (startedAt: number, what: string) =>
  console.error(`  [${fmt((performance.now() - startedAt) / 1000, 1)} s] ${what}`);

// ---- 1 + 2: throughput ----------------------------------------------------------

const kinds: readonly ClientKind[] = [
  'bare ws + JSON.parse',
  'feedkit, 1 subscriber',
  'feedkit, 100 subscribers',
  'socket.io',
];

interface Best {
  /** Best messages per wall-clock second over the rounds. */
  perSecond: number;
  /** Best messages per CPU second of the client process. */
  perCpuSecond: number;
  serverMs: number;
}

async function throughputSection(startedAt: number): Promise<void> {
  const servers = new Child<BlastReport>('./blastServers.ts');
  const { ready } = await servers.request(undefined, 'ready');
  const best = new Map<string, Best>();
  const payloadNames: PayloadName[] = ['metrics', 'story'];
  // Rounds alternate every client and payload, so each sees the same machine load; the best round counts.
  for (let round = 1; round <= ROUNDS; round++) {
    for (const payload of payloadNames) {
      for (const kind of kinds) {
        const n = MESSAGES[payload];
        servers.unclaimed.length = 0;
        await servers.request({ cmd: 'arm', payload, n }, 'armed');
        let run: Run;
        if (kind === 'bare ws + JSON.parse') run = await runBare(ready.wsPort, payload, n);
        else if (kind === 'socket.io') run = await runSocketIo(ready.socketIoPort, n);
        else
          run = await runFeedkit(
            ready.wsPort,
            payload,
            n,
            kind === 'feedkit, 1 subscriber' ? 1 : 100,
          );
        const { sent } = await servers.request(undefined, 'sent');
        const key = `${payload}|${kind}`;
        const previous = best.get(key);
        const perSecond = run.messages / (run.wallMs / 1000);
        const perCpuSecond = run.messages / (run.cpuMs / 1000);
        best.set(key, {
          perSecond: Math.max(previous?.perSecond ?? 0, perSecond),
          perCpuSecond: Math.max(previous?.perCpuSecond ?? 0, perCpuSecond),
          serverMs: Math.min(previous?.serverMs ?? Number.POSITIVE_INFINITY, sent.ms),
        });
      }
    }
    progress(startedAt, `throughput round ${round}/${ROUNDS}`);
  }
  servers.kill();

  console.log(
    `\n1+2. Throughput: messages/s until the N-th is delivered (best of ${ROUNDS} alternating rounds)`,
  );
  console.log(
    '     server: a minimal ws server (child process) writing N pre-encoded frames on the system path, 256 per write;',
  );
  console.log(
    '     socket.io: its own server (same child) emitting the same object N times over the websocket transport.',
  );
  console.log(
    '     "per CPU s" = messages per second of this process\'s CPU time: robust to the other load on the machine.\n',
  );
  for (const payload of payloadNames) {
    const bare = best.get(`${payload}|bare ws + JSON.parse`) as Best;
    const sio = best.get(`${payload}|socket.io`) as Best;
    console.log(`${payloadLabel(payload)}, N = ${fmt(MESSAGES[payload])}`);
    const rows = kinds.map((kind) => {
      const b = best.get(`${payload}|${kind}`) as Best;
      const target =
        kind === 'feedkit, 1 subscriber'
          ? `>= 0.85x bare; >= ${payload === 'story' ? '3' : '1.5'}x socket.io`
          : kind === 'feedkit, 100 subscribers'
            ? '>= 0.75x bare'
            : '';
      return [
        kind,
        fmt(b.perSecond),
        `${fmt(b.perSecond / bare.perSecond, 2)}x`,
        kind.startsWith('feedkit') ? `${fmt(b.perSecond / sio.perSecond, 2)}x` : '',
        fmt(b.perCpuSecond),
        `${fmt(b.perCpuSecond / bare.perCpuSecond, 2)}x`,
        kind.startsWith('feedkit') ? `${fmt(b.perCpuSecond / sio.perCpuSecond, 2)}x` : '',
        fmt(b.serverMs),
        target,
      ];
    });
    table(
      [
        'client',
        'msg/s',
        'vs bare',
        'vs s.io',
        'msg/CPU s',
        'vs bare',
        'vs s.io',
        'server ms',
        'target',
      ],
      rows,
    );
    console.log('');
  }
}

// ---- run ------------------------------------------------------------------------

async function main(): Promise<void> {
  const startedAt = performance.now();
  console.log(
    `@feedkit/client bench, node ${process.version}, ${availableParallelism()} cores, load ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}`,
  );
  if (only.has('throughput')) await throughputSection(startedAt);
  console.log(
    `total bench time: ${fmt((performance.now() - startedAt) / 1000, 1)} s; load at the end ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}`,
  );
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
