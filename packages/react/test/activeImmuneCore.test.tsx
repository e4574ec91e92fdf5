import { activeImmuneCore, type FeedkitClient } from '@feedkit/client';
import type { ReferenceServer } from '@feedkit/reference-server';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { FeedkitProvider } from '../src/index';
import {
  useAllEvents,
  useBroadcast,
  useEventType,
  useRoomEvents,
} from '../src/systems/active-immune-core';
import { liveClient, startQuietServer } from './support/live';

let server: ReferenceServer;
let client: FeedkitClient<ReturnType<typeof activeImmuneCore>>;
beforeEach(async () => {
  server = await startQuietServer();
  client = liveClient(server, activeImmuneCore({ clientId: 'react-test' }));
});
afterEach(async () => {
  cleanup();
  client.close();
  await server.stop();
});

const agentCreated = (agentId: string, room: string | null) => ({
  event_type: 'agent_created',
  timestamp: new Date().toISOString(),
  data: { agent_id: agentId, agent_type: 'neutrophil', status: 'active' },
  source: 'api_server',
  room,
});
const leaderElected = (leaderId: string, term: number) => ({
  event_type: 'leader_elected',
  timestamp: new Date().toISOString(),
  data: { leader_id: leaderId, term },
  source: 'coordination',
  room: null,
});

function Events() {
  const inRoom = useRoomEvents('agents', {
    select: (e) => (e.event_type === 'agent_created' ? e.data.agent_id : e.event_type),
  });
  const leader = useEventType('leader_elected', {
    select: (e) => `${e.data.leader_id}@${e.data.term}`,
  });
  const last = useAllEvents({ select: (e) => e.event_type });
  return (
    <ul>
      <li>{`room: ${inRoom ?? 'waiting'}`}</li>
      <li>{`leader: ${leader ?? 'waiting'}`}</li>
      <li>{`last: ${last ?? 'waiting'}`}</li>
    </ul>
  );
}

function Broadcast() {
  const broadcast = useBroadcast();
  return (
    <button
      type="button"
      onClick={() =>
        broadcast.run({
          event_type: 'agent_created',
          data: { agent_id: 'from-rest', agent_type: 'macrophage', status: 'active' },
          room: 'agents',
        })
      }
    >
      {broadcast.data ? `sent to ${recipients(broadcast.data)}` : 'broadcast'}
    </button>
  );
}

/** The seed shows no answer to a broadcast (typed `unknown`); the reference server counts recipients. */
function recipients(answer: unknown): string {
  return String((answer as { data?: { recipients?: unknown } } | null)?.data?.recipients);
}

it('useRoomEvents, useEventType and useAllEvents render live events', async () => {
  render(
    <FeedkitProvider client={client}>
      <Events />
    </FeedkitProvider>,
  );
  // With a room feed live every type is wanted, so the adapter clears the type filter: only the room is on the wire.
  await server.waitForConnections((cs) => cs.some((c) => c.subscriptions.join() === 'room:agents'));
  server.emit('active-immune-core', agentCreated('agent-7', 'agents'));
  expect(await screen.findByText('room: agent-7')).toBeTruthy();
  server.emit('active-immune-core', leaderElected('node-2', 4));
  expect(await screen.findByText('leader: node-2@4')).toBeTruthy();
  expect(screen.getByText('last: leader_elected')).toBeTruthy();
  // Three feeds, one socket.
  expect(server.connections('active-immune-core')).toHaveLength(1);
});

it('useBroadcast reaches the room through the real REST endpoint', async () => {
  render(
    <FeedkitProvider client={client}>
      <Events />
      <Broadcast />
    </FeedkitProvider>,
  );
  await server.waitForConnections((cs) => cs.some((c) => c.subscriptions.includes('room:agents')));
  fireEvent.click(screen.getByText('broadcast'));
  expect(await screen.findByText('room: from-rest')).toBeTruthy();
  expect(await screen.findByText('sent to 1')).toBeTruthy();
});

function Leader() {
  const leader = useEventType('leader_elected', { select: (e) => e.data.leader_id });
  return <p>{`leader: ${leader ?? 'waiting'}`}</p>;
}

it('useEventType alone sets the type filter on the wire', async () => {
  render(
    <FeedkitProvider client={client}>
      <Leader />
    </FeedkitProvider>,
  );
  await server.waitForConnections((cs) =>
    // The type's feed also joins its room (coordination), so look for the filter among them.
    cs.some((c) => c.subscriptions.includes('event:leader_elected')),
  );
  server.emit('active-immune-core', agentCreated('ignored', null));
  server.emit('active-immune-core', leaderElected('node-3', 7));
  expect(await screen.findByText('leader: node-3')).toBeTruthy();
});
