import type { Takhin } from '@feedkit/protocol';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createClient, type DriftedMessage, type FeedkitError, takhin } from '../src/index';
import { FakeWebSocket } from './support/FakeWebSocket';
import { takhinMetrics } from './support/takhinMetrics';

/** Drift: a known message type that fails validation is counted, and reported or delivered; never dropped silently. */
const metrics = takhinMetrics();
const drifted = JSON.stringify({ ...metrics, data: { ...metrics.data, latency: 'n/a' } });

const tick = () => vi.advanceTimersByTimeAsync(0);
beforeEach(() => {
  vi.useFakeTimers();
  FakeWebSocket.reset();
});
afterEach(() => vi.useRealTimers());

const base = {
  url: 'ws://fake.test',
  protocol: takhin(),
  WebSocket: FakeWebSocket,
  lifecycle: false,
  heartbeat: false,
} as const;

function open() {
  const client = createClient(base);
  const errors: FeedkitError[] = [];
  client.errors$.subscribe((e) => errors.push(e));
  return { client, errors };
}

describe('drift', () => {
  it("'report' (the default): counted per system, type and path, reported with the raw value, not delivered", async () => {
    const { client, errors } = open();
    const got: unknown[] = [];
    const snapshots: number[] = [];
    client.drift$.subscribe((s) => snapshots.push(s.total));
    client.feed('metrics').subscribe((m) => got.push(m));
    await tick();
    FakeWebSocket.last.open();
    FakeWebSocket.last.receive(drifted);
    FakeWebSocket.last.receive(drifted);
    expect(got).toEqual([]);
    expect(errors.map((e) => e.code)).toEqual(['decode', 'decode']);
    expect(errors[0]?.decodeError?.value).toMatchObject({
      type: 'metrics',
      data: { latency: 'n/a' },
    });
    expect(client.drift).toMatchObject({
      total: 2,
      entries: [{ system: 'takhin', type: 'metrics', path: 'data.latency', count: 2 }],
    });
    expect(snapshots).toEqual([0, 1, 2]);
    client.close();
  });

  it("'deliver': the feed gets a DriftedMessage with the raw value and the issues, and it is counted", async () => {
    const client = createClient({ ...base, drift: 'deliver' });
    const errors: FeedkitError[] = [];
    client.errors$.subscribe((e) => errors.push(e));
    const got: (Takhin.MetricsMessage | DriftedMessage)[] = [];
    client.feed('metrics').subscribe((m) => got.push(m));
    await tick();
    FakeWebSocket.last.open();
    FakeWebSocket.last.receive(drifted);
    FakeWebSocket.last.receive(JSON.stringify(metrics));
    expect(got).toHaveLength(2);
    const [first, second] = got;
    expect(first).toMatchObject({
      drifted: true,
      type: 'metrics',
      value: { data: { latency: 'n/a' } },
    });
    expect(first && 'drifted' in first && first.issues[0]?.path).toEqual(['data', 'latency']);
    expect(second && !('drifted' in second) && second.data.latency.produceP99).toBe(1);
    expect(errors).toEqual([]);
    expect(client.drift.total).toBe(1);
    client.close();
  });
});

describe('feed.first()', () => {
  it('resolves with the next message and lets the feed go', async () => {
    const { client } = open();
    const feed = client.feed('metrics');
    const first = feed.first();
    await tick();
    FakeWebSocket.last.open();
    FakeWebSocket.last.receive(JSON.stringify(metrics));
    expect((await first).timestamp).toBe(1704225600);
    expect((feed as unknown as { holders: number }).holders).toBe(0);
    client.close();
  });

  it("rejects with the feed's fatal error, and when the client closes first", async () => {
    const { client } = open();
    const refused = createClient({
      url: 'ws://fake.test',
      protocol: takhin({ getToken: () => 'k' }),
      WebSocket: FakeWebSocket,
      lifecycle: false,
      heartbeat: false,
    });
    const failing = refused.feed('metrics').first();
    await tick();
    FakeWebSocket.last.open();
    FakeWebSocket.last.serverClose(4001, 'bad key');
    await tick();
    FakeWebSocket.last.open();
    FakeWebSocket.last.serverClose(4001, 'bad key');
    await expect(failing).rejects.toMatchObject({ code: 'auth', fatal: true, closeCode: 4001 });
    refused.close();
    const pending = client.feed('metrics').first();
    client.close();
    await expect(pending).rejects.toMatchObject({ code: 'connection', fatal: true });
  });
});
