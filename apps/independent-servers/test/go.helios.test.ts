import { createClient, helios } from '@feedkit/client/helios';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GO_BUILD_TIMEOUT_MS, startGoServer } from './goServer';
import { describeErrors, errorsOf, failureOf, record } from './record';
import { replaysAfterRestart } from './resumesAfterRestart';
import type { ServerProcess } from './serverProcess';

let server: ServerProcess;

beforeAll(async () => {
  server = await startGoServer('helios');
}, GO_BUILD_TIMEOUT_MS);
afterAll(() => server?.stop());

type Credentials = Parameters<typeof helios>[0];
const ADMIN = { username: 'admin', password: 'admin123' };

function connect(credentials: Credentials = ADMIN) {
  const client = createClient({
    url: server.wsUrl,
    protocol: helios(credentials),
    backoff: () => 0,
  });
  return { client, errors: errorsOf(client) };
}

describe('helios against a Go server (gin, gorilla/websocket, golang-jwt)', () => {
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
      const [first] = await feeds.status.until(3);
      expect(first?.data.node_id).toBe('node1');
      // time.Time marshalled in the server's zone: RFC3339Nano with an offset.
      expect(first?.timestamp).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d+-03:00$/);
      const [change] = await feeds.stateChanges.until(1);
      expect(change?.data.new_state).toMatch(/Leader|Follower|Candidate/);
      // node2 joins, then leaves: the lone node's peers is Go's nil slice, null.
      await feeds.peerChanges.until(2);
      await feeds.status.find((s) => s.data.peers === null);
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

  it('login answers the token and expires_at as Go marshals a time.Time', async () => {
    const { client } = connect({});
    try {
      const answer = await client.rest.login(ADMIN);
      expect(answer.token.split('.')).toHaveLength(3);
      expect(answer).toMatchObject({ user: { role: 'admin' } });
    } finally {
      client.close();
    }
  });

  it.each<[string, Credentials]>([
    ['a wrong password (the login answers 401)', { username: 'admin', password: 'wrong' }],
    ['a forged token (the upgrade answers 401, a gin JSON body)', { token: 'a.b.c' }],
  ])('%s is an auth error with status 401', async (_name, credentials) => {
    const { client } = connect(credentials);
    try {
      const error = await failureOf(client.feed('status').first());
      expect(error?.code).toBe('auth');
      expect(error?.status).toBe(401);
    } finally {
      client.close();
    }
  });

  it('a viewer is refused with 403, fatal at once', async () => {
    const { client, errors } = connect({ username: 'viewer', password: 'viewer123' });
    try {
      const error = await failureOf(client.feed('status').first());
      expect(error).toMatchObject({ code: 'auth', status: 403, fatal: true });
      expect(errors.filter((e) => e.status === 403)).toHaveLength(1);
    } finally {
      client.close();
    }
  });

  it('after a crash (SIGKILL) on the same port it reconnects and the event feeds resume', () => {
    const { client } = connect();
    return replaysAfterRestart(server, client, client.feed('stateChanges'));
  });

  it('a clean shutdown (SIGTERM, close 1001) is followed by a reconnect', () => {
    const { client } = connect();
    return replaysAfterRestart(server, client, client.feed('status'), 'SIGTERM');
  });

  // The login answers expires_at as Go marshals a time.Time (RFC3339Nano in -03:00); the socket
  // is not closed at expiry (checked once, at the upgrade), gorilla pings every 2.7 s meanwhile.
  it('a 2 s token is renewed from the Go login answer: feeds go on past expiry, no error, no reconnect', async () => {
    const shortLived = await startGoServer('helios', ['-token-ttl', '2s']);
    const client = createClient({
      url: shortLived.wsUrl,
      protocol: helios(ADMIN),
      backoff: () => 0,
    });
    const errors = errorsOf(client);
    const states: string[] = [];
    client.state$.subscribe((s) => states.push(`${s.status} ${s.reason ?? ''}`));
    const status = record(client.feed('status'), 'status');
    try {
      const pastExpiry = Date.now() + 2000 + 1500;
      await status.find(() => Date.now() > pastExpiry, 8000);
      expect(describeErrors(errors)).toEqual([]);
      expect(states).toContain('open token renewed');
      expect(states.filter((s) => s.startsWith('reconnecting'))).toEqual([]);
      expect(client.drift.entries).toEqual([]);
    } finally {
      client.close();
      await shortLived.stop();
    }
  });

  // This server reads a subscribe as the whole set (a flag left out is false) and `unsubscribe` as all off.
  it('dropping one feed keeps the others: status goes on after stateChanges is left', async () => {
    const { client, errors } = connect();
    const status = record(client.feed('status'), 'status');
    const changes = record(client.feed('stateChanges'), 'stateChanges');
    try {
      await changes.until(1);
      changes.stop();
      const seen = status.messages.length;
      await status.until(seen + 2);
      expect(describeErrors(errors)).toEqual([]);
    } finally {
      client.close();
    }
  });
});
