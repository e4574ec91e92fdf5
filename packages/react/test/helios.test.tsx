import { type FeedkitClient, helios } from '@feedkit/client';
import type { ReferenceServer } from '@feedkit/reference-server';
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { FeedkitProvider } from '../src/index';
import {
  useClusterStatus,
  useCustomMetrics,
  useLatency,
  usePeerChanges,
  useSnapshots,
  useStateChanges,
  useUptime,
} from '../src/systems/helios';
import { liveClient, startQuietServer } from './support/live';

let server: ReferenceServer;
let client: FeedkitClient<ReturnType<typeof helios>>;
beforeEach(async () => {
  server = await startQuietServer();
  // The seed's admin account: the client logs in over REST and opens the socket with the token.
  client = liveClient(server, helios({ username: 'admin', password: 'admin123' }));
});
afterEach(async () => {
  cleanup();
  client.close();
  await server.stop();
});

const at = () => new Date().toISOString();

function Cluster() {
  const leader = useClusterStatus({ select: (m) => m.data.leader });
  const role = useStateChanges({ select: (m) => m.data.new_state });
  const peer = usePeerChanges({ select: (m) => `${m.data.event_type} ${m.data.peer_id}` });
  const latency = useLatency({ select: (m) => Object.keys(m.data.aggregated).join() });
  const uptime = useUptime({ select: (m) => m.data.current_uptime });
  const snapshot = useSnapshots({ select: (m) => m.data.index });
  const metrics = useCustomMetrics({ select: (m) => Object.keys(m.data).join() });
  return (
    <ul>
      <li>{`leader: ${leader ?? 'waiting'}`}</li>
      <li>{`role: ${role ?? 'waiting'}`}</li>
      <li>{`peer: ${peer ?? 'waiting'}`}</li>
      <li>{`latency: ${latency ?? 'waiting'}`}</li>
      <li>{`uptime: ${uptime ?? 'waiting'}`}</li>
      <li>{`snapshot: ${snapshot ?? 'waiting'}`}</li>
      <li>{`metrics: ${metrics ?? 'waiting'}`}</li>
    </ul>
  );
}

it('every Helios hook renders live data over one authenticated socket', async () => {
  render(
    <FeedkitProvider client={client}>
      <Cluster />
    </FeedkitProvider>,
  );
  const flags = [
    'custom_metrics',
    'latency',
    'peer_changes',
    'snapshot',
    'state_changes',
    'status',
    'uptime',
  ];
  await server.waitForConnections((cs) =>
    cs.some((c) => flags.every((f) => c.subscriptions.includes(f))),
  );
  server.emit('helios', {
    type: 'status',
    timestamp: at(),
    data: {
      node_id: 'node1',
      state: 'Leader',
      term: 5,
      commit_index: 1000,
      last_applied: 1000,
      leader: 'node1',
      peers: ['node2', 'node3'],
    },
  });
  server.emit('helios', {
    type: 'state_change',
    timestamp: at(),
    data: { old_state: 'Follower', new_state: 'Candidate', term: 6 },
  });
  server.emit('helios', {
    type: 'peer_change',
    timestamp: at(),
    data: { event_type: 'added', peer_id: 'node4', peer_address: 'localhost:8004' },
  });
  server.emit('helios', {
    type: 'latency',
    timestamp: at(),
    data: {
      aggregated: {
        append_entries: { count: 10, avg_value_ms: 2.5, min_value_ms: 1, max_value_ms: 10 },
      },
    },
  });
  server.emit('helios', {
    type: 'uptime',
    timestamp: at(),
    data: { current_uptime: '24h30m0s', total_sessions: 5, total_uptime: '120h15m30s' },
  });
  server.emit('helios', {
    type: 'snapshot',
    timestamp: at(),
    data: { index: 4242, term: 5, size_bytes: 1048576, duration_ms: 150 },
  });
  server.emit('helios', {
    type: 'custom_metrics',
    timestamp: at(),
    data: { request_count: { type: 'counter', help: 'Total requests', value: 1500 } },
  });
  expect(await screen.findByText('leader: node1')).toBeTruthy();
  expect(await screen.findByText('role: Candidate')).toBeTruthy();
  expect(await screen.findByText('peer: added node4')).toBeTruthy();
  expect(await screen.findByText('latency: append_entries')).toBeTruthy();
  expect(await screen.findByText('uptime: 24h30m0s')).toBeTruthy();
  expect(await screen.findByText('snapshot: 4242')).toBeTruthy();
  expect(await screen.findByText('metrics: request_count')).toBeTruthy();
  expect(server.connections('helios')).toHaveLength(1);
});
