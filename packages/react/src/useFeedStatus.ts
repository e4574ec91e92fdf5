import type { Feed, FeedStatus } from '@feedkit/client';
import { useCallback, useSyncExternalStore } from 'react';

// On the server nothing connects: every feed is still connecting.
const serverStatus: FeedStatus = {
  status: 'connecting',
  lastMessageAt: undefined,
  gap: false,
  error: undefined,
};
const getServerSnapshot = () => serverStatus;

/**
 * The feed's health for a badge: `status` (`connecting | live | stale |
 * reconnecting | offline | failed`), `lastMessageAt`, `gap`, `error`, and
 * the connection's `reason` and `nextRetryAt`. Tells "waiting" (live, no
 * message yet) from "stale" from "failed". Listening holds the wire
 * subscription, like `useFeed`; re-renders when the status changes (every
 * message moves `lastMessageAt`).
 *
 * @example
 * const { status, lastMessageAt } = useFeedStatus(client.feed('metrics'));
 */
export function useFeedStatus(feed: Feed<unknown>): FeedStatus {
  const subscribe = useCallback((onChange: () => void) => feed.listenStatus(onChange), [feed]);
  return useSyncExternalStore(subscribe, () => feed.status, getServerSnapshot);
}
