import {
  activeImmuneCore,
  createClient,
  type FeedkitClient,
  helios,
  type Protocol,
  plataformaE,
  takhin,
  veloflux,
} from '@feedkit/client';
import type { KnownSystem } from '@feedkit/protocol';
import type { ConnectionInfo } from '@feedkit/reference-server';
import { mount } from '@vue/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { defineComponent, effectScope, h, nextTick, type ShallowRef } from 'vue';
import { feedkit } from '../src/feedkit';
import { provideClient } from '../src/provideClient';
import * as AIC from '../src/systems/active-immune-core';
import * as HeliosVue from '../src/systems/helios';
import * as PlataformaEVue from '../src/systems/plataforma-e';
import * as TakhinVue from '../src/systems/takhin';
import * as VeloFluxVue from '../src/systems/veloflux';
import { useReferenceServer } from './support/referenceServer';
import { until } from './support/until';

const server = useReferenceServer();
const iso = () => new Date().toISOString();

interface Case {
  readonly name: string;
  readonly system: KnownSystem;
  readonly protocol: () => Protocol;
  /** Calls the composable under test. */
  readonly use: () => Readonly<ShallowRef<unknown>>;
  /** The server's view once the composable's wire subscription is in place. */
  readonly ready: (c: ConnectionInfo) => boolean;
  /** For event feeds: a message to emit; periodic feeds arrive on their own. */
  readonly emit?: () => unknown;
  /** The message the test waits for (periodic feeds: any of the right type). */
  readonly matches: (message: unknown) => boolean;
}

const typeIs = (type: string) => (m: unknown) => (m as { type?: unknown }).type === type;
const path = (p: string) => (c: ConnectionInfo) => c.path === p;
const sub = (p: string, s: string) => (c: ConnectionInfo) =>
  c.path === p && c.subscriptions.includes(s);
const aicEvent = (event_type: string, data: unknown, room?: string) => ({
  event_type,
  timestamp: iso(),
  data,
  source: 'vue-test',
  ...(room ? { room } : {}),
});
const heliosAdmin = () => helios({ username: 'admin', password: 'admin123' });

