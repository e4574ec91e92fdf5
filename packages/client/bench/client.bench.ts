/**
 * `pnpm --filter @feedkit/client bench`: the client against its baselines,
 * all in one run on this machine. It reports figures; targets are printed
 * beside them, nothing fails.
 *   1. throughput through the client vs a bare `ws` client doing JSON.parse;
 *   2. the same payloads through socket.io (server and client);
 *   3. reconnect: restart() resolved -> 100 subscriptions replayed -> first message on each;
 *   4. herd: 1,000 clients after a restart, largest share of attempts in any 100 ms window;
 *   5. bundle: min+gzip for the browser, from the built packages, beside socket.io-client and centrifuge;
 *   6. memory: heap after 10,000 subscribe/unsubscribe cycles and 1,000 reconnects, against a warmed-up baseline;
 *   7. tabs: five Chromium tabs through one shared socket (`share: tabs()`) vs five sockets.
 * Sections can be picked with BENCH_ONLY=throughput,reconnect,herd,bundle,memory,tabs. `pnpm bench`
 * runs the throughput section a second time under --disallow-code-generation-from-strings.
 */
import { availableParallelism, loadavg } from 'node:os';
import {
  type BundleSize,
  bundleNames,
  clientSystemFigure,
  clientSystems,
  measureBundle,
} from './bundle';
import { measureHerd, WINDOW_MS } from './herd';
import { memorySection } from './memorySection';
import { measureReconnect } from './reconnect';
import { measureRecovery } from './recovery';
import { fmt, progress, table } from './table';
import { measureTabs, TABS } from './tabs';
import { throughputSection } from './throughputSection';

const only = new Set(
  (process.env.BENCH_ONLY ?? 'throughput,reconnect,herd,bundle,memory,tabs').split(','),
);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 2);
const RECONNECT_TOPICS = 100;
const RECONNECT_ROUNDS = Number(process.env.BENCH_RECONNECT_ROUNDS ?? 20);
const HERD_CLIENTS = Number(process.env.BENCH_HERD_CLIENTS ?? 1000);

// ---- 3: reconnect ---------------------------------------------------------------

const percentile = (values: readonly number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] as number;
};

async function reconnectSection(startedAt: number): Promise<void> {
  const rounds = await measureReconnect(RECONNECT_TOPICS, RECONNECT_ROUNDS);
  progress(startedAt, 'reconnect');
  console.log(
    `\n3. Reconnect: ${RECONNECT_TOPICS} Takhin topic feeds on one socket, zero backoff, ${RECONNECT_ROUNDS} server restarts (reference server, same process)`,
  );
  console.log(
    '   clock starts when restart() resolves; "replayed" = connections() shows all 100 topics; "delivered" = one message emitted per topic then, seen by every feed\n',
  );
  const row = (label: string, pick: (r: (typeof rounds)[0]) => number) => {
    const values = rounds.map(pick);
    return [
      label,
      fmt(percentile(values, 0.5), 1),
      fmt(percentile(values, 0.9), 1),
      fmt(Math.max(...values), 1),
    ];
  };
  table(
    ['ms from restart() resolved', 'p50', 'p90', 'max'],
    [
      row('all 100 subscriptions replayed', (r) => r.replayedMs),
      row('+ first message on every feed', (r) => r.deliveredMs),
    ],
  );
}

// ---- 4: herd ----------------------------------------------------------------------

async function herdSection(startedAt: number): Promise<void> {
  const herd = await measureHerd(HERD_CLIENTS);
  progress(startedAt, 'herd');
  const share = (w: readonly number[]) => {
    const total = w.reduce((a, b) => a + b, 0);
    const max = Math.max(...w);
    return { total, max, share: max / Math.max(1, total), at: w.indexOf(max) };
  };
  const server = share(herd.serverWindows);
  const client = share(herd.clientWindows);
  console.log(
    `\n4. Herd: ${fmt(herd.clients)} feedkit clients (own process; opened in ${fmt(herd.openMs / 1000, 1)} s) on the reference server, which restarts (restart() took ${fmt(herd.restartMs)} ms)`,
  );
  console.log(
    `   backoff: the default decorrelatedJitterBackoff() unscaled (uniform in [1 s, 3 x previous), cap 4 s visible / 30 s hidden); ${WINDOW_MS} ms windows from the moment restart() was called; fd limit: see \`ulimit -n\` (${HERD_CLIENTS * 2} sockets needed)\n`,
  );
  table(
    ['reconnects', 'count', 'spread (s)', 'largest window', 'share', 'target'],
    [
      [
        'server-side accepts (connectedAt)',
        fmt(server.total),
        fmt((herd.serverWindows.length * WINDOW_MS) / 1000, 1),
        `${fmt(server.max)} at +${fmt(server.at * WINDOW_MS)} ms`,
        `${fmt(server.share * 100, 1)}%`,
        '<= 15%',
      ],
      [
        'client-side attempts (incl. refused)',
        fmt(client.total),
        fmt((herd.clientWindows.length * WINDOW_MS) / 1000, 1),
        `${fmt(client.max)} at +${fmt(client.at * WINDOW_MS)} ms`,
        `${fmt(client.share * 100, 1)}%`,
        '',
      ],
    ],
  );
  const spark = (w: readonly number[]) => w.map((n) => fmt(n)).join(' ');
  console.log(`   accepts per window:  ${spark(herd.serverWindows)}`);
  console.log(`   attempts per window: ${spark(herd.clientWindows)}`);
  await recoveryLines(startedAt, server.share);
}

const RECOVERY_CLIENTS = 50;
const OUTAGE_MS = 10_000;

