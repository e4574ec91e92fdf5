import { describe, expect, it } from 'vitest';
import { fullJitterBackoff } from '../src/Backoff';

describe('fullJitterBackoff', () => {
  it('waits up to initial × 2^(attempt-1): the ceiling doubles per attempt', () => {
    const top = fullJitterBackoff({ random: () => 0.999_999 });
    expect([1, 2, 3, 4, 5].map(top)).toEqual([999, 1999, 3999, 7999, 15_999]);
  });

  it('is capped at 30 s by default, however many attempts failed', () => {
    const top = fullJitterBackoff({ random: () => 0.999_999 });
    expect(top(6)).toBe(29_999);
    expect(top(50)).toBe(29_999);
    expect(top(10_000)).toBe(29_999);
  });

  it('full jitter: the lower bound is always 0, not a fraction of the delay', () => {
    const bottom = fullJitterBackoff({ random: () => 0 });
    expect([1, 5, 20].map(bottom)).toEqual([0, 0, 0]);
  });

  it('stays within [0, ceiling) for real randomness', () => {
    const backoff = fullJitterBackoff({ initialMs: 100, maxMs: 1000 });
    for (let attempt = 1; attempt <= 12; attempt++) {
      const ceiling = Math.min(1000, 100 * 2 ** (attempt - 1));
      for (let i = 0; i < 200; i++) {
        const wait = backoff(attempt);
        expect(wait).toBeGreaterThanOrEqual(0);
        expect(wait).toBeLessThan(ceiling);
      }
    }
  });

  it('spreads a herd: 1000 first retries fill the window instead of bunching', () => {
    const backoff = fullJitterBackoff();
    const buckets = new Array(10).fill(0);
    for (let i = 0; i < 1000; i++) buckets[Math.floor(backoff(1) / 100)]++;
    // Uniform over [0, 1000): every 100 ms bucket holds about 10%; none anywhere near all.
    for (const count of buckets) expect(count).toBeLessThan(200);
  });
});
