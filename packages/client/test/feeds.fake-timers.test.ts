import { describe, expect, it, vi } from 'vitest';
import { FakeWebSocket } from './support/FakeWebSocket';
import { make, metricsFrame, tick, useFakeClock } from './support/fakeClient';

useFakeClock();

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
