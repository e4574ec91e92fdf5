/**
 * `@feedkit/vue/plataforma-e`: Plataforma E composables, one line each over
 * `useFeed`. Broadcasting is `useRestAction(usePlataformaEClient().rest.broadcast)`.
 *
 * @example
 * const projectId = ref('PROJ-001');
 * const lastEvent = useProjectEvents(projectId); // one unsubscribe + one subscribe per change
 */
import type { FeedkitClient, FeedOf, plataformaE } from '@feedkit/client';
import type { PlataformaE } from '@feedkit/protocol';
import { type MaybeRefOrGetter, toValue } from 'vue';
import { useClient } from '../useClient';
import { type UseFeedOptions, useFeed } from '../useFeed';

export type PlataformaEProtocol = ReturnType<typeof plataformaE>;
export type PlataformaEClient = FeedkitClient<PlataformaEProtocol>;
type Message<K extends 'notifications' | 'project' | 'logs'> = FeedOf<PlataformaEProtocol, K>;

/** `useFeed` options plus the client to use instead of the provided one. */
export interface PlataformaEFeedOptions<M, S = M> extends UseFeedOptions<M, S> {
  /** @default the provided Plataforma E client */
  client?: PlataformaEClient;
}

/** The provided Plataforma E client; throws a clear error if the app provided another system's. */
export function usePlataformaEClient(client?: PlataformaEClient): PlataformaEClient {
  return useClient<PlataformaEProtocol>('plataforma-e', client);
}

/** Every data event on `/ws/notifications`. */
export function useNotifications<S = Message<'notifications'>>(
  options: PlataformaEFeedOptions<Message<'notifications'>, S> = {},
) {
  return useFeed(usePlataformaEClient(options.client).feed('notifications'), options);
}

/** One project's events (stories, tasks, chat, jobs). */
export function useProjectEvents<S = Message<'project'>>(
  projectId: MaybeRefOrGetter<string>,
  options: PlataformaEFeedOptions<Message<'project'>, S> = {},
) {
  const client = usePlataformaEClient(options.client);
  return useFeed(() => client.feed('project', toValue(projectId)), options);
}

/**
 * `log_message` at or above a level. The level object is resolved on each
 * change, but the feed is keyed by level, so `{ level: 'info' }` twice is
 * one subscription.
 */
export function useLogs<S = Message<'logs'>>(
  params: MaybeRefOrGetter<PlataformaE.LogsFeedOptions> = {},
  options: PlataformaEFeedOptions<Message<'logs'>, S> = {},
) {
  const client = usePlataformaEClient(options.client);
  return useFeed(() => client.feed('logs', toValue(params)), options);
}
