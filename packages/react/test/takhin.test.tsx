import { type FeedkitClient, takhin } from '@feedkit/client';
import type { ReferenceServer } from '@feedkit/reference-server';
import { act, cleanup, render, screen } from '@testing-library/react';
import { StrictMode, useState } from 'react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  createHooks,
  FeedkitProvider,
  useConnectionState,
  useFeedEvent,
  useFeedGap,
} from '../src/index';
import {
  useConsumerGroup,
  useMetrics,
  useTakhinClient,
  useTopicEvents,
} from '../src/systems/takhin';
import { liveClient, startQuietServer, wireSubscriptions } from './support/live';

let server: ReferenceServer;
let client: FeedkitClient<ReturnType<typeof takhin>>;

beforeEach(async () => {
  server = await startQuietServer();
  client = liveClient(server, takhin());
});

afterEach(async () => {
  cleanup();
  client.close();
  await server.stop();
});

const now = () => Math.floor(Date.now() / 1000);
const groupUpdated = (groupId: string, members: number) => ({
  type: 'group_updated',
  timestamp: now(),
  data: { groupId, state: 'Stable', members },
});
const topicCreated = (name: string, partitions: number) => ({
  type: 'topic_created',
  timestamp: now(),
  data: { name, partitions },
});

/** Emits once the server sees `topic` on a connection, so the message cannot race the subscribe. */
async function emitWhenSubscribed(topic: string, message: unknown) {
  await server.waitForConnections((cs) => cs.some((c) => c.subscriptions.includes(topic)));
  server.emit('takhin', message);
}

function Group({ id }: { id: string }) {
  const members = useConsumerGroup(id, { select: (m) => m.data.members });
  return <p>{members === undefined ? `${id}: waiting` : `${id}: ${members} members`}</p>;
}

function Metrics() {
  const topics = useMetrics({ select: (m) => m.data.clusterHealth.totalTopics });
  return <p>{topics === undefined ? 'waiting' : `topics: ${topics}`}</p>;
}

function Topic({ name }: { name: string }) {
  const event = useTopicEvents(name);
  return <p>{event ? `${event.type} ${event.data.name}` : 'no event'}</p>;
}

function Switcher(props: { initial: string; expose: (set: (id: string) => void) => void }) {
  const [id, set] = useState(props.initial);
  props.expose(set);
  return <Group id={id} />;
}

function Toaster(props: {
  client: FeedkitClient<ReturnType<typeof takhin>>;
  prefix: string;
  seen: string[];
  renders: { count: number };
}) {
  props.renders.count++;
  useFeedEvent(props.client.feed('topic', 'orders'), (m) =>
    props.seen.push(`${props.prefix}${m.data.name}`),
  );
  return null;
}

function Gap({ id }: { id: string }) {
  const gap = useFeedGap(useTakhinClient().feed('consumerGroup', id));
  return <p>{`gap: ${gap}`}</p>;
}

/** Renders the client's status and records every distinct status it rendered. */
function Status({ seen }: { seen: string[] }) {
  const { status, attempt, nextRetryAt } = useConnectionState();
  if (seen.at(-1) !== status) seen.push(status);
  const retry =
    nextRetryAt === undefined ? '' : ` retry in ${Math.max(0, nextRetryAt - Date.now())} ms`;
  return <p>{`status: ${status} (${attempt})${retry}`}</p>;
}

describe('Takhin hooks render live data', () => {
  it('useMetrics renders the metrics the server sends, with a selector', async () => {
    render(
      <FeedkitProvider client={client}>
        <Metrics />
      </FeedkitProvider>,
    );
    expect(screen.getByText('waiting')).toBeTruthy();
    expect(await screen.findByText(/^topics: \d+$/)).toBeTruthy();
  });

  it('useTopicEvents renders the events of its topic only', async () => {
    render(
      <FeedkitProvider client={client}>
        <Topic name="orders" />
      </FeedkitProvider>,
    );
    server.emit('takhin', topicCreated('payments', 3)); // not subscribed: must not show
    await emitWhenSubscribed('topic:orders', topicCreated('orders', 6));
    expect(await screen.findByText('topic_created orders')).toBeTruthy();
  });

  it('useConsumerGroup renders its group', async () => {
    render(
      <FeedkitProvider client={client}>
        <Group id="billing" />
      </FeedkitProvider>,
    );
    await emitWhenSubscribed('group:billing', groupUpdated('billing', 4));
    expect(await screen.findByText('billing: 4 members')).toBeTruthy();
  });
});

