import type { Feed } from '@feedkit/client';
import { type MaybeRefOrGetter, type ShallowRef, shallowReadonly, shallowRef, toValue } from 'vue';
import { isServer } from './isServer';
import { watchFeed } from './watchFeed';

/**
 * `true` after a reconnect until the feed's next message: messages may have
 * been missed, so a view showing a running total can say "may be stale".
 * Listens like `useFeed` does (same feed, so no extra wire subscription).
 */
export function useFeedGap<M>(feed: MaybeRefOrGetter<Feed<M>>): Readonly<ShallowRef<boolean>> {
  const gap = shallowRef(toValue(feed).gap);
  if (isServer()) return shallowReadonly(gap);

  watchFeed(feed, (current) => {
    const stop = current.listen(() => {
      gap.value = current.gap;
    });
    // The feed may have moved between the first read and the listen.
    gap.value = current.gap;
    return stop;
  });
  return shallowReadonly(gap);
}
