import { createClient, veloflux } from '@feedkit/client';
import type { VeloFlux } from '@feedkit/protocol';
import { mount } from '@vue/test-utils';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { computed, defineComponent, h, nextTick, type ShallowRef, watch } from 'vue';
import {
  FLEET_SIZE,
  fleetAddress,
  fleetBackendStatus,
  sameBackend,
} from '../../protocol/fixtures/backendFleet';
import { feedkit } from '../src/feedkit';
import { useBackends, type VeloFluxClient } from '../src/systems/veloflux';
import { useReferenceServer } from './support/referenceServer';
import { until } from './support/until';

/** Per row: renders, `computed` evaluations and `watch` callbacks. */
const counters = {
  renders: new Map<number, number>(),
  computed: new Map<number, number>(),
  watchers: new Map<number, number>(),
};
const bump = (map: Map<number, number>, i: number) => map.set(i, (map.get(i) ?? 0) + 1);
const touched = (map: Map<number, number>) => [...map.keys()].sort((a, b) => a - b);
const resetCounters = () => {
  for (const map of Object.values(counters)) map.clear();
};

const refs: Readonly<ShallowRef<VeloFlux.Backend | undefined>>[] = [];

const Row = defineComponent({
  props: { index: { type: Number, required: true }, compare: { type: Boolean, required: true } },
  setup(props) {
    const i = props.index;
    const b = useBackends({
      select: (m) => m.backends.find((x) => x.address === fleetAddress(i)),
      isEqual: props.compare ? sameBackend : undefined,
    });
    refs[i] = b;
    const label = computed(() => {
      bump(counters.computed, i);
      return b.value ? `${b.value.address} ${b.value.connections}` : 'waiting';
    });
    watch(b, () => bump(counters.watchers, i));
    return () => {
      bump(counters.renders, i);
      return h('li', label.value);
    };
  },
});

const server = useReferenceServer({ quiet: true });
let client: VeloFluxClient;
beforeEach(() => {
  client = createClient({
    url: server.current.wsUrl,
    protocol: veloflux(),
    backoff: () => 0,
    linger: 0,
  });
  refs.length = 0;
});
afterEach(async () => {
  client.close();
  await server.current.waitForConnections((cs) => cs.length === 0);
});

async function mountRows(compare: boolean) {
  const wrapper = mount(
    defineComponent({
      setup: () => () =>
        h(
          'ul',
          Array.from({ length: FLEET_SIZE }, (_, i) => h(Row, { key: i, index: i, compare })),
        ),
    }),
    { global: { plugins: [[feedkit, { client }]] } },
  );
  await server.current.waitForConnections((cs) => cs.some((c) => c.path === '/api/ws/backends'));
  server.current.emit(
    'veloflux',
    fleetBackendStatus(() => 0),
  );
  await until(refs[FLEET_SIZE - 1]!, (b) => b?.connections === 0);
  await nextTick();
  resetCounters();
  return wrapper;
}

describe('1,000 rows selecting one backend each from VeloFlux backends', () => {
  it('an update to one backend triggers only that row: render, computed and watch', async () => {
    const wrapper = await mountRows(true);
    const changed = 417;
    server.current.emit(
      'veloflux',
      fleetBackendStatus((i) => (i === changed ? 5 : 0)),
    );
    await until(refs[changed]!, (b) => b?.connections === 5);
    await nextTick();
    expect(touched(counters.watchers)).toEqual([changed]);
    expect(touched(counters.computed)).toEqual([changed]);
    expect(touched(counters.renders)).toEqual([changed]);
    expect(wrapper.findAll('li')[changed]!.text()).toBe(`${fleetAddress(changed)} 5`);

    // A message that changes nothing a row shows triggers nothing at all.
    resetCounters();
    server.current.emit(
      'veloflux',
      fleetBackendStatus((i) => (i === changed ? 5 : 0)),
    );
    server.current.emit(
      'veloflux',
      fleetBackendStatus((i) => (i === 3 ? 1 : i === changed ? 5 : 0)),
    );
    await until(refs[3]!, (b) => b?.connections === 1);
    await nextTick();
    expect(touched(counters.renders)).toEqual([3]);
    wrapper.unmount();
  });

  it('without isEqual every watcher and computed runs, since every backend is a new object', async () => {
    const wrapper = await mountRows(false);
    server.current.emit(
      'veloflux',
      fleetBackendStatus((i) => (i === 9 ? 1 : 0)),
    );
    await until(refs[9]!, (b) => b?.connections === 1);
    await nextTick();
    expect(counters.watchers.size).toBe(FLEET_SIZE);
    expect(counters.computed.size).toBe(FLEET_SIZE);
    // Vue still spares the renders: a computed whose string did not change
    // does not trigger its dependents. isEqual spares the rest.
    expect(touched(counters.renders)).toEqual([9]);
    wrapper.unmount();
  });
});
