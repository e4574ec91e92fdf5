import { describe, expect, it } from 'vitest';
import { OutgoingQueue } from '../src/OutgoingQueue';

describe('OutgoingQueue', () => {
  it('holds 100 messages by default and refuses the 101st, returning it', () => {
    const queue = new OutgoingQueue<number>();
    for (let i = 0; i < 100; i++) expect(queue.push(i, 0)).toBeUndefined();
    expect(queue.push(100, 0)).toBe(100);
    expect(queue.size).toBe(100);
    expect(queue.drain()).toEqual([...Array(100).keys()]);
    expect(queue.size).toBe(0);
  });

  it('expires messages older than 30 s by default, oldest first', () => {
    const queue = new OutgoingQueue<string>();
    queue.push('a', 0);
    queue.push('b', 10_000);
    expect(queue.nextExpiry()).toBe(30_000);
    expect(queue.expire(29_999)).toEqual([]);
    expect(queue.expire(30_000)).toEqual(['a']);
    expect(queue.nextExpiry()).toBe(40_000);
    expect(queue.expire(50_000)).toEqual(['b']);
    expect(queue.nextExpiry()).toBeUndefined();
  });

  it('honours custom limits', () => {
    const queue = new OutgoingQueue<string>({ maxSize: 1, maxAgeMs: 5 });
    expect(queue.push('a', 0)).toBeUndefined();
    expect(queue.push('b', 0)).toBe('b');
    expect(queue.expire(5)).toEqual(['a']);
  });
});
