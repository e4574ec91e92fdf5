import { describe, expect, it, vi } from 'vitest';
import { FakeWebSocket } from './support/FakeWebSocket';
import { make, PATH, tick, useFakeClock } from './support/fakeClient';

/**
 * The client's time behaviour (backoff spacing, stable-period reset,
 * heartbeat deadlines, queue expiry, linger, no timers after close) on fake
 * timers, with an in-memory browser-style socket the test plays the server of.
 */
useFakeClock();

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
      // One open: the channel's replayed subscriptions and the connection's own tell are one state.
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
