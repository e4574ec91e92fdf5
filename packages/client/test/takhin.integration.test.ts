import { type ReferenceServer, startReferenceServer } from '@feedkit/reference-server';
import { firstValueFrom, take, toArray } from 'rxjs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  type ClientOptions,
  createClient,
  type FeedkitClient,
  type Protocol,
  takhin,
} from '../src/index';
import { BrowserLikeWebSocket } from './support/BrowserLikeWebSocket';
import { collectErrors, next, status } from './support/helpers';

const PATH = '/api/monitoring/ws';
let server: ReferenceServer;
const clients: FeedkitClient[] = [];

function client<P extends Protocol = ReturnType<typeof takhin>>(
  options: Partial<ClientOptions<P>> = {},
) {
  const c = createClient({
    url: server.wsUrl,
    protocol: takhin(),
    backoff: () => 0,
    linger: 0,
    heartbeat: { intervalMs: 200, timeoutMs: 2000 },
    ...options,
  } as ClientOptions<P>);
  clients.push(c as unknown as FeedkitClient);
  return c;
}

const takhinConnections = () => server.connections('takhin');
const topicEvent = (name: string) => ({
  type: 'topic_created' as const,
  timestamp: Math.floor(Date.now() / 1000),
  data: { name, partitions: 3 },
});

beforeEach(async () => {
  server = await startReferenceServer({ timeScale: 0.01, seed: 1, simulate: false });
});
afterEach(async () => {
  for (const c of clients.splice(0)) c.close();
  await server.stop();
});

