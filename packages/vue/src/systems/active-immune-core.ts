/**
 * `@feedkit/vue/active-immune-core`: Active Immune Core composables, one
 * line each over `useFeed`, plus `useBroadcast` over `POST /ws/broadcast`.
 *
 * @example
 * const lastElection = useEventType('leader_elected');
 * const room = ref('alerts');
 * const roomEvent = useRoomEvents(room);
 */
import type { activeImmuneCore, Feed, FeedArgs, FeedkitClient, FeedOf } from '@feedkit/client';
import type { ActiveImmuneCore } from '@feedkit/protocol';
import { type MaybeRefOrGetter, toValue } from 'vue';
import { type ClientOption, useClient } from '../useClient';
import { type UseFeedOptions, useFeed } from '../useFeed';
import { type RestAction, useRestAction } from '../useRestAction';

export type ActiveImmuneCoreProtocol = ReturnType<typeof activeImmuneCore>;
export type ActiveImmuneCoreClient = FeedkitClient<ActiveImmuneCoreProtocol>;
type Message<K extends 'room' | 'eventType' | 'all'> = FeedOf<ActiveImmuneCoreProtocol, K>;
type EventType = FeedArgs<ActiveImmuneCoreProtocol, 'eventType'>[0];

/** `useFeed` options plus the client to use instead of the provided one. */
export interface ActiveImmuneCoreFeedOptions<M, S = M>
  extends UseFeedOptions<M, S>,
    ClientOption<ActiveImmuneCoreClient> {}
type Options<K extends 'room' | 'eventType' | 'all', S> = MaybeRefOrGetter<
  ActiveImmuneCoreFeedOptions<Message<K>, S>
>;

/** The provided Active Immune Core client; throws a clear error if the app provided another system's. */
export function useActiveImmuneCoreClient(client?: ActiveImmuneCoreClient): ActiveImmuneCoreClient {
  return useClient<ActiveImmuneCoreProtocol>('active-immune-core', client);
}

/** Every event broadcast to one room (joins the room while in use). */
export function useRoomEvents<S = Message<'room'>>(
  room: MaybeRefOrGetter<string>,
  options: Options<'room', S> = {},
) {
  const client = useActiveImmuneCoreClient(toValue(options).client);
  return useFeed(() => client.feed('room', toValue(room)), options);
}

/** Events of one type, from joined rooms and room-less broadcasts, typed by that type. */
export function useEventType<T extends EventType, S = ActiveImmuneCore.EventOf<T>>(
  type: MaybeRefOrGetter<T>,
  options: MaybeRefOrGetter<ActiveImmuneCoreFeedOptions<ActiveImmuneCore.EventOf<T>, S>> = {},
) {
  const client = useActiveImmuneCoreClient(toValue(options).client);
  // `client.feed` erases the factory's type parameter; the factory's `accepts` guarantees `T`.
  return useFeed(
    () => client.feed('eventType', toValue(type)) as Feed<ActiveImmuneCore.EventOf<T>>,
    options,
  );
}

/** Every event the connection receives. */
export function useAllEvents<S = Message<'all'>>(options: Options<'all', S> = {}) {
  return useFeed(useActiveImmuneCoreClient(toValue(options).client).feed('all'), options);
}

/**
 * `POST /ws/broadcast` (to one room, or to everyone), with `pending` / `error` / `data` refs.
 * @example
 * const broadcast = useBroadcast();
 * broadcast.run({ event_type: 'system_alert', data: { level: 'warning' }, room: 'alerts' });
 */
export function useBroadcast(
  client?: ActiveImmuneCoreClient,
): RestAction<[body: ActiveImmuneCore.BroadcastRequest], ActiveImmuneCore.BroadcastResponse> {
  return useRestAction(useActiveImmuneCoreClient(client).rest.broadcast);
}
