import type { Feed } from '@feedkit/client';
import { computed, type MaybeRefOrGetter, toValue, watch } from 'vue';
import { isServer } from './isServer';
import { tryOnScopeDispose } from './tryOnScopeDispose';

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
  const source = computed(() => toValue(feed));
  let unsubscribe: (() => void) | undefined;
  watch(
    source,
    (current) => {
      const previous = unsubscribe;
      const subscription = current.subscribe((message) => handler(message));
      unsubscribe = () => subscription.unsubscribe();
      previous?.();
    },
    { immediate: true },
  );
  tryOnScopeDispose(() => {
    unsubscribe?.();
    unsubscribe = undefined;
  });
}
