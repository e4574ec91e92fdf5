import type { Feed } from '@feedkit/client';
import { useCallback, useSyncExternalStore } from 'react';

/**
 * `true` after a reconnect until the feed's next message: messages may have
 * been missed, so a UI can show "data may be stale" or refetch over REST.
 * Listening holds the wire subscription, like `useFeed`.
 *
 * @example
 * const gap = useFeedGap(client.feed('notifications'));
 */
export function useFeedGap(feed: Feed<unknown>): boolean {
  const subscribe = useCallback((onChange: () => void) => feed.listen(onChange), [feed]);
  return useSyncExternalStore(
    subscribe,
    () => feed.gap,
    () => false,
  );
}
