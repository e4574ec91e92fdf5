import type { Feed } from '@feedkit/client';
import { type MaybeRefOrGetter, toValue, watch } from 'vue';
import { tryOnScopeDispose } from './tryOnScopeDispose';

/**
 * Keeps one hold on the current feed of a reactive `source` (`hold` returns
 * how to let go), for the composables that do not select: `useFeedGap` and
 * `useFeedEvent`. `useFeed` gets the same from its `FeedObserver`.
 *
 * When `source` yields a different feed, the new one is held *before* the
 * old one is released, so two feeds on one socket never drop its last
 * holder in between (no close-and-reopen for `useTopicEvents(topic)`). The
 * client hands out the same `Feed` for the same arguments, so a getter that
 * re-runs without changing arguments re-subscribes nothing. Released on
 * scope dispose.
 */
export function watchFeed<M>(
  source: MaybeRefOrGetter<Feed<M>>,
  hold: (feed: Feed<M>) => () => void,
): void {
  let release: (() => void) | undefined;
  watch(
    () => toValue(source),
    (feed) => {
      const previous = release;
      release = hold(feed);
      previous?.();
    },
    { immediate: true },
  );
  tryOnScopeDispose(() => {
    release?.();
    release = undefined;
  });
}