const cases: Case[] = [
  {
    name: 'takhin useMetrics',
    system: 'takhin',
    protocol: takhin,
    use: () => TakhinVue.useMetrics(),
    ready: path('/api/monitoring/ws'),
    matches: typeIs('metrics'),
  },
  {
    name: 'takhin useTopicEvents',
    system: 'takhin',
    protocol: takhin,
    use: () => TakhinVue.useTopicEvents('orders'),
    ready: sub('/api/monitoring/ws', 'topic:orders'),
    emit: () => ({
      type: 'topic_deleted',
      timestamp: Math.floor(Date.now() / 1000),
      data: { name: 'orders' },
    }),
    matches: typeIs('topic_deleted'),
  },
  {
    name: 'takhin useConsumerGroup',
    system: 'takhin',
    protocol: takhin,
    use: () => TakhinVue.useConsumerGroup('billing'),
    ready: sub('/api/monitoring/ws', 'group:billing'),
    emit: () => ({
      type: 'group_updated',
      timestamp: Math.floor(Date.now() / 1000),
      data: { groupId: 'billing', state: 'Stable', members: 2 },
    }),
    matches: typeIs('group_updated'),
  },
  ...(
    [
      ['useBackends', () => VeloFluxVue.useBackends(), '/api/ws/backends', 'backend_status'],
      ['useMetrics', () => VeloFluxVue.useMetrics(), '/api/ws/metrics', 'metrics'],
      ['useSystemStatus', () => VeloFluxVue.useSystemStatus(), '/api/ws/status', 'system_status'],
    ] as const
  ).map(
    ([name, use, p, type]): Case => ({
      name: `veloflux ${name}`,
      system: 'veloflux',
      protocol: veloflux,
      use,
      ready: path(p),
      matches: typeIs(type),
    }),
  ),
  {
    name: 'plataforma-e useNotifications',
    system: 'plataforma-e',
    protocol: plataformaE,
    use: () => PlataformaEVue.useNotifications(),
    ready: path('/ws/notifications'),
    emit: () => ({
      type: 'notification',
      data: { title: 'Aviso', message: 'Deploy concluido', level: 'info' },
      timestamp: iso(),
      message_id: 'vue-1',
    }),
    matches: typeIs('notification'),
  },
  {
    name: 'plataforma-e useProjectEvents',
    system: 'plataforma-e',
    protocol: plataformaE,
    use: () => PlataformaEVue.useProjectEvents('PROJ-001'),
    ready: sub('/ws/notifications', 'project:PROJ-001'),
    emit: () => ({
      type: 'story_created',
      data: { story_id: 'STR-0001', title: 'Implementar login', project_id: 'PROJ-001' },
      timestamp: iso(),
      message_id: 'vue-2',
      project_id: 'PROJ-001',
      story_id: 'STR-0001',
    }),
    matches: typeIs('story_created'),
  },
  {
    name: 'plataforma-e useLogs',
    system: 'plataforma-e',
    protocol: plataformaE,
    use: () => PlataformaEVue.useLogs({ level: 'warning' }),
    ready: (c) => c.path === '/ws/logs' && c.query.level === 'warning',
    emit: () => ({
      type: 'log_message',
      data: { level: 'error', message: 'Build falhou', source: 'CI/CD' },
      timestamp: iso(),
      message_id: 'vue-3',
    }),
    matches: typeIs('log_message'),
  },
  ...(
    [
      ['useClusterStatus', () => HeliosVue.useClusterStatus(), 'status', undefined],
      [
        'useStateChanges',
        () => HeliosVue.useStateChanges(),
        'state_changes',
        { type: 'state_change', data: { old_state: 'Follower', new_state: 'Leader', term: 6 } },
      ],
      [
        'usePeerChanges',
        () => HeliosVue.usePeerChanges(),
        'peer_changes',
        {
          type: 'peer_change',
          data: { event_type: 'added', peer_id: 'node4', peer_address: 'localhost:8004' },
        },
      ],
      [
        'useLatency',
        () => HeliosVue.useLatency(),
        'latency',
        {
          type: 'latency',
          data: {
            aggregated: {
              append_entries: { count: 1, avg_value_ms: 2.5, min_value_ms: 1, max_value_ms: 10 },
            },
          },
        },
      ],
      [
        'useUptime',
        () => HeliosVue.useUptime(),
        'uptime',
        {
          type: 'uptime',
          data: { current_uptime: '1h0m0s', total_sessions: 1, total_uptime: '1h0m0s' },
        },
      ],
      [
        'useSnapshots',
        () => HeliosVue.useSnapshots(),
        'snapshot',
        {
          type: 'snapshot',
          data: { index: 1000, term: 5, size_bytes: 1048576, duration_ms: 150 },
        },
      ],
      [
        'useCustomMetrics',
        () => HeliosVue.useCustomMetrics(),
        'custom_metrics',
        {
          type: 'custom_metrics',
          data: { request_count: { type: 'counter', help: 'Total requests', value: 1500 } },
        },
      ],
    ] as const
  ).map(
    ([name, use, flag, message]): Case => ({
      name: `helios ${name}`,
      system: 'helios',
      protocol: heliosAdmin,
      use,
      ready: sub('/ws/cluster', flag),
      emit: message ? () => ({ ...message, timestamp: iso() }) : undefined,
      matches: typeIs(message?.type ?? 'status'),
    }),
  ),
  {
    name: 'active-immune-core useRoomEvents',
    system: 'active-immune-core',
    protocol: activeImmuneCore,
    use: () => AIC.useRoomEvents('agents'),
    ready: sub('/ws', 'room:agents'),
    emit: () =>
      aicEvent(
        'agent_created',
        { agent_id: 'a1', agent_type: 'neutrophil', status: 'active' },
        'agents',
      ),
    matches: (m) => (m as { event_type?: string }).event_type === 'agent_created',
  },
  {
    name: 'active-immune-core useEventType',
    system: 'active-immune-core',
    protocol: activeImmuneCore,
    use: () => AIC.useEventType('leader_elected'),
    ready: sub('/ws', 'event:leader_elected'),
    emit: () => aicEvent('leader_elected', { leader_id: 'agent_7', term: 3 }),
    matches: (m) => (m as { event_type?: string }).event_type === 'leader_elected',
  },
  {
    name: 'active-immune-core useAllEvents',
    system: 'active-immune-core',
    protocol: activeImmuneCore,
    use: () => AIC.useAllEvents(),
    // An empty type filter is "every event" on the server, so there is no topic to see.
    ready: path('/ws'),
    emit: () => aicEvent('leader_elected', { leader_id: 'agent_8', term: 4 }),
    matches: (m) => (m as { event_type?: string }).event_type === 'leader_elected',
  },
];

