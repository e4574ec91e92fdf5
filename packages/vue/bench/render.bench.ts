/**
 * Update cost for 1,000 components that each show one VeloFlux backend,
 * through the real client and reference server (the same setup as
 * @feedkit/react's render bench, so the figures sit side by side):
 *
 * - `useBackends({ select, isEqual })`: only the row whose backend changed
 *   is triggered and re-rendered;
 * - a naive `shallowRef` + `feed.subscribe` per row: every row is assigned a
 *   new object, so every row re-renders on every message.
 *
 * Time runs from the client handing the message to its listeners to the
 * changed row's `onUpdated` (its DOM patched), so socket and decode time are
 * left out and the figure is Vue work only.
 *
 * Run: pnpm --filter @feedkit/vue bench
 */

import { Window } from 'happy-dom';
import {
  FLEET_SIZE,
  fleetAddress,
  fleetBackendStatus,
  sameBackend,
} from '../../protocol/fixtures/backendFleet';

// Vue's DOM renderer needs a document; happy-dom gives one without a browser.
const window = new Window();
Object.assign(globalThis, {
  window,
  document: window.document,
  navigator: window.navigator,
  // runtime-dom checks `instanceof SVGElement` when mounting.
  SVGElement: window.SVGElement,
  Element: window.Element,
});

const { createClient, veloflux } = await import('@feedkit/client');
const { startReferenceServer } = await import('@feedkit/reference-server');
const { createApp, defineComponent, h, onUnmounted, onUpdated, shallowRef, version } = await import(
  'vue'
);
const { feedkit } = await import('../src/feedkit');
const { useBackends } = await import('../src/systems/veloflux');
type Backend = import('@feedkit/protocol').VeloFlux.Backend;
type VeloClient = import('../src/systems/veloflux').VeloFluxClient;

const UPDATES = Number(process.env.UPDATES ?? 60);
const WARMUP = 10;

/** Connections per backend; each update changes exactly one. */
const counts: number[] = new Array(FLEET_SIZE).fill(0);
const message = () => fleetBackendStatus((i) => counts[i]!);

/** Resolved by the row that is expected to change, when it has patched. */
let onPatched: ((address: string, connections: number) => void) | undefined;
let renders = 0;

const row = (addr: string, b: Backend | undefined) => {
  renders++;
  return h('li', b ? `${addr} ${b.status} ${b.connections}` : addr);
};

const SelectorRow = defineComponent({
  props: { address: { type: String, required: true } },
  setup(props) {
    // Read once: a props proxy read a million times per update (1,000 rows
    // x 1,000 backends) would dominate the figure, in both variants.
    const addr = props.address;
    const b = useBackends({
      select: (m) => m.backends.find((x) => x.address === addr),
      isEqual: sameBackend,
    });
    onUpdated(() => onPatched?.(addr, b.value?.connections ?? -1));
    return () => row(addr, b.value);
  },
});

const NaiveRow = defineComponent({
  props: { address: { type: String, required: true } },
  setup(props) {
    const client = clientOf();
    const addr = props.address;
    const b = shallowRef<Backend | undefined>(undefined);
    const s = client.feed('backends').subscribe((m) => {
      b.value = m.backends.find((x) => x.address === addr);
    });
    onUnmounted(() => s.unsubscribe());
    onUpdated(() => onPatched?.(addr, b.value?.connections ?? -1));
    return () => row(addr, b.value);
  },
});

let current: VeloClient | undefined;
const clientOf = () => current!;

async function run(kind: 'selector' | 'naive') {
  counts.fill(0);
  const server = await startReferenceServer({ simulate: false, timeScale: 1000, seed: 1 });
  const client: VeloClient = createClient({
    url: server.wsUrl,
    protocol: veloflux(),
    lifecycle: false,
  });
  current = client;
  const feed = client.feed('backends');
  let deliveredAt = 0;
  // Registered before any row, so it runs first when a message is delivered.
  const stop = feed.listen(() => {
    deliveredAt = performance.now();
  });
  const Row = kind === 'selector' ? SelectorRow : NaiveRow;
  const app = createApp({
    render: () =>
      h(
        'ul',
        Array.from({ length: FLEET_SIZE }, (_, i) => h(Row, { key: i, address: fleetAddress(i) })),
      ),
  });
  app.use(feedkit, { client });
  app.mount(window.document.createElement('div') as unknown as Element);
  await server.waitForConnections((cs) => cs.some((c) => c.path === '/api/ws/backends'));

  const times: number[] = [];
  const rendersPerUpdate: number[] = [];
  for (let n = 0; n < WARMUP + UPDATES; n++) {
    const changed = (n * 37) % FLEET_SIZE;
    const patched = new Promise<number>((resolve) => {
      onPatched = (a, connections) => {
        if (a === fleetAddress(changed) && connections === n + 1) resolve(performance.now());
      };
    });
    counts[changed] = n + 1;
    renders = 0;
    server.emit('veloflux', message());
    const at = await patched;
    // The rest of the same flush (naive: the other 999 rows) has run by the next macrotask.
    await new Promise((resolve) => setImmediate(resolve));
    if (n >= WARMUP) {
      times.push(at - deliveredAt);
      rendersPerUpdate.push(renders);
    }
  }
  app.unmount();
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
  `@feedkit/vue render bench: ${FLEET_SIZE} rows, ${UPDATES} updates, Vue ${version} (${process.env.NODE_ENV ?? 'development'})`,
);
console.log(fmt(naive));
console.log(fmt(selector));
console.log(`speed-up (naive / selector, mean): ${(naive.meanMs / selector.meanMs).toFixed(1)}x`);
await window.happyDOM.close();
