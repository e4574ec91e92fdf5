import type { SystemMessages } from '../examples/SystemMessages';

/** Every JSON example of the Takhin seed, verbatim; `error` is feedkit's documented addition. */
export const takhinExamples = {
  metrics: {
    type: 'metrics',
    timestamp: 1704225600,
    data: {
      throughput: {
        produceRate: 1500.5,
        fetchRate: 1200.3,
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
          name: 'test-topic',
          partitions: 3,
          totalMessages: 10000,
          totalBytes: 5242880,
          produceRate: 500.0,
          fetchRate: 400.0,
        },
      ],
      consumerLags: [
        {
          groupId: 'consumer-group-1',
          totalLag: 150,
          topicLags: [
            {
              topic: 'test-topic',
              totalLag: 150,
              partitionLags: [{ partition: 0, currentOffset: 8500, logEndOffset: 8550, lag: 50 }],
            },
          ],
        },
      ],
      clusterHealth: {
        activeConnections: 5,
        totalTopics: 10,
        totalPartitions: 30,
        totalConsumers: 3,
        diskUsageBytes: 10485760,
        memoryUsageBytes: 52428800,
        goroutineCount: 125,
      },
    },
  },
  topic_created: {
    type: 'topic_created',
    timestamp: 1704225600,
    data: { name: 'new-topic', partitions: 5 },
  },
  topic_deleted: { type: 'topic_deleted', timestamp: 1704225600, data: { name: 'old-topic' } },
  group_updated: {
    type: 'group_updated',
    timestamp: 1704225600,
    data: { groupId: 'consumer-group-1', state: 'Stable', members: 3 },
  },
  pong: { type: 'pong', timestamp: 1704225600 },
  error: { type: 'error', timestamp: 1704225600, data: { message: 'malformed message' } },
} as const satisfies SystemMessages['takhin'];
