import type { ConnectionState } from './FeedkitClient';
import type { FeedkitError } from './FeedkitError';

/**
 * - `connecting`: no socket yet (first connect).
 * - `live`: the socket is open and the feed is on time (or has no cadence).
 * - `stale`: the socket is open but the feed missed about two of its beats; the socket is being probed.
 * - `reconnecting`: the socket was lost and is coming back (`nextRetryAt` says when).
 * - `offline`: no attempts on purpose: the browser is offline, the page hidden or frozen, or the feed's socket closed.
 * - `failed`: for good; `error` says why (credentials refused, client closed).
 */
export type FeedStatusName =
  | 'connecting'
  | 'live'
  | 'stale'
  | 'reconnecting'
  | 'offline'
  | 'failed';

/** One feed's health, as a badge shows it. A new object whenever anything in it changes. */
export interface FeedStatus {
  readonly status: FeedStatusName;
  /** Epoch ms of the feed's last message; `undefined` before the first. */
  readonly lastMessageAt: number | undefined;
  /** Messages may have been missed (after a reconnect, until the next message). */
  readonly gap: boolean;
  /** The fatal error of a `failed` feed. */
  readonly error: FeedkitError | undefined;
  /** Why the connection is as it is (close reason, "the browser is offline"). */
  readonly reason?: string;
  /** Epoch ms of the next attempt, while `reconnecting`. */
  readonly nextRetryAt?: number;
}

/** What `feedStatus` decides from. */
export interface FeedStatusInput {
  readonly connection: ConnectionState | undefined;
  readonly lastMessageAt: number | undefined;
  readonly stale: boolean;
  readonly gap: boolean;
  readonly error: FeedkitError | undefined;
}

/** The one rule from a feed's connection and freshness to its status; pure, so a table test covers it. */
export function feedStatus(input: FeedStatusInput): FeedStatus {
  const { connection, lastMessageAt, gap, error } = input;
  return {
    status: statusName(input),
    lastMessageAt,
    gap,
    error,
    reason: connection?.reason,
    nextRetryAt: connection?.nextRetryAt,
  };
}

function statusName({ connection, lastMessageAt, stale, gap, error }: FeedStatusInput) {
  if (error) return 'failed';
  switch (connection?.status) {
    case 'open':
      return stale ? 'stale' : 'live';
    case 'reconnecting':
      return 'reconnecting';
    case 'offline':
    case 'closed':
      return 'offline';
    case 'connecting':
      // A connect after data already flowed is a reconnect to the user.
      return connection.attempt > 0 || gap || lastMessageAt !== undefined
        ? 'reconnecting'
        : 'connecting';
    default:
      return 'connecting';
  }
}
