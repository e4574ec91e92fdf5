import type {
  ClientState,
  FeedArgs,
  FeedkitClient,
  FeedName,
  FeedOf,
  Protocol,
} from '@feedkit/client';
import type { AdapterFeeds } from '@feedkit/protocol';
import { type MaybeRefOrGetter, type ShallowRef, toValue } from 'vue';
import { useConnectionState } from './useConnectionState';
import { type UseFeedOptions, useFeed } from './useFeed';

/** `[args, options?]`, where `args` may be left out for feeds that take none. */
type FeedComposableArgs<P extends Protocol, K extends FeedName<P>, S> =
  [] extends FeedArgs<P, K>
    ? [args?: MaybeRefOrGetter<FeedArgs<P, K>>, options?: UseFeedOptions<FeedOf<P, K>, S>]
    : [args: MaybeRefOrGetter<FeedArgs<P, K>>, options?: UseFeedOptions<FeedOf<P, K>, S>];

export interface FeedkitHooks<P extends Protocol> {
  readonly client: FeedkitClient<P>;
  // Spelt out rather than `FeedName<P>`: a misspelt name's error then lists the names.
  /**
   * `useFeed` by feed name, typed by the client's protocol: an unknown name
   * or wrong arguments do not compile. `args` may be a ref or a getter of
   * the argument tuple; a change re-subscribes once.
   *
   * @example
   * const { useFeed } = createHooks(client);
   * const metrics = useFeed('metrics');
   * const members = useFeed('consumerGroup', () => [groupId.value], { select: (m) => m.data.members });
   */
  useFeed<K extends keyof AdapterFeeds<P['adapter']> & string, S = FeedOf<P, K>>(
    name: K,
    ...rest: FeedComposableArgs<P, K, S>
  ): Readonly<ShallowRef<S | undefined>>;
  useConnectionState(): Readonly<ShallowRef<ClientState>>;
}

/**
 * Composables bound to one client, without provide/inject: for a module-level
 * store, a system without a per-system entry point, or a test. Named like
 * `@feedkit/react`'s `createHooks` so the two packages read the same.
 */
export function createHooks<P extends Protocol>(client: FeedkitClient<P>): FeedkitHooks<P> {
  return {
    client,
    useFeed(name, ...[args, options]) {
      return useFeed(
        () => client.feed(name, ...((toValue(args) ?? []) as FeedArgs<P, typeof name>)),
        options,
      );
    },
    useConnectionState: () => useConnectionState(client as FeedkitClient),
  };
}
