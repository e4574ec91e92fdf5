import type { Feed, FeedStatus } from '@feedkit/client';
import { type MaybeRefOrGetter, type ShallowRef, shallowReadonly, shallowRef, toValue } from 'vue';
import { isServer } from './isServer';
import { watchFeed } from './watchFeed';

/**
 * The feed's health for a badge, as a readonly ref: `status` (`connecting |
 * live | stale | reconnecting | offline | failed`), `lastMessageAt`, `gap`,
 * `error`, and the connection's `reason` and `nextRetryAt`. Listens like
 * `useFeed` does (same feed, so no extra wire subscription); follows a
 * reactive `feed`.
 *
 * @example
 * const status = useFeedStatus(() => client.feed('metrics'));
 */
export function useFeedStatus<M>(
  feed: MaybeRefOrGetter<Feed<M>>,
): Readonly<ShallowRef<FeedStatus>> {
  const status = shallowRef(toValue(feed).status);
  if (isServer()) return shallowReadonly(status);

  watchFeed(feed, (current) => {
    const stop = current.listenStatus(() => {
      status.value = current.status;
    });
    // The feed may have moved between the first read and the listen.
    status.value = current.status;
    return stop;
  });
  return shallowReadonly(status);
}
