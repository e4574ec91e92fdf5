/**
 * `@feedkit/react/active-immune-core`: hooks for Active Immune Core's `/ws`
 * (rooms and event-type filters on one socket). The provider's client must be
 * an Active Immune Core client.
 */
import type { activeImmuneCore, Feed, FeedkitClient } from '@feedkit/client';
import type { ActiveImmuneCore } from '@feedkit/protocol';
import { type ClientOption, useClient } from '../useClient';
import { type UseFeedOptions, useFeed } from '../useFeed';
import { type RestAction, useRestAction } from '../useRestAction';

export type ActiveImmuneCoreProtocol = ReturnType<typeof activeImmuneCore>;
export type ActiveImmuneCoreClient = FeedkitClient<ActiveImmuneCoreProtocol>;

/** `useFeed` options plus the client to use instead of the provider's. */
export interface ActiveImmuneCoreFeedOptions<M, S = M>
  extends UseFeedOptions<M, S>,
    ClientOption<ActiveImmuneCoreClient> {}

/** The provider's (or the given) client, typed for Active Immune Core; throws if it is another system's. */
export const useActiveImmuneCoreClient = (
  client?: ActiveImmuneCoreClient,
): ActiveImmuneCoreClient => useClient<ActiveImmuneCoreProtocol>('active-immune-core', client);

/** The latest event broadcast to `room` (joins the room while mounted). */
export function useRoomEvents<S = ActiveImmuneCore.ServerEvent>(
  room: string,
  options?: ActiveImmuneCoreFeedOptions<ActiveImmuneCore.ServerEvent, S>,
): S | undefined {
  return useFeed(useActiveImmuneCoreClient(options?.client).feed('room', room), options);
}

/** The latest event of one type, typed by that type. */
export function useEventType<T extends ActiveImmuneCore.EventType, S = ActiveImmuneCore.EventOf<T>>(
  type: T,
  options?: ActiveImmuneCoreFeedOptions<ActiveImmuneCore.EventOf<T>, S>,
): S | undefined {
  // `client.feed` erases the factory's type parameter; the factory's `accepts` guarantees `T`.
  const feed = useActiveImmuneCoreClient(options?.client).feed('eventType', type) as Feed<
    ActiveImmuneCore.EventOf<T>
  >;
  return useFeed(feed, options);
}

/** The latest event of any type this connection receives. */
export function useAllEvents<S = ActiveImmuneCore.ServerEvent>(
  options?: ActiveImmuneCoreFeedOptions<ActiveImmuneCore.ServerEvent, S>,
): S | undefined {
  return useFeed(useActiveImmuneCoreClient(options?.client).feed('all'), options);
}

/**
 * `POST /ws/broadcast` (to one room, or to everyone), with pending and error state.
 *
 * @example
 * const broadcast = useBroadcast();
 * broadcast.run({ event_type: 'system_alert', data: { level: 'warning' }, room: 'alerts' });
 */
export function useBroadcast(
  client?: ActiveImmuneCoreClient,
): RestAction<[body: ActiveImmuneCore.BroadcastRequest], ActiveImmuneCore.BroadcastResponse> {
  return useRestAction(useActiveImmuneCoreClient(client).rest.broadcast);
}