describe('Takhin against the reference server', () => {
  it('every feed delivers typed messages', async () => {
    const c = client();
    const metrics = await next(c.feed('metrics'));
    expect(metrics.type).toBe('metrics');
    expect(typeof metrics.data.latency.produceP99).toBe('number');
    expect(c.feed('metrics').getSnapshot()).toBe(metrics);

    const topic = c.feed('topic', 'orders');
    const topicMessage = firstValueFrom(topic);
    await server.waitForConnections((cs) =>
      cs.some((x) => x.subscriptions.includes('topic:orders')),
    );
    server.emit('takhin', topicEvent('orders'));
    expect(await topicMessage).toMatchObject({ type: 'topic_created', data: { name: 'orders' } });

    const group = c.feed('consumerGroup', 'g1');
    const groupMessage = firstValueFrom(group);
    await server.waitForConnections((cs) => cs.some((x) => x.subscriptions.includes('group:g1')));
    server.emit('takhin', {
      type: 'group_updated',
      timestamp: Math.floor(Date.now() / 1000),
      data: { groupId: 'g1', state: 'Stable', members: 2 },
    });
    expect(await groupMessage).toMatchObject({ type: 'group_updated', data: { groupId: 'g1' } });
    // One socket for every feed of the path.
    expect(takhinConnections()).toHaveLength(1);
  });

  it('the same feed key returns the same object', () => {
    const c = client();
    expect(c.feed('topic', 'a')).toBe(c.feed('topic', 'a'));
    expect(c.feed('topic', 'a')).not.toBe(c.feed('topic', 'b'));
  });

  it('subscribe and unsubscribe reach the server; two consumers make one wire subscription', async () => {
    // No pings, so the server's message count is exactly the subscription commands.
    const c = client({ linger: 60_000, heartbeat: false });
    const feed = c.feed('topic', 'orders');
    const first = feed.subscribe();
    const [conn] = await server.waitForConnections((cs) =>
      cs.some((x) => x.subscriptions.includes('topic:orders')),
    );
    const second = feed.subscribe();
    const stopListening = feed.listen(() => {});
    first.unsubscribe();
    stopListening();
    // Still held by `second`: nothing was unsubscribed, and only one subscribe was sent.
    await next(c.state$, (s) => s.connections[0]?.status === 'open');
    expect(takhinConnections()[0]?.subscriptions).toEqual(['topic:orders']);
    expect(takhinConnections()[0]?.messagesIn).toBe(1);
    second.unsubscribe();
    await server.waitForConnections((cs) => cs.length === 1 && cs[0]?.subscriptions.length === 0);
    expect(takhinConnections()[0]?.id).toBe(conn?.id);
    expect(takhinConnections()[0]?.messagesIn).toBe(2);
  });

  it('closes the socket after linger once the last feed leaves, and reopens lazily', async () => {
    const c = client({ linger: 20 });
    const sub = c.feed('metrics').subscribe();
    await server.waitForConnections((cs) => cs.length === 1);
    sub.unsubscribe();
    await server.waitForConnections((cs) => cs.length === 0);
    expect(c.state.status).toBe('idle');
    const again = c.feed('metrics').subscribe();
    await server.waitForConnections((cs) => cs.length === 1);
    again.unsubscribe();
  });

  it.each([
    ['restart()', () => server.restart()],
    ['dropConnections()', () => server.dropConnections()],
    ['dropConnections(1006)', () => server.dropConnections(1006)],
  ])(
    'after %s it reconnects and the server has exactly the desired set again',
    async (_, fault) => {
      const c = client();
      const orders = c.feed('topic', 'orders');
      const held = [
        orders.subscribe(),
        c.feed('consumerGroup', 'g1').subscribe(),
        c.feed('metrics').subscribe(),
      ];
      const gone = c.feed('topic', 'gone').subscribe();
      await server.waitForConnections((cs) => cs[0]?.subscriptions.length === 3);
      gone.unsubscribe();
      const [before] = await server.waitForConnections((cs) => cs[0]?.subscriptions.length === 2);
      await fault();
      const [after] = await server.waitForConnections(
        (cs) => cs.length === 1 && cs[0]?.id !== before?.id && cs[0]?.subscriptions.length === 2,
      );
      expect([...(after?.subscriptions ?? [])].sort()).toEqual(['group:g1', 'topic:orders']);
      await status(c, 'open');
      expect(orders.gap).toBe(true);
      server.emit('takhin', topicEvent('orders'));
      await next(orders);
      expect(orders.gap).toBe(false);
      for (const s of held) s.unsubscribe();
    },
  );

  it('a frozen server is a dead peer: the heartbeat reconnects and replays', async () => {
    const c = client({ heartbeat: { intervalMs: 30, timeoutMs: 120 } });
    const errors = collectErrors(c);
    const sub = c.feed('topic', 'orders').subscribe();
    const [before] = await server.waitForConnections((cs) => cs[0]?.subscriptions.length === 1);
    server.freeze();
    await next(c.state$, (s) => s.status === 'connecting' || s.status === 'reconnecting');
    expect(errors.some((e) => e.code === 'connection' && e.closeCode === 4000)).toBe(true);
    server.thaw();
    const [after] = await server.waitForConnections(
      (cs) => cs.length === 1 && cs[0]?.id !== before?.id && cs[0]?.subscriptions.length === 1,
    );
    expect(after?.subscriptions).toEqual(['topic:orders']);
    sub.unsubscribe();
  });

  it('a bad API key stops after one refresh with a typed auth error', async () => {
    await server.stop();
    server = await startReferenceServer({
      timeScale: 0.01,
      simulate: false,
      takhinApiKey: 'right',
    });
    const requests: boolean[] = [];
    const c = client({
      protocol: takhin({
        getToken: ({ refresh }) => {
          requests.push(refresh);
          return 'wrong';
        },
      }),
    });
    const errors = collectErrors(c);
    const feed = c.feed('metrics');
    const result = firstValueFrom(feed).catch((e: unknown) => e);
    const closed = await status(c, 'closed');
    expect(requests).toEqual([false, true]);
    expect(errors.map((e) => [e.code, e.fatal])).toEqual([['auth', true]]);
    expect(errors[0]?.status).toBe(401);
    expect(closed.reason).toMatch(/401/);
    expect(await result).toMatchObject({ code: 'auth', fatal: true, status: 401 });
    expect(feed.error?.fatal).toBe(true);
  });

  it('a browser socket refused before open with a key (optional auth) asks the server why: 401 twice is one fatal auth error', async () => {
    await server.stop();
    server = await startReferenceServer({
      timeScale: 0.01,
      simulate: false,
      takhinApiKey: 'right',
    });
    const probes: string[] = [];
    const c = client({
      protocol: takhin({ apiKey: 'wrong' }),
      WebSocket: BrowserLikeWebSocket,
      fetch: (input, init) => {
        probes.push(String(input).replace(/token=[^&]+/, 'token=…'));
        return fetch(input, init);
      },
    });
    const errors = collectErrors(c);
    c.feed('metrics').subscribe({ error: () => {} });
    await status(c, 'closed');
    expect(errors.map((e) => [e.code, e.fatal, e.status])).toEqual([['auth', true, 401]]);
    expect(probes).toEqual([`${server.url}${PATH}?token=…`, `${server.url}${PATH}?token=…`]);
  });

  it('a good API key goes in the Authorization header, never in the state URL', async () => {
    await server.stop();
    server = await startReferenceServer({
      timeScale: 0.01,
      simulate: false,
      takhinApiKey: 'right',
    });
    const c = client({ protocol: takhin({ apiKey: 'right' }) });
    await next(c.feed('metrics'));
    expect(c.state.connections[0]?.url).toBe(`${server.wsUrl}${PATH}`);
  });

  it('Takhin closes on malformed input: reported, then reconnected with the subscriptions replayed', async () => {
    const c = client();
    const errors = collectErrors(c);
    const sub = c.feed('topic', 'orders').subscribe();
    const [before] = await server.waitForConnections((cs) => cs[0]?.subscriptions.length === 1);
    c.send(PATH, { type: 'subscribe', data: 'not-a-target', timestamp: 0 });
    const [after] = await server.waitForConnections(
      (cs) => cs.length === 1 && cs[0]?.id !== before?.id && cs[0]?.subscriptions.length === 1,
    );
    expect(after?.subscriptions).toEqual(['topic:orders']);
    expect(errors.some((e) => e.code === 'protocol' && e.closeCode === 1007)).toBe(true);
    sub.unsubscribe();
  });

  it('messages$ sees every decoded message and for-await iterates a feed', async () => {
    const c = client();
    const seen = firstValueFrom(c.messages$.pipe(take(2), toArray()));
    const received: number[] = [];
    for await (const m of c.feed('metrics')) {
      received.push(m.timestamp);
      if (received.length === 2) break;
    }
    expect(received).toHaveLength(2);
    expect((await seen).every((m) => m.type === 'metrics')).toBe(true);
    await server.waitForConnections((cs) => cs.length === 0);
  });
});
