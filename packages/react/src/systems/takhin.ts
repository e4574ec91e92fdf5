/**
 * `@feedkit/react/takhin`: hooks for Takhin Console's `/api/monitoring/ws`.
 * Each is one line over `useFeed`; the provider's client must be a Takhin client.
 */
import type { FeedkitClient, FeedOf, takhin } from '@feedkit/client';
import { type ClientOption, useClient } from '../useClient';
import { type UseFeedOptions, useFeed } from '../useFeed';

export type TakhinProtocol = ReturnType<typeof takhin>;
export type TakhinClient = FeedkitClient<TakhinProtocol>;
type Message<K extends 'metrics' | 'topic' | 'consumerGroup'> = FeedOf<TakhinProtocol, K>;

/** `useFeed` options plus the client to use instead of the provider's. */
export interface TakhinFeedOptions<M, S = M>
  extends UseFeedOptions<M, S>,
    ClientOption<TakhinClient> {}

/** The provider's (or the given) client, typed for Takhin; throws if it is another system's. */
export const useTakhinClient = (client?: TakhinClient): TakhinClient =>
  useClient<TakhinProtocol>('takhin', client);

/** The latest cluster metrics (every 2 s): throughput, latency, topics, consumer lag, health. */
export function useMetrics<S = Message<'metrics'>>(
  options?: TakhinFeedOptions<Message<'metrics'>, S>,
): S | undefined {
  return useFeed(useTakhinClient(options?.client).feed('metrics'), options);
}

/** The latest `topic_created` / `topic_deleted` of one topic (subscribes to `topic:<name>`). */
export function useTopicEvents<S = Message<'topic'>>(
  topic: string,
  options?: TakhinFeedOptions<Message<'topic'>, S>,
): S | undefined {
  return useFeed(useTakhinClient(options?.client).feed('topic', topic), options);
}

/** The latest `group_updated` of one consumer group (subscribes to `group:<groupId>`). */
export function useConsumerGroup<S = Message<'consumerGroup'>>(
  groupId: string,
  options?: TakhinFeedOptions<Message<'consumerGroup'>, S>,
): S | undefined {
  return useFeed(useTakhinClient(options?.client).feed('consumerGroup', groupId), options);
}
