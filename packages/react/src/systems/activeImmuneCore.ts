/**
 * `@feedkit/react/active-immune-core`: hooks for Active Immune Core's `/ws`
 * (rooms and event-type filters on one socket). The provider's client must be
 * an Active Immune Core client.
 */
import type { activeImmuneCore, Feed, FeedkitClient } from '@feedkit/client';
import type { ActiveImmuneCore } from '@feedkit/protocol';
import { useClient } from '../useClient';
import { type UseFeedOptions, useFeed } from '../useFeed';
import { type RestAction, useRestAction } from '../useRestAction';

export type ActiveImmuneCoreClient = FeedkitClient<ReturnType<typeof activeImmuneCore>>;

/** The provider's client, typed for Active Immune Core; throws if it is another system's. */
export const useActiveImmuneCoreClient = (): ActiveImmuneCoreClient =>
  useClient('active-immune-core');

/** The latest event broadcast to `room` (joins the room while mounted). */
export function useRoomEvents<S = ActiveImmuneCore.ServerEvent>(
  room: string,
  options?: UseFeedOptions<ActiveImmuneCore.ServerEvent, S>,
): S | undefined {
  return useFeed(useActiveImmuneCoreClient().feed('room', room), options);
}

/** The latest event of one type, typed by that type. */
export function useEventType<T extends ActiveImmuneCore.EventType, S = ActiveImmuneCore.EventOf<T>>(
  type: T,
  options?: UseFeedOptions<ActiveImmuneCore.EventOf<T>, S>,
): S | undefined {
  // `client.feed` erases the factory's type parameter; the factory's `accepts` guarantees `T`.
  const feed = useActiveImmuneCoreClient().feed('eventType', type) as Feed<
    ActiveImmuneCore.EventOf<T>
  >;
  return useFeed(feed, options);
}

/** The latest event of any type this connection receives. */
export function useAllEvents<S = ActiveImmuneCore.ServerEvent>(
  options?: UseFeedOptions<ActiveImmuneCore.ServerEvent, S>,
): S | undefined {
  return useFeed(useActiveImmuneCoreClient().feed('all'), options);
}

/**
 * `POST /ws/broadcast` (to one room, or to everyone), with pending and error state.
 *
 * @example
 * const broadcast = useBroadcast();
 * broadcast.run({ event_type: 'system_alert', data: { level: 'warning' }, room: 'alerts' });
 */
export function useBroadcast(): RestAction<
  [body: ActiveImmuneCore.BroadcastRequest],
  ActiveImmuneCore.BroadcastResponse
> {
  return useRestAction(useActiveImmuneCoreClient().rest.broadcast);
}
