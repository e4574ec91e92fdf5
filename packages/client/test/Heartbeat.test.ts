import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Heartbeat } from '../src/Heartbeat';

describe('Heartbeat (fake timers: time is the subject)', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('pings every interval', () => {
    const ping = vi.fn();
    const heartbeat = new Heartbeat({ intervalMs: 1000, timeoutMs: 10_000, ping, onDead: vi.fn() });
    heartbeat.start();
    vi.advanceTimersByTime(999);
    expect(ping).toHaveBeenCalledTimes(0);
    vi.advanceTimersByTime(1);
    expect(ping).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(3000);
    expect(ping).toHaveBeenCalledTimes(4);
    heartbeat.stop();
  });

  it('declares the peer dead exactly at the timeout when nothing arrives', () => {
    const onDead = vi.fn();
    const heartbeat = new Heartbeat({ intervalMs: 1000, timeoutMs: 2000, ping: vi.fn(), onDead });
    heartbeat.start();
    vi.advanceTimersByTime(1999);
    expect(onDead).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(onDead).toHaveBeenCalledTimes(1);
    // Dead is final: no more pings, no second verdict, no timers left.
    vi.advanceTimersByTime(10_000);
    expect(onDead).toHaveBeenCalledTimes(1);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('any frame is life: the deadline moves to timeout after the last frame', () => {
    const onDead = vi.fn();
    const heartbeat = new Heartbeat({ intervalMs: 1000, timeoutMs: 2000, ping: vi.fn(), onDead });
    heartbeat.start();
    vi.advanceTimersByTime(1500);
    heartbeat.alive();
    vi.advanceTimersByTime(1999);
    expect(onDead).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(onDead).toHaveBeenCalledTimes(1);
  });

  it('a steady stream keeps it alive indefinitely', () => {
    const onDead = vi.fn();
    const heartbeat = new Heartbeat({ intervalMs: 1000, timeoutMs: 2000, ping: vi.fn(), onDead });
    heartbeat.start();
    for (let i = 0; i < 100; i++) {
      vi.advanceTimersByTime(500);
      heartbeat.alive();
    }
    expect(onDead).not.toHaveBeenCalled();
    heartbeat.stop();
    expect(vi.getTimerCount()).toBe(0);
  });

  it('silence-only mode (no interval) never pings but still detects silence', () => {
    const onDead = vi.fn();
    const ping = vi.fn();
    const heartbeat = new Heartbeat({ intervalMs: undefined, timeoutMs: 30_000, ping, onDead });
    heartbeat.start();
    vi.advanceTimersByTime(30_000);
    expect(ping).not.toHaveBeenCalled();
    expect(onDead).toHaveBeenCalledTimes(1);
  });

  it('stop() leaves no timers', () => {
    const heartbeat = new Heartbeat({
      intervalMs: 10,
      timeoutMs: 20,
      ping: vi.fn(),
      onDead: vi.fn(),
    });
    heartbeat.start();
    expect(vi.getTimerCount()).toBe(2);
    heartbeat.stop();
    expect(vi.getTimerCount()).toBe(0);
  });
});
