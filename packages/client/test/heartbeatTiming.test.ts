import { describe, expect, it } from 'vitest';
import { heartbeatTiming } from '../src/heartbeatTiming';

describe('heartbeatTiming: the defaults, once', () => {
  it.each([
    [
      'system ping, defaults',
      {},
      30_000,
      false,
      0,
      { ping: 'system', intervalMs: 30_000, timeoutMs: 60_000 },
    ],
    [
      'system ping, own interval',
      { intervalMs: 100 },
      30_000,
      false,
      0,
      { ping: 'system', intervalMs: 100, timeoutMs: 200 },
    ],
    [
      'explicit timeout wins',
      { intervalMs: 100, timeoutMs: 150 },
      30_000,
      true,
      0,
      { ping: 'system', intervalMs: 100, timeoutMs: 150 },
    ],
    [
      'no system ping, Node: transport ping',
      {},
      undefined,
      true,
      0,
      { ping: 'transport', intervalMs: 15_000, timeoutMs: 30_000 },
    ],
    [
      "no ping at all: the feeds' silence limit",
      {},
      undefined,
      false,
      9000,
      { ping: undefined, intervalMs: undefined, timeoutMs: 9000 },
    ],
    [
      'no ping, no silence limit: nothing to watch',
      {},
      undefined,
      false,
      0,
      { ping: undefined, intervalMs: undefined, timeoutMs: undefined },
    ],
  ] as const)('%s', (_, settings, systemIntervalMs, transportPing, silenceLimitMs, expected) => {
    expect(heartbeatTiming({ settings, systemIntervalMs, transportPing, silenceLimitMs })).toEqual(
      expected,
    );
  });
});
