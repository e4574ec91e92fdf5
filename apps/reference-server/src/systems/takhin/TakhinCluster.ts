import type { Takhin } from '@feedkit/protocol';
import type { Random } from '../../Random';

interface Partition {
  logEndOffset: number;
  /** Messages per second produced into this partition. */
  rate: number;
}

interface Topic {
  readonly name: string;
  readonly partitions: Partition[];
  /** Average message size in bytes. */
  readonly messageBytes: number;
}

interface Group {
  readonly groupId: string;
  state: 'Stable' | 'PreparingRebalance' | 'CompletingRebalance' | 'Empty';
  members: number;
  /** topic -> committed offset per partition. */
  readonly offsets: Map<string, number[]>;
  /** Fraction of the produced messages consumed per second, 0..1.2. */
  speed: number;
}

export type ClusterEvent =
  | { readonly type: 'topic_created'; readonly data: { name: string; partitions: number } }
  | { readonly type: 'topic_deleted'; readonly data: { name: string } }
  | {
      readonly type: 'group_updated';
      readonly data: { groupId: string; state: string; members: number };
    };

/**
 * A small Kafka-like cluster: topics with partitions that grow, consumer
 * groups that commit offsets behind them. Every figure of the metrics
 * message is derived from this state, so lag is always
 * `logEndOffset - currentOffset` and the totals add up.
 */
export class TakhinCluster {
  private readonly topics = new Map<string, Topic>();
  private readonly groups = new Map<string, Group>();
  private produced = { messages: 0, bytes: 0 };
  private fetched = { messages: 0, bytes: 0 };
  private nextTopic = 1;
  private nextGroup = 1;
  private lastStepSeconds = 1;

  constructor(private readonly random: Random) {
    this.addTopic('test-topic', 3);
    this.addTopic('orders', 6);
    this.addTopic('payments', 2);
    this.addGroup('consumer-group-1', ['test-topic']);
    this.addGroup('order-processors', ['orders', 'payments']);
  }

  /** Advances time by `seconds` (seed time): producers append, consumers catch up. */
  step(seconds: number): void {
    this.lastStepSeconds = seconds;
    this.produced = { messages: 0, bytes: 0 };
    this.fetched = { messages: 0, bytes: 0 };
    for (const topic of this.topics.values()) {
      for (const partition of topic.partitions) {
        partition.rate = Math.max(1, partition.rate * this.random.between(0.85, 1.15));
        const added = Math.round(partition.rate * seconds);
        partition.logEndOffset += added;
        this.produced.messages += added;
        this.produced.bytes += added * topic.messageBytes;
      }
    }
    for (const group of this.groups.values()) {
      for (const [name, offsets] of group.offsets) {
        const topic = this.topics.get(name);
        if (topic === undefined) continue;
        offsets.forEach((offset, index) => {
          const partition = topic.partitions[index] as Partition;
          // A stable group keeps pace at `speed` and also works through 2%
          // of its backlog per second (full fetch batches), so lag settles
          // around rate × (1 − speed) / 0.02 instead of growing for ever.
          const backlog = partition.logEndOffset - offset;
          const consumed =
            group.state === 'Stable'
              ? Math.round(
                  (partition.rate * seconds * group.speed + backlog * Math.min(1, 0.02 * seconds)) *
                    this.random.between(0.8, 1.2),
                )
              : 0;
          const next = Math.min(partition.logEndOffset, offset + consumed);
          this.fetched.messages += next - offset;
          this.fetched.bytes += (next - offset) * topic.messageBytes;
          offsets[index] = next;
        });
      }
    }
  }

  /** One random change, or none; returns what happened. */
  randomEvent(): ClusterEvent | undefined {
    const roll = this.random.next();
    if (roll < 0.3 && this.topics.size < 12) {
      const name = `topic-${this.nextTopic++}`;
      const partitions = this.random.int(1, 6);
      this.addTopic(name, partitions);
      return { type: 'topic_created', data: { name, partitions } };
    }
    const created = [...this.topics.keys()].filter((n) => n.startsWith('topic-'));
    if (roll < 0.45 && created.length > 0) {
      const name = this.random.pick(created);
      this.deleteTopic(name);
      return { type: 'topic_deleted', data: { name } };
    }
    if (roll < 0.55 && this.groups.size < 6) {
      const groupId = `group-${this.nextGroup++}`;
      const group = this.addGroup(groupId, [this.random.pick([...this.topics.keys()])]);
      return { type: 'group_updated', data: this.groupData(group) };
    }
    const group = this.random.pick([...this.groups.values()]);
    const states = ['Stable', 'PreparingRebalance', 'CompletingRebalance', 'Stable'] as const;
    const index = states.indexOf(group.state as (typeof states)[number]);
    group.state = group.state === 'Empty' ? 'PreparingRebalance' : (states[index + 1] ?? 'Stable');
    if (group.state === 'PreparingRebalance') {
      group.members = Math.max(0, group.members + this.random.int(-1, 2));
      if (group.members === 0) group.state = 'Empty';
    }
    group.speed = this.random.between(0.6, 1.2);
    return { type: 'group_updated', data: this.groupData(group) };
  }

