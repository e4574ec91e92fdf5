import { describe, expect, it } from 'vitest';
import { Takhin } from '../src/index';
import { withFields } from './support/drift';

const { adapter } = Takhin;

/** A frame of the independent Go-style server (apps/independent-servers): no group lags, so `null`. */
const goFrame = {
  type: 'metrics',
  timestamp: 1795787005,
  data: {
    throughput: {
      produceRate: 1831.1,
      fetchRate: 1192.7,
      produceBytes: 1048576,
      fetchBytes: 819200,
    },
    latency: {
      produceP50: 5.2,
      produceP95: 12.8,
      produceP99: 25.6,
      fetchP50: 3.1,
      fetchP95: 8.5,
      fetchP99: 15.2,
    },
    topicStats: [
      {
        name: 'orders',
        partitions: 6,
        totalMessages: 60000,
        totalBytes: 3145728,
        produceRate: 310.5,
        fetchRate: 200.1,
        replicationFactor: 1,
      },
    ],
    consumerLags: null,
    clusterHealth: {
      activeConnections: 1,
      totalTopics: 1,
      totalPartitions: 6,
      totalConsumers: 0,
      diskUsageBytes: 10485760,
      memoryUsageBytes: 52428800,
      goroutineCount: 131,
    },
    brokerId: 1,
  },
};

const group = (topicLags: unknown) => ({ groupId: 'g', totalLag: 0, topicLags });

describe("Takhin: a Go server's nil slices (null) are read as empty arrays", () => {
  it.each<[string, unknown, unknown]>([
    ['consumerLags: null', goFrame, withFields(goFrame, ['data.consumerLags'], [])],
    [
      'topicStats: null',
      withFields(goFrame, ['data.topicStats'], null),
      withFields(withFields(goFrame, ['data.topicStats'], []), ['data.consumerLags'], []),
    ],
    [
      "a group's topicLags: null",
      withFields(goFrame, ['data.consumerLags'], [group(null)]),
      withFields(goFrame, ['data.consumerLags'], [group([])]),
    ],
    [
      "a topic's partitionLags: null",
      withFields(
        goFrame,
        ['data.consumerLags'],
        [group([{ topic: 't', totalLag: 0, partitionLags: null }])],
      ),
      withFields(
        goFrame,
        ['data.consumerLags'],
        [group([{ topic: 't', totalLag: 0, partitionLags: [] }])],
      ),
    ],
  ])('%s', (_name, sent, delivered) => {
    expect(adapter.decode(JSON.stringify(sent))).toEqual({ kind: 'message', message: delivered });
  });

  it('another fault in the same message is still reported at its own path', () => {
    const result = adapter.decode(
      JSON.stringify(withFields(goFrame, ['data.throughput.produceRate'], 'fast')),
    );
    expect(result.kind === 'error' && result.error.path).toEqual([
      'data',
      'throughput',
      'produceRate',
    ]);
  });

  it('null where the document promises an object is still an error', () => {
    const result = adapter.decode(JSON.stringify(withFields(goFrame, ['data.latency'], null)));
    expect(result.kind === 'error' && result.error.path).toEqual(['data', 'latency']);
  });
});
