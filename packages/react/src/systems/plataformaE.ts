/**
 * `@feedkit/react/plataforma-e`: hooks for Plataforma E's notifications,
 * project and log sockets. The provider's client must be a Plataforma E client.
 */
import type { FeedkitClient, plataformaE } from '@feedkit/client';
import type { PlataformaE } from '@feedkit/protocol';
import { useClient } from '../useClient';
import { type UseFeedOptions, useFeed } from '../useFeed';
import { type RestAction, useRestAction } from '../useRestAction';

export type PlataformaEClient = FeedkitClient<ReturnType<typeof plataformaE>>;

/** The provider's client, typed for Plataforma E; throws if it is another system's. */
export const usePlataformaEClient = (): PlataformaEClient => useClient('plataforma-e');

/** The latest event pushed on `/ws/notifications`. */
export function useNotifications<S = PlataformaE.DataMessage>(
  options?: UseFeedOptions<PlataformaE.DataMessage, S>,
): S | undefined {
  return useFeed(usePlataformaEClient().feed('notifications'), options);
}

/**
 * The latest event of one project. A new `projectId` unsubscribes the old
 * project and subscribes the new one, once each.
 */
export function useProjectEvents<S = PlataformaE.DataMessage>(
  projectId: string,
  options?: UseFeedOptions<PlataformaE.DataMessage, S>,
): S | undefined {
  return useFeed(usePlataformaEClient().feed('project', projectId), options);
}

/**
 * The latest log line at or above `level`.
 *
 * @param filter.level @default 'info'
 */
export function useLogs<S = PlataformaE.LogMessage>(
  filter?: PlataformaE.LogsFeedOptions,
  options?: UseFeedOptions<PlataformaE.LogMessage, S>,
): S | undefined {
  // Keyed by the level, not the object, so an inline `{ level }` is the same feed.
  return useFeed(usePlataformaEClient().feed('logs', { level: filter?.level }), options);
}

/**
 * `POST /api/ws/broadcast` (to one project, or to everyone), with pending and error state.
 *
 * @example
 * const broadcast = useBroadcast();
 * broadcast.run({ event_type: 'notification', data: { title: 'Deploy', message: 'done' }, project_id: 'PROJ-001' });
 */
export function useBroadcast(): RestAction<
  [body: PlataformaE.BroadcastRequest],
  PlataformaE.BroadcastResponse
> {
  return useRestAction(usePlataformaEClient().rest.broadcast);
}
