/** Milliseconds to wait before reconnect attempt `attempt` (1 for the first retry). */
export type Backoff = (attempt: number) => number;

export interface FullJitterOptions {
  /** Upper bound of the first wait. @default 1000 */
  readonly initialMs?: number;
  /** Largest wait, however many attempts failed. @default 30000 */
  readonly maxMs?: number;
  /** Source of randomness in [0, 1). @default Math.random */
  readonly random?: () => number;
}

/**
 * Exponential backoff with FULL jitter: a uniform wait in
 * `[0, min(maxMs, initialMs * 2^(attempt-1)))`. Full jitter (rather than
 * "delay ± 10%") spreads a herd of clients over the whole window when a
 * server restarts, so they do not reconnect in lock-step. The seeds' own
 * clients use 1 s doubling to 30 s; those are the defaults.
 *
 * @example createClient({ url, protocol, backoff: fullJitterBackoff({ maxMs: 10_000 }) })
 */
export function fullJitterBackoff(options: FullJitterOptions = {}): Backoff {
  const initialMs = options.initialMs ?? 1000;
  const maxMs = options.maxMs ?? 30_000;
  const random = options.random ?? Math.random;
  return (attempt) => {
    // 2^(attempt-1) overflows to Infinity for huge attempts; min() keeps it at the cap.
    const ceiling = Math.min(maxMs, initialMs * 2 ** Math.max(0, attempt - 1));
    return Math.floor(random() * ceiling);
  };
}

/** The longest wait any backoff may ask for; longer ones are clamped to it. */
export const MAX_BACKOFF_MS = 300_000;

/**
 * Guards a user's backoff: NaN (or not a number) becomes the default
 * full-jitter wait, a negative wait 0, one over `maxMs` the cap, and the
 * first such value is reported once through `onInvalid` (a NaN used to
 * become a 1 ms retry loop).
 */
export function checkedBackoff(
  backoff: Backoff,
  onInvalid: (problem: string) => void,
  maxMs = MAX_BACKOFF_MS,
): Backoff {
  const fallback = fullJitterBackoff();
  let reported = false;
  return (attempt) => {
    const wait = backoff(attempt);
    let fixed: number;
    let problem: string;
    if (typeof wait !== 'number' || Number.isNaN(wait)) {
      fixed = fallback(attempt);
      problem = `${String(wait)}; using the default full-jitter wait instead`;
    } else if (wait < 0) {
      fixed = 0;
      problem = `${wait} ms, a negative wait; using 0`;
    } else if (wait > maxMs) {
      fixed = maxMs;
      problem = `${wait} ms, more than the ${maxMs} ms cap; using the cap`;
    } else {
      return wait;
    }
    if (!reported) {
      reported = true;
      onInvalid(`backoff(${attempt}) returned ${problem} (reported once)`);
    }
    return fixed;
  };
}
