import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  type ClientOptions,
  createClient,
  type FeedkitError,
  type LifecycleTargets,
  type Protocol,
  takhin,
} from '../src/index';
import { FakeWebSocket } from './support/FakeWebSocket';
import { takhinMetrics } from './support/takhinMetrics';

/**
 * The client's time behaviour (backoff spacing, stable-period reset,
 * heartbeat deadlines, queue expiry, linger, no timers after close) on fake
 * timers, with an in-memory browser-style socket the test plays the server of.
 */
const PATH = '/api/monitoring/ws';
const metricsFrame = JSON.stringify(takhinMetrics());

function make<P extends Protocol = ReturnType<typeof takhin>>(
  options: Partial<ClientOptions<P>> = {},
) {
  const client = createClient({
    url: 'ws://fake.test',
    protocol: takhin(),
    WebSocket: FakeWebSocket,
    lifecycle: false,
    heartbeat: false,
    backoff: (attempt: number) => attempt * 1000,
    ...options,
  } as ClientOptions<P>);
  const errors: FeedkitError[] = [];
  client.errors$.subscribe((e) => errors.push(e));
  return { client, errors };
}

/** Lets the async connect (token provider) run. */
const tick = () => vi.advanceTimersByTimeAsync(0);

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(1_704_225_600_000);
  FakeWebSocket.reset();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('state machine and backoff', () => {
  it('idle -> connecting -> open -> reconnecting -> connecting, with attempt and nextRetryAt', async () => {
    const { client } = make();
    const seen: string[] = [];
    client.state$.subscribe((s) => seen.push(`${s.status}:${s.attempt}`));
    const sub = client.feed('metrics').subscribe();
    await tick();
    FakeWebSocket.last.open();
    FakeWebSocket.last.serverClose(1012, 'restart');
    expect(client.state).toMatchObject({
      status: 'reconnecting',
      attempt: 1,
      closeCode: 1012,
      nextRetryAt: Date.now() + 1000,
    });
    expect(client.state.reason).toMatch(/1012.*restart/);
    await vi.advanceTimersByTimeAsync(999);
    expect(FakeWebSocket.instances).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(FakeWebSocket.instances).toHaveLength(2);
    expect(seen).toEqual([
      'idle:0',
      'connecting:0',
      'open:0',
      'open:0',
      'reconnecting:1',
      'connecting:1',
    ]);
    sub.unsubscribe();
    client.close();
  });

  it('accept-then-close cannot hot-loop: the attempt counter only resets after the stable period', async () => {
    const { client } = make({ stableAfterMs: 5000 });
    const sub = client.feed('metrics').subscribe();
    await tick();
    const opened: number[] = [];
    // A flapping server: every socket opens and is closed at once.
    for (let i = 0; i < 5; i++) {
      opened.push(Date.now());
      FakeWebSocket.last.open();
      FakeWebSocket.last.serverClose(1011);
      expect(client.state.attempt).toBe(i + 1);
      await vi.advanceTimersByTimeAsync((i + 1) * 1000);
    }
    const gaps = opened.slice(1).map((t, i) => t - (opened[i] as number));
    expect(gaps).toEqual([1000, 2000, 3000, 4000]);

    // Now a socket stays open: attempt drops to 0 only once 5 s have passed.
    FakeWebSocket.last.open();
    await vi.advanceTimersByTimeAsync(4999);
    expect(client.state.attempt).toBe(5);
    await vi.advanceTimersByTimeAsync(1);
    expect(client.state.attempt).toBe(0);
    FakeWebSocket.last.serverClose(1011);
    expect(client.state).toMatchObject({ status: 'reconnecting', attempt: 1 });
    sub.unsubscribe();
    client.close();
  });

  it('shouldRetry false closes for good', async () => {
    const { client } = make({ shouldRetry: ({ attempt }) => attempt < 3 });
    const failures: unknown[] = [];
    client.feed('metrics').subscribe({ error: (e) => failures.push(e) });
    await tick();
    FakeWebSocket.last.serverClose(1006);
    await vi.advanceTimersByTimeAsync(1000);
    FakeWebSocket.last.serverClose(1006);
    await vi.advanceTimersByTimeAsync(2000);
    FakeWebSocket.last.serverClose(1006);
    expect(client.state.status).toBe('closed');
    expect(FakeWebSocket.instances).toHaveLength(3);
    expect(failures).toMatchObject([{ code: 'connection', fatal: true }]);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(FakeWebSocket.instances).toHaveLength(3);
    expect(vi.getTimerCount()).toBe(0);
    client.close();
  });

  it('a socket that never opens is abandoned after connectTimeoutMs and retried', async () => {
    const { client, errors } = make({ connectTimeoutMs: 3000 });
    client.feed('metrics').subscribe();
    await tick();
    await vi.advanceTimersByTimeAsync(3000);
    expect(client.state.status).toBe('reconnecting');
    expect(FakeWebSocket.instances[0]?.closedWith).toBe(4000);
    expect(errors[0]?.code).toBe('connection');
    client.close();
  });
});

