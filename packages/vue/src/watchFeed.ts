import type { Feed } from '@feedkit/client';
import { type ComputedRef, watch } from 'vue';
import { tryOnScopeDispose } from './tryOnScopeDispose';

/**
 * The one subscription mechanism behind `useFeed` and `useFeedGap`: listens
 * to the current feed of `source` and calls `onChange(feed)` on every change
 * of its snapshot or gap, and once right after each (re)listen.
 *
 * When `source` yields a different feed, the new one is listened to *before*
 * the old one is released, so two feeds on one socket never drop its last
 * listener in between (no close-and-reopen for `useTopicEvents(topic)`).
 * The client hands out the same `Feed` for the same arguments, so a getter
 * that re-runs without changing arguments re-subscribes nothing.
 */
export function watchFeed<M>(source: ComputedRef<Feed<M>>, onChange: (feed: Feed<M>) => void) {
  let unlisten: (() => void) | undefined;
  watch(
    source,
    (feed) => {
      const previous = unlisten;
      unlisten = feed.listen(() => onChange(feed));
      previous?.();
      // The feed may have moved between the caller's first read and the listen.
      onChange(feed);
    },
    { immediate: true },
  );
  tryOnScopeDispose(() => {
    unlisten?.();
    unlisten = undefined;
  });
}
