import { type ReferenceServer, startReferenceServer } from '@feedkit/reference-server';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { adapters } from '../src/share/adapters';
import { type HubLink, ShareHub } from '../src/share/ShareHub';
import type { HubMessage, ShareConfig, TabMessage } from '../src/share/ShareMessages';

/**
 * The owner of shared sockets in Node, against the reference server, with
 * tabs played by the test: what reaches a tab is recorded, and a tab in
 * `answering` answers pings the way a live page does.
 */
let server: ReferenceServer;
let hub: ShareHub;
const answering = new Set<string>();
const waiters: { tab: string; match(m: HubMessage): boolean; resolve(m: HubMessage): void }[] = [];
const LIVENESS = { intervalMs: 50, timeoutMs: 200 };

/** The last feed message each tab was sent (the hub decodes once: the same object for every tab). */
const lastSent = new Map<string, unknown>();

function deliver(tab: string, message: HubMessage): void {
  if (message.t === 'msg') lastSent.set(tab, message.message);
  if (message.t === 'ping' && answering.has(tab)) {
    queueMicrotask(() => hub.receive({ from: 'tab', tab, t: 'pong' }));
  }
  for (const waiter of [...waiters]) {
    if (waiter.tab !== tab || !waiter.match(message)) continue;
    waiters.splice(waiters.indexOf(waiter), 1);
    waiter.resolve(message);
  }
}

const link: HubLink = {
  post: (tab, message) => deliver(tab, message),
  postAll: (tabs, message) => {
    for (const tab of tabs) deliver(tab, message);
  },
};

function received<T extends HubMessage['t']>(
  tab: string,
  t: T,
  match: (m: Extract<HubMessage, { t: T }>) => boolean = () => true,
): Promise<Extract<HubMessage, { t: T }>> {
  return new Promise((resolve) => {
    waiters.push({
      tab,
      match: (m) => m.t === t && match(m as Extract<HubMessage, { t: T }>),
      resolve: resolve as (m: HubMessage) => void,
    });
  });
}

type Body = TabMessage extends infer M
  ? M extends TabMessage
    ? Omit<M, 'from' | 'tab'>
    : never
  : never;
const say = (tab: string, body: Body) => hub.receive({ ...body, from: 'tab', tab } as TabMessage);

function config(system: ShareConfig['system'], token = false): ShareConfig {
  return {
    system,
    url: server.wsUrl,
    query: undefined,
    acks: undefined,
    heartbeat: { intervalMs: 200, timeoutMs: 2000 },
    linger: 0,
    queue: {},
    stableAfterMs: undefined,
    connectTimeoutMs: undefined,
    basePath: undefined,
    authQueryParam: undefined,
    ackTimeoutMs: undefined,
    headers: undefined,
    tls: undefined,
    requestTimeoutMs: undefined,
    token,
    functions: [],
  };
}

function join(tab: string, system: ShareConfig['system'] = 'takhin', token = false): string {
  answering.add(tab);
  say(tab, { t: 'join', lock: undefined, liveness: LIVENESS });
  const client = `${tab}:1`;
  say(tab, { t: 'open', client, config: config(system, token) });
  return client;
}

const PATH = '/api/monitoring/ws';
const url = () => `${server.wsUrl}${PATH}`;
const addMetrics = (tab: string, client: string) =>
  say(tab, { t: 'add', client, path: PATH, url: url(), key: 'metrics', feed: ['metrics', []] });
const wire = () => server.connections('takhin').flatMap((c) => c.subscriptions);

beforeEach(async () => {
  server = await startReferenceServer({ timeScale: 0.01, seed: 1, simulate: false });
  hub = new ShareHub({ link, adapters: (system) => adapters[system] });
});

afterEach(async () => {
  hub.close();
  answering.clear();
  lastSent.clear();
  waiters.length = 0;
  await server.stop();
});

