import { type FeedkitClient, helios, takhin } from '@feedkit/client';
import type { ReferenceServer } from '@feedkit/reference-server';
import { cleanup, render, screen } from '@testing-library/react';
import { Component, type ReactNode, Suspense } from 'react';
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { FeedkitProvider, useSuspenseFeed } from '../src/index';
import { useTakhinClient } from '../src/systems/takhin';
import { liveClient, startQuietServer } from './support/live';

let server: ReferenceServer;
const clients: FeedkitClient[] = [];
beforeEach(async () => {
  server = await startQuietServer();
});
afterEach(async () => {
  cleanup();
  vi.restoreAllMocks();
  for (const client of clients.splice(0)) client.close();
  await server.stop();
});

function live<P extends Parameters<typeof liveClient>[1]>(protocol: P, linger?: number) {
  const client = liveClient(server, protocol, { linger });
  clients.push(client as unknown as FeedkitClient);
  return client;
}

/** Shows the error a child threw, the same way on React 18 and 19. */
class Boundary extends Component<{ children: ReactNode }, { error?: Error }> {
  override state: { error?: Error } = {};
  static getDerivedStateFromError(error: Error) {
    return { error };
  }
  override render() {
    return this.state.error ? (
      <p>{`boundary: ${this.state.error.message}`}</p>
    ) : (
      this.props.children
    );
  }
}

const renders = { count: 0 };
function Members() {
  const members = useSuspenseFeed(useTakhinClient().feed('consumerGroup', 'billing'), {
    select: (m) => m.data.members,
  });
  renders.count++;
  return <p>{`members: ${members}`}</p>;
}

const groupUpdated = (members: number) => ({
  type: 'group_updated',
  timestamp: Math.floor(Date.now() / 1000),
  data: { groupId: 'billing', state: 'Stable', members },
});

it('suspends until the first message, then renders data and follows updates', async () => {
  // linger 0: the suspended render must hold the subscription by itself until the component commits.
  const client = live(takhin(), 0);
  renders.count = 0;
  render(
    <FeedkitProvider client={client}>
      <Boundary>
        <Suspense fallback={<p>loading</p>}>
          <Members />
        </Suspense>
      </Boundary>
    </FeedkitProvider>,
  );
  expect(screen.getByText('loading')).toBeTruthy();
  expect(renders.count).toBe(0);
  await server.waitForConnections((cs) =>
    cs.some((c) => c.subscriptions.includes('group:billing')),
  );
  server.emit('takhin', groupUpdated(3));
  expect(await screen.findByText('members: 3')).toBeTruthy();
  server.emit('takhin', groupUpdated(4));
  expect(await screen.findByText('members: 4')).toBeTruthy();
  // One socket, one subscribe: suspending and committing did not churn the wire.
  const [connection] = server.connections('takhin');
  expect(server.connections('takhin')).toHaveLength(1);
  expect(connection?.messagesIn).toBe(1);
});

let heliosClient: FeedkitClient<ReturnType<typeof helios>>;
function ClusterLeader() {
  const leader = useSuspenseFeed(heliosClient.feed('status'), { select: (m) => m.data.leader });
  return <p>{`leader: ${leader}`}</p>;
}

it('a fatal error goes to the nearest error boundary instead of suspending forever', async () => {
  vi.spyOn(console, 'error').mockImplementation(() => {});
  heliosClient = live(helios({ username: 'admin', password: 'wrong' }));
  render(
    <Boundary>
      <Suspense fallback={<p>loading</p>}>
        <ClusterLeader />
      </Suspense>
    </Boundary>,
  );
  expect(screen.getByText('loading')).toBeTruthy();
  // The feed's own error, with its real cause.
  expect(
    await screen.findByText(/^boundary: .*\/ws\/cluster: .*invalid username or password/),
  ).toBeTruthy();
});
