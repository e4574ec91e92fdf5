import { Takhin } from '@feedkit/protocol';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Channel } from '../src/Channel';
import type { ConnectionState } from '../src/FeedkitClient';
import type { FeedkitError } from '../src/FeedkitError';
import { type FeedHost, FeedStore } from '../src/FeedStore';
import { FakeTransport } from './support/FakeTransport';

/** The Channel alone, on a fake transport: reconcile and replay, routing, gaps, queue, linger. */
type In = Takhin.ServerMessage;
type Out = Takhin.ClientCommand;
const URL = 'ws://fake.test/api/monitoring/ws';
const topicFrame = (name: string) =>
  JSON.stringify({ type: 'topic_created', timestamp: 1, data: { name, partitions: 1 } });

function setup(lingerMs = 100) {
  const errors: FeedkitError[] = [];
  const states: ConnectionState[] = [];
  const ended: boolean[] = [];
  const channel = new Channel<In, Out>({
    url: URL,
    adapter: Takhin.adapter,
    transport: (url, owner) => new FakeTransport(url, owner),
    queue: {},
    lingerMs,
    drift: 'report',
    acks: undefined,
    events: {
      drift: () => {},
      state: (s) => states.push(s),
      error: (e) => errors.push(e),
      message: () => {},
      unknown: () => {},
      ended: (fatal) => ended.push(fatal),
    },
  });
  const transport = FakeTransport.last as FakeTransport;
  const host: FeedHost<In> = {
    attach: (feed) => channel.add(feed),
    detach: (feed) => channel.remove(feed),
    report: (e) => errors.push(e),
    iteratorBufferSize: 10,
    system: 'takhin',
    probe: () => channel.probe(),
    staleAfterMs: () => undefined,
  };
  const feed = (spec: ReturnType<(typeof Takhin.adapter.feeds)['topic']>) =>
    new FeedStore<In>(spec as never, host);
  const sentData = () =>
    transport.sent.map((f) => JSON.parse(f) as { type: string; data?: string });
  return { channel, transport, errors, states, ended, feed, sentData };
}

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(1_704_225_600_000);
});
afterEach(() => vi.useRealTimers());

describe('Channel', () => {
  it('the first feed opens the transport; open replays the desired set before queued commands', () => {
    const { channel, transport, feed, sentData } = setup();
    const orders = feed(Takhin.adapter.feeds.topic('orders'));
    orders.subscribe();
    channel.send({ type: 'ping', timestamp: 7 });
    expect(transport.opens).toBe(1);
    expect(transport.sent).toEqual([]);
    transport.connected();
    expect(sentData()).toEqual([
      { type: 'subscribe', data: 'topic:orders', timestamp: 1704225600 },
      { type: 'ping', timestamp: 7 },
    ]);
    expect(channel.state).toMatchObject({ status: 'open', topics: ['topic:orders'] });
  });

  it('reconciles changes of the desired set while open, coalescing one tick into nothing', async () => {
    const { transport, feed, sentData } = setup();
    const a = feed(Takhin.adapter.feeds.topic('a'));
    const held = a.subscribe();
    transport.connected();
    const b = feed(Takhin.adapter.feeds.topic('b')).subscribe();
    held.unsubscribe();
    a.subscribe(); // a re-mount in the same tick
    await Promise.resolve();
    expect(sentData().map((c) => `${c.type} ${c.data}`)).toEqual([
      'subscribe topic:a',
      'subscribe topic:b',
    ]);
    b.unsubscribe();
    await Promise.resolve();
    expect(sentData().at(-1)).toMatchObject({ type: 'unsubscribe', data: 'topic:b' });
  });

  it('two feeds with the same topic make one wire subscription', () => {
    const { transport, feed, channel } = setup();
    feed(Takhin.adapter.feeds.topic('x')).subscribe();
    feed(Takhin.adapter.feeds.topic('x')).subscribe();
    transport.connected();
    expect(transport.sent).toHaveLength(1);
    expect(channel.subscriptions.count('topic:x')).toBe(2);
  });

  it('routes each decoded message to the feeds that accept it, by reference', () => {
    const { transport, feed } = setup();
    const orders = feed(Takhin.adapter.feeds.topic('orders'));
    const other = feed(Takhin.adapter.feeds.topic('other'));
    const got: unknown[] = [];
    orders.subscribe((m) => got.push(m));
    other.subscribe((m) => got.push(m));
    transport.connected();
    transport.receive(topicFrame('orders'));
    expect(got).toHaveLength(1);
    expect(orders.getSnapshot()).toBe(got[0]);
    expect(other.getSnapshot()).toBeUndefined();
  });

  it('marks a gap on every feed after a reconnect, not after the first open', () => {
    const { transport, feed } = setup();
    const orders = feed(Takhin.adapter.feeds.topic('orders'));
    orders.subscribe();
    transport.connected();
    expect(orders.gap).toBe(false);
    transport.dropped();
    transport.connected(true);
    expect(orders.gap).toBe(true);
    expect(transport.sent.map((f) => JSON.parse(f).data)).toEqual(['topic:orders', 'topic:orders']);
    transport.receive(topicFrame('orders'));
    expect(orders.gap).toBe(false);
  });

  it('lingers after the last feed leaves, then closes the transport; a feed in time cancels it', () => {
    const { transport, feed, ended } = setup(100);
    const orders = feed(Takhin.adapter.feeds.topic('orders'));
    orders.subscribe().unsubscribe();
    vi.advanceTimersByTime(99);
    const again = orders.subscribe();
    vi.advanceTimersByTime(1000);
    expect(transport.closedWith).toBeUndefined();
    again.unsubscribe();
    vi.advanceTimersByTime(100);
    expect(transport.closedWith).toBe('no feeds left');
    expect(ended).toEqual([false]);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('a closed channel fails a feed added later, and reports sends as dropped', () => {
    const { channel, transport, feed, errors } = setup();
    transport.close();
    const orders = feed(Takhin.adapter.feeds.topic('orders'));
    const failures: unknown[] = [];
    orders.subscribe({ error: (e) => failures.push(e) });
    channel.send({ type: 'ping', timestamp: 1 });
    expect(failures).toMatchObject([{ code: 'connection', fatal: true }]);
    expect(errors.map((e) => e.code)).toEqual(['connection']);
    expect(errors[0]?.dropped).toEqual({ type: 'ping', timestamp: 1 });
  });

  it('a fatal end fails every feed with the transport error and reports queued commands', () => {
    const { channel, transport, feed, errors, ended } = setup();
    const orders = feed(Takhin.adapter.feeds.topic('orders'));
    const failures: unknown[] = [];
    orders.subscribe({ error: (e) => failures.push(e) });
    channel.send({ type: 'ping', timestamp: 1 });
    const refused = { code: 'auth', fatal: true } as FeedkitError;
    transport.state = { ...transport.state, status: 'closed', reason: 'refused' };
    transport.owner.ended(true, refused);
    expect(failures).toEqual([refused]);
    expect(errors.map((e) => e.code)).toEqual(['overflow']);
    expect(ended).toEqual([true]);
  });

  it('a frame that does not decode is a typed decode error, nothing is delivered', () => {
    const { transport, feed, errors } = setup();
    feed(Takhin.adapter.feeds.topic('orders')).subscribe();
    transport.connected();
    transport.receive('{"type":"topic_created",');
    expect(errors.map((e) => [e.code, e.decodeError?.code])).toEqual([['decode', 'not_json']]);
  });
});