/** Recovery beside the herd: the same default backoff must be fast for one client and spread for many. */
async function recoveryLines(startedAt: number, herdShare: number): Promise<void> {
  const ms = (await measureRecovery(RECOVERY_CLIENTS, OUTAGE_MS)).sort((a, b) => a - b);
  progress(startedAt, 'recovery');
  const at = (q: number) => ms[Math.min(ms.length - 1, Math.floor(q * ms.length))] as number;
  console.log(
    `\n   Recovery: ${fmt(RECOVERY_CLIENTS)} independent clients, default settings, the server down ${fmt(OUTAGE_MS / 1000)} s (port refusing); ms from the server listening again to each client's first message\n`,
  );
  table(
    ['default backoff', 'p50', 'p90', 'max', 'target'],
    [
      [
        `one client after a ${fmt(OUTAGE_MS / 1000)} s outage (ms)`,
        fmt(at(0.5)),
        fmt(at(0.9)),
        fmt(ms.at(-1) as number),
        'p50 <= 3,000',
      ],
    ],
  );
  console.log(
    `   herd beside it: largest 100 ms window ${fmt(herdShare * 100, 1)}% of reconnects (target <= 15%)`,
  );
}

// ---- 5: bundle ----------------------------------------------------------------------

async function bundleSection(startedAt: number): Promise<void> {
  const sizes: BundleSize[] = [];
  for (const name of bundleNames) sizes.push(await measureBundle(name));
  const systems = [];
  for (const system of clientSystems) systems.push(await clientSystemFigure(system));
  progress(startedAt, 'bundle');
  const kb = (bytes: number) => fmt(bytes / 1024, 1);
  console.log(
    '\n5. Bundle: esbuild (platform browser, ESM, es2022, minify, NODE_ENV=production) of a tiny entry that uses the library,\n   from the BUILT packages through their exports, all deps included; zlib gzip -9 (protocol/bench/browserBundle.ts)\n',
  );
  const target = (name: string) => (name === 'feedkit (@feedkit/client/takhin)' ? '<= 14 KB' : '');
  table(
    ['library (createClient + takhin + 1 feed)', 'min KB', 'min+gzip KB', 'target'],
    sizes.map((s) => [s.name, kb(s.minified), kb(s.gzip), target(s.name)]),
  );
  console.log('\n   every system through its own entry (createClient + binding + any feed)\n');
  table(
    ['entry', 'min KB', 'min+gzip KB', 'zod min KB', 'other systems inside'],
    systems.map((f) => [
      f.entry,
      kb(f.minified),
      kb(f.gzip),
      kb(f.zod),
      f.others.join(', ') || 'none',
    ]),
  );
  for (const variant of sizes.filter((s) => s.name.startsWith('feedkit'))) {
    console.log(
      `\n   ${variant.name} per package (marginal gzip = what leaving the package out saves)\n`,
    );
    table(
      ['package', 'min KB', 'share of min', 'marginal gzip KB'],
      variant.packages.map((p) => [
        p.name,
        kb(p.minified),
        `${fmt((p.minified / variant.minified) * 100, 1)}%`,
        p.marginalGzip === undefined ? '(entry)' : kb(p.marginalGzip),
      ]),
    );
  }
}

// ---- 7: tabs ----------------------------------------------------------------------

async function tabsSection(startedAt: number): Promise<void> {
  const messages = Number(process.env.BENCH_TABS_MESSAGES ?? 5000);
  const paced = Number(process.env.BENCH_TABS_PACED ?? 300);
  const best = await measureTabs({ rounds: ROUNDS, messages, paced }, (what) =>
    progress(startedAt, what),
  );
  const base = best.get('independent sockets');
  console.log(
    `\n7. Tabs: ${TABS} Chromium tabs reading Takhin metrics; ${fmt(messages)} frames as fast as they go (delivered to every tab), then ${fmt(paced)} frames 3 ms apart (server send -> tab delivery). Best of ${ROUNDS}.\n`,
  );
  table(
    ['sockets', 'msg/s to all tabs', 'vs 5 sockets', 'p50 ms', 'p99 ms', 'hop adds p50', 'p99'],
    [...best].map(([mode, { throughput, latency }]) => [
      mode,
      fmt(throughput.perSecond),
      base ? `${fmt(throughput.perSecond / base.throughput.perSecond, 2)}x` : '',
      fmt(latency.p50Ms, 2),
      fmt(latency.p99Ms, 2),
      base && mode !== 'independent sockets' ? fmt(latency.p50Ms - base.latency.p50Ms, 2) : '',
      base && mode !== 'independent sockets' ? fmt(latency.p99Ms - base.latency.p99Ms, 2) : '',
    ]),
  );
}

// ---- run ------------------------------------------------------------------------

/** Whether this process may compile code from strings (zod's JIT) or runs as under a strict CSP. */
function codeGeneration(): string {
  try {
    new Function('');
    return 'jit (code generation allowed)';
  } catch {
    return 'NO-EVAL (--disallow-code-generation-from-strings, as under a strict CSP)';
  }
}

async function main(): Promise<void> {
  const startedAt = performance.now();
  console.log(
    `@feedkit/client bench, ${codeGeneration()}, node ${process.version}, ${availableParallelism()} cores, load ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}`,
  );
  if (only.has('throughput')) await throughputSection(startedAt, ROUNDS);
  if (only.has('reconnect')) await reconnectSection(startedAt);
  if (only.has('herd')) await herdSection(startedAt);
  if (only.has('bundle')) await bundleSection(startedAt);
  if (only.has('memory')) await memorySection(startedAt);
  if (only.has('tabs')) await tabsSection(startedAt);
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
