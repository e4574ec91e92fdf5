import type { Feed, FeedkitError } from '@feedkit/client';
import { useEffect, useSyncExternalStore } from 'react';
import { type UseFeedOptions, useFeedObserver } from './useFeed';

/** A feed someone is suspended on, and the listener that holds its wire subscription meanwhile. */
interface Waiting {
  readonly ready: Promise<void>;
  release(): void;
}
const waiting = new WeakMap<Feed<unknown>, Waiting>();

/**
 * Resolves at the feed's first message or fatal error. The listener that
 * holds the wire subscription stays until the component that suspended
 * commits and holds the feed itself (or the feed failed), so a short linger
 * cannot forget the first message in between. Shared by every component
 * suspended on the same feed.
 */
function whenReady(feed: Feed<unknown>): Promise<void> {
  const existing = waiting.get(feed);
  if (existing) return existing.ready;
  let stop: () => void = () => {};
  const ready = new Promise<void>((resolve) => {
    stop = feed.listen(() => {
      if (feed.error) release(feed);
      if (feed.getSnapshot() !== undefined || feed.error) resolve();
    });
  });
  waiting.set(feed, { ready, release: () => stop() });
  return ready;
}

function release(feed: Feed<unknown>): void {
  waiting.get(feed)?.release();
  waiting.delete(feed);
}

const noError = () => undefined;

/**
 * `useFeed` for a `<Suspense>` boundary: the component suspends until the
 * feed's first message and then always has data, so the return type has no
 * `undefined` of its own. A fatal error of the feed (credentials refused,
 * client closed) is thrown to the nearest error boundary, also after data
 * has arrived: such a feed never updates again.
 *
 * On the server there is no socket: it throws, which makes React render the
 * Suspense fallback there and the component on the client.
 *
 * @example
 * <ErrorBoundary fallback={<p>feed failed</p>}>
 *   <Suspense fallback={<p>waiting…</p>}>
 *     <Rate /> // const rate = useSuspenseFeed(client.feed('metrics'), { select: (m) => m.data.throughput.produceRate });
 *   </Suspense>
 * </ErrorBoundary>
 */
export function useSuspenseFeed<M, S = M>(feed: Feed<M>, options?: UseFeedOptions<M, S>): S {
  const observer = useFeedObserver(feed, options);
  const value = useSyncExternalStore(observer.listen, observer.getSnapshot, observer.getSnapshot);
  const error = useSyncExternalStore<FeedkitError | undefined>(
    observer.listen,
    () => observer.error,
    noError,
  );
  // After this component's own listener is in place (effects run in order).
  useEffect(() => release(feed), [feed]);
  if (error) throw error;
  if (feed.getSnapshot() === undefined) {
    if (typeof window === 'undefined') {
      throw new Error(
        'useSuspenseFeed: a live feed has no data on the server; rendered on the client',
      );
    }
    throw whenReady(feed);
  }
  // A message exists, so the value is what `select` made of it (which may itself include undefined).
  return value as S;
}
