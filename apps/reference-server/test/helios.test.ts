import { Helios } from '@feedkit/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ReferenceServer, startReferenceServer } from '../src/index';
import { rest, TestClient } from './support/TestClient';

const TIME_SCALE = 0.02;
const decode = (message: unknown) => Helios.adapter.decode(JSON.stringify(message));
const isType = (type: string) => (m: Record<string, unknown>) => m.type === type;
const ALL_FLAGS = [...Helios.subscriptionFlags];

let server: ReferenceServer;
beforeAll(async () => {
  server = await startReferenceServer({ timeScale: TIME_SCALE, seed: 3 });
});
afterAll(() => server.stop());

async function login(username: string, password: string) {
  return rest(server.url, 'POST', '/api/auth/login', { username, password });
}

async function adminSocket(): Promise<TestClient> {
  const { body } = await login('admin', 'admin123');
  const { token } = Helios.endpoints.login.response.parse(body);
  return TestClient.open(`${server.wsUrl}${Helios.HELIOS_PATH}?token=${token}`);
}

describe('Helios auth', () => {
  it('logs in the seed admin and opens the socket with ?token= or a bearer header', async () => {
    const response = await login('admin', 'admin123');
    expect(response.status).toBe(200);
    const body = Helios.endpoints.login.response.parse(response.body);
    expect(body.role).toBe('admin');
    expect(Date.parse(body.expires_at as string)).toBeGreaterThan(Date.now() + 3_500_000);
    const byQuery = await TestClient.open(`${server.wsUrl}/ws/cluster?token=${body.token}`);
    const byHeader = await TestClient.open(`${server.wsUrl}/ws/cluster`, {
      authorization: `Bearer ${body.token}`,
    });
    await byQuery.next(isType('status_update'));
    await byHeader.next(isType('status_update'));
    await Promise.all([byQuery.close(), byHeader.close()]);
  });

  it('refuses bad credentials with 401 {error} and a malformed body with 400', async () => {
    const wrong = await login('admin', 'nope');
    expect(wrong.status).toBe(401);
    expect(Helios.errorBodySchema.parse(wrong.body).error).toMatch(/invalid/);
    const bad = await rest(server.url, 'POST', '/api/auth/login', { username: 'admin' });
    expect(bad.status).toBe(400);
    expect(Helios.errorBodySchema.parse(bad.body)).toBeTruthy();
  });

  it('refuses the socket with 401 for a missing, forged or expired token', async () => {
    const url = `${server.wsUrl}/ws/cluster`;
    expect(await TestClient.refusal(url)).toBe(401);
    expect(await TestClient.refusal(`${url}?token=abc.def.ghi`)).toBe(401);
    expect(await TestClient.refusal(url, { authorization: 'Bearer not-a-jwt' })).toBe(401);
    const token = server.system('helios').issueToken('admin');
    const tampered = `${token.slice(0, -2)}${token.endsWith('A') ? 'BB' : 'AA'}`;
    expect(await TestClient.refusal(`${url}?token=${tampered}`)).toBe(401);
    // A token from another server instance is signed with another key.
    const other = await startReferenceServer({ simulate: false });
    expect(
      await TestClient.refusal(`${url}?token=${other.system('helios').issueToken('admin')}`),
    ).toBe(401);
    await other.stop();
  });

  it('expires tokens after HELIOS_TOKEN_TTL seconds', async () => {
    const shortLived = await startReferenceServer({ simulate: false, heliosTokenTtlSeconds: 0 });
    const { body } = await rest(shortLived.url, 'POST', '/api/auth/login', {
      username: 'admin',
      password: 'admin123',
    });
    const { token } = Helios.endpoints.login.response.parse(body);
    expect(await TestClient.refusal(`${shortLived.wsUrl}/ws/cluster?token=${token}`)).toBe(401);
    await shortLived.stop();
  });

  it('closes an open socket with 4001 when its token expires', async () => {
    const token = server.system('helios').issueToken('admin', 0.3);
    const client = await TestClient.open(`${server.wsUrl}/ws/cluster?token=${token}`);
    await client.next(isType('status_update'));
    const closed = await client.closed;
    expect(closed.code).toBe(4001);
    expect(closed.reason).toBe('token expired');
    // Not early: the socket lived until the token's expiry.
    const { exp } = JSON.parse(Buffer.from(token.split('.')[1] as string, 'base64url').toString());
    expect(Date.now()).toBeGreaterThanOrEqual(exp * 1000 - 5);
  });

  it('issues short-lived tokens (heliosTokenTtlSeconds) and closes each socket at its own token expiry', async () => {
    const ttl = 0.6;
    const shortLived = await startReferenceServer({ simulate: false, heliosTokenTtlSeconds: ttl });
    const loginAt = Date.now();
    const first = await rest(shortLived.url, 'POST', '/api/auth/login', {
      username: 'admin',
      password: 'admin123',
    });
    const { token, expires_at } = Helios.endpoints.login.response.parse(first.body);
    const expiresAt = Date.parse(expires_at as string);
    expect(expiresAt - loginAt).toBeGreaterThanOrEqual(ttl * 1000 - 5);
    expect(expiresAt - loginAt).toBeLessThan(ttl * 1000 + 1000);
    const old = await TestClient.open(`${shortLived.wsUrl}/ws/cluster?token=${token}`);
    await old.next(isType('status_update'));
    // A renewal before expiry: a fresh login opens a second socket that outlives the first.
    const renewed = shortLived.system('helios').issueToken('admin', 30);
    const fresh = await TestClient.open(`${shortLived.wsUrl}/ws/cluster?token=${renewed}`);
    await fresh.next(isType('status_update'));
    const closed = await old.closed;
    expect(closed).toEqual({ code: 4001, reason: 'token expired' });
    expect(Date.now()).toBeGreaterThanOrEqual(expiresAt - 5);
    expect(fresh.socket.readyState).toBe(fresh.socket.OPEN);
    fresh.send({ type: 'ping' });
    await fresh.next(isType('pong'));
    // The expired token no longer opens a socket.
    expect(await TestClient.refusal(`${shortLived.wsUrl}/ws/cluster?token=${token}`)).toBe(401);
    await fresh.close();
    await shortLived.stop();
  });

  it('lets the viewer log in but refuses it on the socket with 403', async () => {
    const response = await login('viewer', 'viewer123');
    const { token, role } = Helios.endpoints.login.response.parse(response.body);
    expect(role).toBe('viewer');
    expect(await TestClient.refusal(`${server.wsUrl}/ws/cluster?token=${token}`)).toBe(403);
  });
});

