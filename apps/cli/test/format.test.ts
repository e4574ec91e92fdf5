import type { ClientState } from '@feedkit/client';
import {
  ActiveImmuneCore,
  Helios,
  type KnownSystem,
  PlataformaE,
  Takhin,
  VeloFlux,
} from '@feedkit/protocol';
import { createColors } from 'picocolors';
import { describe, expect, it } from 'vitest';
import { clockTime, formatLine, TYPE_WIDTH } from '../src/formatLine';
import { formatState } from '../src/formatState';
import { summarize } from '../src/summarize';

const plain = createColors(false);
const colored = createColors(true);
const at = new Date(2025, 5, 20, 9, 5, 7, 42);

/** A message is accepted by its system's decoder before it is summarised, as in the client. */
function decoded(system: KnownSystem, message: unknown): unknown {
  const adapters = {
    takhin: Takhin.adapter,
    veloflux: VeloFlux.adapter,
    helios: Helios.adapter,
    'plataforma-e': PlataformaE.adapter,
    'active-immune-core': ActiveImmuneCore.adapter,
  } as const;
  const result = adapters[system].decode(JSON.stringify(message));
  if (result.kind !== 'message')
    throw new Error(`test vector does not decode: ${JSON.stringify(result)}`);
  return result.message;
}

const backend = (address: string, pool: string, healthy: boolean) => ({
  address,
  pool,
  weight: 1,
  status: healthy ? 'healthy' : 'unhealthy',
  healthy,
  connections: 3,
  last_used: '2025-06-20T15:30:45Z',
  region: 'eu',
  health_check: { path: '/health', interval: '30s', timeout: '5s', expected_status: 200 },
});

const vectors: [KnownSystem, unknown, string, string][] = [
  [
    'takhin',
    {
      type: 'metrics',
      timestamp: 1750000000,
      data: {
        throughput: { produceRate: 1200.5, fetchRate: 980, produceBytes: 1, fetchBytes: 1 },
        latency: {
          produceP50: 1,
          produceP95: 2,
          produceP99: 12.34,
          fetchP50: 1,
          fetchP95: 2,
          fetchP99: 8,
        },
        topicStats: [
          {
            name: 'a',
            partitions: 1,
            totalMessages: 1,
            totalBytes: 1,
            produceRate: 1,
            fetchRate: 1,
          },
        ],
        consumerLags: [
          { groupId: 'g', totalLag: 40, topicLags: [] },
          { groupId: 'h', totalLag: 2, topicLags: [] },
        ],
        clusterHealth: {
          activeConnections: 1,
          totalTopics: 1,
          totalPartitions: 1,
          totalConsumers: 1,
          diskUsageBytes: 1,
          memoryUsageBytes: 1,
          goroutineCount: 1,
        },
      },
    },
    'metrics',
    'produce 1200.5/s  fetch 980.0/s  p99 12.3/8.0 ms  topics 1  lag 42',
  ],
  [
    'takhin',
    { type: 'group_updated', timestamp: 1, data: { groupId: 'g1', state: 'Stable', members: 3 } },
    'group_updated',
    'g1 Stable, 3 members',
  ],
  [
    'veloflux',
    {
      type: 'backend_status',
      timestamp: '2025-06-20T15:30:45Z',
      forced: true,
      backends: [
        backend('a:1', 'web', true),
        backend('b:1', 'web', false),
        backend('c:1', 'api', true),
      ],
    },
    'backend_status',
    '2/3 healthy  pools: web 1/2, api 1/1  (forced)',
  ],
  [
    'helios',
    {
      type: 'status',
      timestamp: '2025-06-20T15:30:45Z',
      data: {
        node_id: 'node-1',
        state: 'Leader',
        term: 7,
        commit_index: 120,
        last_applied: 120,
        leader: 'node-1',
        peers: ['node-2', 'node-3'],
      },
    },
    'status',
    'node-1 Leader  term 7  leader node-1  commit 120  peers 2',
  ],
  [
    'helios',
    {
      type: 'state_change',
      timestamp: '2025-06-20T15:30:45Z',
      data: { old_state: 'Follower', new_state: 'Candidate', term: 8 },
    },
    'state_change',
    'Follower → Candidate (term 8)',
  ],
  [
    'plataforma-e',
    {
      type: 'story_moved',
      timestamp: '2025-06-20T15:30:45',
      message_id: 'm1',
      project_id: 'PROJ-001',
      data: { story_id: 'S-1', title: 'Login', to: 'done' },
    },
    'story_moved',
    '[PROJ-001] S-1 "Login" → done',
  ],
  [
    'plataforma-e',
    {
      type: 'log_message',
      timestamp: '2025-06-20T15:30:45',
      message_id: 'm2',
      data: { level: 'warning', message: 'disk at 91%', source: 'worker' },
    },
    'log_message',
    'WARNING worker: disk at 91%',
  ],
  [
    'active-immune-core',
    {
      event_type: 'agent_status_changed',
      timestamp: '2025-10-06T14:30:00.123Z',
      room: 'agents',
      data: { agent_id: 'mac-1', old_status: 'idle', new_status: 'active' },
    },
    'agent_status_changed',
    '[agents] mac-1 idle → active',
  ],
  ['active-immune-core', { success: true, message: 'pong', data: null }, 'response', 'ok: pong'],
];

describe('summarize', () => {
  it.each(vectors)('%s %j', (system, message, type, text) => {
    expect(summarize(system, decoded(system, message))).toEqual({ type, text });
  });

  it('prints an unexpected shape as compact JSON instead of throwing', () => {
    const summary = summarize('helios', { type: 'latency', data: null });
    expect(summary.type).toBe('unknown');
    expect(summary.text).toBe('{"type":"latency","data":null}');
  });
});

describe('formatLine', () => {
  it('aligns time, type and summary in columns', () => {
    const line = formatLine({ type: 'metrics', text: 'x 1' }, at, plain);
    expect(line).toBe(`09:05:07.042  ${'metrics'.padEnd(TYPE_WIDTH)} x 1`);
    const other = formatLine({ type: 'agent_status_changed', text: 'y' }, at, plain);
    expect(other.indexOf('y')).toBe(line.indexOf('x'));
  });

  it('colours only when asked', () => {
    expect(formatLine({ type: 'error', text: 'boom' }, at, plain)).not.toContain('\x1b[');
    expect(formatLine({ type: 'error', text: 'boom' }, at, colored)).toContain('\x1b[31m');
  });

  it('formats the clock with milliseconds', () => {
    expect(clockTime(at)).toBe('09:05:07.042');
  });
});

describe('formatState', () => {
  const base: ClientState = { status: 'idle', attempt: 0, connections: [] };
  const connection = { url: 'ws://h/api/monitoring/ws', status: 'open', attempt: 0 } as const;

  it.each([
    [{ ...base }, undefined],
    [
      { ...base, status: 'connecting', connections: [connection] },
      'connecting to ws://h/api/monitoring/ws',
    ],
    [{ ...base, status: 'open', connections: [connection] }, 'open ws://h/api/monitoring/ws'],
    [
      {
        ...base,
        status: 'reconnecting',
        attempt: 4,
        nextRetryAt: 1_000 + 2_400,
        reason: 'closed 1006',
      },
      'reconnecting in 3 s, attempt 4 (closed 1006)',
    ],
    [{ ...base, status: 'closed', reason: 'client closed' }, 'closed (client closed)'],
  ] as [ClientState, string | undefined][])('%j', (state, line) => {
    expect(formatState(state, 1_000, plain)).toBe(line);
  });
});