  /** Applies an event pushed through the test handle, so later metrics agree with it. */
  apply(event: ClusterEvent): void {
    if (event.type === 'topic_created' && !this.topics.has(event.data.name)) {
      this.addTopic(event.data.name, event.data.partitions);
    } else if (event.type === 'topic_deleted') {
      this.deleteTopic(event.data.name);
    } else if (event.type === 'group_updated') {
      const group = this.groups.get(event.data.groupId);
      if (group !== undefined) {
        group.state = (event.data.state as Group['state']) ?? group.state;
        group.members = event.data.members;
      }
    }
  }

  metrics(activeConnections: number): Takhin.MetricsData {
    const perSecond = (n: number) => round(n / this.lastStepSeconds);
    const topicStats = [...this.topics.values()].map((topic) => {
      const totalMessages = topic.partitions.reduce((sum, p) => sum + p.logEndOffset, 0);
      const produceRate = topic.partitions.reduce((sum, p) => sum + p.rate, 0);
      return {
        name: topic.name,
        partitions: topic.partitions.length,
        totalMessages,
        totalBytes: totalMessages * topic.messageBytes,
        produceRate: round(produceRate),
        fetchRate: round(produceRate * 0.8),
      };
    });
    const consumerLags = [...this.groups.values()].map((group) => this.consumerLag(group));
    const p50 = this.random.between(2, 6);
    const f50 = this.random.between(1, 4);
    return {
      throughput: {
        produceRate: perSecond(this.produced.messages),
        fetchRate: perSecond(this.fetched.messages),
        produceBytes: Math.round(this.produced.bytes / this.lastStepSeconds),
        fetchBytes: Math.round(this.fetched.bytes / this.lastStepSeconds),
      },
      latency: {
        produceP50: round(p50),
        produceP95: round(p50 * 2.4),
        produceP99: round(p50 * 4.9),
        fetchP50: round(f50),
        fetchP95: round(f50 * 2.7),
        fetchP99: round(f50 * 4.9),
      },
      topicStats,
      consumerLags,
      clusterHealth: {
        activeConnections,
        totalTopics: topicStats.length,
        totalPartitions: topicStats.reduce((sum, t) => sum + t.partitions, 0),
        totalConsumers: [...this.groups.values()].reduce((sum, g) => sum + g.members, 0),
        diskUsageBytes: topicStats.reduce((sum, t) => sum + t.totalBytes, 0),
        memoryUsageBytes: 48 * 1024 * 1024 + this.random.int(0, 8 * 1024 * 1024),
        goroutineCount: 100 + this.topics.size * 4 + this.random.int(0, 10),
      },
    };
  }

  /** One group's lag per topic and partition, against the topics' log end offsets. */
  private consumerLag(group: Group): Takhin.MetricsData['consumerLags'][number] {
    const topicLags = [...group.offsets].flatMap(([name, offsets]) => {
      const topic = this.topics.get(name);
      if (topic === undefined) return [];
      const partitionLags = offsets.map((currentOffset, partition) => {
        const logEndOffset = (topic.partitions[partition] as Partition).logEndOffset;
        return { partition, currentOffset, logEndOffset, lag: logEndOffset - currentOffset };
      });
      return [
        {
          topic: name,
          totalLag: partitionLags.reduce((sum, p) => sum + p.lag, 0),
          partitionLags,
        },
      ];
    });
    return {
      groupId: group.groupId,
      totalLag: topicLags.reduce((sum, t) => sum + t.totalLag, 0),
      topicLags,
    };
  }

  private addTopic(name: string, partitions: number): void {
    this.topics.set(name, {
      name,
      messageBytes: this.random.int(200, 1200),
      partitions: Array.from({ length: partitions }, () => ({
        logEndOffset: this.random.int(0, 10_000),
        rate: this.random.between(20, 300),
      })),
    });
  }

  private deleteTopic(name: string): void {
    this.topics.delete(name);
    for (const group of this.groups.values()) group.offsets.delete(name);
  }

  private addGroup(groupId: string, topics: string[]): Group {
    const offsets = new Map<string, number[]>();
    for (const name of topics) {
      const topic = this.topics.get(name);
      if (topic === undefined) continue;
      offsets.set(
        name,
        topic.partitions.map((p) => Math.max(0, p.logEndOffset - this.random.int(0, 200))),
      );
    }
    const group: Group = {
      groupId,
      state: 'Stable',
      members: this.random.int(1, 4),
      offsets,
      speed: 1,
    };
    this.groups.set(groupId, group);
    return group;
  }

  private groupData(group: Group) {
    return { groupId: group.groupId, state: group.state, members: group.members };
  }
}

const round = (n: number) => Math.round(n * 100) / 100;
