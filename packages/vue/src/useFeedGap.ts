import type { Feed } from '@feedkit/client';
import {
  computed,
  type MaybeRefOrGetter,
  type ShallowRef,
  shallowReadonly,
  shallowRef,
  toValue,
} from 'vue';
import { isServer } from './isServer';
import { watchFeed } from './watchFeed';

/**
 * `true` after a reconnect until the feed's next message: messages may have
 * been missed, so a view showing a running total can say "may be stale".
 * Listens like `useFeed` does (same feed, so no extra wire subscription).
 */
export function useFeedGap<M>(feed: MaybeRefOrGetter<Feed<M>>): Readonly<ShallowRef<boolean>> {
  const source = computed(() => toValue(feed));
  const gap = shallowRef(source.value.gap);
  if (isServer()) return shallowReadonly(gap);

  watchFeed(source, (current) => {
    gap.value = current.gap;
  });
  return shallowReadonly(gap);
}
