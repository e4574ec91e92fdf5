import type { SystemMessages } from '../examples/SystemMessages';

const clusterStatus = {
  node_id: 'node1',
  state: 'Leader',
  term: 5,
  commit_index: 1000,
  last_applied: 1000,
  leader: 'node1',
  peers: ['node2', 'node3'],
} satisfies SystemMessages['helios']['status']['data'];

/**
 * Every JSON example of the Helios seed, verbatim, plus the two types it
 * names without showing (`status_update`, `pong`; see the protocol's PROTOCOL.md).
 */
export const heliosExamples = {
  status: { type: 'status', timestamp: '2024-01-15T10:30:00Z', data: clusterStatus },
  // Named by the seed, never shown: the same body as `status`.
  status_update: { type: 'status_update', timestamp: '2024-01-15T10:30:00Z', data: clusterStatus },
  state_change: {
    type: 'state_change',
    timestamp: '2024-01-15T10:31:00Z',
    data: { old_state: 'Follower', new_state: 'Leader', term: 6 },
  },
  peer_change: {
    type: 'peer_change',
    timestamp: '2024-01-15T10:32:00Z',
    data: { event_type: 'added', peer_id: 'node4', peer_address: 'localhost:8004' },
  },
  latency: {
    type: 'latency',
    timestamp: '2024-01-15T10:33:00Z',
    data: {
      aggregated: {
        append_entries: { count: 1000, avg_value_ms: 2.5, min_value_ms: 1.0, max_value_ms: 10.0 },
      },
    },
  },
  uptime: {
    type: 'uptime',
    timestamp: '2024-01-15T10:34:00Z',
    data: { current_uptime: '24h30m0s', total_sessions: 5, total_uptime: '120h15m30s' },
  },
  snapshot: {
    type: 'snapshot',
    timestamp: '2024-01-15T10:35:00Z',
    data: { index: 1000, term: 5, size_bytes: 1048576, duration_ms: 150 },
  },
  custom_metrics: {
    type: 'custom_metrics',
    timestamp: '2024-01-15T10:36:00Z',
    data: { request_count: { type: 'counter', help: 'Total number of requests', value: 1500 } },
  },
  error: {
    type: 'error',
    timestamp: '2024-01-15T10:37:00Z',
    data: { error: 'Failed to retrieve cluster status' },
  },
  pong: { type: 'pong', timestamp: '2024-01-15T10:38:00Z' },
} as const satisfies SystemMessages['helios'];
