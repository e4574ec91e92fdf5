import { describe, expect, it, vi } from 'vitest';
import { type LifecycleTargets, takhin } from '../src/index';
import { FakeWebSocket } from './support/FakeWebSocket';
import { make, PATH, tick, useFakeClock } from './support/fakeClient';

useFakeClock();

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
