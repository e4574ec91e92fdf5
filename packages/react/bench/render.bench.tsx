/**
 * Render cost per update for 1,000 components that each show one VeloFlux
 * backend, through the real client and reference server:
 *
 * - `useBackends({ select, isEqual })`: only the row whose backend changed re-renders;
 * - a naive `useState` + `useEffect` subscription: every row re-renders on every message.
 *
 * Time is measured from the client handing the message to its listeners to
 * the commit of the changed row, so socket and decode time are left out and
 * the figure is React work only. Both variants run in the same process,
 * against the same server, on the same messages.
 *
 * Run: pnpm --filter @feedkit/react bench
 */

import { Window } from 'happy-dom';
import {
  FLEET_SIZE,
  fleetAddress,
  fleetBackendStatus,
  sameBackend,
} from '../../protocol/fixtures/backendFleet';

// React DOM needs a document; happy-dom gives one without a browser.
const window = new Window();
Object.assign(globalThis, { window, document: window.document, navigator: window.navigator });

const { createClient, veloflux } = await import('@feedkit/client');
const { startReferenceServer } = await import('@feedkit/reference-server');
const { createElement, useEffect, useLayoutEffect, useState } = await import('react');
const { createRoot } = await import('react-dom/client');
const { flushSync } = await import('react-dom');
const { FeedkitProvider } = await import('../src/FeedkitProvider');
const { useBackends } = await import('../src/systems/veloflux');
const { default: WebSocket } = await import('ws');
type Backend = import('@feedkit/protocol').VeloFlux.Backend;

const UPDATES = Number(process.env.UPDATES ?? 60);
const WARMUP = 10;

/** Connections per backend; each update changes exactly one. */
const counts: number[] = new Array(FLEET_SIZE).fill(0);
const message = () => fleetBackendStatus((i) => counts[i]!);

/** Resolved by the row that is expected to change, when it commits. */
let onCommit: ((address: string, connections: number) => void) | undefined;
let renders = 0;

function Row({ address, b }: { address: string; b: Backend | undefined }) {
  renders++;
  useLayoutEffect(() => onCommit?.(address, b?.connections ?? -1));
  return createElement('li', null, b ? `${address} ${b.status} ${b.connections}` : address);
}

function SelectorRow({ address }: { address: string }) {
  const b = useBackends({
    select: (m) => m.backends.find((x) => x.address === address),
    isEqual: sameBackend,
  });
  return createElement(Row, { address, b });
}

function NaiveRow({ address, client }: { address: string; client: VeloClient }) {
  const [b, setB] = useState<Backend | undefined>(undefined);
  useEffect(() => {
    const s = client
      .feed('backends')
      .subscribe((m) => setB(m.backends.find((x) => x.address === address)));
    return () => s.unsubscribe();
  }, [client, address]);
  return createElement(Row, { address, b });
}

type VeloClient = ReturnType<typeof createClient<ReturnType<typeof veloflux>>>;

async function run(kind: 'selector' | 'naive') {
  counts.fill(0);
  const server = await startReferenceServer({ simulate: false, timeScale: 1000, seed: 1 });
  const client: VeloClient = createClient({
    url: server.wsUrl,
    protocol: veloflux(),
    lifecycle: false,
    WebSocket: WebSocket as never,
  });
  const feed = client.feed('backends');
  let deliveredAt = 0;
  // Registered before any row, so it runs first when a message is delivered.
  const stop = feed.listen(() => {
    deliveredAt = performance.now();
  });
  const container = window.document.createElement('div');
  const root = createRoot(container as unknown as Element);
  const rows = Array.from({ length: FLEET_SIZE }, (_, i) =>
    kind === 'selector'
      ? createElement(SelectorRow, { key: i, address: fleetAddress(i) })
      : createElement(NaiveRow, { key: i, address: fleetAddress(i), client }),
  );
  flushSync(() => root.render(createElement(FeedkitProvider, { client, children: rows })));
  await server.waitForConnections((cs) => cs.some((c) => c.path === '/api/ws/backends'));

  const times: number[] = [];
  const rendersPerUpdate: number[] = [];
  for (let n = 0; n < WARMUP + UPDATES; n++) {
    const changed = (n * 37) % FLEET_SIZE;
    const committed = new Promise<number>((resolve) => {
      onCommit = (a, connections) => {
        if (a === fleetAddress(changed) && connections === n + 1) resolve(performance.now());
      };
    });
    renders = 0;
    counts[changed] = n + 1;
    server.emit('veloflux', message());
    const at = await committed;
    if (n >= WARMUP) {
      times.push(at - deliveredAt);
      rendersPerUpdate.push(renders);
    }
  }
  root.unmount();
  stop();
  client.close();
  await server.stop();
  times.sort((a, b) => a - b);
  const mean = times.reduce((a, b) => a + b, 0) / times.length;
  return {
    kind,
    meanMs: mean,
    p50Ms: times[Math.floor(times.length / 2)]!,
    rows: Math.max(...rendersPerUpdate),
  };
}

const naive = await run('naive');
const selector = await run('selector');
const fmt = (r: typeof naive) =>
  `${r.kind.padEnd(9)} mean ${r.meanMs.toFixed(2).padStart(7)} ms  p50 ${r.p50Ms.toFixed(2).padStart(7)} ms  rows re-rendered per update: ${r.rows}`;
console.log(
  `@feedkit/react render bench: ${FLEET_SIZE} rows, ${UPDATES} updates, React ${(await import('react')).version} (${process.env.NODE_ENV ?? 'development'})`,
);
console.log(fmt(naive));
console.log(fmt(selector));
console.log(`speed-up (naive / selector, mean): ${(naive.meanMs / selector.meanMs).toFixed(1)}x`);
await window.happyDOM.close();
