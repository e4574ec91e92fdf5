import { createClient, takhin } from '@feedkit/client';
import type { Takhin } from '@feedkit/protocol';
import { mount } from '@vue/test-utils';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defineComponent, effectScope, h, nextTick, ref } from 'vue';
import { createHooks } from '../src/createHooks';
import { FeedkitProvider } from '../src/FeedkitProvider';
import { type TakhinClient, useMetrics } from '../src/systems/takhin';
import { useFeedEvent } from '../src/useFeedEvent';
import { useReferenceServer } from './support/referenceServer';
import { until } from './support/until';

const server = useReferenceServer({ quiet: true });
let client: TakhinClient;
beforeEach(() => {
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

const now = () => Math.floor(Date.now() / 1000);
const created = (name: string, partitions: number) => ({
  type: 'topic_created',
  timestamp: now(),
  data: { name, partitions },
});
const subscribedTo = (topic: string) =>
  server.current.waitForConnections(
    (cs) => cs.length === 1 && cs[0]!.subscriptions.join() === topic,
  );

describe('useFeedEvent', () => {
  it('hands every message to the handler, follows a reactive feed, and stops on dispose', async () => {
    const topic = ref('orders');
    const seen: string[] = [];
    const count = ref(0);
    const scope = effectScope();
    scope.run(() =>
      useFeedEvent(
        () => client.feed('topic', topic.value),
        (m) => {
          seen.push(`${m.data.name}:${m.type === 'topic_created' ? m.data.partitions : '-'}`);
          count.value++;
        },
      ),
    );
    await subscribedTo('topic:orders');
    // Two messages between two renders: useFeed would keep only the last, useFeedEvent sees both.
    server.current.emit('takhin', created('orders', 1));
    server.current.emit('takhin', created('orders', 2));
    await until(count, (n) => n === 2);

    topic.value = 'payments';
    await subscribedTo('topic:payments');
    server.current.emit('takhin', created('orders', 3));
    server.current.emit('takhin', created('payments', 4));
    await until(count, (n) => n === 3);
    expect(seen).toEqual(['orders:1', 'orders:2', 'payments:4']);

    scope.stop();
    await server.current.waitForConnections((cs) => cs.length === 0);
  });
});

describe('createHooks', () => {
  it('binds composables to one client without provide/inject', async () => {
    const hooks = createHooks(client);
    const group = ref('billing');
    const scope = effectScope();
    const members = scope.run(() =>
      hooks.useFeed('consumerGroup', () => [group.value] as [string], {
        select: (m) => m.data.members,
      }),
    )!;
    await subscribedTo('group:billing');
    group.value = 'shipping';
    await subscribedTo('group:shipping');
    server.current.emit('takhin', {
      type: 'group_updated',
      timestamp: now(),
      data: { groupId: 'shipping', state: 'Stable', members: 7 },
    });
    expect(await until(members, (n) => n !== undefined)).toBe(7);
    scope.stop();
  });
});

describe('<FeedkitProvider>', () => {
  it('provides its client to the composables of its slot', async () => {
    let metrics!: ReturnType<typeof useMetrics<Takhin.MetricsMessage>>;
    const Child = defineComponent({
      setup() {
        metrics = useMetrics();
        return () => h('span', metrics.value ? 'live' : 'waiting');
      },
    });
    const wrapper = mount(
      defineComponent({
        setup: () => () => h(FeedkitProvider, { client }, { default: () => h(Child) }),
      }),
    );
    expect(wrapper.text()).toBe('waiting');
    // A quiet server sends metrics only on request; one emitted message is enough.
    await server.current.waitForConnections((cs) => cs.length === 1);
    server.current.emit('takhin', {
      type: 'metrics',
      timestamp: now(),
      data: {
        throughput: { produceRate: 1, fetchRate: 1, produceBytes: 1, fetchBytes: 1 },
        latency: {
          produceP50: 1,
          produceP95: 2,
          produceP99: 3,
          fetchP50: 1,
          fetchP95: 2,
          fetchP99: 3,
        },
        topicStats: [],
        consumerLags: [],
        clusterHealth: {
          activeConnections: 1,
          totalTopics: 0,
          totalPartitions: 0,
          totalConsumers: 0,
          diskUsageBytes: 0,
          memoryUsageBytes: 0,
          goroutineCount: 1,
        },
      },
    });
    await until(metrics, (m) => m !== undefined);
    await nextTick();
    expect(wrapper.text()).toBe('live');
    wrapper.unmount();
  });
});
