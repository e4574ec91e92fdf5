import type { Takhin } from '@feedkit/protocol';
import { compactJson, fixed, type Summary } from './Summary';

export function summarizeTakhin(message: Takhin.ServerMessage): Summary {
  switch (message.type) {
    case 'metrics': {
      const { throughput, latency, topicStats, consumerLags } = message.data;
      const lag = consumerLags.reduce((sum, group) => sum + group.totalLag, 0);
      return {
        type: 'metrics',
        text: `produce ${fixed(throughput.produceRate)}/s  fetch ${fixed(throughput.fetchRate)}/s  p99 ${fixed(latency.produceP99)}/${fixed(latency.fetchP99)} ms  topics ${topicStats.length}  lag ${lag}`,
      };
    }
    case 'topic_created':
      return {
        type: message.type,
        text: `${message.data.name} (${message.data.partitions} partitions)`,
      };
    case 'topic_deleted':
      return { type: message.type, text: message.data.name };
    case 'group_updated':
      return {
        type: message.type,
        text: `${message.data.groupId} ${message.data.state}, ${message.data.members} members`,
      };
    case 'error':
      return { type: 'error', text: message.data?.message ?? '' };
    case 'pong':
      return { type: 'pong', text: '' };
    default:
      return { type: 'unknown', text: compactJson(message) };
  }
}
