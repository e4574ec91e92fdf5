import { describe, expect, it } from 'vitest';
import { SubscriptionSet } from '../src/SubscriptionSet';

describe('SubscriptionSet', () => {
  it('counts references: the set changes only on the first add and the last remove', () => {
    const set = new SubscriptionSet();
    expect(set.add(['topic:a'])).toBe(true);
    expect(set.add(['topic:a'])).toBe(false);
    expect(set.count('topic:a')).toBe(2);
    expect(set.remove(['topic:a'])).toBe(false);
    expect([...set.snapshot()]).toEqual(['topic:a']);
    expect(set.remove(['topic:a'])).toBe(true);
    expect(set.size).toBe(0);
  });

  it('ignores removing what was never added (no negative counts)', () => {
    const set = new SubscriptionSet();
    expect(set.remove(['topic:x'])).toBe(false);
    set.add(['topic:x']);
    expect(set.count('topic:x')).toBe(1);
  });

  it('snapshots are independent copies', () => {
    const set = new SubscriptionSet();
    set.add(['a', 'b']);
    const before = set.snapshot();
    set.remove(['a']);
    expect([...before]).toEqual(['a', 'b']);
    expect([...set.snapshot()]).toEqual(['b']);
  });
});
