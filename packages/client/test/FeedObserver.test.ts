import { describe, expect, it, vi } from 'vitest';
import { type Feed, FeedkitError, FeedObserver, takhin } from '../src/index';
import { useReferenceServer } from './support/referenceServer';

/**
 * The part of `Feed` an observer reads (snapshot, gap, error, listen), driven
 * by hand so each test decides exactly what changes. `log` records listens
 * and releases in order.
 */
class HandFeed<M> {
  readonly listeners = new Set<() => void>();
  readonly log: string[] = [];
  snapshot: M | undefined;
  gap = false;
  error: FeedkitError | undefined;
  constructor(readonly key: string) {}
  getSnapshot = () => this.snapshot;
  listen = (listener: () => void) => {
    const entry = () => listener();
    this.listeners.add(entry);
    this.log.push(`listen ${this.key}`);
    return () => {
      this.listeners.delete(entry);
      this.log.push(`release ${this.key}`);
    };
  };
  deliver(message: M) {
    this.snapshot = message;
    this.gap = false;
    this.error = undefined;
    this.#changed();
  }
  markGap() {
    this.gap = true;
    this.#changed();
  }
  fail(error: FeedkitError) {
    this.error = error;
    this.#changed();
  }
  #changed() {
    for (const listener of [...this.listeners]) listener();
  }
  get feed(): Feed<M> {
    return this as unknown as Feed<M>;
  }
}

interface Row {
  readonly id: string;
  readonly load: number;
}
const message = (...rows: Row[]) => ({ rows });
type Message = ReturnType<typeof message>;
const sameRow = (a: Row | undefined, b: Row | undefined) => a?.id === b?.id && a?.load === b?.load;