describe('ShareHub', () => {
  it('a client that adds a feed after its socket opened is told the state at once (its tab channel is new)', async () => {
    const a = join('a');
    addMetrics('a', a);
    await received('a', 'state', (m) => m.state.connections[0]?.status === 'open');
    const b = join('b');
    // b's channel for the path is made only now: nothing changes on the socket to tell it.
    const told = received('b', 'state');
    addMetrics('b', b);
    expect((await told).state.connections.map((c) => c.status)).toEqual(['open']);
  });

  it('a tab that stops answering pings loses only its own topics, and is told to join again when it speaks', async () => {
    const a = join('a');
    const b = join('b');
    say('a', {
      t: 'add',
      client: a,
      path: PATH,
      url: url(),
      key: 'topic:mine',
      feed: ['topic', ['mine']],
    });
    say('b', {
      t: 'add',
      client: b,
      path: PATH,
      url: url(),
      key: 'topic:yours',
      feed: ['topic', ['yours']],
    });
    await server.waitForConnections(
      () => wire().includes('topic:mine') && wire().includes('topic:yours'),
    );
    answering.delete('a');
    await server.waitForConnections(() => !wire().includes('topic:mine'));
    expect(wire()).toEqual(['topic:yours']);
    expect(hub.tabs).toEqual(new Set(['b']));
    const rejoin = received('a', 'rejoin');
    say('a', { t: 'pong' });
    expect(await rejoin).toMatchObject({ tab: 'a' });
  });

  it('one key held by two tabs is one wire topic; a newcomer gets the last message at once', async () => {
    const a = join('a');
    const b = join('b');
    const first = received('a', 'msg', (m) => m.to[a]?.includes('metrics') === true);
    addMetrics('a', a);
    const message = (await first).message;
    // Metrics keep coming (every 20 ms at this time scale): a frozen server sends nothing
    // more, so what the newcomer gets can only be the hub's last message, handed over at once.
    // A frame already in flight may still land: compare with what tab a was last sent then.
    expect(message).toBeDefined();
    server.freeze();
    let aHadThen: unknown;
    const late = received('b', 'msg', (m) => {
      aHadThen = lastSent.get('a');
      return m.to[b]?.includes('metrics') === true;
    });
    addMetrics('b', b);
    expect((await late).message).toBe(aHadThen);
    server.thaw();
    say('a', {
      t: 'add',
      client: a,
      path: PATH,
      url: url(),
      key: 'topic:x',
      feed: ['topic', ['x']],
    });
    say('b', {
      t: 'add',
      client: b,
      path: PATH,
      url: url(),
      key: 'topic:x',
      feed: ['topic', ['x']],
    });
    await server.waitForConnections(() => wire().includes('topic:x'));
    say('a', { t: 'bye' });
    say('b', {
      t: 'add',
      client: b,
      path: PATH,
      url: url(),
      key: 'topic:y',
      feed: ['topic', ['y']],
    });
    await server.waitForConnections(() => wire().includes('topic:y'));
    expect(wire()).toContain('topic:x');
    expect(server.connections('takhin')).toHaveLength(1);
  });

  it('asks a tab for the token, and another tab when the one it asked goes away', async () => {
    const token = server.system('helios').issueToken('admin');
    const a = join('a', 'helios', true);
    const b = join('b', 'helios', true);
    const askedA = received('a', 'token');
    say('a', {
      t: 'add',
      client: a,
      path: '/ws/cluster',
      url: `${server.wsUrl}/ws/cluster`,
      key: 'status',
      feed: ['status', []],
    });
    say('b', {
      t: 'add',
      client: b,
      path: '/ws/cluster',
      url: `${server.wsUrl}/ws/cluster`,
      key: 'status',
      feed: ['status', []],
    });
    expect((await askedA).client).toBe(a);
    // Tab a closes without answering: the question goes to b.
    const askedB = received('b', 'token');
    say('a', { t: 'bye' });
    say('b', { t: 'token', id: (await askedB).id, token });
    // Helios refuses a socket without a valid token: a status message means b's token was used.
    const status = await received('b', 'msg', (m) => m.to[b]?.includes('status') === true);
    expect(status.to[a]).toBeUndefined();
    expect(server.connections('helios')).toHaveLength(1);
  });

  it('a client made after a fatal end (signing in again) gets a new session, not the spent one', async () => {
    const cluster = { path: '/ws/cluster', url: `${server.wsUrl}/ws/cluster` };
    const status = ['status', []] as const;
    const a = join('a', 'helios', true);
    const refusals = (async () => {
      for (let i = 0; i < 2; i++) {
        const asked = await received('a', 'token', (m) => m.client === a);
        say('a', { t: 'token', id: asked.id, token: 'not-a-token' });
      }
    })();
    say('a', { t: 'add', client: a, ...cluster, key: 'status', feed: status });
    await refusals;
    await received('a', 'state', (m) => m.state.connections.some((c) => c.status === 'closed'));
    // The tab's next client, with the same options and a good token.
    const again = 'a:2';
    say('a', { t: 'open', client: again, config: config('helios', true) });
    const asked = received('a', 'token', (m) => m.client === again);
    say('a', { t: 'add', client: again, ...cluster, key: 'status', feed: status });
    say('a', {
      t: 'token',
      id: (await asked).id,
      token: server.system('helios').issueToken('admin'),
    });
    await received('a', 'msg', (m) => m.to[again]?.includes('status') === true);
    expect(server.connections('helios')).toHaveLength(1);
  });

  it('asks the next tab when the one it asked has no token (signed in elsewhere)', async () => {
    const token = server.system('helios').issueToken('admin');
    const a = join('a', 'helios', true);
    const b = join('b', 'helios', true);
    const askedA = received('a', 'token');
    const path = '/ws/cluster';
    say('a', {
      t: 'add',
      client: a,
      path,
      url: `${server.wsUrl}${path}`,
      key: 'status',
      feed: ['status', []],
    });
    say('b', {
      t: 'add',
      client: b,
      path,
      url: `${server.wsUrl}${path}`,
      key: 'status',
      feed: ['status', []],
    });
    const askedB = received('b', 'token');
    say('a', { t: 'token', id: (await askedA).id, token: undefined });
    say('b', { t: 'token', id: (await askedB).id, token });
    await received('a', 'msg', (m) => m.to[a]?.includes('status') === true);
    expect(server.connections('helios')).toHaveLength(1);
  });
});
