import { Takhin } from '@feedkit/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ReferenceServer, startReferenceServer } from '../src/index';
import { TestClient } from './support/TestClient';

const TIME_SCALE = 0.05;
const PATH = Takhin.TAKHIN_PATH;
const valid = (message: unknown) => Takhin.adapter.decode(JSON.stringify(message));
const nowSeconds = () => Math.floor(Date.now() / 1000);

let server: ReferenceServer;
beforeAll(async () => {
  server = await startReferenceServer({ timeScale: TIME_SCALE, seed: 4 });
});
afterAll(() => server.stop());

describe('Takhin /api/monitoring/ws', () => {
  it('sends metrics on connect and every 2 s (scaled), each valid and self-consistent', async () => {
    const client = await TestClient.open(`${server.wsUrl}${PATH}`);
    const { messages, times } = await client.collect(5, (m) => m.type === 'metrics');
    for (const message of messages) {
      const decoded = valid(message);
      expect(decoded.kind).toBe('message');
      const data = (message as Takhin.MetricsMessage).data;
      expect(data.clusterHealth.totalTopics).toBe(data.topicStats.length);
      expect(data.clusterHealth.totalPartitions).toBe(
        data.topicStats.reduce((sum, t) => sum + t.partitions, 0),
      );
      for (const group of data.consumerLags) {
        expect(group.totalLag).toBe(group.topicLags.reduce((sum, t) => sum + t.totalLag, 0));
        for (const topic of group.topicLags) {
          expect(topic.totalLag).toBe(topic.partitionLags.reduce((sum, p) => sum + p.lag, 0));
          for (const p of topic.partitionLags) {
            expect(p.lag).toBe(p.logEndOffset - p.currentOffset);
            expect(p.lag).toBeGreaterThanOrEqual(0);
          }
        }
      }
      expect(Number.isInteger((message as Takhin.MetricsMessage).timestamp)).toBe(true);
    }
    // Mean periodic gap (skip the on-connect one): about 2 s x TIME_SCALE = 100 ms.
    const interval = Takhin.TAKHIN_METRICS_INTERVAL_MS * TIME_SCALE;
    const gap = ((times[4] as number) - (times[1] as number)) / 3;
    expect(gap).toBeGreaterThan(interval * 0.7);
    expect(gap).toBeLessThan(interval * 4);
    await client.close();
  });

  it('answers ping with pong', async () => {
    const client = await TestClient.open(`${server.wsUrl}${PATH}`);
    client.send({ type: 'ping', timestamp: nowSeconds() });
    const pong = await client.next((m) => m.type === 'pong');
    expect(valid(pong).kind).toBe('message');
    await client.close();
  });

  it('subscribe/unsubscribe change what the server routes, in topic vocabulary', async () => {
    // Quiet server: a simulated event before the subscriptions land would reach everyone.
    const server = await startReferenceServer({ timeScale: TIME_SCALE, simulate: false });
    const subscribed = await TestClient.open(`${server.wsUrl}${PATH}`);
    const other = await TestClient.open(`${server.wsUrl}${PATH}`);
    const everything = await TestClient.open(`${server.wsUrl}${PATH}`);
    subscribed.send({ type: 'subscribe', data: 'topic:alpha', timestamp: nowSeconds() });
    other.send({ type: 'subscribe', data: 'group:g-1', timestamp: nowSeconds() });
    await server.waitForConnections(
      (list) =>
        list.some((c) => c.subscriptions.includes('topic:alpha')) &&
        list.some((c) => c.subscriptions.includes('group:g-1')),
    );
    server.emit('takhin', {
      type: 'topic_created',
      timestamp: nowSeconds(),
      data: { name: 'alpha', partitions: 2 },
    });
    server.emit('takhin', {
      type: 'group_updated',
      timestamp: nowSeconds(),
      data: { groupId: 'g-1', state: 'Stable', members: 2 },
    });
    const created = await subscribed.next((m) => m.type === 'topic_created');
    expect(created).toMatchObject({ data: { name: 'alpha', partitions: 2 } });
    await other.next((m) => m.type === 'group_updated');
    // No subscription at all: every event.
    await everything.next(
      (m) => m.type === 'topic_created' && (m.data as { name: string }).name === 'alpha',
    );
    await everything.next((m) => m.type === 'group_updated');
    // Ordering on one socket: a ping sent after the emits is answered after them.
    subscribed.send({ type: 'ping', timestamp: nowSeconds() });
    await subscribed.next((m) => m.type === 'pong');
    other.send({ type: 'ping', timestamp: nowSeconds() });
    await other.next((m) => m.type === 'pong');
    expect(subscribed.received.some((m) => (m as { type: string }).type === 'group_updated')).toBe(
      false,
    );
    expect(other.received.some((m) => (m as { type: string }).type === 'topic_created')).toBe(
      false,
    );

    subscribed.send({ type: 'unsubscribe', data: 'topic:alpha', timestamp: nowSeconds() });
    await server.waitForConnections(
      (list) => !list.some((c) => c.subscriptions.includes('topic:alpha')),
    );
    await Promise.all([subscribed.close(), other.close(), everything.close()]);
    await server.stop();
  });

  it.each([
    ['not JSON', '{"type":'],
    ['unknown type', '{"type":"explode","timestamp":1}'],
    ['bad target', '{"type":"subscribe","data":"queue:x","timestamp":1}'],
    ['array', '[]'],
  ])('a malformed client message (%s) gets an error and close 1007', async (_name, frame) => {
    const client = await TestClient.open(`${server.wsUrl}${PATH}`);
    client.send(frame);
    const error = await client.next((m) => m.type === 'error');
    expect(valid(error).kind).toBe('message');
    expect((await client.closed).code).toBe(1007);
  });

  it("takes commands without a timestamp, as the seed's own client class sends them", async () => {
    const client = await TestClient.open(`${server.wsUrl}${PATH}`);
    client.send({ type: 'subscribe', data: 'topic:no-clock' });
    await server.waitForConnections((list) =>
      list.some((c) => c.subscriptions.includes('topic:no-clock')),
    );
    client.send({ type: 'ping' });
    const pong = await client.next((m) => m.type === 'pong');
    expect(valid(pong).kind).toBe('message');
    client.send({ type: 'unsubscribe', data: 'topic:no-clock' });
    await server.waitForConnections(
      (list) => !list.some((c) => c.subscriptions.includes('topic:no-clock')),
    );
    expect(client.socket.readyState).toBe(client.socket.OPEN);
    await client.close();
  });

  it('routes topic_deleted to topic subscribers only and emit() rejects invalid messages', async () => {
    const client = await TestClient.open(`${server.wsUrl}${PATH}`);
    client.send({ type: 'subscribe', data: 'topic:beta', timestamp: nowSeconds() });
    await server.waitForConnections((list) =>
      list.some((c) => c.subscriptions.includes('topic:beta')),
    );
    server.emit('takhin', {
      type: 'topic_deleted',
      timestamp: nowSeconds(),
      data: { name: 'beta' },
    });
    await client.next((m) => m.type === 'topic_deleted');
    expect(() =>
      server.emit('takhin', { type: 'topic_deleted', timestamp: 'now', data: {} }),
    ).toThrow(/timestamp|data/);
    expect(() => server.emit('takhin', { type: 'nope' })).toThrow(/not a message type/);
    await client.close();
  });
});

