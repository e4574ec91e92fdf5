import type { Feed } from '@feedkit/client';
import { useCallback, useEffect, useMemo, useRef, useSyncExternalStore } from 'react';

export interface UseFeedOptions<M, S = M> {
  /**
   * Picks the part of the latest message this component needs. The component
   * re-renders only when the picked value changes (by `isEqual`), so a
   * thousand components can each watch one row of the same feed. Called only
   * when a message has arrived; an inline arrow is fine.
   *
   * @default the whole message
   * @example
   * const backend = useBackends({ select: (m) => m.data.find((b) => b.id === id) });
   */
  readonly select?: (message: M) => S;
  /**
   * Whether two selected values are the same, in which case the component
   * keeps the previous one and does not re-render.
   *
   * @default Object.is
   */
  readonly isEqual?: (a: S, b: S) => boolean;
}

// The server has no socket and never will: render "no data yet".
const getServerSnapshot = () => undefined;

/**
 * The latest message of `feed` (or the slice `select` picks from it),
 * `undefined` until the first one arrives. Holding the hook holds the wire
 * subscription; unmounting releases it.
 *
 * Built on `useSyncExternalStore` over `feed.listen` / `feed.getSnapshot`, so
 * it is tear-free under concurrent rendering and StrictMode-safe: the client
 * returns the same `Feed` object for the same arguments and lingers before
 * closing, so a double mount never makes a second wire subscription. On the
 * server it renders `undefined` and subscribes to nothing.
 *
 * @example
 * const metrics = useFeed(client.feed('metrics'));
 * const lag = useFeed(client.feed('consumerGroup', 'orders'), { select: (m) => m.data.members });
 */
export function useFeed<M, S = M>(feed: Feed<M>, options?: UseFeedOptions<M, S>): S | undefined {
  const select = options?.select;
  const isEqual = options?.isEqual ?? Object.is;
  // The last value this component committed: lets an inline selector (a new
  // function every render) still hand back the previous, equal value.
  const committed = useRef<S | undefined>(undefined);

  const subscribe = useCallback((onChange: () => void) => feed.listen(onChange), [feed]);
  const getSnapshot = useMemo(() => {
    let hasLast = false;
    let lastMessage: M | undefined;
    let lastSelected: S | undefined;
    return (): S | undefined => {
      const message = feed.getSnapshot();
      if (hasLast && Object.is(message, lastMessage)) return lastSelected;
      const previous = hasLast ? lastSelected : committed.current;
      hasLast = true;
      lastMessage = message;
      if (message === undefined) {
        lastSelected = undefined;
      } else {
        const next = select ? select(message) : (message as unknown as S);
        lastSelected =
          previous !== undefined && next !== undefined && isEqual(previous, next) ? previous : next;
      }
      return lastSelected;
    };
  }, [feed, select, isEqual]);

  const value = useSyncExternalStore(subscribe, getSnapshot, getServerSnapshot);
  useEffect(() => {
    committed.current = value;
  }, [value]);
  return value;
}