describe('safe by construction', () => {
  it('StrictMode double mount makes one socket and one wire subscription', async () => {
    render(
      <StrictMode>
        <FeedkitProvider client={client}>
          <Group id="billing" />
        </FeedkitProvider>
      </StrictMode>,
    );
    await emitWhenSubscribed('group:billing', groupUpdated('billing', 2));
    await screen.findByText('billing: 2 members');
    const connections = server.connections('takhin');
    expect(connections).toHaveLength(1);
    expect(connections[0]?.subscriptions).toEqual(['group:billing']);
    // One client message in all: the subscribe (no subscribe/unsubscribe/subscribe churn).
    expect(connections[0]?.messagesIn).toBe(1);
  });

  it('two components on one group share one wire subscription', async () => {
    render(
      <FeedkitProvider client={client}>
        <Group id="billing" />
        <Group id="billing" />
      </FeedkitProvider>,
    );
    await emitWhenSubscribed('group:billing', groupUpdated('billing', 7));
    expect(await screen.findAllByText('billing: 7 members')).toHaveLength(2);
    expect(server.connections('takhin')[0]?.messagesIn).toBe(1);
  });

  it('an argument change makes exactly one unsubscribe and one subscribe', async () => {
    let setGroup: (id: string) => void = () => {};
    render(
      <FeedkitProvider client={client}>
        <Switcher initial="billing" expose={(set) => (setGroup = set)} />
      </FeedkitProvider>,
    );
    await emitWhenSubscribed('group:billing', groupUpdated('billing', 1));
    await screen.findByText('billing: 1 members');
    const before = server.connections('takhin')[0]!;
    expect(before.messagesIn).toBe(1);

    act(() => setGroup('shipping'));
    expect(screen.getByText('shipping: waiting')).toBeTruthy();
    await emitWhenSubscribed('group:shipping', groupUpdated('shipping', 5));
    await screen.findByText('shipping: 5 members');
    await server.waitForConnections(
      (cs) => cs.length === 1 && cs[0]!.subscriptions.join() === 'group:shipping',
    );
    const after = server.connections('takhin')[0]!;
    expect(after.id).toBe(before.id); // same socket
    expect(after.messagesIn).toBe(3); // + one unsubscribe, + one subscribe
  });

  it('unmount unsubscribes and, after the linger, closes the socket', async () => {
    const { unmount } = render(
      <FeedkitProvider client={client}>
        <Group id="billing" />
      </FeedkitProvider>,
    );
    await emitWhenSubscribed('group:billing', groupUpdated('billing', 3));
    await screen.findByText('billing: 3 members');
    unmount();
    await server.waitForConnections((cs) => cs.length === 0);
    // Past the linger the released feed is forgotten too (the cache is bounded):
    // asking again gives a fresh feed that waits for its first message.
    expect(client.feed('consumerGroup', 'billing').getSnapshot()).toBeUndefined();
    expect(client.state.connections.every((c) => c.status !== 'open')).toBe(true);
  });

  it('useFeedEvent calls the latest handler without re-rendering, and releases on unmount', async () => {
    const seen: string[] = [];
    const renders = { count: 0 };
    const toaster = (prefix: string) => (
      <Toaster client={client} prefix={prefix} seen={seen} renders={renders} />
    );
    const { rerender, unmount } = render(toaster('a:'));
    await emitWhenSubscribed('topic:orders', topicCreated('orders', 1));
    await expect.poll(() => seen).toEqual(['a:orders']);
    rerender(toaster('b:'));
    server.emit('takhin', topicCreated('orders', 2));
    await expect.poll(() => seen).toEqual(['a:orders', 'b:orders']);
    expect(renders.count).toBe(2); // the two renders we asked for, none per message
    expect(server.connections('takhin')[0]?.messagesIn).toBe(1); // a new handler did not resubscribe
    unmount();
    await server.waitForConnections((cs) => cs.every((c) => c.subscriptions.length === 0));
  });
});

describe('reconnects', () => {
  it('a server restart shows reconnecting, then data again with subscriptions replayed', async () => {
    client.close();
    // A short real backoff, so "reconnecting" is on screen long enough to be seen by a user (and the test).
    client = liveClient(server, takhin(), { backoff: () => 50 });
    const statuses: string[] = [];
    render(
      <FeedkitProvider client={client}>
        <Status seen={statuses} />
        <Group id="billing" />
        <Gap id="billing" />
      </FeedkitProvider>,
    );
    await emitWhenSubscribed('group:billing', groupUpdated('billing', 1));
    await screen.findByText('billing: 1 members');
    await screen.findByText(/^status: open \(0\)$/);
    expect(screen.getByText('gap: false')).toBeTruthy();

    await server.restart();
    // What a "reconnecting in 4 s" badge needs: the attempt and when it is due (backoff 50 ms here).
    await screen.findByText(
      /^status: reconnecting \([1-9]\d*\) retry in ([0-9]|[1-4][0-9]|50) ms$/,
    );
    await server.waitForConnections((cs) =>
      cs.some((c) => c.subscriptions.join() === 'group:billing'),
    );
    // Replayed, but messages sent while we were away are lost: the feed says so until the next one.
    await screen.findByText('gap: true');
    server.emit('takhin', groupUpdated('billing', 9));
    await screen.findByText('billing: 9 members');
    expect(screen.getByText('gap: false')).toBeTruthy();
    await screen.findByText(/^status: open/);
    expect(statuses.slice(statuses.indexOf('reconnecting'))).toContain('open');
    expect(wireSubscriptions(server, 'takhin')).toEqual([['group:billing']]);
  });
});

function BoundHooks({
  hooks,
}: {
  hooks: ReturnType<typeof createHooks<ReturnType<typeof takhin>>>;
}) {
  const members = hooks.useFeed('consumerGroup', ['billing'], { select: (m) => m.data.members });
  const topics = hooks.useFeed('metrics', [], { select: (m) => m.data.topicStats.length });
  const { status } = hooks.useConnectionState();
  return <p>{`members: ${members ?? 'waiting'} topics: ${topics ?? 'waiting'} ${status}`}</p>;
}

describe('createHooks', () => {
  it('binds typed hooks to a client, without a provider', async () => {
    render(<BoundHooks hooks={createHooks(client)} />);
    await emitWhenSubscribed('group:billing', groupUpdated('billing', 8));
    expect(await screen.findByText(/^members: 8 topics: \d+ open$/)).toBeTruthy();
  });
});
