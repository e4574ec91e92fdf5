import type { ClientState, FeedStatus } from '@feedkit/client';
import { describe, expect, it } from 'vitest';
import { describeState } from '../src/components/ConnectionBadge';
import { describeFreshness } from '../src/components/FeedFreshness';
import { dashboardClientId } from '../src/createDashboardClients';
import { formatClock } from '../src/formatClock';
import { heliosRole } from '../src/heliosRole';
import { describeForced } from '../src/panels/VeloFluxControls';
import { readDashboardConfig } from '../src/readDashboardConfig';
import { toColumns } from '../src/toColumns';

describe('readDashboardConfig', () => {
  const origin = 'http://127.0.0.1:5173';
  it.each([
    [{ search: '', origin }, {}, { url: 'ws://127.0.0.1:5173', maxRetryMs: undefined }],
    [
      { search: '', origin: 'https://demo.example' },
      {},
      { url: 'wss://demo.example', maxRetryMs: undefined },
    ],
    [
      { search: '', origin },
      { VITE_FEEDKIT_URL: 'http://10.0.0.1:8080' },
      { url: 'ws://10.0.0.1:8080', maxRetryMs: undefined },
    ],
    [
      { search: '?server=http://localhost:9000&maxRetryMs=1000', origin },
      {},
      { url: 'ws://localhost:9000', maxRetryMs: 1000 },
    ],
    [
      { search: '?maxRetryMs=nope', origin },
      {},
      { url: 'ws://127.0.0.1:5173', maxRetryMs: undefined },
    ],
  ])('%j %j', (location, env, expected) => {
    expect(readDashboardConfig(location, env)).toEqual(expected);
  });
});

describe('toColumns', () => {
  it('turns rows into uPlot columns', () => {
    expect(
      toColumns(
        [
          [1, 10, 20],
          [2, 11, 21],
        ],
        3,
      ),
    ).toEqual([
      [1, 2],
      [10, 11],
      [20, 21],
    ]);
  });
  it('keeps the last of two points with the same x, so x stays strictly increasing', () => {
    expect(
      toColumns(
        [
          [1, 10],
          [2, 11],
          [2, 12],
          [3, 13],
        ],
        2,
      ),
    ).toEqual([
      [1, 2, 3],
      [10, 12, 13],
    ]);
  });
});

describe('describeState', () => {
  const base: ClientState = { status: 'open', attempt: 0, connections: [] };
  it.each([
    [base, 'open'],
    [
      { ...base, status: 'reconnecting', attempt: 4, nextRetryAt: 3_000 },
      'reconnecting in 3 s, attempt 4',
    ],
    [{ ...base, status: 'reconnecting', attempt: 1 }, 'reconnecting, attempt 1'],
    [{ ...base, status: 'closed', reason: 'auth refused' }, 'closed: auth refused'],
    [{ ...base, status: 'idle' }, 'idle'],
  ] as [ClientState, string][])('%j', (state, text) => {
    expect(describeState(state, 400)).toBe(text);
  });
});

describe('formatClock', () => {
  it('is 24-hour HH:MM:SS local time from a Date, epoch ms or an ISO string', () => {
    const date = new Date(2026, 0, 2, 15, 4, 5);
    expect(formatClock(date)).toBe('15:04:05');
    expect(formatClock(date.getTime())).toBe('15:04:05');
    expect(formatClock(date.toISOString())).toBe('15:04:05');
  });
  it('says so instead of throwing on a timestamp it cannot read', () => {
    expect(formatClock('yesterday-ish')).toBe('--:--:--');
  });
});

describe('heliosRole', () => {
  const jwt = (claims: object) =>
    `e30.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.signature`;
  it.each([
    [{ token: 'opaque', role: 'viewer' as const }, 'viewer'],
    [{ token: jwt({ sub: 'ann', role: 'admin' }) }, 'admin'],
    [{ token: jwt({ sub: 'bob', role: 'viewer' }), role: 'admin' as const }, 'admin'],
    [{ token: jwt({ sub: 'cy' }) }, undefined],
    [{ token: 'not-a-jwt' }, undefined],
    [{ token: 'a.%%%.c' }, undefined],
  ])('%j', (login, role) => {
    expect(heliosRole(login)).toBe(role);
  });
});

describe('describeForced', () => {
  it.each([
    [{ success: true, forced: ['backends', 'metrics'] }, 'forced backends, metrics'],
    [null, 'forced all'],
    [{ forced: [1, 2] }, 'forced all'],
    ['ok', 'forced all'],
  ])('%j', (body, text) => {
    expect(describeForced(body)).toBe(text);
  });
});

describe('describeFreshness', () => {
  const base = { gap: false, error: undefined } as const;
  it.each([
    [
      { ...base, status: 'live', lastMessageAt: undefined },
      'metrics: waiting for the first message',
    ],
    [{ ...base, status: 'connecting', lastMessageAt: undefined }, 'metrics: connecting'],
    [
      { ...base, status: 'stale', lastMessageAt: Date.UTC(2026, 0, 1, 12, 4, 31) },
      /^metrics: stale, \d\d:04:31$/,
    ],
  ] as const)('%o -> %s', (status, text) => {
    expect(describeFreshness('metrics', status as FeedStatus)).toMatch(text);
  });
});

describe('dashboardClientId', () => {
  it('is one per browser profile: every tab reads the first one, so they share a socket', () => {
    const storage = new Map<string, string>();
    const store = {
      getItem: (key: string) => storage.get(key) ?? null,
      setItem: (key: string, value: string) => void storage.set(key, value),
    };
    const first = dashboardClientId(store);
    expect(first).toMatch(/^dashboard-[0-9a-f]{8}$/);
    expect(dashboardClientId(store)).toBe(first);
    // Without storage (a sandboxed frame) each page has its own.
    expect(dashboardClientId(undefined)).not.toBe(first);
  });
});
