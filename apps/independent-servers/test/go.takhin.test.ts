import { createClient, takhin } from '@feedkit/client/takhin';
import { filter, firstValueFrom } from 'rxjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GO_BUILD_TIMEOUT_MS, startGoServer } from './goServer';
import { describeErrors, errorsOf, failureOf, record } from './record';
import { replaysAfterRestart } from './resumesAfterRestart';
import type { ServerProcess } from './serverProcess';

const KEY = 'go-key';
let server: ServerProcess;

beforeAll(async () => {
  server = await startGoServer('takhin', ['-api-key', KEY]);
}, GO_BUILD_TIMEOUT_MS);
afterAll(() => server?.stop());

function connect(options: { apiKey?: string } = { apiKey: KEY }) {
  const client = createClient({ url: server.wsUrl, protocol: takhin(options), backoff: () => 0 });
  return { client, errors: errorsOf(client) };
}

describe('takhin against a Go server (net/http, gorilla/websocket)', () => {
  it('metrics, topic and consumer-group feeds deliver typed messages without drift', async () => {
    const { client, errors } = connect();
    const metrics = record(client.feed('metrics'), 'metrics');
    const topic = record(client.feed('topic', 'topic-1'), 'topic(topic-1)');
    const group = record(client.feed('consumerGroup', 'consumer-group-1'), 'group');
    try {
      const [m] = await metrics.until(2);
      expect(Number.isInteger(m?.timestamp)).toBe(true);
      expect(typeof m?.data.clusterHealth.goroutineCount).toBe('number');
      // Every other tick the nil slice of lags went out as null; read as [].
      expect(metrics.messages.every((x) => Array.isArray(x.data.consumerLags))).toBe(true);
      // This server narrows topic updates to the subscribed topics: the feed's own subscription.
      const events = await topic.until(2);
      expect(events.map((e) => e.data.name)).toEqual(['topic-1', 'topic-1']);
      expect(events.map((e) => e.type).sort()).toEqual(['topic_created', 'topic_deleted']);
      const [g] = await group.until(1);
      expect(g?.data.groupId).toBe('consumer-group-1');
      expect(client.drift.entries).toEqual([]);
      expect(describeErrors(errors)).toEqual([]);
    } finally {
      client.close();
    }
  });

  it.each<[string, { apiKey?: string }]>([
    ['a wrong API key', { apiKey: 'wrong-key' }],
    ['a missing API key', {}],
  ])('%s, refused with 401 at the upgrade, is a fatal auth error', async (_name, options) => {
    const { client, errors } = connect(options);
    try {
      const error = await failureOf(client.feed('metrics').first());
      expect(error).toMatchObject({ code: 'auth', status: 401, fatal: true });
      expect(describeErrors(errors)).toEqual([describeErrors([error!])[0]]);
    } finally {
      client.close();
    }
  });

  it('after a crash (SIGKILL) on the same port it reconnects and replays the group subscription', async () => {
    const { client } = connect();
    const reconnecting = firstValueFrom(
      client.state$.pipe(filter((s) => s.status === 'reconnecting')),
    );
    // group_updated reaches only sockets subscribed to its group: only the replayed subscription gets it.
    await replaysAfterRestart(server, client, client.feed('consumerGroup', 'consumer-group-2'));
    await reconnecting;
  });

  it('a clean shutdown (SIGTERM, close 1001) is followed by a reconnect', () => {
    const { client } = connect();
    return replaysAfterRestart(server, client, client.feed('metrics'), 'SIGTERM');
  });

  // gorilla names 1003 CloseUnsupportedData: what a Go server closes with on input it cannot decode.
  it('a message the server cannot decode is closed with 1003: a protocol error, then a reconnect', async () => {
    const { client, errors } = connect();
    const group = record(client.feed('consumerGroup', 'consumer-group-1'), 'group');
    try {
      await group.until(1);
      // `data` must be a "topic:..." string; a number does not decode into the Go struct.
      client.send('/api/monitoring/ws', { type: 'subscribe', data: 42 as never, timestamp: 0 });
      await group.find((_m) => errors.length > 0 && group.messages.length > 1);
      expect(errors.map((e) => [e.code, e.closeCode, e.fatal])).toEqual([
        ['protocol', 1003, false],
      ]);
      expect(errors[0]?.message).toContain('1003');
    } finally {
      client.close();
    }
  });
});