describe('Takhin API key', () => {
  let secured: ReferenceServer;
  beforeAll(async () => {
    secured = await startReferenceServer({ timeScale: TIME_SCALE, takhinApiKey: 'k3y' });
  });
  afterAll(() => secured.stop());

  it('refuses a missing or wrong key with 401', async () => {
    expect(await TestClient.refusal(`${secured.wsUrl}${PATH}`)).toBe(401);
    expect(await TestClient.refusal(`${secured.wsUrl}${PATH}?token=wrong`)).toBe(401);
    expect(
      await TestClient.refusal(`${secured.wsUrl}${PATH}`, { authorization: 'Bearer wrong' }),
    ).toBe(401);
  });

  it('accepts the key as a bearer header or ?token=', async () => {
    const byHeader = await TestClient.open(`${secured.wsUrl}${PATH}`, {
      authorization: 'Bearer k3y',
    });
    const byQuery = await TestClient.open(`${secured.wsUrl}${PATH}?token=k3y`);
    await byHeader.next((m) => m.type === 'metrics');
    await byQuery.next((m) => m.type === 'metrics');
    await Promise.all([byHeader.close(), byQuery.close()]);
  });

  it('takes the key in the query parameter a deployment names (takhinApiKeyQuery)', async () => {
    const other = await startReferenceServer({
      simulate: false,
      takhinApiKey: 'k3y',
      takhinApiKeyQuery: 'api_key',
    });
    const client = await TestClient.open(`${other.wsUrl}${PATH}?api_key=k3y`);
    await client.next((m) => m.type === 'metrics');
    await client.close();
    expect(await TestClient.refusal(`${other.wsUrl}${PATH}?token=k3y`)).toBe(401);
    await other.stop();
  });
});

describe('unknown paths', () => {
  it('404 on an unknown socket path and an unknown REST path', async () => {
    expect(await TestClient.refusal(`${server.wsUrl}/nope`)).toBe(404);
    const response = await fetch(`${server.url}/nope`);
    expect(response.status).toBe(404);
  });
});
