/**
 * `@feedkit/vue/takhin`: Takhin Console composables. Each is one line over
 * `useFeed` with the Takhin client that was provided (or passed).
 *
 * @example
 * const metrics = useMetrics();            // Readonly<ShallowRef<Takhin.MetricsMessage | undefined>>
 * const orders = useTopicEvents(topicRef); // re-subscribes when topicRef changes
 */
import type { FeedkitClient, FeedOf, takhin } from '@feedkit/client';
import { type MaybeRefOrGetter, toValue } from 'vue';
import { type ClientOption, useClient } from '../useClient';
import { type UseFeedOptions, useFeed } from '../useFeed';

export type TakhinProtocol = ReturnType<typeof takhin>;
export type TakhinClient = FeedkitClient<TakhinProtocol>;
type Message<K extends 'metrics' | 'topic' | 'consumerGroup'> = FeedOf<TakhinProtocol, K>;

/** `useFeed` options plus the client to use instead of the provided one. */
export interface TakhinFeedOptions<M, S = M>
  extends UseFeedOptions<M, S>,
    ClientOption<TakhinClient> {}
type Options<K extends 'metrics' | 'topic' | 'consumerGroup', S> = MaybeRefOrGetter<
  TakhinFeedOptions<Message<K>, S>
>;

/** The provided Takhin client; throws a clear error if the app provided another system's. */
export function useTakhinClient(client?: TakhinClient): TakhinClient {
  return useClient<TakhinProtocol>('takhin', client);
}

/** Cluster metrics, every 2 s. */
export function useMetrics<S = Message<'metrics'>>(options: Options<'metrics', S> = {}) {
  return useFeed(useTakhinClient(toValue(options).client).feed('metrics'), options);
}

/** `topic_created` / `topic_deleted` of one topic. */
export function useTopicEvents<S = Message<'topic'>>(
  topic: MaybeRefOrGetter<string>,
  options: Options<'topic', S> = {},
) {
  const client = useTakhinClient(toValue(options).client);
  return useFeed(() => client.feed('topic', toValue(topic)), options);
}

/** `group_updated` of one consumer group. */
export function useConsumerGroup<S = Message<'consumerGroup'>>(
  groupId: MaybeRefOrGetter<string>,
  options: Options<'consumerGroup', S> = {},
) {
  const client = useTakhinClient(toValue(options).client);
  return useFeed(() => client.feed('consumerGroup', toValue(groupId)), options);
}
