import { createClient, takhin } from '@feedkit/client';
import type { Takhin } from '@feedkit/protocol';
import { mount } from '@vue/test-utils';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defineComponent, effectScope, h, nextTick, onUpdated, ref, type ShallowRef } from 'vue';
import { feedkit } from '../src/feedkit';
import { provideClient } from '../src/provideClient';
import {
  type TakhinClient,
  useConsumerGroup,
  useMetrics,
  useTopicEvents,
} from '../src/systems/takhin';
import { useConnectionState } from '../src/useConnectionState';
import { useFeedGap } from '../src/useFeedGap';
import { useReferenceServer } from './support/referenceServer';
import { until } from './support/until';

const server = useReferenceServer();
let client: TakhinClient;

const now = () => Math.floor(Date.now() / 1000);
const topicCreated = (name: string, partitions = 3) => ({
  type: 'topic_created',
  timestamp: now(),
  data: { name, partitions },
});

beforeEach(() => {
  // Zero backoff: reconnects are immediate, so restart tests await events, not timers.
  // No linger: the last listener leaving closes the socket at once, which tests observe.
  client = createClient({
    url: server.current.wsUrl,
    protocol: takhin(),
    backoff: () => 0,
    linger: 0,
  });
});

afterEach(async () => {
  client.close();
  await server.current.waitForConnections((cs) => cs.length === 0);
});

const plugins = () => ({
  global: { plugins: [[feedkit, { client }] as [typeof feedkit, unknown]] },
});

describe('@feedkit/vue/takhin against the reference server', () => {
  it('renders live metrics in a mounted component', async () => {
    let metrics!: Readonly<ShallowRef<number | undefined>>;
    const wrapper = mount(
      defineComponent({
        setup() {
          metrics = useMetrics({ select: (m) => m.data.clusterHealth.totalTopics });
          return () => h('p', metrics.value === undefined ? 'waiting' : `topics: ${metrics.value}`);
        },
      }),
      plugins(),
    );
    expect(wrapper.text()).toBe('waiting');
    const topics = await until(metrics, (value) => value !== undefined);
    await nextTick();
    expect(wrapper.text()).toBe(`topics: ${topics}`);
    wrapper.unmount();
  });

  it('re-subscribes exactly once when a ref argument changes, on the same socket', async () => {
    const topic = ref('orders');
    let events!: Readonly<ShallowRef<Takhin.TopicEventMessage | undefined>>;
    const wrapper = mount(
      defineComponent({
        setup() {
          events = useTopicEvents(topic);
          return () =>
            h('p', events.value ? `${events.value.type} ${events.value.data.name}` : '-');
        },
      }),
      plugins(),
    );
    const [before] = await server.current.waitForConnections(
      (cs) => cs.length === 1 && cs[0]!.subscriptions.includes('topic:orders'),
    );

    topic.value = 'payments';
    const [after] = await server.current.waitForConnections(
      (cs) => cs.length === 1 && cs[0]!.subscriptions.join() === 'topic:payments',
    );
    // One socket throughout, and exactly two frames: subscribe payments, unsubscribe orders.
    expect(after!.id).toBe(before!.id);
    expect(after!.messagesIn - before!.messagesIn).toBe(2);

    server.current.emit('takhin', topicCreated('orders'));
    server.current.emit('takhin', topicCreated('payments', 6));
    await until(events, (e) => e !== undefined);
    await nextTick();
    expect(wrapper.text()).toBe('topic_created payments');
    wrapper.unmount();
  });

  it('does not re-subscribe when a getter re-runs but yields the same argument', async () => {
    const raw = ref(' audit');
    let events!: Readonly<ShallowRef<Takhin.TopicEventMessage | undefined>>;
    const scope = effectScope();
    scope.run(() => {
      events = useTopicEvents(() => raw.value.trim(), { client });
    });
    const [before] = await server.current.waitForConnections(
      (cs) => cs.length === 1 && cs[0]!.subscriptions.includes('topic:audit'),
    );
    raw.value = 'audit ';
    await nextTick();
    // A message that arrives after the flush proves the getter has re-run.
    server.current.emit('takhin', topicCreated('audit'));
    await until(events, (e) => e !== undefined);
    const [after] = server.current.connections('takhin');
    expect(after!.id).toBe(before!.id);
    expect(after!.messagesIn).toBe(before!.messagesIn);
    scope.stop();
  });

  it('unsubscribes on unmount while the socket stays for other feeds', async () => {
    const keep = client.feed('metrics').listen(() => {});
    const wrapper = mount(
      defineComponent({
        setup() {
          const group = useConsumerGroup('billing');
          return () => h('p', group.value?.data.state ?? '-');
        },
      }),
      plugins(),
    );
    const [before] = await server.current.waitForConnections(
      (cs) => cs.length === 1 && cs[0]!.subscriptions.includes('group:billing'),
    );
    wrapper.unmount();
    const [after] = await server.current.waitForConnections(
      (cs) => cs.length === 1 && cs[0]!.subscriptions.length === 0,
    );
    expect(after!.id).toBe(before!.id);
    keep();
    await server.current.waitForConnections((cs) => cs.length === 0);
  });

  it('works in an effectScope with provideClient, and scope.stop() unsubscribes', async () => {
    const scope = effectScope();
    let group!: Readonly<ShallowRef<number | undefined>>;
    scope.run(() => {
      provideClient(client);
      group = useConsumerGroup('billing', { select: (m) => m.data.members });
    });
    await server.current.waitForConnections((cs) =>
      cs.some((c) => c.subscriptions.includes('group:billing')),
    );
    server.current.emit('takhin', {
      type: 'group_updated',
      timestamp: now(),
      data: { groupId: 'billing', state: 'Stable', members: 4 },
    });
    expect(await until(group, (members) => members !== undefined)).toBe(4);
    scope.stop();
    await server.current.waitForConnections((cs) => cs.length === 0);
  });

  it('shows reconnecting during a server restart, then data again', async () => {
    const rendered: string[] = [];
    let metrics!: Readonly<ShallowRef<Takhin.MetricsMessage | undefined>>;
    let gap!: Readonly<ShallowRef<boolean>>;
    const wrapper = mount(
      defineComponent({
        setup() {
          const state = useConnectionState();
          metrics = useMetrics();
          gap = useFeedGap(client.feed('metrics'));
          onUpdated(() => rendered.push(wrapper.text()));
          return () => h('p', `${state.value.status}${metrics.value ? ' data' : ''}`);
        },
      }),
      plugins(),
    );
    await until(metrics, (m) => m !== undefined);
    await server.current.restart();
    await until(gap, (g) => g);
    const stale = metrics.value;
    await until(metrics, (m) => m !== stale);
    expect(gap.value).toBe(false);
    await nextTick();
    expect(wrapper.text()).toBe('open data');
    const reconnecting = rendered.indexOf('reconnecting data');
    expect(reconnecting).toBeGreaterThan(-1);
    expect(rendered.lastIndexOf('open data')).toBeGreaterThan(reconnecting);
    wrapper.unmount();
  });

  it('tells the developer when no client was provided', () => {
    const scope = effectScope();
    expect(() => scope.run(() => useMetrics())).toThrow(
      /^@feedkit\/vue\/takhin: no feedkit client was provided\. .*of the takhin protocol/,
    );
    scope.stop();
  });
});