describe('subscriptions, replay and the outgoing queue', () => {
  it('replays reconcile(∅, desired) first, then flushes queued messages in order', async () => {
    const { client } = make();
    client.feed('topic', 'a').subscribe();
    client.feed('consumerGroup', 'g').subscribe();
    client.send(PATH, { type: 'ping', timestamp: 1 });
    client.send(PATH, { type: 'ping', timestamp: 2 });
    await tick();
    FakeWebSocket.last.open();
    expect(FakeWebSocket.last.sent.map((f) => JSON.parse(f))).toEqual([
      { type: 'subscribe', data: 'topic:a', timestamp: 1704225600 },
      { type: 'subscribe', data: 'group:g', timestamp: 1704225600 },
      { type: 'ping', timestamp: 1 },
      { type: 'ping', timestamp: 2 },
    ]);
    // After a reconnect: the replay again, and nothing queued twice.
    FakeWebSocket.last.serverClose(1012);
    await vi.advanceTimersByTimeAsync(1000);
    FakeWebSocket.last.open();
    expect(FakeWebSocket.last.sent.map((f) => JSON.parse(f).data)).toEqual(['topic:a', 'group:g']);
    client.close();
  });

  it('a re-mount in one tick (unsubscribe + subscribe) sends nothing', async () => {
    const { client } = make();
    const feed = client.feed('topic', 'a');
    const first = feed.subscribe();
    await tick();
    FakeWebSocket.last.open();
    expect(FakeWebSocket.last.sent).toHaveLength(1);
    first.unsubscribe();
    const second = feed.subscribe();
    await tick();
    expect(FakeWebSocket.last.sent).toHaveLength(1);
    second.unsubscribe();
    await tick();
    expect(JSON.parse(FakeWebSocket.last.sent[1] as string)).toMatchObject({
      type: 'unsubscribe',
      data: 'topic:a',
    });
    client.close();
  });

  it('queue overflow is a typed error naming the dropped message', async () => {
    const { client, errors } = make({ queue: { maxSize: 2 } });
    for (let t = 1; t <= 3; t++) client.send(PATH, { type: 'ping', timestamp: t });
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ code: 'overflow', dropped: { type: 'ping', timestamp: 3 } });
    expect(errors[0]?.message).toContain('"timestamp":3');
    client.close();
  });

  it('queued messages expire after maxAgeMs with a typed error, even with no socket event', async () => {
    const { client, errors } = make({ queue: { maxAgeMs: 30_000 }, connectTimeoutMs: 60_000 });
    client.send(PATH, { type: 'ping', timestamp: 1 });
    await vi.advanceTimersByTimeAsync(29_999);
    expect(errors).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(errors.map((e) => e.code)).toEqual(['overflow']);
    expect(errors[0]?.dropped).toEqual({ type: 'ping', timestamp: 1 });
    // The socket that finally opens does not send it.
    FakeWebSocket.last.open();
    expect(FakeWebSocket.last.sent).toEqual([]);
    client.close();
  });

  it('lingers after the last feed leaves, then closes with 1000', async () => {
    const { client } = make({ linger: 1000 });
    const sub = client.feed('metrics').subscribe();
    await tick();
    FakeWebSocket.last.open();
    sub.unsubscribe();
    await vi.advanceTimersByTimeAsync(999);
    const resub = client.feed('metrics').subscribe();
    await vi.advanceTimersByTimeAsync(5000);
    expect(FakeWebSocket.last.closedWith).toBeUndefined();
    resub.unsubscribe();
    await vi.advanceTimersByTimeAsync(1000);
    expect(FakeWebSocket.last.closedWith).toBe(1000);
    expect(client.state.status).toBe('idle');
    expect(vi.getTimerCount()).toBe(0);
    client.close();
  });
});

