export interface HeartbeatOptions {
  /** Time between pings; `undefined` sends none and only watches for silence (VeloFlux in browsers). */
  readonly intervalMs: number | undefined;
  /** Longest silence (no frame of any kind) before the peer is declared dead. */
  readonly timeoutMs: number;
  /** Sends one ping in the system's dialect. */
  readonly ping?: () => void;
  /**
   * Whether the peer answers every ping (`pong()`): then a ping unanswered
   * for `timeoutMs` is a dead peer even while other frames arrive (a proxy
   * that stopped forwarding our side). @default false
   */
  readonly answered?: boolean;
  /** Called once when `timeoutMs` passed without any sign of life. */
  readonly onDead: () => void;
  /** @default Date.now */
  readonly now?: () => number;
}

/**
 * Detects a dead peer: pings every `intervalMs` and declares the peer dead
 * when nothing at all arrived for `timeoutMs`, or, where the peer answers
 * pings, when the oldest unanswered ping is `timeoutMs` old: frames from a
 * peer that no longer hears us prove nothing about our direction.
 *
 * `alive()` runs on every frame, so it only stores a timestamp; the deadline
 * timer re-arms itself lazily for the remaining time instead of being reset
 * per frame.
 */
export class Heartbeat {
  readonly #options: HeartbeatOptions;
  readonly #now: () => number;
  #lastSeen = 0;
  /** Frames seen, so a probe knows whether anything arrived after it. */
  #frames = 0;
  /** When the oldest ping still without an answer was sent. */
  #unansweredSince: number | undefined;
  #pingTimer: ReturnType<typeof setTimeout> | undefined;
  #deadlineTimer: ReturnType<typeof setTimeout> | undefined;
  #probeTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(options: HeartbeatOptions) {
    this.#options = options;
    this.#now = options.now ?? Date.now;
  }

  get running(): boolean {
    return this.#deadlineTimer !== undefined;
  }

  start(): void {
    this.stop();
    this.#lastSeen = this.#now();
    this.#unansweredSince = undefined;
    this.#armDeadline(this.#options.timeoutMs);
    this.#schedulePing();
  }

  /** A frame arrived. */
  alive(): void {
    this.#frames++;
    this.#lastSeen = this.#now();
  }

  /** Whether the deadline has passed by the wall clock, even if its timer has not fired (a throttled or frozen page). */
  expired(): boolean {
    return this.running && this.#now() - this.#waitingSince() >= this.#options.timeoutMs;
  }

  /** The peer answered our pings. */
  pong(): void {
    this.#frames++;
    this.#lastSeen = this.#now();
    this.#unansweredSince = undefined;
  }

  /**
   * Pings now, and declares the peer dead unless some frame arrives within
   * `withinMs` (a feed went stale: a cheap check before waiting out the full
   * timeout). Without a ping there is nothing to ask; the timeout decides.
   */
  probe(withinMs: number): void {
    const { ping } = this.#options;
    if (ping === undefined || this.#probeTimer !== undefined || !this.running) return;
    const seen = this.#frames;
    ping();
    this.#probeTimer = setTimeout(() => {
      this.#probeTimer = undefined;
      if (this.#frames > seen) return;
      this.stop();
      this.#options.onDead();
    }, withinMs);
  }

  stop(): void {
    clearTimeout(this.#probeTimer);
    this.#probeTimer = undefined;
    clearTimeout(this.#pingTimer);
    clearTimeout(this.#deadlineTimer);
    this.#pingTimer = undefined;
    this.#deadlineTimer = undefined;
  }

  #schedulePing(): void {
    const { intervalMs, ping } = this.#options;
    if (intervalMs === undefined || ping === undefined) return;
    this.#pingTimer = setTimeout(() => {
      this.#pingTimer = undefined;
      if (this.#options.answered) this.#unansweredSince ??= this.#now();
      ping();
      if (this.running) this.#schedulePing();
    }, intervalMs);
  }

  /** Since when the peer owes us a sign of life. */
  #waitingSince(): number {
    return Math.min(this.#lastSeen, this.#unansweredSince ?? Infinity);
  }

  #armDeadline(ms: number): void {
    this.#deadlineTimer = setTimeout(() => {
      const now = this.#now();
      const { timeoutMs } = this.#options;
      const left = timeoutMs - (now - this.#waitingSince());
      if (left > 0) {
        this.#armDeadline(left);
        return;
      }
      this.stop();
      this.#options.onDead();
    }, ms);
  }
}
