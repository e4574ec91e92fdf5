import { describe, expect, it } from 'vitest';
import { activeImmuneCoreExamples } from '../src/examples/index';
import { ActiveImmuneCore } from '../src/index';
import {
  isoSpellings,
  oddMessages,
  withExtraFields,
  withFields,
  withFloats,
} from './support/drift';

const { adapter, feeds } = ActiveImmuneCore;

const event = (event_type: string, data: unknown, extra: Record<string, unknown> = {}) => ({
  event_type,
  timestamp: '2025-10-06T14:30:00.123Z',
  data,
  source: 'api_server',
  room: 'agents',
  ...extra,
});
const agentCreated = activeImmuneCoreExamples.agent_created;
const leaderElected = event(
  'leader_elected',
  { leader_id: 'n1', term: 3 },
  { room: 'coordination' },
);
const decided = event(
  'consensus_decided',
  { proposal_id: 'p1', decision: 'approved', approval_rate: 0.75 },
  { room: 'coordination' },
);

describe('Active Immune Core tolerant reader: drifted events still decode, unknown fields kept', () => {
  it.each<[string, unknown]>([
    // Issue 11: one missing secondary field dropped the whole event.
    [
      'agent_updated without agent_type',
      event('agent_updated', { agent_id: 'a1', status: 'patrolling' }),
    ],
    [
      'agent_updated with agent_type: null',
      event('agent_updated', { agent_id: 'a1', agent_type: null }),
    ],
    ['agent_created with extra fields at every level', withExtraFields(agentCreated)],
    [
      'agent_created without source and room',
      withFields(agentCreated, ['source', 'room'], undefined),
    ],
    [
      'agent_created with source and room null (Pydantic None)',
      withFields(agentCreated, ['source', 'room'], null),
    ],
    ['leader_elected without its term', withFields(leaderElected, ['data.term'], undefined)],
    ['leader_elected with a float term', withFloats(leaderElected)],
    [
      'consensus_decided without decision or rate',
      withFields(decided, ['data.decision', 'data.approval_rate'], undefined),
    ],
    [
      'an error event naming neither error nor message',
      event('error', { detail: 'x' }, { room: null }),
    ],
    ['task_failed with only its task', event('task_failed', { task_id: 't1' }, { room: 'tasks' })],
    [
      'alert_triggered without a level',
      event('alert_triggered', { message: 'High CPU' }, { room: 'system' }),
    ],
    [
      'metrics_updated with any dict',
      event('metrics_updated', { cpu: [1, 2], nested: { a: null } }),
    ],
    [
      'a ping answer with extra fields and non-object data',
      { success: true, message: 'pong', data: 'ok', at: 1 },
    ],
    ['a command answer without a message', { success: false }],
    ...isoSpellings.map((t): [string, unknown] => [
      `agent_created stamped ${t}`,
      { ...agentCreated, timestamp: t },
    ]),
  ])('%s', (_name, value) => {
    expect(adapter.decode(JSON.stringify(value))).toEqual({ kind: 'message', message: value });
  });

  it.each<[string, unknown, PropertyKey[]]>([
    [
      'the agent it is about missing',
      event('agent_updated', { status: 'x' }),
      ['data', 'agent_id'],
    ],
    ['no data at all', withFields(agentCreated, ['data'], undefined), ['data']],
    ['a timestamp that is no date', { ...agentCreated, timestamp: 'now' }, ['timestamp']],
  ])('still an invalid_message: %s', (_name, value, path) => {
    const result = adapter.decode(JSON.stringify(value));
    expect(result.kind === 'error' && result.error.path).toEqual(path);
  });

  it('an event of a type the seed does not list is named by event_type, not by a core guess', () => {
    const custom = { event_type: 'deploy_finished', type: 'ignored', data: {} };
    expect(adapter.decode(JSON.stringify(custom))).toEqual({
      kind: 'unknown',
      message: { type: 'deploy_finished', value: custom },
    });
  });
});

describe('Active Immune Core feeds: accepts is total and routes drifted data', () => {
  const specs = [feeds.room('agents'), feeds.eventType('agent_updated'), feeds.all()];
  it.each(oddMessages.map((m) => [JSON.stringify(m) ?? 'undefined', m]))(
    'no feed throws on %s',
    (_name, message) => {
      for (const spec of specs) expect(() => spec.accepts(message)).not.toThrow();
    },
  );

  it('a drifted agent_updated reaches its feeds', () => {
    const drifted = event('agent_updated', { agent_id: 'a1' });
    expect(specs.map((s) => s.accepts(drifted))).toEqual([true, true, true]);
  });
});
