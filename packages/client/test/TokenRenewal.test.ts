import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createClient, jwtExpiry, renewalLead, TokenRenewals, takhin } from '../src/index';
import { FakeWebSocket } from './support/FakeWebSocket';

/** Renewal timing on fake timers (time is the subject), and the pieces it is made of. */
const NOW = 1_704_225_600_000;
const jwt = (claims: object) =>
  `e30.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.sig`;

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(NOW);
  FakeWebSocket.reset();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('renewalLead and jwtExpiry', () => {
  it.each([
    [3_000, 1_000],
    [9_000, 3_000],
    [3_600_000, 60_000],
    [0, 0],
  ])('a token living %i ms is renewed %i ms before it expires', (life, lead) => {
    expect(renewalLead(NOW, NOW + life)).toBe(lead);
  });

  it.each([
    ['a JWT with exp', jwt({ exp: 1_704_225_660 }), NOW + 60_000],
    ['a JWT without exp', jwt({ sub: 'a' }), undefined],
    ['a JWT with a string exp', jwt({ exp: '1' }), undefined],
    ['an API key', 'key-123', undefined],
    ['three dots of garbage', 'a.%%%.c', undefined],
  ])('%s', (_name, token, expiry) => {
    expect(jwtExpiry(token)).toBe(expiry);
  });
});

describe('TokenRenewals: one renewal in flight per client', () => {
  it('sockets renewing together share one provider call; a later one reuses a token that outlives it', async () => {
    let calls = 0;
    let release: (token: string) => void = () => {};
    const renewals = new TokenRenewals(() => {
      calls++;
      return new Promise<string>((resolve) => {
        release = resolve;
      });
    });
    const a = renewals.renew(NOW + 1000);
    const b = renewals.renew(NOW + 1000);
    await vi.advanceTimersByTimeAsync(0);
    release(jwt({ exp: (NOW + 10_000) / 1000 }));
    expect(await a).toBe(await b);
    expect(calls).toBe(1);
    expect((await renewals.renew(NOW + 5_000)).expiresAt).toBe(NOW + 10_000);
    expect(calls).toBe(1);
    const c = renewals.renew(NOW + 10_000);
    await vi.advanceTimersByTimeAsync(0);
    expect(calls).toBe(2);
    release('plain');
    expect(await c).toEqual({ token: 'plain', expiresAt: undefined });
  });

  it('a failed renewal is not cached: the next asks again', async () => {
    let calls = 0;
    const renewals = new TokenRenewals(() => {
      calls++;
      return Promise.reject(new Error('login down'));
    });
    await expect(renewals.renew(NOW)).rejects.toThrow('login down');
    await expect(renewals.renew(NOW)).rejects.toThrow('login down');
    expect(calls).toBe(2);
  });
});

describe('a socket moves to a new token before the old one expires', () => {
  function make(tokens: (string | { token: string; expiresAt: number })[]) {
    const requests: boolean[] = [];
    const client = createClient({
      url: 'ws://fake.test',
      protocol: takhin({
        getToken: ({ refresh }) => {
          requests.push(refresh);
          return tokens.shift();
        },
      }),
      WebSocket: FakeWebSocket,
      lifecycle: false,
      heartbeat: false,
      staleAfter: () => undefined,
    });
    const feed = client.feed('topic', 'orders');
    const seen: string[] = [];
    feed.subscribe((m) => seen.push(m.type));
    return { client, feed, requests, seen };
  }
  const created = (n: number) =>
    JSON.stringify({
      type: 'topic_created',
      timestamp: n,
      data: { name: 'orders', partitions: n },
    });

  it('renews a third of the lifetime early, switches on the first frame of the new socket, closes the old with 1000', async () => {
    const { client, feed, requests, seen } = make([
      { token: 't1', expiresAt: NOW + 9_000 },
      { token: 't2', expiresAt: NOW + 18_000 },
    ]);
    await vi.advanceTimersByTimeAsync(0);
    const old = FakeWebSocket.last;
    old.open();
    await vi.advanceTimersByTimeAsync(5_999);
    expect(requests).toEqual([false]);
    await vi.advanceTimersByTimeAsync(1);
    expect(requests).toEqual([false, true]);
    expect(FakeWebSocket.instances).toHaveLength(2);
    const next = FakeWebSocket.last;
    expect(next.url).toContain('token=t2');
    old.receive(created(1)); // still the current socket until the new one opens
    next.open();
    expect(next.sent.some((f) => f.includes('topic:orders'))).toBe(true); // replayed on the new socket
    old.receive(created(2)); // the old one drains until the new one speaks
    expect(old.closedWith).toBeUndefined();
    next.receive(created(2)); // the same broadcast on both: delivered once
    expect(old.closedWith).toBe(1000);
    next.receive(created(3));
    old.receive(created(4)); // gone: ignored
    expect(seen).toHaveLength(3);
    expect(feed.gap).toBe(false);
    expect(client.state).toMatchObject({ status: 'open', reason: 'token renewed' });
    // The new token is renewed in turn, a third of its 12 s life early.
    await vi.advanceTimersByTimeAsync(8_000);
    expect(requests).toEqual([false, true, true]);
    client.close();
    expect(vi.getTimerCount()).toBe(0);
  });

  it('a frame the old socket delivered while the new one was opening is not delivered again by the new one', async () => {
    const { client, seen } = make([
      { token: 't1', expiresAt: NOW + 9_000 },
      { token: 't2', expiresAt: NOW + 18_000 },
    ]);
    await vi.advanceTimersByTimeAsync(0);
    const old = FakeWebSocket.last;
    old.open();
    await vi.advanceTimersByTimeAsync(6_000);
    const next = FakeWebSocket.last;
    // The server sends to the new socket from its upgrade on: the same broadcast may reach
    // the old socket before the client sees the new one open, and the new one right after.
    old.receive(created(1));
    next.open();
    next.receive(created(1));
    next.receive(created(2));
    expect(seen).toHaveLength(2);
    client.close();
  });

  it('a token that does not outlive the current one opens nothing (the server will refuse the old one)', async () => {
    const { client, requests } = make([
      { token: 't1', expiresAt: NOW + 9_000 },
      { token: 't1', expiresAt: NOW + 9_000 },
    ]);
    await vi.advanceTimersByTimeAsync(0);
    FakeWebSocket.last.open();
    await vi.advanceTimersByTimeAsync(6_000);
    expect(requests).toEqual([false, true]);
    expect(FakeWebSocket.instances).toHaveLength(1);
    client.close();
  });

  it('a token without an expiry is never renewed', async () => {
    const { client, requests } = make(['api-key']);
    await vi.advanceTimersByTimeAsync(0);
    FakeWebSocket.last.open();
    await vi.advanceTimersByTimeAsync(24 * 3_600_000);
    expect(requests).toEqual([false]);
    client.close();
  });
});
