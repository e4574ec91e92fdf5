import { describe, expect, it } from 'vitest';
import { helios } from '../src/index';
import { BrowserLikeWebSocket } from './support/BrowserLikeWebSocket';
import { collectErrors, next, status } from './support/helpers';
import { useReferenceServer } from './support/referenceServer';

const ref = useReferenceServer();
const admin = { username: 'admin', password: 'admin123' };

describe('Helios against the reference server', () => {
  it('logs in with username+password and every feed delivers typed messages', async () => {
    const client = ref.client(helios(admin));
    const statusMessage = await next(client.feed('status'), (m) => m.type === 'status');
    expect(statusMessage.data.peers).toBeInstanceOf(Array);
    const feeds = [
      'stateChanges',
      'peerChanges',
      'latency',
      'uptime',
      'snapshots',
      'customMetrics',
    ] as const;
    // `next` released the status feed; hold it again so all seven flags are wanted.
    const subs = [...feeds, 'status' as const].map((name) => client.feed(name).subscribe());
    await ref.server.waitForConnections((cs) => cs[0]?.subscriptions.length === 7);
    const state = next(client.feed('stateChanges'));
    ref.server.emit('helios', {
      type: 'state_change',
      timestamp: new Date().toISOString(),
      data: { old_state: 'Follower', new_state: 'Leader', term: 6 },
    });
    expect((await state).data.new_state).toBe('Leader');
    for (const s of subs) s.unsubscribe();
  });

  it('the flags object follows the desired set; one wire subscription per flag', async () => {
    const client = ref.client(helios(admin), { linger: 60_000 });
    const a = client.feed('stateChanges').subscribe();
    const b = client.feed('stateChanges').subscribe();
    const c = client.feed('latency').subscribe();
    await ref.server.waitForConnections(
      (cs) => [...(cs[0]?.subscriptions ?? [])].sort().join() === 'latency,state_changes',
    );
    a.unsubscribe();
    c.unsubscribe();
    await ref.server.waitForConnections((cs) => cs[0]?.subscriptions.join() === 'state_changes');
    b.unsubscribe();
    await ref.server.waitForConnections((cs) => cs[0]?.subscriptions.length === 0);
  });

  it('rest.login gives the token the socket then uses', async () => {
    const client = ref.client(helios());
    const { token } = await client.rest.login(admin);
    expect(token).toBeTruthy();
    expect((await next(client.feed('status'))).type).toMatch(/^status/);
  });

  it.each([
    ['restart()', () => ref.server.restart()],
    ['dropConnections()', () => ref.server.dropConnections()],
  ])('after %s the server has exactly the desired flags again', async (_, fault) => {
    const client = ref.client(helios(admin));
    const subs = [client.feed('peerChanges').subscribe(), client.feed('snapshots').subscribe()];
    const [before] = await ref.server.waitForConnections((cs) => cs[0]?.subscriptions.length === 2);
    await fault();
    const [after] = await ref.server.waitForConnections(
      (cs) => cs.length === 1 && cs[0]?.id !== before?.id && cs[0]?.subscriptions.length === 2,
    );
    expect([...(after?.subscriptions ?? [])].sort()).toEqual(['peer_changes', 'snapshot']);
    for (const s of subs) s.unsubscribe();
  });

  it('a frozen server is a dead peer: reconnect (with a fresh login) and replay', async () => {
    const client = ref.client(helios(admin), { heartbeat: { intervalMs: 30, timeoutMs: 150 } });
    const sub = client.feed('uptime').subscribe();
    const [before] = await ref.server.waitForConnections((cs) => cs[0]?.subscriptions.length === 1);
    ref.server.freeze();
    await next(client.state$, (s) => s.closeCode === 4000);
    ref.server.thaw();
    const [after] = await ref.server.waitForConnections(
      (cs) => cs.length === 1 && cs[0]?.id !== before?.id && cs[0]?.subscriptions.length === 1,
    );
    expect(after?.subscriptions).toEqual(['uptime']);
    sub.unsubscribe();
  });

  it('a bad token stops after one refresh with a typed auth error (HTTP 401 on upgrade)', async () => {
    const client = ref.client(helios({ token: 'not-a-jwt' }));
    const errors = collectErrors(client);
    client.feed('status').subscribe({ error: () => {} });
    await status(client, 'closed');
    expect(errors.map((e) => [e.code, e.status, e.fatal])).toEqual([['auth', 401, true]]);
  });

  it('a wrong password: the login is refused twice, then a fatal auth error', async () => {
    const client = ref.client(helios({ username: 'admin', password: 'wrong' }));
    const errors = collectErrors(client);
    client.feed('status').subscribe({ error: () => {} });
    await status(client, 'closed');
    expect(errors.map((e) => [e.code, e.fatal])).toEqual([['auth', true]]);
    expect(errors[0]?.message).toMatch(/invalid username or password/);
  });

  it('a non-admin user is refused with 403: fatal auth error', async () => {
    const client = ref.client(helios({ username: 'viewer', password: 'viewer123' }));
    const errors = collectErrors(client);
    client.feed('status').subscribe({ error: () => {} });
    await status(client, 'closed');
    expect(errors.map((e) => [e.code, e.status])).toEqual([['auth', 403]]);
  });

  it('a browser socket (no headers) authenticates with ?token=, which never appears in state', async () => {
    BrowserLikeWebSocket.urls = [];
    const client = ref.client(helios(admin), { WebSocket: BrowserLikeWebSocket });
    expect((await next(client.feed('status'))).type).toMatch(/^status/);
    expect(BrowserLikeWebSocket.urls[0]).toMatch(/\/ws\/cluster\?token=ey/);
    expect(client.state.connections[0]?.url).toBe(`${ref.server.wsUrl}/ws/cluster`);
  });

  it('a browser socket refused before open asks the server why (a plain GET): 401 twice is one fatal auth error', async () => {
    const probes: string[] = [];
    const client = ref.client(helios({ getToken: () => 'bad' }), {
      WebSocket: BrowserLikeWebSocket,
      fetch: (input, init) => {
        probes.push(`${init?.method ?? 'GET'} ${String(input).replace(/token=[^&]+/, 'token=…')}`);
        return fetch(input, init);
      },
    });
    const errors = collectErrors(client);
    client.feed('status').subscribe({ error: () => {} });
    await status(client, 'closed');
    expect(errors.map((e) => [e.code, e.fatal, e.status])).toEqual([['auth', true, 401]]);
    expect(probes).toEqual([
      `GET ${ref.server.url}/ws/cluster?token=…`,
      `GET ${ref.server.url}/ws/cluster?token=…`,
    ]);
    expect(errors[0]?.message).not.toContain('bad');
  });

  it('when the probe cannot tell (CORS, network), a browser socket retries with a fresh token but is never fatal', async () => {
    let calls = 0;
    const client = ref.client(
      helios({
        getToken: ({ refresh }) => {
          calls++;
          return refresh && calls > 2 ? undefined : 'bad';
        },
      }),
      {
        WebSocket: BrowserLikeWebSocket,
        backoff: () => 5,
        fetch: () => Promise.reject(new TypeError('Failed to fetch')),
      },
    );
    const errors = collectErrors(client);
    client.feed('status').subscribe();
    await next(client.state$, (s) => s.attempt >= 3);
    expect(client.state.status).not.toBe('closed');
    expect(errors.every((e) => e.code === 'connection' && !e.fatal)).toBe(true);
  });
});

