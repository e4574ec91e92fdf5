import { describe, expect, it } from 'vitest';
import { takhinExamples } from '../src/examples/index';
import { Takhin } from '../src/index';

const { adapter } = Takhin;
const NOW = 1_704_225_600_000;

// Every JSON example of the seed (004_8d456143e10e87c3.txt), verbatim.
const seedMetrics = `{
  "type": "metrics",
  "timestamp": 1704225600,
  "data": {
    "throughput": { "produceRate": 1500.5, "fetchRate": 1200.3, "produceBytes": 1048576, "fetchBytes": 819200 },
    "latency": { "produceP50": 5.2, "produceP95": 12.8, "produceP99": 25.6, "fetchP50": 3.1, "fetchP95": 8.5, "fetchP99": 15.2 },
    "topicStats": [
      { "name": "test-topic", "partitions": 3, "totalMessages": 10000, "totalBytes": 5242880, "produceRate": 500.0, "fetchRate": 400.0 }
    ],
    "consumerLags": [
      { "groupId": "consumer-group-1", "totalLag": 150, "topicLags": [
        { "topic": "test-topic", "totalLag": 150, "partitionLags": [
          { "partition": 0, "currentOffset": 8500, "logEndOffset": 8550, "lag": 50 } ] } ] }
    ],
    "clusterHealth": { "activeConnections": 5, "totalTopics": 10, "totalPartitions": 30, "totalConsumers": 3,
      "diskUsageBytes": 10485760, "memoryUsageBytes": 52428800, "goroutineCount": 125 }
  }
}`;

/** Each message type the seed shows, with its JSON as the seed writes it. */
const seedVectors = [
  ['metrics', seedMetrics],
  [
    'topic_created',
    '{"type":"topic_created","timestamp":1704225600,"data":{"name":"new-topic","partitions":5}}',
  ],
  ['topic_deleted', '{"type":"topic_deleted","timestamp":1704225600,"data":{"name":"old-topic"}}'],
  [
    'group_updated',
    '{"type":"group_updated","timestamp":1704225600,"data":{"groupId":"consumer-group-1","state":"Stable","members":3}}',
  ],
  ['pong', '{"type":"pong","timestamp":1704225600}'],
] as const;

describe('Takhin decode: seed vectors', () => {
  it.each(seedVectors)('%s decodes to its typed message', (type, frame) => {
    const result = adapter.decode(frame);
    expect(result.kind).toBe('message');
    if (result.kind !== 'message') return;
    expect(result.message.type).toBe(type);
    expect(result.message).toEqual(JSON.parse(frame));
  });

  it.each([
    ['subscribe', '{"type":"subscribe","data":"topic:my-topic","timestamp":1704225600}'],
    ['unsubscribe', '{"type":"unsubscribe","data":"topic:my-topic","timestamp":1704225600}'],
    ['ping', '{"type":"ping","timestamp":1704225600}'],
  ])('client %s from the seed decodes as a command', (type, frame) => {
    const result = adapter.decodeCommand(frame);
    expect(result.kind).toBe('message');
    if (result.kind === 'message') expect(result.message.type).toBe(type);
  });

  it('encodes subscribe/unsubscribe exactly as the seed shows', () => {
    expect(
      adapter.reconcile(new Set(), new Set(['topic:my-topic']), NOW).map(adapter.encode),
    ).toEqual(['{"type":"subscribe","data":"topic:my-topic","timestamp":1704225600}']);
    expect(
      adapter.reconcile(new Set(['topic:my-topic']), new Set(), NOW).map(adapter.encode),
    ).toEqual(['{"type":"unsubscribe","data":"topic:my-topic","timestamp":1704225600}']);
    expect(adapter.heartbeat?.ping(NOW)).toBe('{"type":"ping","timestamp":1704225600}');
  });
});

describe('Takhin decode: negative vectors never throw', () => {
  it.each([
    ['malformed JSON', '{"type":"metrics",', 'not_json', []],
    ['not an object', '[1,2]', 'not_object', []],
    [
      'wrong field type',
      seedMetrics.replace('"produceP99": 25.6', '"produceP99": "fast"'),
      'invalid_message',
      ['data', 'latency', 'produceP99'],
    ],
    [
      'missing field',
      '{"type":"topic_deleted","timestamp":1704225600,"data":{}}',
      'invalid_message',
      ['data', 'name'],
    ],
    [
      'ISO timestamp where unix seconds are due',
      '{"type":"pong","timestamp":"2024-01-02T20:00:00Z"}',
      'invalid_message',
      ['timestamp'],
    ],
  ])('%s', (_name, frame, code, path) => {
    const result = adapter.decode(frame);
    expect(result.kind).toBe('error');
    if (result.kind !== 'error') return;
    expect(result.error.code).toBe(code);
    expect(result.error.path).toEqual(path);
    expect(result.error.system).toBe('takhin');
    expect(result.error.message).toContain('takhin');
  });

  it('an oversize command is refused before parsing', () => {
    const frame = JSON.stringify({
      type: 'subscribe',
      data: `topic:${'x'.repeat(5000)}`,
      timestamp: 1,
    });
    const result = adapter.decodeCommand(frame);
    expect(result.kind === 'error' && result.error.code).toBe('oversize');
  });

  it('a subscription target over 256 characters is invalid', () => {
    const frame = JSON.stringify({
      type: 'subscribe',
      data: `topic:${'x'.repeat(300)}`,
      timestamp: 1,
    });
    const result = adapter.decodeCommand(frame);
    expect(result.kind === 'error' && result.error.path).toEqual(['data']);
  });

  it('an unnamed type decodes as a typed unknown message', () => {
    const result = adapter.decode('{"type":"partition_moved","timestamp":1,"data":{}}');
    expect(result).toEqual({
      kind: 'unknown',
      message: {
        type: 'partition_moved',
        value: { type: 'partition_moved', timestamp: 1, data: {} },
      },
    });
  });
});

describe('Takhin reconcile', () => {
  const set = (...items: string[]) => new Set(items);
  it.each([
    ['add', set(), set('topic:a'), [{ type: 'subscribe', data: 'topic:a', timestamp: 1704225600 }]],
    [
      'remove',
      set('group:g'),
      set(),
      [{ type: 'unsubscribe', data: 'group:g', timestamp: 1704225600 }],
    ],
    [
      'replay from empty',
      set(),
      set('topic:a', 'group:g'),
      [
        { type: 'subscribe', data: 'topic:a', timestamp: 1704225600 },
        { type: 'subscribe', data: 'group:g', timestamp: 1704225600 },
      ],
    ],
    ['no change', set('topic:a'), set('topic:a'), []],
    ['empty to empty', set(), set(), []],
  ])('%s', (_name, before, after, expected) => {
    expect(adapter.reconcile(before, after, NOW)).toEqual(expected);
  });
});

describe('Takhin feeds', () => {
  it('route messages by type and target', () => {
    const created = { type: 'topic_created', timestamp: 1, data: { name: 'a', partitions: 1 } };
    expect(adapter.feeds.topic('a').accepts(created)).toBe(true);
    expect(adapter.feeds.topic('b').accepts(created)).toBe(false);
    expect(adapter.feeds.metrics().accepts(created)).toBe(false);
    expect(adapter.feeds.topic('a').topics).toEqual(['topic:a']);
    expect(adapter.feeds.consumerGroup('g').key).toBe('takhin:group:g');
  });
});

describe('Takhin examples (@feedkit/protocol/examples)', () => {
  it.each(seedVectors)('the %s example is the seed, value for value', (type, frame) => {
    expect(takhinExamples[type]).toEqual(JSON.parse(frame));
  });
});
