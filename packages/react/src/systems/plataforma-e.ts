/**
 * `@feedkit/react/plataforma-e`: hooks for Plataforma E's notifications,
 * project and log sockets. The provider's client must be a Plataforma E client.
 */
import type { FeedkitClient, plataformaE } from '@feedkit/client';
import type { PlataformaE } from '@feedkit/protocol';
import { type ClientOption, useClient } from '../useClient';
import { type UseFeedOptions, useFeed } from '../useFeed';
import { type RestAction, useRestAction } from '../useRestAction';

export type PlataformaEProtocol = ReturnType<typeof plataformaE>;
export type PlataformaEClient = FeedkitClient<PlataformaEProtocol>;

/** `useFeed` options plus the client to use instead of the provider's. */
export interface PlataformaEFeedOptions<M, S = M>
  extends UseFeedOptions<M, S>,
    ClientOption<PlataformaEClient> {}

/** The provider's (or the given) client, typed for Plataforma E; throws if it is another system's. */
export const usePlataformaEClient = (client?: PlataformaEClient): PlataformaEClient =>
  useClient<PlataformaEProtocol>('plataforma-e', client);

/** The latest event pushed on `/ws/notifications`. */
export function useNotifications<S = PlataformaE.DataMessage>(
  options?: PlataformaEFeedOptions<PlataformaE.DataMessage, S>,
): S | undefined {
  return useFeed(usePlataformaEClient(options?.client).feed('notifications'), options);
}

/**
 * The latest event of one project. A new `projectId` unsubscribes the old
 * project and subscribes the new one, once each.
 */
export function useProjectEvents<S = PlataformaE.DataMessage>(
  projectId: string,
  options?: PlataformaEFeedOptions<PlataformaE.DataMessage, S>,
): S | undefined {
  return useFeed(usePlataformaEClient(options?.client).feed('project', projectId), options);
}

/**
 * The latest log line at or above `level`.
 *
 * @param filter.level @default 'info'
 */
export function useLogs<S = PlataformaE.LogMessage>(
  filter?: PlataformaE.LogsFeedOptions,
  options?: PlataformaEFeedOptions<PlataformaE.LogMessage, S>,
): S | undefined {
  // Keyed by the level, not the object, so an inline `{ level }` is the same feed.
  return useFeed(
    usePlataformaEClient(options?.client).feed('logs', { level: filter?.level }),
    options,
  );
}

/**
 * `POST /api/ws/broadcast` (to one project, or to everyone), with pending and error state.
 *
 * @example
 * const broadcast = useBroadcast();
 * broadcast.run({ event_type: 'notification', data: { title: 'Deploy', message: 'done' }, project_id: 'PROJ-001' });
 */
export function useBroadcast(
  client?: PlataformaEClient,
): RestAction<[body: PlataformaE.BroadcastRequest], PlataformaE.BroadcastResponse> {
  return useRestAction(usePlataformaEClient(client).rest.broadcast);
}
