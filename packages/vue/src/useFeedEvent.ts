import type { Feed } from '@feedkit/client';
import type { MaybeRefOrGetter } from 'vue';
import { isServer } from './isServer';
import { watchFeed } from './watchFeed';

/**
 * Calls `handler` with every message of `feed` (a toast per notification, a
 * sound per alert) without storing anything reactive, so nothing re-renders.
 * Unlike `useFeed`, which keeps only the latest message, every message is
 * delivered, in order.
 *
 * A reactive `feed` re-subscribes like `useFeed` does: new one first, then
 * the old one is released.
 */
export function useFeedEvent<M>(
  feed: MaybeRefOrGetter<Feed<M>>,
  handler: (message: M) => void,
): void {
  if (isServer()) return;
  watchFeed(feed, (current) => {
    const subscription = current.subscribe((message) => handler(message));
    return () => subscription.unsubscribe();
  });
}
