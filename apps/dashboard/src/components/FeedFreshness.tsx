import type { Feed, FeedStatus } from '@feedkit/client';
import { useFeedStatus } from '@feedkit/react';
import { formatClock } from '../formatClock';

export interface FeedFreshnessProps {
  /** What the reader calls the feed: "metrics", "backends". */
  readonly label: string;
  readonly feed: Feed<unknown>;
}

/** "metrics: live, 12:04:31": one feed's status, from the cadence its document promises. */
export function describeFreshness(label: string, status: FeedStatus): string {
  const at = status.lastMessageAt === undefined ? '' : `, ${formatClock(status.lastMessageAt)}`;
  const waiting = status.status === 'live' && status.lastMessageAt === undefined;
  return `${label}: ${waiting ? 'waiting for the first message' : status.status}${at}`;
}

/** One feed's freshness: live, stale (silent for about two of its cadences), reconnecting, ... */
export function FeedFreshness({ label, feed }: FeedFreshnessProps) {
  const status = useFeedStatus(feed);
  return (
    <span
      className={`freshness freshness-${status.status}`}
      data-testid={`freshness-${label}`}
      data-status={status.status}
    >
      {describeFreshness(label, status)}
    </span>
  );
}