describe('Helios: 401 and 403 told apart (issue 11)', () => {
  it('403 names the role the socket needs, at once, without a second login', async () => {
    let logins = 0;
    const viewer = helios({ username: 'viewer', password: 'viewer123' });
    const counting = {
      ...viewer,
      token:
        viewer.token &&
        ((request: Parameters<NonNullable<typeof viewer.token>>[0]) => {
          logins++;
          return viewer.token?.(request);
        }),
    };
    const client = ref.client(counting);
    const errors = collectErrors(client);
    client.feed('status').subscribe({ error: () => {} });
    await status(client, 'closed');
    expect(errors).toHaveLength(1);
    expect(errors[0]?.message).toMatch(
      // The server's own words (its JSON body's `error`) come before the advice.
      /403 forbidden: admin permissions required: the credentials are valid but not allowed.*'admin' role/,
    );
    expect(logins).toBe(1);
  });

  it('a wrong password reads as refused credentials, not as a missing role', async () => {
    const client = ref.client(helios({ username: 'admin', password: 'wrong-password' }));
    const errors = collectErrors(client);
    client.feed('status').subscribe({ error: () => {} });
    await status(client, 'closed');
    expect(errors[0]?.message).toMatch(/check the API key, token or password/);
    expect(errors[0]?.message).not.toMatch(/role/);
    expect(errors[0]?.message).not.toContain('wrong-password');
  });
});
