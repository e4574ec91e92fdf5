import type { FeedSpec } from '@feedkit/protocol';

/** Stale after this many cadences of silence. */
export const STALE_AFTER_CADENCES = 2;

/** The default of `ClientOptions.staleAfter`: two cadences; never for an event feed (no cadence). */
export function staleAfterTwoCadences(feed: FeedSpec<unknown>): number | undefined {
  return feed.cadenceMs === undefined ? undefined : STALE_AFTER_CADENCES * feed.cadenceMs;
}

export interface FeedFreshnessOptions {
  /** Silence after which the feed is stale; `undefined`: never (an event feed). */
  readonly staleAfterMs: number | undefined;
  /** The feed just turned stale (called once per stale period). */
  readonly onStale: () => void;
  /** @default Date.now */
  readonly now?: () => number;
}

/**
 * Whether a feed with a cadence is on time. Watched only while its socket
 * is open (a closed socket is the connection's news, not staleness). Like
 * the heartbeat, `message()` only stores a timestamp; the timer re-arms
 * itself for the remaining time when it fires early.
 */
export class FeedFreshness {
  readonly #o: FeedFreshnessOptions;
  readonly #now: () => number;
  readonly #limitMs: number | undefined;
  #lastMessageAt: number | undefined;
  /** Start of the current silence: the last message or the socket opening, whichever is later. */
  #since = 0;
  #stale = false;
  #open = false;
  #timer: ReturnType<typeof setTimeout> | undefined;

  constructor(options: FeedFreshnessOptions) {
    this.#o = options;
    this.#now = options.now ?? Date.now;
    this.#limitMs = options.staleAfterMs;
  }

  get lastMessageAt(): number | undefined {
    return this.#lastMessageAt;
  }

  get stale(): boolean {
    return this.#stale;
  }

  /** A message arrived; true when this ended a stale period. */
  message(): boolean {
    const now = this.#now();
    this.#lastMessageAt = this.#since = now;
    if (!this.#stale) return false;
    this.#stale = false;
    if (this.#open) this.#arm(this.#limitMs as number);
    return true;
  }

  /** The socket is open (`true`) or not; true when this ended a stale period. */
  connected(open: boolean): boolean {
    if (open === this.#open) return false;
    const wasStale = this.#stale;
    this.stop();
    this.#open = open;
    if (open && this.#limitMs !== undefined) {
      this.#since = this.#now();
      this.#arm(this.#limitMs);
    }
    return wasStale;
  }

  stop(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    this.#stale = false;
    this.#open = false;
  }

  #arm(ms: number): void {
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => {
      this.#timer = undefined;
      const limit = this.#limitMs as number;
      const left = limit - (this.#now() - this.#since);
      if (left > 0) {
        this.#arm(left);
        return;
      }
      this.#stale = true;
      this.#o.onStale();
    }, ms);
  }
}
