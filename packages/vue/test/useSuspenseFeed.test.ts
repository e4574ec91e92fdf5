import { createClient, type FeedkitClient, helios, takhin } from '@feedkit/client';
import { heliosExamples } from '@feedkit/protocol/examples';
import { flushPromises, mount } from '@vue/test-utils';
import { afterEach, expect, it } from 'vitest';
import {
  type Component,
  defineComponent,
  h,
  nextTick,
  onErrorCaptured,
  type ShallowRef,
  Suspense,
  shallowRef,
} from 'vue';
import { useSuspenseFeed } from '../src/useSuspenseFeed';
import { useReferenceServer } from './support/referenceServer';
import { until } from './support/until';

const server = useReferenceServer({ quiet: true });
const clients: FeedkitClient[] = [];
afterEach(async () => {
  for (const client of clients.splice(0)) client.close();
  await server.current.waitForConnections((cs) => cs.length === 0);
});

function live<P extends Parameters<typeof createClient>[0]['protocol']>(protocol: P) {
  // linger 0: only the suspended component may hold the subscription while it waits.
  const client = createClient({ url: server.current.wsUrl, protocol, backoff: () => 0, linger: 0 });
  clients.push(client as unknown as FeedkitClient);
  return client;
}

/** `<Suspense>` with a fallback inside a boundary that shows what `onErrorCaptured` caught. */
function boundary(child: Component) {
  const caught = shallowRef<string>();
  const App = defineComponent(() => {
    onErrorCaptured((error) => {
      caught.value = error.message;
      return false;
    });
    return () =>
      caught.value
        ? h('p', `boundary: ${caught.value}`)
        : h(Suspense, null, { default: () => h(child), fallback: () => h('p', 'loading') });
  });
  return { wrapper: mount(App), caught };
}

const groupUpdated = (members: number) => ({
  type: 'group_updated',
  timestamp: Math.floor(Date.now() / 1000),
  data: { groupId: 'billing', state: 'Stable', members },
});

it('suspends until the first message, then renders data and follows updates', async () => {
  const client = live(takhin());
  let setups = 0;
  let shown: Readonly<ShallowRef<number>> | undefined;
  const Members = defineComponent({
    async setup() {
      const members = await useSuspenseFeed(() => client.feed('consumerGroup', 'billing'), {
        select: (m) => m.data.members,
      });
      setups++;
      shown = members;
      return () => h('p', `members: ${members.value}`);
    },
  });
  const { wrapper } = boundary(Members);
  expect(wrapper.text()).toBe('loading');
  await server.current.waitForConnections((cs) =>
    cs.some((c) => c.subscriptions.includes('group:billing')),
  );
  expect(setups).toBe(0);
  const first = client.feed('consumerGroup', 'billing').first();
  server.current.emit('takhin', groupUpdated(3));
  await first;
  await flushPromises();
  expect(wrapper.text()).toBe('members: 3');
  server.current.emit('takhin', groupUpdated(4));
  await until(
    () => shown?.value,
    (n) => n === 4,
  );
  await nextTick();
  expect(wrapper.text()).toBe('members: 4');
  // One socket, one subscribe: suspending and resolving did not churn the wire.
  const [connection] = server.current.connections('takhin');
  expect(server.current.connections('takhin')).toHaveLength(1);
  expect(connection?.messagesIn).toBe(1);
  expect(setups).toBe(1);
  // Unmounting lets go of the feed: linger 0, so the socket closes.
  wrapper.unmount();
  await server.current.waitForConnections((cs) => cs.length === 0);
});

it('a fatal error before data rejects into onErrorCaptured instead of suspending forever', async () => {
  const client = live(helios({ username: 'admin', password: 'wrong' }));
  const Leader = defineComponent({
    async setup() {
      const leader = await useSuspenseFeed(client.feed('status'), { select: (m) => m.data.leader });
      return () => h('p', `leader: ${leader.value}`);
    },
  });
  const { wrapper, caught } = boundary(Leader);
  expect(wrapper.text()).toBe('loading');
  // The feed's own error, with its real cause.
  expect(await until(caught, (m) => m !== undefined)).toMatch(
    /\/ws\/cluster: .*invalid username or password/,
  );
  await nextTick();
  expect(wrapper.text()).toMatch(/^boundary: /);
});

it('a fatal error after data is thrown from a watcher to onErrorCaptured: the feed will not update again', async () => {
  // A static token that lives 1 s: data first, then the server's 4001 at expiry and a 401 to the same
  // token: fatal, as no provider can give a new one.
  const token = server.current.system('helios').issueToken('admin', 1);
  const client = live(helios({ token }));
  const Leader = defineComponent({
    async setup() {
      const leader = await useSuspenseFeed(client.feed('status'), { select: (m) => m.data.leader });
      return () => h('p', `leader: ${leader.value}`);
    },
  });
  const { wrapper, caught } = boundary(Leader);
  await server.current.waitForConnections((cs) => cs.some((c) => c.system === 'helios'));
  const first = client.feed('status').first();
  server.current.emit('helios', heliosExamples.status);
  await first;
  await flushPromises();
  expect(wrapper.text()).toBe('leader: node1');
  expect(await until(caught, (m) => m !== undefined)).toMatch(/\/ws\/cluster: .*token has expired/);
  await nextTick();
  expect(wrapper.text()).toMatch(/^boundary: /);
});
