/**
 * `@feedkit/vue/plataforma-e`: Plataforma E composables, one line each over
 * `useFeed`, plus `useBroadcast` over `POST /api/ws/broadcast`.
 *
 * @example
 * const projectId = ref('PROJ-001');
 * const lastEvent = useProjectEvents(projectId); // one unsubscribe + one subscribe per change
 */
import type { FeedkitClient, FeedOf, plataformaE } from '@feedkit/client';
import type { PlataformaE } from '@feedkit/protocol';
import { type MaybeRefOrGetter, toValue } from 'vue';
import { type ClientOption, useClient } from '../useClient';
import { type UseFeedOptions, useFeed } from '../useFeed';
import { type RestAction, useRestAction } from '../useRestAction';

export type PlataformaEProtocol = ReturnType<typeof plataformaE>;
export type PlataformaEClient = FeedkitClient<PlataformaEProtocol>;
type Message<K extends 'notifications' | 'project' | 'logs'> = FeedOf<PlataformaEProtocol, K>;

/** `useFeed` options plus the client to use instead of the provided one. */
export interface PlataformaEFeedOptions<M, S = M>
  extends UseFeedOptions<M, S>,
    ClientOption<PlataformaEClient> {}
type Options<K extends 'notifications' | 'project' | 'logs', S> = MaybeRefOrGetter<
  PlataformaEFeedOptions<Message<K>, S>
>;

/** The provided Plataforma E client; throws a clear error if the app provided another system's. */
export function usePlataformaEClient(client?: PlataformaEClient): PlataformaEClient {
  return useClient<PlataformaEProtocol>('plataforma-e', client);
}

/** Every data event on `/ws/notifications`. */
export function useNotifications<S = Message<'notifications'>>(
  options: Options<'notifications', S> = {},
) {
  return useFeed(usePlataformaEClient(toValue(options).client).feed('notifications'), options);
}

/** One project's events (stories, tasks, chat, jobs). */
export function useProjectEvents<S = Message<'project'>>(
  projectId: MaybeRefOrGetter<string>,
  options: Options<'project', S> = {},
) {
  const client = usePlataformaEClient(toValue(options).client);
  return useFeed(() => client.feed('project', toValue(projectId)), options);
}

/**
 * `log_message` at or above a level. The level object is resolved on each
 * change, but the feed is keyed by level, so `{ level: 'info' }` twice is
 * one subscription.
 */
export function useLogs<S = Message<'logs'>>(
  params: MaybeRefOrGetter<PlataformaE.LogsFeedOptions> = {},
  options: Options<'logs', S> = {},
) {
  const client = usePlataformaEClient(toValue(options).client);
  return useFeed(() => client.feed('logs', toValue(params)), options);
}

/**
 * `POST /api/ws/broadcast` (to one project, or to everyone), with `pending` / `error` / `data` refs.
 * @example
 * const broadcast = useBroadcast();
 * broadcast.run({ event_type: 'notification', data: { title: 'Deploy', message: 'done' }, project_id: 'PROJ-001' });
 */
export function useBroadcast(
  client?: PlataformaEClient,
): RestAction<[body: PlataformaE.BroadcastRequest], PlataformaE.BroadcastResponse> {
  return useRestAction(usePlataformaEClient(client).rest.broadcast);
}