describe('FeedObserver', () => {
  it('is undefined before the first message, then the selected value', () => {
    const source = new HandFeed<Message>('rows');
    const observer = new FeedObserver({
      feed: source.feed,
      select: (m: Message) => m.rows[0]?.load,
    });
    expect(observer.getSnapshot()).toBeUndefined();
    source.deliver(message({ id: 'a', load: 3 }));
    expect(observer.getSnapshot()).toBe(3);
  });

  it('runs the selector once per message, not per read and not on a gap flip', () => {
    const source = new HandFeed<Message>('rows');
    const select = vi.fn((m: Message) => m.rows.length);
    const observer = new FeedObserver({ feed: source.feed, select });
    const notified = vi.fn();
    observer.listen(notified);
    source.deliver(message({ id: 'a', load: 1 }));
    observer.getSnapshot();
    observer.getSnapshot();
    expect(select).toHaveBeenCalledTimes(1);

    source.markGap();
    expect(observer.getSnapshot()).toBe(1);
    expect(select).toHaveBeenCalledTimes(1);
    expect(notified).toHaveBeenCalledTimes(1); // the message, not the gap
  });

  it('keeps the previous reference for an equal value and calls no listener', () => {
    const source = new HandFeed<Message>('rows');
    const observer = new FeedObserver({
      feed: source.feed,
      select: (m: Message) => m.rows.find((r) => r.id === 'b'),
      isEqual: sameRow,
    });
    const notified = vi.fn();
    observer.listen(notified);
    source.deliver(message({ id: 'a', load: 1 }, { id: 'b', load: 2 }));
    const first = observer.getSnapshot();
    expect(first).toEqual({ id: 'b', load: 2 });

    source.deliver(message({ id: 'a', load: 9 }, { id: 'b', load: 2 })); // new objects, b unchanged
    expect(observer.getSnapshot()).toBe(first);
    expect(notified).toHaveBeenCalledTimes(1);

    source.deliver(message({ id: 'a', load: 9 }, { id: 'b', load: 5 }));
    expect(observer.getSnapshot()).toEqual({ id: 'b', load: 5 });
    expect(notified).toHaveBeenCalledTimes(2);
  });

  it('with the default Object.is, a new object is a change', () => {
    const source = new HandFeed<Message>('rows');
    const observer = new FeedObserver({ feed: source.feed, select: (m: Message) => m.rows[0] });
    const notified = vi.fn();
    observer.listen(notified);
    source.deliver(message({ id: 'a', load: 1 }));
    source.deliver(message({ id: 'a', load: 1 }));
    expect(notified).toHaveBeenCalledTimes(2);
  });

  it('tells listeners about a fatal error even when the value is unchanged', () => {
    const source = new HandFeed<Message>('rows');
    const observer = new FeedObserver({ feed: source.feed, select: (m: Message) => m.rows.length });
    const notified = vi.fn();
    observer.listen(notified);
    source.deliver(message());
    const refused = new FeedkitError('auth', 'credentials refused', { system: 'takhin' });
    source.fail(refused);
    expect(notified).toHaveBeenCalledTimes(2);
    expect(observer.error).toBe(refused);
    expect(observer.getSnapshot()).toBe(0);
  });

  it('a new selector re-selects on the next read and calls nothing back', () => {
    const source = new HandFeed<Message>('rows');
    const observer = new FeedObserver<Message, number | undefined>({
      feed: source.feed,
      select: (m) => m.rows[0]?.load,
    });
    const notified = vi.fn();
    observer.listen(notified);
    source.deliver(message({ id: 'a', load: 1 }, { id: 'b', load: 2 }));
    observer.setOptions({ feed: source.feed, select: (m) => m.rows[1]?.load });
    expect(notified).toHaveBeenCalledTimes(1);
    expect(observer.getSnapshot()).toBe(2);
  });

  it('holds the feed only while it has listeners', () => {
    const source = new HandFeed<Message>('rows');
    const observer = new FeedObserver({ feed: source.feed });
    expect(source.listeners.size).toBe(0);
    const stopA = observer.listen(() => {});
    const stopB = observer.listen(() => {});
    expect(source.listeners.size).toBe(1);
    stopA();
    expect(source.listeners.size).toBe(1);
    stopB();
    expect(source.listeners.size).toBe(0);
    expect(source.log).toEqual(['listen rows', 'release rows']);
  });

  it('a new feed is listened to before the old one is released', () => {
    const orders = new HandFeed<Message>('orders');
    const payments = new HandFeed<Message>('payments');
    const log: string[] = [];
    orders.log.push = (entry) => log.push(entry);
    payments.log.push = (entry) => log.push(entry);
    const observer = new FeedObserver({ feed: orders.feed, select: (m: Message) => m.rows.length });
    const notified = vi.fn();
    observer.listen(notified);
    orders.deliver(message({ id: 'a', load: 1 }));
    observer.setOptions({ feed: payments.feed, select: (m: Message) => m.rows.length });
    expect(log).toEqual(['listen orders', 'listen payments', 'release orders']);
    expect(observer.getSnapshot()).toBeUndefined();

    orders.deliver(message());
    expect(notified).toHaveBeenCalledTimes(1); // the old feed no longer reaches listeners
    payments.deliver(message({ id: 'x', load: 1 }, { id: 'y', load: 1 }));
    expect(notified).toHaveBeenCalledTimes(2);
    expect(observer.getSnapshot()).toBe(2);
  });

  it('a listener that stops itself does not stop the others', () => {
    const source = new HandFeed<Message>('rows');
    const observer = new FeedObserver({ feed: source.feed });
    const calls: string[] = [];
    const stop = observer.listen(() => {
      calls.push('first');
      stop();
    });
    observer.listen(() => calls.push('second'));
    source.deliver(message());
    source.deliver(message());
    expect(calls).toEqual(['first', 'second', 'second']);
  });
});

describe('FeedObserver over a real feed', () => {
  const live = useReferenceServer({ timeScale: 1000 });
  const groupUpdated = (members: number, state = 'Stable') => ({
    type: 'group_updated',
    timestamp: Math.floor(Date.now() / 1000),
    data: { groupId: 'billing', state, members },
  });

  it('notifies once per change of the selected slice, not per message', async () => {
    const client = live.client(takhin());
    const observer = new FeedObserver({
      feed: client.feed('consumerGroup', 'billing'),
      select: (m) => m.data.members,
    });
    const seen: (number | undefined)[] = [];
    let resolveFive: () => void = () => {};
    const five = new Promise<void>((resolve) => {
      resolveFive = resolve;
    });
    observer.listen(() => {
      seen.push(observer.getSnapshot());
      if (observer.getSnapshot() === 5) resolveFive();
    });
    await live.server.waitForConnections((cs) =>
      cs.some((c) => c.subscriptions.includes('group:billing')),
    );
    live.server.emit('takhin', groupUpdated(4));
    live.server.emit('takhin', groupUpdated(4, 'Rebalancing')); // same members: no call
    live.server.emit('takhin', groupUpdated(5));
    await five;
    expect(seen).toEqual([4, 5]);
  });
});