describe('Helios messages', () => {
  it('sends status_update on connect and status every 5 s (scaled)', async () => {
    const client = await adminSocket();
    const first = await client.next();
    expect(first.type).toBe('status_update');
    expect(decode(first).kind).toBe('message');
    const { messages, times } = await client.collect(3, isType('status'));
    for (const m of messages) expect(decode(m).kind).toBe('message');
    const gap = ((times[2] as number) - (times[0] as number)) / 2;
    expect(gap).toBeGreaterThan(Helios.HELIOS_STATUS_INTERVAL_MS * TIME_SCALE * 0.7);
    expect(gap).toBeLessThan(Helios.HELIOS_STATUS_INTERVAL_MS * TIME_SCALE * 3);
    await client.close();
  });

  it('starts with all seven flags; subscribe replaces them and answers status_update', async () => {
    const client = await adminSocket();
    await client.next(isType('status_update'));
    await server.waitForConnections((l) =>
      l.some((c) => c.system === 'helios' && c.subscriptions.length === ALL_FLAGS.length),
    );
    client.send({
      type: 'subscribe',
      data: {
        status: false,
        latency: false,
        uptime: false,
        snapshot: false,
        custom_metrics: false,
        state_changes: true,
        peer_changes: true,
      },
    });
    const from = client.received.length;
    await client.next(isType('status_update'), { from });
    const [info] = server.connections('helios');
    expect(info?.subscriptions).toEqual(['state_changes', 'peer_changes']);

    const mark = client.received.length;
    server.emit('helios', {
      type: 'snapshot',
      timestamp: new Date().toISOString(),
      data: { index: 1, term: 1, size_bytes: 1, duration_ms: 1 },
    });
    server.emit('helios', {
      type: 'peer_change',
      timestamp: new Date().toISOString(),
      data: { event_type: 'added', peer_id: 'node9', peer_address: 'localhost:8009' },
    });
    const peer = await client.next(isType('peer_change'), { from: mark });
    expect(decode(peer).kind).toBe('message');
    client.send({ type: 'ping' });
    await client.next(isType('pong'), { from: mark });
    const after = client.received.slice(mark).map((m) => (m as { type: string }).type);
    expect(after).not.toContain('snapshot');
    expect(after).not.toContain('status');

    client.send({ type: 'unsubscribe' });
    await client.next(isType('status_update'), { from: client.received.length });
    expect(server.connections('helios')[0]?.subscriptions).toEqual([]);
    await client.close();
  });

  it('answers ping with pong', async () => {
    const client = await adminSocket();
    client.send({ type: 'ping' });
    const pong = await client.next(isType('pong'));
    expect(decode(pong).kind).toBe('message');
    await client.close();
  });

  it.each([
    ['not JSON', 'hello'],
    ['unknown type', '{"type":"reboot"}'],
    [
      'a misspelt flag',
      '{"type":"subscribe","data":{"status":true,"latency":true,"uptime":true,"snapshot":true,"custom_metrics":true,"state_change":true,"peer_changes":true}}',
    ],
    [
      'a flag that is not boolean',
      '{"type":"subscribe","data":{"status":"yes","latency":true,"uptime":true,"snapshot":true,"custom_metrics":true,"state_changes":true,"peer_changes":true}}',
    ],
  ])('answers %s with an error message and keeps the socket', async (_name, frame) => {
    const client = await adminSocket();
    client.send(frame);
    const error = await client.next(isType('error'));
    expect(decode(error).kind).toBe('message');
    client.send({ type: 'ping' });
    await client.next(isType('pong'));
    expect(server.connections('helios').at(-1)?.subscriptions).toHaveLength(ALL_FLAGS.length);
    await client.close();
  });

  it('simulates a Raft cluster: valid events, terms never go down, last_applied <= commit_index', async () => {
    const live = await startReferenceServer({ timeScale: 0.005, seed: 21 });
    const token = live.system('helios').issueToken('admin');
    const client = await TestClient.open(`${live.wsUrl}/ws/cluster?token=${token}`);
    const { messages } = await client.collect(60, () => true, 10_000);
    let term = 0;
    const types = new Set<string>();
    for (const m of messages) {
      expect(decode(m).kind).toBe('message');
      types.add(m.type as string);
      if (m.type === 'status' || m.type === 'status_update') {
        const data = m.data as Helios.ClusterStatus;
        expect(data.term).toBeGreaterThanOrEqual(term);
        term = data.term;
        expect(data.last_applied).toBeLessThanOrEqual(data.commit_index);
        expect(data.peers).not.toContain(data.node_id);
      }
    }
    expect(types.size).toBeGreaterThanOrEqual(5);
    await client.close();
    await live.stop();
  });
});
