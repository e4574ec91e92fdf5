import type {
  ClientState,
  FeedArgs,
  FeedkitClient,
  FeedName,
  FeedOf,
  Protocol,
} from '@feedkit/client';
import type { AdapterFeeds } from '@feedkit/protocol';
import { useConnectionState } from './useConnectionState';
import { type UseFeedOptions, useFeed } from './useFeed';

/** `[args, options?]`, where `args` may be left out for feeds that take none. */
type FeedHookArgs<P extends Protocol, K extends FeedName<P>, S> =
  [] extends FeedArgs<P, K>
    ? [args?: FeedArgs<P, K>, options?: UseFeedOptions<FeedOf<P, K>, S>]
    : [args: FeedArgs<P, K>, options?: UseFeedOptions<FeedOf<P, K>, S>];

export interface FeedkitHooks<P extends Protocol> {
  readonly client: FeedkitClient<P>;
  // Spelt out rather than `FeedName<P>`: a misspelt name's error then lists the names.
  /**
   * `useFeed` by feed name, typed by the client's protocol: an unknown name
   * or wrong arguments do not compile.
   *
   * @example
   * const { useFeed } = createHooks(client);
   * const metrics = useFeed('metrics');
   * const members = useFeed('consumerGroup', ['orders'], { select: (m) => m.data.members });
   */
  useFeed<K extends keyof AdapterFeeds<P['adapter']> & string, S = FeedOf<P, K>>(
    name: K,
    ...rest: FeedHookArgs<P, K, S>
  ): S | undefined;
  useConnectionState(): ClientState;
}

/**
 * Hooks bound to one client, without a provider: for a second system on the
 * same page, or for a system without a per-system entry point.
 */
export function createHooks<P extends Protocol>(client: FeedkitClient<P>): FeedkitHooks<P> {
  return {
    client,
    useFeed(name, ...[args, options]) {
      const feedArgs = (args ?? []) as FeedArgs<P, typeof name>;
      return useFeed(client.feed(name, ...feedArgs), options);
    },
    useConnectionState: () => useConnectionState(client as FeedkitClient),
  };
}
