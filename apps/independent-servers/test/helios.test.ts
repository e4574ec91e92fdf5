import { createClient, type FeedkitError, helios } from '@feedkit/client/helios';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type PythonServer, startPythonServer } from './pythonServer';
import { describeErrors, errorsOf, failureOf, record } from './record';
import { replaysAfterRestart } from './resumesAfterRestart';

let server: PythonServer;

beforeAll(async () => {
  server = await startPythonServer('helios');
});
afterAll(() => server?.stop());

type Credentials = Parameters<typeof helios>[0];

function connect(credentials: Credentials = { username: 'admin', password: 'admin123' }) {
  const client = createClient({
    url: server.wsUrl,
    protocol: helios(credentials),
    backoff: () => 0,
  });
  return { client, errors: errorsOf(client) };
}

/** The fatal error a feed ends with, or undefined when it delivered a message instead. */
const refusal = (client: ReturnType<typeof connect>['client']) =>
  failureOf(client.feed('status').first());

describe('helios against an independently written server', () => {
  it('every feed delivers typed messages without drift', async () => {
    const { client, errors } = connect();
    const feeds = {
      status: record(client.feed('status'), 'status'),
      stateChanges: record(client.feed('stateChanges'), 'stateChanges'),
      peerChanges: record(client.feed('peerChanges'), 'peerChanges'),
      latency: record(client.feed('latency'), 'latency'),
      uptime: record(client.feed('uptime'), 'uptime'),
      snapshots: record(client.feed('snapshots'), 'snapshots'),
      customMetrics: record(client.feed('customMetrics'), 'customMetrics'),
    };
    try {
      // node2 joins and leaves at every status: a lone node's peers is Go's nil slice, null.
      const statuses = await feeds.status.until(3);
      expect(statuses.map((s) => s.data.node_id)).toEqual(['node1', 'node1', 'node1']);
      // Found rather than counted: a reconnect on a loaded machine may shift which statuses come first.
      const alone = await feeds.status.find((s) => s.data.peers === null);
      expect(alone.data.peers).toBeNull();
      const [change] = await feeds.stateChanges.until(1);
      expect(change?.data.new_state).toMatch(/Leader|Follower|Candidate/);
      const [peer] = await feeds.peerChanges.until(1);
      expect(peer?.data.peer_id).toBe('node2');
      const [latency] = await feeds.latency.until(1);
      expect(latency?.data.aggregated.append_entries?.count).toEqual(expect.any(Number));
      expect((await feeds.uptime.until(1))[0]?.data.total_sessions).toBe(5);
      expect((await feeds.snapshots.until(1))[0]?.data.size_bytes).toBe(1048576);
      expect((await feeds.customMetrics.until(1))[0]?.type).toBe('custom_metrics');
      expect(client.drift.entries).toEqual([]);
      expect(describeErrors(errors)).toEqual([]);
    } finally {
      client.close();
    }
  });

  it('login returns the token (the server adds expires_in and user, not expires_at)', async () => {
    const { client } = connect({});
    try {
      const answer = await client.rest.login({ username: 'admin', password: 'admin123' });
      expect(answer.token.split('.')).toHaveLength(3);
      expect(answer).toMatchObject({ expires_in: 3600, user: { role: 'admin' } });
    } finally {
      client.close();
    }
  });

  it.each<[string, Credentials]>([
    ['a wrong password (the login answers 401)', { username: 'admin', password: 'wrong' }],
    ['a forged token (the upgrade answers 401)', { token: 'a.b.c' }],
  ])('%s is an auth error with status 401', async (_name, credentials) => {
    const { client } = connect(credentials);
    try {
      const error = await refusal(client);
      expect(error?.code).toBe('auth');
      expect(error?.status).toBe(401);
    } finally {
      client.close();
    }
  });

  it('a user without the admin role is refused with 403, fatal at once', async () => {
    const { client, errors } = connect({ username: 'viewer', password: 'viewer123' });
    try {
      const error = await refusal(client);
      expect(error?.code).toBe('auth');
      expect(error?.status).toBe(403);
      expect(error?.fatal).toBe(true);
      expect(errors.filter((e) => e.status === 403)).toHaveLength(1);
    } finally {
      client.close();
    }
  });

  it('after a server restart it reconnects and the event feeds resume', () => {
    const { client } = connect();
    return replaysAfterRestart(server, client, client.feed('stateChanges'));
  });

  it('a clean shutdown closing with 1012 (service restart) is followed by a reconnect', () => {
    const { client } = connect();
    return replaysAfterRestart(server, client, client.feed('status'), 'SIGTERM');
  });

  it('renews a short-lived token before the server closes the socket at its expiry', async () => {
    const ttlSeconds = 3;
    // At speed 4 (not 20) the server's protocol ping comes every 2.5 s and waits 1.25 s for the pong:
    // at 20 it waits 0.25 s, and a loaded CI machine's event loop stalled past that, so aiohttp
    // dropped a healthy socket (a "connection lost" the test then blamed on the renewal).
    const shortLived = await startPythonServer('helios', [
      '--token-ttl',
      String(ttlSeconds),
      '--speed',
      '4',
    ]);
    const client = createClient({
      url: shortLived.wsUrl,
      protocol: helios({ username: 'admin', password: 'admin123' }),
      backoff: () => 0,
    });
    const errors: FeedkitError[] = [];
    client.errors$.subscribe((e) => errors.push(e));
    const states: string[] = [];
    client.state$.subscribe((s) => states.push(s.status));
    const status = record(client.feed('status'), 'status');
    try {
      // The login answers expires_in (not expires_at); the JWT's exp is the deadline.
      const firstExpiry = Date.now() + ttlSeconds * 1000;
      await status.find(() => Date.now() > firstExpiry + 500, ttlSeconds * 1000 + 5000);
      expect(describeErrors(errors)).toEqual([]);
      expect(states).not.toContain('reconnecting');
    } finally {
      client.close();
      await shortLived.stop();
    }
  });

  it('a static token that expires ends in an auth error: the close at expiry, then 401', async () => {
    const shortLived = await startPythonServer('helios', ['--token-ttl', '2']);
    const loginClient = createClient({ url: shortLived.wsUrl, protocol: helios() });
    const login = await loginClient.rest.login({ username: 'admin', password: 'admin123' });
    loginClient.close();
    const client = createClient({
      url: shortLived.wsUrl,
      protocol: helios({ token: login.token }),
      backoff: () => 0,
    });
    try {
      const status = record(client.feed('status'), 'status');
      await status.until(1);
      const ended = await failureOf(status.until(1_000_000, 6000));
      expect(ended?.code).toBe('auth');
      expect(ended?.status).toBe(401);
    } finally {
      client.close();
      await shortLived.stop();
    }
  });
});