describe('closing from inside a listener', () => {
  it.each([
    ['state$ entering reconnecting', 'state'],
    ['errors$ reporting the close', 'error'],
  ])('close() from %s leaves no timers and no reconnect', async (_, where) => {
    const { client } = make({ heartbeat: { intervalMs: 1000 } });
    if (where === 'state') {
      client.state$.subscribe((s) => {
        if (s.status === 'reconnecting') client.close();
      });
    } else {
      client.errors$.subscribe(() => client.close());
    }
    client.feed('metrics').subscribe({ error: () => {} });
    await tick();
    FakeWebSocket.last.open();
    // 1009 is reported on errors$ and then retried; 1012 is only retried.
    FakeWebSocket.last.serverClose(where === 'state' ? 1012 : 1009, 'bye');
    expect(client.state.status).toBe('closed');
    expect(vi.getTimerCount()).toBe(0);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(FakeWebSocket.instances).toHaveLength(1);
  });

  it('close() from state$ when the socket opens stops the heartbeat before it starts', async () => {
    const { client } = make({ heartbeat: { intervalMs: 1000 } });
    client.state$.subscribe((s) => {
      if (s.status === 'open') client.close();
    });
    client.feed('metrics').subscribe();
    await tick();
    FakeWebSocket.last.open();
    expect(client.state.status).toBe('closed');
    expect(vi.getTimerCount()).toBe(0);
  });
});

describe('feed cache', () => {
  it('keeps one Feed per key while held and during the linger, then forgets it', async () => {
    const { client } = make({ linger: 1000 });
    const feed = client.feed('topic', 'orders');
    const sub = feed.subscribe();
    expect(client.feed('topic', 'orders')).toBe(feed);
    sub.unsubscribe();
    await vi.advanceTimersByTimeAsync(999);
    // Re-mount within the linger: the same object, snapshot and all.
    expect(client.feed('topic', 'orders')).toBe(feed);
    await vi.advanceTimersByTimeAsync(1);
    expect(client.feed('topic', 'orders')).not.toBe(feed);
    expect(vi.getTimerCount()).toBe(0);
    client.close();
  });

  it('a holder that kept an evicted Feed makes it the shared one again', async () => {
    const { client } = make({ linger: 10 });
    const feed = client.feed('topic', 'orders');
    feed.subscribe().unsubscribe();
    await vi.advanceTimersByTimeAsync(10);
    const sub = feed.subscribe();
    expect(client.feed('topic', 'orders')).toBe(feed);
    sub.unsubscribe();
    client.close();
    expect(vi.getTimerCount()).toBe(0);
  });

  it('1,000 distinct keys leave nothing behind', async () => {
    const { client } = make({ linger: 0 });
    const first = client.feed('topic', 'k0');
    for (let i = 0; i < 1000; i++) client.feed('topic', `k${i}`).subscribe().unsubscribe();
    await vi.advanceTimersByTimeAsync(0);
    expect(client.feed('topic', 'k0')).not.toBe(first);
    expect(vi.getTimerCount()).toBe(0);
    client.close();
  });
});

describe('heartbeat', () => {
  it('pings in the Takhin dialect every interval and declares a silent peer dead', async () => {
    const { client, errors } = make({ heartbeat: { intervalMs: 1000, timeoutMs: 2500 } });
    client.feed('metrics').subscribe();
    await tick();
    FakeWebSocket.last.open();
    await vi.advanceTimersByTimeAsync(2000);
    expect(FakeWebSocket.last.sent.map((f) => JSON.parse(f).type)).toEqual(['ping', 'ping']);
    FakeWebSocket.last.receive(metricsFrame); // life at t=2000
    // Takhin answers pings: without this pong the unanswered ping of t=1000 is a dead peer at 3500.
    FakeWebSocket.last.receive('{"type":"pong","timestamp":1704225602}');
    await vi.advanceTimersByTimeAsync(2499);
    expect(client.state.status).toBe('open');
    await vi.advanceTimersByTimeAsync(1);
    expect(client.state).toMatchObject({ status: 'reconnecting', closeCode: 4000 });
    expect(FakeWebSocket.instances[0]?.closedWith).toBe(4000);
    expect(errors.map((e) => e.code)).toEqual(['connection']);
    client.close();
  });

  it("defaults to the system's own interval and twice that as the timeout", async () => {
    // Staleness off: a silent metrics feed would otherwise probe the socket sooner.
    const { client } = make({ heartbeat: {}, staleAfter: () => undefined });
    client.feed('metrics').subscribe();
    await tick();
    FakeWebSocket.last.open();
    await vi.advanceTimersByTimeAsync(30_000);
    expect(FakeWebSocket.last.sent).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(30_000);
    expect(client.state.status).toBe('reconnecting');
    client.close();
  });
});

