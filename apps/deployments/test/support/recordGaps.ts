import type { Feed } from '@feedkit/client';

/** Records every `gap` flip of a feed, to show a reconnect marked it. */
export function recordGaps(feed: Feed<unknown>): boolean[] {
  const flips: boolean[] = [];
  let last = feed.gap;
  feed.listen(() => {
    if (feed.gap === last) return;
    last = feed.gap;
    flips.push(last);
  });
  return flips;
}
