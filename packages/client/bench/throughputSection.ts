import type { BlastReport } from './blastServers';
import { Child } from './Child';
import { type PayloadName, payloadLabel } from './payloads';
import { fmt, progress, table } from './table';
import { type ClientKind, type Run, runBare, runFeedkit, runSocketIo } from './throughput';

const MESSAGES: Record<PayloadName, number> = {
  metrics: Number(process.env.BENCH_METRICS_MESSAGES ?? 20_000),
  story: Number(process.env.BENCH_STORY_MESSAGES ?? 50_000),
};

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

const payloadNames: readonly PayloadName[] = ['metrics', 'story'];

export async function throughputSection(startedAt: number, rounds: number): Promise<void> {
  const best = await measureBest(startedAt, rounds);
  printThroughput(best, rounds);
}

/** The best figures of every payload and client over `rounds`, keyed `payload|kind`. */
async function measureBest(startedAt: number, rounds: number): Promise<Map<string, Best>> {
  const servers = new Child<BlastReport>('./blastServers.ts');
  const { ready } = await servers.request(undefined, 'ready');
  const best = new Map<string, Best>();
  // Rounds alternate every client and payload, so each sees the same machine load; the best round counts.
  for (let round = 1; round <= rounds; round++) {
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
    progress(startedAt, `throughput round ${round}/${rounds}`);
  }
  servers.kill();
  return best;
}

function printThroughput(best: Map<string, Best>, rounds: number): void {
  console.log(
    `\n1+2. Throughput: messages/s until the N-th is delivered (best of ${rounds} alternating rounds)`,
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
          ? `>= ${payload === 'story' ? '0.75' : '0.85'}x bare; >= ${payload === 'story' ? '3' : '1.5'}x socket.io`
          : kind === 'feedkit, 100 subscribers'
            ? `>= ${payload === 'story' ? '0.65' : '0.75'}x bare`
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
    const one = best.get(`${payload}|feedkit, 1 subscriber`) as Best;
    const hundred = best.get(`${payload}|feedkit, 100 subscribers`) as Best;
    console.log(
      `client CPU per message: bare ${fmt(1e6 / bare.perCpuSecond, 1)} µs, feedkit ${fmt(1e6 / one.perCpuSecond, 1)} µs, socket.io ${fmt(1e6 / sio.perCpuSecond, 1)} µs; each extra subscriber ${fmt((1e6 / hundred.perCpuSecond - 1e6 / one.perCpuSecond) / 99, 2)} µs`,
    );
    console.log('');
  }
}
