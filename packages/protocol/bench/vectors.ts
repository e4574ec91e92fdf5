/**
 * The benchmark messages, shared by the protocol's decode bench and the
 * client's throughput bench: a Takhin metrics message of about 1.5 KB and
 * the seed's Plataforma E `story_created` event.
 */

/** Takhin metrics: the seed's example with four topics and two consumer groups. */
export function takhinMetrics(): object {
  const topic = (name: string) => ({
    name,
    partitions: 3,
    totalMessages: 10000,
    totalBytes: 5242880,
    produceRate: 500.0,
    fetchRate: 400.0,
  });
  const group = (groupId: string, topic: string) => ({
    groupId,
    totalLag: 150,
    topicLags: [
      {
        topic,
        totalLag: 150,
        partitionLags: [0, 1].map((partition) => ({
          partition,
          currentOffset: 8500,
          logEndOffset: 8575,
          lag: 75,
        })),
      },
    ],
  });
  return {
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
      topicStats: [topic('orders'), topic('payments'), topic('audit-log'), topic('clickstream')],
      consumerLags: [group('billing', 'payments'), group('analytics', 'orders')],
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
  };
}

/** The seed's `story_created` event for project PROJ-001. */
export const story = {
  type: 'story_created',
  data: { story_id: 'STR-0001', title: 'Implementar login', project_id: 'PROJ-001' },
  timestamp: '2025-01-15T10:30:00Z',
  message_id: 'abc123',
  project_id: 'PROJ-001',
  story_id: 'STR-0001',
};
