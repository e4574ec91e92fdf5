import type { Backoff } from './Backoff';

export interface DecorrelatedJitterOptions {
  /** Shortest wait, and the scale of the first one (uniform in [baseMs, 3 × baseMs)). @default 1000 */
  readonly baseMs?: number;
  /** Longest wait while the page is visible (and in Node, where nobody hides). @default 4000 */
  readonly maxMs?: number;
  /** Longest wait while the page is hidden: nobody is looking, the server gets fewer attempts. @default 30000 */
  readonly hiddenMaxMs?: number;
  /** Whether the page is hidden now. @default document.visibilityState === 'hidden' (false outside browsers) */
  readonly hidden?: () => boolean;
  /** Source of randomness in [0, 1). @default Math.random */
  readonly random?: () => number;
}

/**
 * Decorrelated jitter: each wait is uniform in `[baseMs, 3 × previous)`,
 * capped. Unlike doubling, the waits do not march in step, so a herd
 * restarted together spreads over the first two seconds and stays spread;
 * the low cap while someone is looking means a client comes back within
 * a few seconds of the server, whatever the outage lasted (after a 10 s
 * outage the median wait is about 1.6 s, see `pnpm bench`). A hidden tab
 * uses the higher cap.
 *
 * The previous wait is kept per client and restarts with attempt 1.
 *
 * @example createClient({ url, protocol, backoff: decorrelatedJitterBackoff({ maxMs: 10_000 }) })
 */
export function decorrelatedJitterBackoff(options: DecorrelatedJitterOptions = {}): Backoff {
  const baseMs = options.baseMs ?? 1000;
  const maxMs = options.maxMs ?? 4000;
  const hiddenMaxMs = options.hiddenMaxMs ?? 30_000;
  const hidden = options.hidden ?? pageHidden;
  const random = options.random ?? Math.random;
  let previous = baseMs;
  return (attempt) => {
    if (attempt <= 1) previous = baseMs;
    const cap = hidden() ? hiddenMaxMs : maxMs;
    const wait = Math.min(cap, baseMs + random() * (3 * previous - baseMs));
    previous = wait;
    return Math.floor(wait);
  };
}

function pageHidden(): boolean {
  const document = (globalThis as { document?: { visibilityState?: string } }).document;
  return document?.visibilityState === 'hidden';
}
