import { type AddressInfo, connect, createServer, type Server, type Socket } from 'node:net';
import { filter, firstValueFrom, skip } from 'rxjs';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocketServer } from 'ws';
import {
  activeImmuneCore,
  createClient,
  type FeedkitClient,
  helios,
  plataformaE,
  takhin,
} from '../src/index';
import { collectErrors, next } from './support/helpers';
import { useReferenceServer } from './support/referenceServer';

/**
 * Liveness both ways. A TCP proxy between client and reference server that
 * black-holes one direction (client -> server) while the server keeps
 * sending: frames still arrive, pings are never answered, and the dead peer
 * is found within the heartbeat timeout.
 */
const ref = useReferenceServer({ simulate: true });

interface Proxy {
  readonly url: string;
  /** Drop every byte the client sends from now on. */
  blackHoleClientToServer: boolean;
  close(): Promise<void>;
}

async function tcpProxy(target: string): Promise<Proxy> {
  const { hostname, port } = new URL(target);
  const sockets = new Set<Socket>();
  const proxy: Proxy = {
    url: '',
    blackHoleClientToServer: false,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
  const server: Server = createServer((client) => {
    const upstream = connect(Number(port), hostname);
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.on('error', () => {});
      s.on('close', () => {
        client.destroy();
        upstream.destroy();
      });
    }
    client.on('data', (chunk) => {
      if (!proxy.blackHoleClientToServer) upstream.write(chunk);
    });
    upstream.on('data', (chunk) => client.write(chunk));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  (proxy as { url: string }).url = `ws://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return proxy;
}

const cleanup: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const step of cleanup.splice(0)) await step();
});

describe('liveness', () => {
  it('a peer that keeps sending but no longer hears us is found dead within the heartbeat timeout', async () => {
    const proxy = await tcpProxy(ref.server.wsUrl);
    cleanup.push(() => proxy.close());
    const client = ref.client(takhin(), {
      url: proxy.url,
      heartbeat: { intervalMs: 40, timeoutMs: 300 },
    });
    const errors = collectErrors(client);
    const metrics = client.feed('metrics');
    const sub = metrics.subscribe();
    await next(metrics);
    proxy.blackHoleClientToServer = true;
    let arrivedWhileDeaf = 0;
    const counting = metrics.subscribe(() => arrivedWhileDeaf++);
    const dead = await next(client.state$, (s) => s.closeCode === 4000);
    expect(dead.reason).toMatch(/dead peer/);
    // The server kept sending the whole time: frames alone no longer count as life.
    expect(arrivedWhileDeaf).toBeGreaterThan(0);
    expect(errors.some((e) => e.code === 'connection' && e.closeCode === 4000)).toBe(true);
    proxy.blackHoleClientToServer = false;
    await next(client.state$, (s) => s.status === 'open');
    counting.unsubscribe();
    sub.unsubscribe();
  });
});

describe('subscription answers', () => {
  it('an unanswered Plataforma E subscribe is sent once more, then the socket is replaced', async () => {
    const received: { connection: number; frame: string }[] = [];
    let connections = 0;
    const wss = new WebSocketServer({ port: 0, host: '127.0.0.1' });
    await new Promise<void>((r) => wss.once('listening', r));
    cleanup.push(
      () =>
        new Promise<void>((r) => {
          for (const s of wss.clients) s.terminate();
          wss.close(() => r());
        }),
    );
    // A server that reads but never answers: what a half-broken proxy looks like to the client.
    wss.on('connection', (socket) => {
      const id = ++connections;
      socket.on('message', (data) => received.push({ connection: id, frame: String(data) }));
    });
    const client = createClient({
      url: `ws://127.0.0.1:${(wss.address() as AddressInfo).port}`,
      protocol: plataformaE(),
      backoff: () => 0,
      heartbeat: false,
      lifecycle: false,
      ackTimeoutMs: 50,
    });
    cleanup.push(() => (client as unknown as FeedkitClient).close());
    const errors = collectErrors(client);
    client.feed('project', 'PROJ-001').subscribe();
    await next(client.errors$, (e) => /not answered/.test(e.message));
    await next(client.state$, (s) => s.status === 'open' && connections === 2);
    const first = received.filter((r) => r.connection === 1).map((r) => JSON.parse(r.frame));
    expect(first).toEqual([
      { action: 'subscribe', project_id: 'PROJ-001' },
      { action: 'subscribe', project_id: 'PROJ-001' },
    ]);
    expect(errors[0]?.message).toMatch(/1 subscription command\(s\) not answered within 50 ms/);
  });

  it('answered subscriptions (the reference server) are never retried', async () => {
    // No pings, so the server's message count is exactly the subscription commands.
    const client = ref.client(plataformaE(), {
      ackTimeoutMs: 100,
      linger: 60_000,
      heartbeat: false,
    });
    const errors = collectErrors(client);
    const sub = client.feed('project', 'PROJ-002').subscribe();
    await next(client.state$, (s) => s.connections[0]?.acks?.confirmed === 1);
    const [conn] = await ref.server.waitForConnections((cs) => cs[0]?.subscriptions.length === 1);
    expect(conn?.messagesIn).toBe(1);
    expect(errors).toEqual([]);
    sub.unsubscribe();
  });
});

describe('answered pings', () => {
  it.each([
    ['plataforma-e', () => plataformaE(), 'notifications'],
    ['helios', () => helios({ username: 'admin', password: 'admin123' }), 'status'],
    ['active-immune-core', () => activeImmuneCore(), 'all'],
    ['takhin', () => takhin(), 'metrics'],
  ] as const)(
    '%s answers every ping: no false dead peer over many timeouts',
    async (system, protocol, feed) => {
      const client = ref.client(protocol() as ReturnType<typeof takhin>, {
        heartbeat: { intervalMs: 25, timeoutMs: 250 },
      });
      const reconnects: string[] = [];
      client.state$.subscribe((s) => {
        if (s.status === 'reconnecting') reconnects.push(s.reason ?? '');
      });
      const sub = (client.feed as (name: string) => { subscribe(): { unsubscribe(): void } })(
        feed,
      ).subscribe();
      const [conn] = await ref.server.waitForConnections((cs) =>
        cs.some((c) => c.system === system),
      );
      // Thirty pongs at a ping every 25 ms: three 250 ms timeouts pass (generous: the CI machine is shared).
      const pong = (m: unknown) =>
        (m as { type?: unknown }).type === 'pong' ||
        (m as { message?: unknown }).message === 'pong';
      await firstValueFrom(client.messages$.pipe(filter(pong), skip(29)));
      expect(reconnects).toEqual([]);
      expect(ref.server.connections(system)[0]?.id).toBe(conn?.id);
      sub.unsubscribe();
    },
  );
});