describe('feeds', () => {
  it('delivers one decoded object by reference to every holder; snapshot stable between messages', async () => {
    const { client } = make();
    const feed = client.feed('metrics');
    const a: unknown[] = [];
    const b: unknown[] = [];
    feed.subscribe((m) => a.push(m));
    feed.subscribe((m) => b.push(m));
    let changes = 0;
    feed.listen(() => changes++);
    await tick();
    FakeWebSocket.last.open();
    FakeWebSocket.last.receive(metricsFrame);
    expect(a[0]).toBe(b[0]);
    expect(feed.getSnapshot()).toBe(a[0]);
    expect(feed.getSnapshot()).toBe(feed.getSnapshot());
    expect(changes).toBe(1);
    client.close();
  });

  it('gap is set on reconnect and cleared by the next message', async () => {
    const { client } = make();
    const feed = client.feed('metrics');
    let changes = 0;
    feed.listen(() => changes++);
    await tick();
    FakeWebSocket.last.open();
    FakeWebSocket.last.receive(metricsFrame);
    expect(feed.gap).toBe(false);
    FakeWebSocket.last.serverClose(1012);
    await vi.advanceTimersByTimeAsync(1000);
    FakeWebSocket.last.open();
    expect(feed.gap).toBe(true);
    expect(changes).toBe(2);
    FakeWebSocket.last.receive(metricsFrame);
    expect(feed.gap).toBe(false);
    client.close();
  });

  it('a decode error is typed and the connection lives on; unknown types reach unknown$', async () => {
    const { client, errors } = make();
    const unknown: unknown[] = [];
    client.unknown$.subscribe((u) => unknown.push(u));
    const got: unknown[] = [];
    client.feed('metrics').subscribe((m) => got.push(m));
    await tick();
    FakeWebSocket.last.open();
    FakeWebSocket.last.receive('{"type":"metrics",');
    FakeWebSocket.last.receive(metricsFrame.replace('"produceP99":1', '"produceP99":"x"'));
    FakeWebSocket.last.receive('{"type":"brand_new","timestamp":1}');
    FakeWebSocket.last.receive('{"type":"error","timestamp":1,"data":{"message":"bad"}}');
    FakeWebSocket.last.receive(metricsFrame);
    expect(errors.map((e) => [e.code, e.decodeError?.code])).toEqual([
      ['decode', 'not_json'],
      ['decode', 'invalid_message'],
      ['protocol', undefined],
    ]);
    expect(errors[1]?.decodeError?.path).toEqual(['data', 'latency', 'produceP99']);
    expect(unknown).toEqual([{ type: 'brand_new', value: { type: 'brand_new', timestamp: 1 } }]);
    expect(got).toHaveLength(1);
    expect(client.state.status).toBe('open');
    expect(FakeWebSocket.instances).toHaveLength(1);
    client.close();
  });

  it('an async iterator that falls behind fails with overflow instead of growing', async () => {
    const { client, errors } = make({ iteratorBufferSize: 2 });
    const iterator = client.feed('metrics')[Symbol.asyncIterator]();
    const first = iterator.next();
    await tick();
    FakeWebSocket.last.open();
    for (let i = 0; i < 4; i++) FakeWebSocket.last.receive(metricsFrame);
    expect((await first).done).toBe(false);
    await iterator.next();
    await iterator.next();
    await expect(iterator.next()).rejects.toMatchObject({ code: 'overflow' });
    expect(errors.map((e) => e.code)).toEqual(['overflow']);
    client.close();
  });
});

