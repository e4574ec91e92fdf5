import { describe, expect, it } from 'vitest';
import { decorrelatedJitterBackoff } from '../src/index';

describe('decorrelatedJitterBackoff', () => {
  const sequence = (random: number[], hidden = () => false) => {
    const values = [...random];
    const backoff = decorrelatedJitterBackoff({ random: () => values.shift() ?? 0.5, hidden });
    return (attempts: number[]) => attempts.map((a) => backoff(a));
  };

  it('starts uniform in [1 s, 3 s) and grows from the previous wait, capped at 4 s while visible', () => {
    expect(sequence([0, 0.999, 0.5, 1, 1])([1, 2, 3, 4, 5])).toEqual([
      1000, 2998, 4000, 4000, 4000,
    ]);
    expect(sequence([0.5, 0.5])([1, 2])).toEqual([2000, 3500]);
  });

  it('never waits less than the base nor more than the cap, whatever random gives', () => {
    const backoff = decorrelatedJitterBackoff();
    for (let attempt = 1; attempt < 200; attempt++) {
      const wait = backoff(attempt);
      expect(wait).toBeGreaterThanOrEqual(1000);
      expect(wait).toBeLessThanOrEqual(4000);
    }
  });

  it('uses the 30 s cap while the page is hidden', () => {
    let hidden = true;
    const backoff = decorrelatedJitterBackoff({ random: () => 0.999, hidden: () => hidden });
    const waits = [1, 2, 3, 4, 5].map((a) => backoff(a));
    expect(waits.at(-1)).toBe(30_000);
    hidden = false;
    expect(backoff(6)).toBe(4000);
  });

  it('attempt 1 starts afresh', () => {
    const next = sequence([1, 1, 1, 0])([1, 2, 3, 1]);
    expect(next.at(-1)).toBe(1000);
  });
});
