/** A valid Takhin `metrics` message, every number 1: the fixture of the fake-socket tests. */
export function takhinMetrics(timestamp = 1704225600) {
  return {
    type: 'metrics',
    timestamp,
    data: {
      throughput: { produceRate: 1, fetchRate: 1, produceBytes: 1, fetchBytes: 1 },
      latency: {
        produceP50: 1,
        produceP95: 1,
        produceP99: 1,
        fetchP50: 1,
        fetchP95: 1,
        fetchP99: 1,
      },
      topicStats: [],
      consumerLags: [],
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
  };
}
