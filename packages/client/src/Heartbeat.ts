export interface HeartbeatOptions {
  /** Time between pings; `undefined` sends none and only watches for silence (VeloFlux in browsers). */
  readonly intervalMs: number | undefined;
  /** Longest silence (no frame of any kind) before the peer is declared dead. */
  readonly timeoutMs: number;
  /** Sends one ping in the system's dialect. */
  readonly ping?: () => void;
  /** Called once when `timeoutMs` passed without any sign of life. */
  readonly onDead: () => void;
  /** @default Date.now */
  readonly now?: () => number;
}

/**
 * Detects a dead peer: pings every `intervalMs` and declares the peer dead
 * when nothing at all arrived for `timeoutMs`. Any received frame counts as
 * life, not only pongs, so a busy feed never needs its pongs.
 *
 * `alive()` runs on every frame, so it only stores a timestamp; the deadline
 * timer re-arms itself lazily for the remaining time instead of being reset
 * per frame.
 */
export class Heartbeat {
  readonly #options: HeartbeatOptions;
  readonly #now: () => number;
  #lastSeen = 0;
  #pingTimer: ReturnType<typeof setTimeout> | undefined;
  #deadlineTimer: ReturnType<typeof setTimeout> | undefined;

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
    this.#armDeadline(this.#options.timeoutMs);
    this.#schedulePing();
  }

  /** A frame arrived. */
  alive(): void {
    this.#lastSeen = this.#now();
  }

  /** Whether the deadline has passed by the wall clock, even if its timer has not fired (a throttled or frozen page). */
  expired(): boolean {
    return this.running && this.#now() - this.#lastSeen >= this.#options.timeoutMs;
  }

  stop(): void {
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
      ping();
      if (this.running) this.#schedulePing();
    }, intervalMs);
  }

  #armDeadline(ms: number): void {
    this.#deadlineTimer = setTimeout(() => {
      const silentFor = this.#now() - this.#lastSeen;
      const left = this.#options.timeoutMs - silentFor;
      if (left > 0) {
        this.#armDeadline(left);
        return;
      }
      this.stop();
      this.#options.onDead();
    }, ms);
  }
}
