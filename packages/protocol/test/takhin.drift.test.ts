import { describe, expect, it } from 'vitest';
import { takhinMetrics } from '../fixtures/benchMessages';
import { Takhin } from '../src/index';
import { oddMessages, withExtraFields, withFields, withFloats } from './support/drift';

const { adapter } = Takhin;

const metrics = takhinMetrics();
const topicCreated = {
  type: 'topic_created',
  timestamp: 1704225600,
  data: { name: 'new-topic', partitions: 5 },
};
const groupUpdated = {
  type: 'group_updated',
  timestamp: 1704225600,
  data: { groupId: 'consumer-group-1', state: 'Stable', members: 3 },
};
const pong = { type: 'pong', timestamp: 1704225600 };

describe('Takhin tolerant reader: drifted messages still decode, unknown fields kept', () => {
  it.each([
    ['metrics with extra fields at every level', withExtraFields(metrics)],
    ['metrics with floats for every integer', withFloats(metrics)],
    [
      'metrics with no topics and no consumer groups',
      withFields(metrics, ['data.topicStats', 'data.consumerLags'], []),
    ],
    ['topic_created with extra fields', withExtraFields(topicCreated)],
    ['group_updated with a fractional member count', withFloats(groupUpdated)],
    [
      'group_updated in a state the seed does not show',
      withFields(groupUpdated, ['data.state'], 'PreparingRebalance'),
    ],
    [
      'pong with float unix seconds (the seed heartbeat sends Date.now() / 1000)',
      { ...pong, timestamp: 1704225600.123 },
    ],
    ['pong with a data body', { ...pong, data: { latencyMs: 1 } }],
    ['error with none of the fields feedkit invented', { type: 'error' }],
    ['error with null data', { type: 'error', timestamp: null, data: null }],
  ])('%s', (_name, value) => {
    const result = adapter.decode(JSON.stringify(value));
    expect(result).toEqual({ kind: 'message', message: value });
  });

  it.each([
    [
      'a wrong type where the types promise a number',
      withFields(metrics, ['data.latency.produceP99'], 'fast'),
      ['data', 'latency', 'produceP99'],
    ],
    [
      'a missing routing field',
      withFields(topicCreated, ['data.name'], undefined),
      ['data', 'name'],
    ],
    [
      'null where an object is required',
      withFields(metrics, ['data.latency'], null),
      ['data', 'latency'],
    ],
  ])('still an invalid_message: %s', (_name, value, path) => {
    const result = adapter.decode(JSON.stringify(value));
    expect(result.kind === 'error' && result.error.code).toBe('invalid_message');
    expect(result.kind === 'error' && result.error.path).toEqual(path);
  });
});

describe('Takhin feeds: accepts is total', () => {
  const specs = [
    adapter.feeds.metrics(),
    adapter.feeds.topic('new-topic'),
    adapter.feeds.consumerGroup('consumer-group-1'),
  ];
  it.each(oddMessages.map((m) => [JSON.stringify(m) ?? 'undefined', m]))(
    'no feed throws on %s',
    (_name, message) => {
      for (const spec of specs) expect(() => spec.accepts(message)).not.toThrow();
    },
  );

  it('drifted topic and group events still route by name', () => {
    expect(adapter.feeds.topic('new-topic').accepts(withExtraFields(topicCreated))).toBe(true);
    expect(adapter.feeds.topic('new-topic').accepts({ type: 'topic_created', data: null })).toBe(
      false,
    );
    expect(adapter.feeds.consumerGroup('consumer-group-1').accepts(withFloats(groupUpdated))).toBe(
      true,
    );
  });
});
