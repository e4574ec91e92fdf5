import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createClient, type LifecycleOptions, takhin } from '../src/index';
import { FakeWebSocket } from './support/FakeWebSocket';

/**
 * The page lifecycle driven through injected targets, on fake timers (so
 * "no attempt while offline" can run for minutes of backoff in no time).
 */
function targets(onLine = true) {
  const window = new EventTarget();
  const document = Object.assign(new EventTarget(), { visibilityState: 'visible' });
  return { window, document, navigator: { onLine } };
}
type Targets = ReturnType<typeof targets>;

function make(t: Targets, lifecycle: Omit<LifecycleOptions, 'targets'> = {}) {
  const client = createClient({
    url: 'ws://fake.test',
    protocol: takhin(),
    WebSocket: FakeWebSocket,
    lifecycle: { targets: t, ...lifecycle },
    heartbeat: false,
    backoff: () => 1000,
  });
  const feed = client.feed('topic', 'orders');
  feed.subscribe();
  return { client, feed };
}

const tick = () => vi.advanceTimersByTimeAsync(0);
const fire = (target: EventTarget, type: string, init: Record<string, unknown> = {}) =>
  target.dispatchEvent(Object.assign(new Event(type), init));
const replayed = (socket: FakeWebSocket) => socket.sent.some((f) => f.includes('topic:orders'));

beforeEach(() => {
  vi.useFakeTimers();
  FakeWebSocket.reset();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('offline and online', () => {
  it('closes cleanly, makes no attempt while offline, and reconnects at once on online', async () => {
    const t = targets();
    const { client, feed } = make(t);
    await tick();
    FakeWebSocket.last.open();
    fire(t.window, 'offline');
    expect(FakeWebSocket.last.closedWith).toBe(1000);
    expect(client.state).toMatchObject({ status: 'offline', reason: 'the browser is offline' });
    await vi.advanceTimersByTimeAsync(10 * 60_000);
    expect(FakeWebSocket.instances).toHaveLength(1);
    fire(t.window, 'online');
    await tick();
    expect(FakeWebSocket.instances).toHaveLength(2);
    FakeWebSocket.last.open();
    expect(replayed(FakeWebSocket.last)).toBe(true);
    expect(feed.gap).toBe(true);
    expect(client.state.status).toBe('open');
    client.close();
  });

  it('a page that loads offline opens nothing until online, and a reconnect wait is cancelled', async () => {
    const t = targets(false);
    const { client } = make(t);
    await tick();
    expect(FakeWebSocket.instances).toHaveLength(0);
    expect(client.state.status).toBe('offline');
    fire(t.window, 'online');
    await tick();
    FakeWebSocket.last.serverClose(1006);
    expect(client.state.status).toBe('reconnecting');
    fire(t.window, 'offline');
    await vi.advanceTimersByTimeAsync(60_000);
    expect(FakeWebSocket.instances).toHaveLength(1);
    client.close();
    expect(vi.getTimerCount()).toBe(0);
  });
});

describe('back/forward cache and freeze', () => {
  it.each([
    ['pagehide', 'pageshow', 'the page was hidden (back/forward cache)', 'window'],
    ['freeze', 'resume', 'the page is frozen', 'document'],
  ] as const)('%s closes with 1000, %s replays on a new socket', async (out, back, reason, on) => {
    const t = targets();
    const { client, feed } = make(t);
    await tick();
    FakeWebSocket.last.open();
    fire(t[on], out, { persisted: true });
    expect(FakeWebSocket.last.closedWith).toBe(1000);
    expect(client.state).toMatchObject({ status: 'offline', reason });
    await vi.advanceTimersByTimeAsync(60_000);
    expect(FakeWebSocket.instances).toHaveLength(1);
    fire(t[on], back, { persisted: true });
    await tick();
    expect(FakeWebSocket.instances).toHaveLength(2);
    FakeWebSocket.last.open();
    expect(replayed(FakeWebSocket.last)).toBe(true);
    expect(feed.gap).toBe(true);
    client.close();
  });

  it('stays offline until every cause is gone, showing the first', async () => {
    const t = targets();
    const { client } = make(t);
    await tick();
    FakeWebSocket.last.open();
    fire(t.window, 'offline');
    fire(t.window, 'pagehide', { persisted: true });
    fire(t.window, 'pageshow', { persisted: true });
    await tick();
    expect(client.state).toMatchObject({ status: 'offline', reason: 'the browser is offline' });
    expect(FakeWebSocket.instances).toHaveLength(1);
    fire(t.window, 'online');
    await tick();
    expect(FakeWebSocket.instances).toHaveLength(2);
    client.close();
  });

  it('a first pageshow (not from the cache) changes nothing', async () => {
    const t = targets();
    const { client } = make(t);
    await tick();
    FakeWebSocket.last.open();
    fire(t.window, 'pageshow', { persisted: false });
    await tick();
    expect(FakeWebSocket.instances).toHaveLength(1);
    expect(client.state.status).toBe('open');
    client.close();
  });
});

describe('hidden tabs', () => {
  const hide = (t: Targets, state: 'hidden' | 'visible') => {
    t.document.visibilityState = state;
    fire(t.document, 'visibilitychange');
  };

  it("'keep' (the default) keeps the socket of a hidden tab", async () => {
    const t = targets();
    const { client } = make(t);
    await tick();
    FakeWebSocket.last.open();
    hide(t, 'hidden');
    await vi.advanceTimersByTimeAsync(60 * 60_000);
    expect(FakeWebSocket.last.closedWith).toBeUndefined();
    client.close();
  });

  it('releaseAfterMs closes the socket after that long hidden and restores it when visible', async () => {
    const t = targets();
    const { client } = make(t, { hiddenTabs: { releaseAfterMs: 5 * 60_000 } });
    await tick();
    FakeWebSocket.last.open();
    hide(t, 'hidden');
    await vi.advanceTimersByTimeAsync(5 * 60_000 - 1);
    hide(t, 'visible');
    hide(t, 'hidden');
    await vi.advanceTimersByTimeAsync(5 * 60_000 - 1);
    expect(FakeWebSocket.last.closedWith).toBeUndefined(); // the clock restarts each time it hides
    await vi.advanceTimersByTimeAsync(1);
    expect(FakeWebSocket.last.closedWith).toBe(1000);
    expect(client.state).toMatchObject({
      status: 'offline',
      reason: 'the tab was hidden too long',
    });
    hide(t, 'visible');
    await tick();
    expect(FakeWebSocket.instances).toHaveLength(2);
    FakeWebSocket.last.open();
    expect(replayed(FakeWebSocket.last)).toBe(true);
    client.close();
  });

  it('a feed added while suspended opens nothing until the page is back', async () => {
    const t = targets();
    const { client } = make(t);
    await tick();
    fire(t.window, 'offline');
    client.feed('metrics').subscribe();
    client.feed('consumerGroup', 'g').subscribe();
    await vi.advanceTimersByTimeAsync(10_000);
    expect(FakeWebSocket.instances).toHaveLength(1);
    fire(t.window, 'online');
    await tick();
    expect(FakeWebSocket.instances).toHaveLength(2);
    client.close();
  });
});
