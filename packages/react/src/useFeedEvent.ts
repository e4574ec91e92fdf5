import type { Feed } from '@feedkit/client';
import { useEffect, useRef } from 'react';

/**
 * Calls `handler` with every message of `feed` that arrives while the
 * component is mounted, without re-rendering it: for toasts, sounds, logging,
 * or invalidating a query. The latest `handler` is always the one called, so
 * an inline function does not resubscribe. Holding the hook holds the wire
 * subscription.
 *
 * @example
 * useFeedEvent(client.feed('notifications'), (n) => toast(n.data.title));
 */
export function useFeedEvent<M>(feed: Feed<M>, handler: (message: M) => void): void {
  const latest = useRef(handler);
  useEffect(() => {
    latest.current = handler;
  });
  useEffect(() => {
    // A fatal error (credentials refused, client closed) ends the feed; it is shown by
    // `useFeed`/`useConnectionState` and reported on `errors$`, not thrown into the page.
    const subscription = feed.subscribe({
      next: (message) => latest.current(message),
      error: () => {},
    });
    return () => subscription.unsubscribe();
  }, [feed]);
}