describe('credentials in a browser', () => {
  it('puts the token in the query (no headers possible) but never in the state URL; asks again on every connect', async () => {
    const tokens = ['t1', 't2'];
    const { client } = make({ protocol: takhin({ getToken: () => tokens.shift() }) });
    client.feed('metrics').subscribe();
    await tick();
    expect(FakeWebSocket.last.url).toBe(`ws://fake.test${PATH}?token=t1`);
    expect(FakeWebSocket.last.options).toBeUndefined();
    FakeWebSocket.last.open();
    FakeWebSocket.last.serverClose(1012);
    await vi.advanceTimersByTimeAsync(1000);
    expect(FakeWebSocket.last.url).toBe(`ws://fake.test${PATH}?token=t2`);
    expect(client.state.connections[0]?.url).toBe(`ws://fake.test${PATH}`);
    client.close();
  });

  it('4001 after open: one fresh token and an immediate retry, then a fatal auth error', async () => {
    const refresh: boolean[] = [];
    const { client, errors } = make({
      protocol: takhin({
        getToken: (r) => {
          refresh.push(r.refresh);
          return 'k';
        },
      }),
    });
    const feed = client.feed('metrics');
    feed.subscribe({ error: () => {} });
    await tick();
    FakeWebSocket.last.open();
    FakeWebSocket.last.serverClose(4001, 'bad key');
    await tick();
    FakeWebSocket.last.open();
    FakeWebSocket.last.serverClose(4001, 'bad key');
    expect(refresh).toEqual([false, true]);
    expect(errors.map((e) => [e.code, e.fatal, e.closeCode])).toEqual([['auth', true, 4001]]);
    expect(client.state.status).toBe('closed');
    expect(feed.error?.code).toBe('auth');
    expect(vi.getTimerCount()).toBe(0);
    // The failed feed is forgotten: asking again starts afresh.
    expect(client.feed('metrics')).not.toBe(feed);
    client.close();
  });
});

describe('close() and the browser lifecycle', () => {
  it.each([
    ['open with heartbeat and stable timer', (s: FakeWebSocket) => s.open()],
    ['waiting to reconnect', (s: FakeWebSocket) => s.serverClose(1006)],
    ['connecting', () => {}],
  ])('leaves no timers when %s', async (_, drive) => {
    const { client } = make({ heartbeat: { intervalMs: 1000 } });
    client.feed('metrics').subscribe();
    client.send(PATH, { type: 'ping', timestamp: 1 });
    await tick();
    drive(FakeWebSocket.last);
    expect(vi.getTimerCount()).toBeGreaterThan(0);
    client.close();
    expect(vi.getTimerCount()).toBe(0);
    expect(client.state.status).toBe('closed');
  });

  function targets() {
    const window = new EventTarget();
    const document = Object.assign(new EventTarget(), { visibilityState: 'visible' });
    return { window, document } satisfies LifecycleTargets;
  }

  it('reconnects at once on online, and on visible when the wall clock passed the heartbeat deadline', async () => {
    const t = targets();
    const { client } = make({ lifecycle: t, heartbeat: { intervalMs: 30_000 } });
    client.feed('metrics').subscribe();
    await tick();
    FakeWebSocket.last.serverClose(1006);
    expect(client.state.status).toBe('reconnecting');
    t.window.dispatchEvent(new Event('online'));
    await tick();
    expect(FakeWebSocket.instances).toHaveLength(2);
    FakeWebSocket.last.open();

    // A hidden tab's timers are throttled: the wall clock moves, the heartbeat's timer does not fire.
    const hide = async (ms: number) => {
      t.document.visibilityState = 'hidden';
      t.document.dispatchEvent(new Event('visibilitychange'));
      vi.setSystemTime(Date.now() + ms);
      t.document.visibilityState = 'visible';
      t.document.dispatchEvent(new Event('visibilitychange'));
      await tick();
    };
    await hide(59_999);
    expect(FakeWebSocket.instances).toHaveLength(2); // deadline (2 × 30 s) not passed: nothing
    await hide(1);
    expect(FakeWebSocket.instances[1]?.closedWith).toBe(1000);
    expect(FakeWebSocket.instances).toHaveLength(3);
    client.close();
    t.window.dispatchEvent(new Event('online'));
    await tick();
    expect(FakeWebSocket.instances).toHaveLength(3);
  });
});