let client: FeedkitClient | undefined;
afterEach(async () => {
  client?.close();
  client = undefined;
  await server.current.waitForConnections((cs) => cs.length === 0);
});

describe('every named composable renders live data from the reference server', () => {
  it.each(cases)('$name', async ({ system, protocol, use, ready, emit, matches }) => {
    const live = createClient({
      url: server.current.wsUrl,
      protocol: protocol(),
      backoff: () => 0,
      linger: 0,
    });
    client = live;
    let value!: Readonly<ShallowRef<unknown>>;
    const wrapper = mount(
      defineComponent({
        setup() {
          value = use();
          return () => h('p', value.value === undefined ? 'waiting' : JSON.stringify(value.value));
        },
      }),
      { global: { plugins: [[feedkit, { client: live }]] } },
    );
    expect(wrapper.text()).toBe('waiting');
    await server.current.waitForConnections((cs) =>
      cs.some((c) => c.system === system && ready(c)),
    );
    const message = emit?.();
    if (message) server.current.emit(system, message);
    const received = await until(value, (v) => v !== undefined && matches(v));
    if (message) expect(received).toEqual(message);
    await nextTick();
    // Periodic feeds may have moved on since; the DOM shows whatever is latest.
    expect(wrapper.text()).toBe(JSON.stringify(value.value));
    wrapper.unmount();
  });
});

describe('the runtime system check', () => {
  it('a Takhin composable under a VeloFlux client says which client is missing', () => {
    const velo = createClient({ url: server.current.wsUrl, protocol: veloflux() });
    const scope = effectScope();
    expect(() =>
      scope.run(() => {
        provideClient(velo);
        TakhinVue.useMetrics();
      }),
    ).toThrow(/needs a 'takhin' client, but the client it found speaks 'veloflux'/);
    scope.stop();
    velo.close();
  });

  it('clients of several systems coexist; each entry point finds its own', async () => {
    const velo = createClient({ url: server.current.wsUrl, protocol: veloflux(), linger: 0 });
    const tak = createClient({ url: server.current.wsUrl, protocol: takhin(), linger: 0 });
    let backends!: ReturnType<typeof VeloFluxVue.useBackends>;
    let metrics!: ReturnType<typeof TakhinVue.useMetrics>;
    const wrapper = mount(
      defineComponent({
        setup() {
          backends = VeloFluxVue.useBackends();
          metrics = TakhinVue.useMetrics();
          return () => h('p');
        },
      }),
      { global: { plugins: [[feedkit, { clients: [velo, tak] }]] } },
    );
    await until(backends, (b) => b !== undefined);
    await until(metrics, (m) => m !== undefined);
    wrapper.unmount();
    velo.close();
    tak.close();
  });
});
