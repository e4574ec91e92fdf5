import { type Feed, FeedObserver } from '@feedkit/client';
import { useMemo, useSyncExternalStore } from 'react';

export interface UseFeedOptions<M, S = M> {
  /**
   * Picks the part of the latest message this component needs. The component
   * re-renders only when the picked value changes (by `isEqual`), so a
   * thousand components can each watch one row of the same feed. Called only
   * when a message has arrived; an inline arrow is fine.
   *
   * @default the whole message
   * @example
   * const backend = useBackends({ select: (m) => m.data.find((b) => b.id === id) });
   */
  readonly select?: (message: M) => S;
  /**
   * Whether two selected values are the same, in which case the component
   * keeps the previous one and does not re-render.
   *
   * @default Object.is
   */
  readonly isEqual?: (a: S, b: S) => boolean;
}

// The server has no socket and never will: render "no data yet".
const getServerSnapshot = () => undefined;

/**
 * The `FeedObserver` of this component for `feed`, with the latest options.
 * Setting options during render is safe: it only swaps the selector and
 * equality, calls nothing back and subscribes to nothing.
 */
export function useFeedObserver<M, S>(
  feed: Feed<M>,
  options: UseFeedOptions<M, S> | undefined,
): FeedObserver<M, S> {
  const observer = useMemo(() => new FeedObserver<M, S>({ feed }), [feed]);
  observer.setOptions({ feed, select: options?.select, isEqual: options?.isEqual });
  return observer;
}

/**
 * The latest message of `feed` (or the slice `select` picks from it),
 * `undefined` until the first one arrives. Holding the hook holds the wire
 * subscription; unmounting releases it.
 *
 * `useSyncExternalStore` over a `FeedObserver`, so it is tear-free under
 * concurrent rendering and StrictMode-safe: the client returns the same
 * `Feed` object for the same arguments and lingers before closing, so a
 * double mount never makes a second wire subscription. On the server it
 * renders `undefined` and subscribes to nothing.
 *
 * @example
 * const metrics = useFeed(client.feed('metrics'));
 * const lag = useFeed(client.feed('consumerGroup', 'orders'), { select: (m) => m.data.members });
 */
export function useFeed<M, S = M>(feed: Feed<M>, options?: UseFeedOptions<M, S>): S | undefined {
  const observer = useFeedObserver(feed, options);
  return useSyncExternalStore(observer.listen, observer.getSnapshot, getServerSnapshot);
}
