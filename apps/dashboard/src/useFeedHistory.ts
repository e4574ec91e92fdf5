import type { Feed } from '@feedkit/client';
import { useFeedEvent } from '@feedkit/react';
import { useState } from 'react';

const empty: readonly never[] = [];

/**
 * The last `limit` messages of a feed, newest last, each passed through
 * `map`. Feed hooks hold only the latest message; timelines and charts need
 * a window, which this builds from `useFeedEvent`. Starts empty again when
 * the feed changes (another project, another level).
 */
export function useFeedHistory<M, T = M>(
  feed: Feed<M>,
  limit: number,
  map: (message: M) => T = (message) => message as unknown as T,
): readonly T[] {
  const [history, setHistory] = useState<{ feed: Feed<M>; items: readonly T[] }>({
    feed,
    items: empty,
  });
  useFeedEvent(feed, (message) => {
    const item = map(message);
    setHistory((h) => ({
      feed,
      items:
        h.feed === feed
          ? [...h.items.slice(Math.max(0, h.items.length - limit + 1)), item]
          : [item],
    }));
  });
  return history.feed === feed ? history.items : empty;
}
