import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  type ConnectionState,
  createClient,
  FeedkitError,
  type FeedStatusInput,
  feedStatus,
  takhin,
} from '../src/index';
import { FakeWebSocket } from './support/FakeWebSocket';
import { takhinMetrics } from './support/takhinMetrics';

/**
 * Freshness on fake timers (time is the subject): a feed with a cadence is
 * stale after two cadences of silence on an open socket and the socket is
 * probed; an event feed never is; and the one rule from connection and
 * freshness to a feed's status, row by row.
 */
const metricsFrame = (n: number) => JSON.stringify(takhinMetrics(1704225600 + n));

function make() {
  const client = createClient({
    url: 'ws://fake.test',
    protocol: takhin(),
    WebSocket: FakeWebSocket,
    lifecycle: false,
    backoff: () => 1000,
  });
  const metrics = client.feed('metrics');
  const topic = client.feed('topic', 'orders');
  const seen: string[] = [];
  metrics.listenStatus(() => seen.push(metrics.status.status));
  topic.subscribe();
  return { client, metrics, topic, seen };
}

const tick = () => vi.advanceTimersByTimeAsync(0);
const pings = (socket: FakeWebSocket) => socket.sent.filter((f) => f.includes('"ping"')).length;

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(1_704_225_600_000);
  FakeWebSocket.reset();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('staleness from the cadence (Takhin metrics: every 2 s)', () => {
  it('is live on time, stale after 2 cadences of silence, live again with the next message', async () => {
    const { client, metrics, topic } = make();
    expect(metrics.status.status).toBe('connecting');
    await tick();
    FakeWebSocket.last.open();
    expect(metrics.status).toMatchObject({ status: 'live', lastMessageAt: undefined });
    await vi.advanceTimersByTimeAsync(3_000);
    FakeWebSocket.last.receive(metricsFrame(1));
    expect(metrics.status).toMatchObject({ status: 'live', lastMessageAt: Date.now() });
    await vi.advanceTimersByTimeAsync(3_999);
    expect(metrics.status.status).toBe('live');
    await vi.advanceTimersByTimeAsync(1);
    expect(metrics.status.status).toBe('stale');
    expect(topic.status.status).toBe('live'); // an event feed is never stale
    FakeWebSocket.last.receive(metricsFrame(2));
    expect(metrics.status.status).toBe('live');
    client.close();
  });

  it('a stale feed probes its socket; a silent socket is given up and reconnected', async () => {
    const { client, metrics, seen } = make();
    await tick();
    const first = FakeWebSocket.last;
    first.open();
    await vi.advanceTimersByTimeAsync(4_000);
    expect(metrics.status.status).toBe('stale');
    expect(pings(first)).toBe(1);
    await vi.advanceTimersByTimeAsync(4_999);
    expect(FakeWebSocket.instances).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(first.closedWith).toBeDefined();
    expect(metrics.status.status).toBe('reconnecting');
    await vi.advanceTimersByTimeAsync(1000);
    FakeWebSocket.last.open();
    FakeWebSocket.last.receive(metricsFrame(1));
    expect(metrics.status).toMatchObject({ status: 'live', gap: false });
    expect(seen).toEqual(expect.arrayContaining(['live', 'stale', 'reconnecting', 'live']));
    client.close();
  });

  it('a probed socket that answers is kept; the feed stays stale until its own message', async () => {
    const { client, metrics } = make();
    await tick();
    FakeWebSocket.last.open();
    await vi.advanceTimersByTimeAsync(4_000);
    FakeWebSocket.last.receive(JSON.stringify({ type: 'pong', timestamp: 1704225604 }));
    await vi.advanceTimersByTimeAsync(10_000);
    expect(FakeWebSocket.instances).toHaveLength(1);
    expect(metrics.status.status).toBe('stale');
    client.close();
  });

  it('the status object is stable between changes, and a new one after each', async () => {
    const { client, metrics } = make();
    await tick();
    FakeWebSocket.last.open();
    const live = metrics.status;
    expect(metrics.status).toBe(live);
    FakeWebSocket.last.receive(metricsFrame(1));
    expect(metrics.status).not.toBe(live);
    expect(metrics.status).toBe(metrics.status);
    client.close();
  });

  it('staleAfter overrides the cadence rule per feed', async () => {
    const client = createClient({
      url: 'ws://fake.test',
      protocol: takhin(),
      WebSocket: FakeWebSocket,
      lifecycle: false,
      staleAfter: (feed) => (feed.key === 'takhin:metrics' ? 10_000 : undefined),
    });
    const metrics = client.feed('metrics');
    metrics.subscribe();
    await tick();
    FakeWebSocket.last.open();
    await vi.advanceTimersByTimeAsync(9_999);
    expect(metrics.status.status).toBe('live');
    await vi.advanceTimersByTimeAsync(1);
    expect(metrics.status.status).toBe('stale');
    client.close();
  });
});

describe('feedStatus: connection and freshness to one status', () => {
  const connection = (status: ConnectionState['status'], attempt = 0): ConnectionState => ({
    status,
    url: 'ws://x',
    attempt,
  });
  const input = (patch: Partial<FeedStatusInput>): FeedStatusInput => ({
    connection: undefined,
    lastMessageAt: undefined,
    stale: false,
    gap: false,
    error: undefined,
    ...patch,
  });
  const fatal = new FeedkitError('auth', 'refused', { system: 'takhin', fatal: true });

  it.each([
    ['no channel yet', input({}), 'connecting'],
    ['idle', input({ connection: connection('idle') }), 'connecting'],
    ['first connect', input({ connection: connection('connecting') }), 'connecting'],
    ['open', input({ connection: connection('open') }), 'live'],
    ['open and stale', input({ connection: connection('open'), stale: true }), 'stale'],
    ['waiting for a retry', input({ connection: connection('reconnecting', 2) }), 'reconnecting'],
    ['connecting again', input({ connection: connection('connecting', 1) }), 'reconnecting'],
    [
      'connecting after data',
      input({ connection: connection('connecting'), lastMessageAt: 1 }),
      'reconnecting',
    ],
    ['suspended by the page', input({ connection: connection('offline') }), 'offline'],
    ['socket closed', input({ connection: connection('closed') }), 'offline'],
    ['fatal error', input({ connection: connection('closed'), error: fatal }), 'failed'],
  ] as const)('%s -> %s', (_name, given, expected) => {
    expect(feedStatus(given).status).toBe(expected);
  });
});
