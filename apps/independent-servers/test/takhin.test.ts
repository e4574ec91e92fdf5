import { createClient, takhin } from '@feedkit/client/takhin';
import { filter, firstValueFrom } from 'rxjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type PythonServer, startPythonServer } from './pythonServer';
import { describeErrors, errorsOf, failureOf, record } from './record';
import { replaysAfterRestart } from './resumesAfterRestart';

const KEY = 'independent-key';
let server: PythonServer;

beforeAll(async () => {
  server = await startPythonServer('takhin', ['--api-key', KEY]);
});
afterAll(() => server?.stop());

function connect(options: { apiKey?: string } = { apiKey: KEY }) {
  const client = createClient({
    url: server.wsUrl,
    protocol: takhin(options),
    backoff: () => 0,
  });
  return { client, errors: errorsOf(client) };
}

describe('takhin against an independently written server', () => {
  it('metrics, topic and consumer-group feeds deliver typed messages without drift', async () => {
    const { client, errors } = connect();
    const metrics = record(client.feed('metrics'), 'metrics');
    const topic = record(client.feed('topic', 'topic-1'), 'topic(topic-1)');
    const group = record(client.feed('consumerGroup', 'consumer-group-1'), 'group');
    try {
      const [m] = await metrics.until(2);
      expect(m?.type).toBe('metrics');
      expect(typeof m?.timestamp).toBe('number');
      expect(typeof m?.data.throughput.produceRate).toBe('number');
      expect(typeof m?.data.clusterHealth.goroutineCount).toBe('number');
      // Every other tick no group lags, and the Go server sends its nil slice as null:
      // one of any two messages had `consumerLags: null` on the wire, read as [].
      expect(metrics.messages.every((x) => Array.isArray(x.data.consumerLags))).toBe(true);
      // The server broadcasts every topic's lifecycle to everyone: the feed keeps only its own.
      // The feed may open between topic-1's creation and its deletion, so either comes first.
      const events = await topic.until(2);
      expect(events.map((e) => e.data.name)).toEqual(['topic-1', 'topic-1']);
      expect(events.map((e) => e.type).sort()).toEqual(['topic_created', 'topic_deleted']);
      const [g] = await group.until(1);
      expect(g?.data.groupId).toBe('consumer-group-1');
      expect(typeof g?.data.members).toBe('number');
      expect(client.drift.entries).toEqual([]);
      expect(describeErrors(errors)).toEqual([]);
    } finally {
      client.close();
    }
  });

  it('a wrong API key, refused by a close after the upgrade, is an auth error', async () => {
    const { client, errors } = connect({ apiKey: 'wrong-key' });
    try {
      const error = await failureOf(client.feed('metrics').first());
      expect(error?.code).toBe('auth');
      expect(error?.closeCode).toBe(1008);
      expect(errors.every((e) => e.code === 'auth')).toBe(true);
    } finally {
      client.close();
    }
  });

  it('a missing API key is an auth error too', async () => {
    const { client } = connect({});
    try {
      const error = await failureOf(client.feed('metrics').first());
      expect(error?.code).toBe('auth');
    } finally {
      client.close();
    }
  });

  it('after a server restart it reconnects and replays the group subscription', async () => {
    const { client } = connect();
    const reconnecting = firstValueFrom(
      client.state$.pipe(filter((s) => s.status === 'reconnecting')),
    );
    // group_updated reaches only sockets subscribed to its group: only the replayed subscription gets it.
    await replaysAfterRestart(server, client, client.feed('consumerGroup', 'consumer-group-2'));
    await reconnecting;
  });
});
