import { runGuarded } from './runGuarded';

/**
 * Every timer of the server goes through here: periods are the seeds'
 * (5 s, 30 s, ...) multiplied by `timeScale`, and a callback that throws is
 * logged instead of taking the process down.
 */
export class Clock {
  private readonly timers = new Set<NodeJS.Timeout>();

  constructor(
    /** Multiplier for every period: 0.01 makes a 5 s feed tick every 50 ms. @default 1 */
    readonly timeScale = 1,
    private readonly onError: (error: unknown) => void = (error) => console.error(error),
  ) {
    if (!(timeScale > 0) || !Number.isFinite(timeScale)) {
      throw new RangeError(`timeScale must be a positive number, got ${timeScale}`);
    }
  }

  /** A seed period in ms, scaled (never below 1 ms). */
  scaled(ms: number): number {
    return Math.max(1, Math.round(ms * this.timeScale));
  }

  /** Calls `fn` every `ms` (seed time, scaled). Returns the cancel function. */
  every(ms: number, fn: () => void): () => void {
    const timer = setInterval(() => this.run(fn), this.scaled(ms));
    timer.unref();
    this.timers.add(timer);
    return () => {
      clearInterval(timer);
      this.timers.delete(timer);
    };
  }

  /** Calls `fn` once after `ms` (seed time, scaled). Returns the cancel function. */
  after(ms: number, fn: () => void): () => void {
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      this.run(fn);
    }, this.scaled(ms));
    timer.unref();
    this.timers.add(timer);
    return () => {
      clearTimeout(timer);
      this.timers.delete(timer);
    };
  }

  /** Cancels every timer this clock started. */
  stopAll(): void {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
  }

  private run(fn: () => void): void {
    runGuarded(fn, this.onError);
  }
}
