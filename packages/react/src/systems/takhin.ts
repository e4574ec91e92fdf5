/**
 * `@feedkit/react/takhin`: hooks for Takhin Console's `/api/monitoring/ws`.
 * Each is one line over `useFeed`; the provider's client must be a Takhin client.
 */
import type { FeedkitClient, takhin } from '@feedkit/client';
import type { Takhin } from '@feedkit/protocol';
import { useClient } from '../useClient';
import { type UseFeedOptions, useFeed } from '../useFeed';

export type TakhinClient = FeedkitClient<ReturnType<typeof takhin>>;

/** The provider's client, typed for Takhin; throws if it is another system's. */
export const useTakhinClient = (): TakhinClient => useClient('takhin');

/** The latest cluster metrics (every 2 s): throughput, latency, topics, consumer lag, health. */
export function useMetrics<S = Takhin.MetricsMessage>(
  options?: UseFeedOptions<Takhin.MetricsMessage, S>,
): S | undefined {
  return useFeed(useTakhinClient().feed('metrics'), options);
}

/** The latest `topic_created` / `topic_deleted` of one topic (subscribes to `topic:<name>`). */
export function useTopicEvents<S = Takhin.TopicEventMessage>(
  topic: string,
  options?: UseFeedOptions<Takhin.TopicEventMessage, S>,
): S | undefined {
  return useFeed(useTakhinClient().feed('topic', topic), options);
}

/** The latest `group_updated` of one consumer group (subscribes to `group:<groupId>`). */
export function useConsumerGroup<S = Takhin.GroupUpdatedMessage>(
  groupId: string,
  options?: UseFeedOptions<Takhin.GroupUpdatedMessage, S>,
): S | undefined {
  return useFeed(useTakhinClient().feed('consumerGroup', groupId), options);
}
