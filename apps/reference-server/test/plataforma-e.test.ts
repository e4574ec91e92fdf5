import { connect } from 'node:net';
import { PlataformaE } from '@feedkit/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ReferenceServer, startReferenceServer } from '../src/index';
import { rest, TestClient } from './support/TestClient';

const decode = (message: unknown) => PlataformaE.adapter.decode(JSON.stringify(message));
const isType = (type: string) => (m: Record<string, unknown>) => m.type === type;

/** An envelope as the test handle takes it. */
function event(type: string, data: Record<string, unknown>, projectId?: string) {
  return {
    type,
    data,
    timestamp: new Date().toISOString(),
    message_id: `t-${Math.random().toString(16).slice(2)}`,
    ...(projectId ? { project_id: projectId } : {}),
  };
}

/** Sends a ping and waits for its pong: everything the server sent before is then in `received`. */
async function settle(client: TestClient): Promise<void> {
  const from = client.received.length;
  client.send('ping');
  await client.next(isType('pong'), { from });
}

// Quiet server: no simulation, so only what a test emits is on the wire.
let server: ReferenceServer;
beforeAll(async () => {
  server = await startReferenceServer({ timeScale: 0.05, simulate: false });
});
afterAll(() => server.stop());

describe('Plataforma E sockets', () => {
  it('sends a connection event on connect', async () => {
    const client = await TestClient.open(`${server.wsUrl}/ws/notifications`);
    const first = await client.next();
    expect(first.type).toBe('connection');
    expect(decode(first).kind).toBe('message');
    await client.close();
  });

  it('answers text ping and {action:"ping"} with pong', async () => {
    const client = await TestClient.open(`${server.wsUrl}/ws/notifications`);
    client.send('ping');
    client.send({ action: 'ping' });
    const { messages } = await client.collect(2, isType('pong'));
    for (const pong of messages) expect(decode(pong).kind).toBe('message');
    await client.close();
  });

  it('subscribe/unsubscribe answer subscribed/unsubscribed and show in connections()', async () => {
    const client = await TestClient.open(`${server.wsUrl}/ws/notifications`);
    client.send({ action: 'subscribe', project_id: 'PROJ-002' });
    const subscribed = await client.next(isType('subscribed'));
    expect(subscribed.data).toEqual({ project_id: 'PROJ-002' });
    expect(decode(subscribed).kind).toBe('message');
    expect(
      server.connections('plataforma-e').some((c) => c.subscriptions.includes('project:PROJ-002')),
    ).toBe(true);
    const count = await rest(server.url, 'GET', '/api/ws/project/PROJ-002/subscribers');
    expect(PlataformaE.endpoints.subscribers.response.parse(count.body)).toEqual({
      project_id: 'PROJ-002',
      subscribers: 1,
    });
    client.send({ action: 'unsubscribe', project_id: 'PROJ-002' });
    await client.next(isType('unsubscribed'));
    expect(
      server.connections('plataforma-e').some((c) => c.subscriptions.includes('project:PROJ-002')),
    ).toBe(false);
    await client.close();
  });

  it('answers {action:"stats"} with a stats message that matches GET /api/ws/stats', async () => {
    const client = await TestClient.open(`${server.wsUrl}/ws/project/PROJ-003`);
    client.send({ action: 'stats' });
    const stats = await client.next(isType('stats'));
    expect(decode(stats).kind).toBe('message');
    const data = PlataformaE.statsSchema.parse(stats.data);
    expect(data.active_connections).toBeGreaterThanOrEqual(1);
    expect(data.connections_per_project['PROJ-003']).toBeGreaterThanOrEqual(1);
    const body = await rest(server.url, 'GET', '/api/ws/stats');
    expect(
      PlataformaE.endpoints.stats.response.parse(body.body).total_connections,
    ).toBeGreaterThanOrEqual(data.total_connections);
    await client.close();
  });

  it.each([
    ['not JSON', '{"action":'],
    ['unknown action', '{"action":"explode"}'],
    ['subscribe without project_id', '{"action":"subscribe"}'],
    ['a JSON array', '[1,2]'],
    ['a number', '42'],
  ])('answers %s with an error event and stays usable', async (_name, frame) => {
    const client = await TestClient.open(`${server.wsUrl}/ws/notifications`);
    client.send(frame);
    const error = await client.next(isType('error'));
    expect(decode(error).kind).toBe('message');
    expect(error.data).toMatchObject({ message: expect.any(String), code: expect.anything() });
    client.send('ping');
    await client.next(isType('pong'));
    await client.close();
  });

  it.each([
    ['ASCII', 'x'.repeat(PlataformaE.PLATAFORMA_E_MAX_MESSAGE_BYTES + 1)],
    // 30,000 characters but 90,000 bytes: the limit is in bytes.
    ['multi-byte', '€'.repeat(30_000)],
  ])('closes with 1009 on a frame over 65,536 bytes (%s)', async (_name, frame) => {
    const client = await TestClient.open(`${server.wsUrl}/ws/notifications`);
    client.send(frame);
    expect((await client.closed).code).toBe(1009);
  });

  it('accepts a frame of exactly 65,536 bytes (answered as an invalid command)', async () => {
    const client = await TestClient.open(`${server.wsUrl}/ws/notifications`);
    client.send('x'.repeat(PlataformaE.PLATAFORMA_E_MAX_MESSAGE_BYTES));
    await client.next(isType('error'));
    await client.close();
  });
});

describe('Plataforma E routing', () => {
  it('isolates projects: a project socket gets its project only, notifications get global + subscribed', async () => {
    const proj1 = await TestClient.open(`${server.wsUrl}/ws/project/PROJ-001`);
    const plain = await TestClient.open(`${server.wsUrl}/ws/notifications`);
    const sub2 = await TestClient.open(`${server.wsUrl}/ws/notifications`);
    sub2.send({ action: 'subscribe', project_id: 'PROJ-002' });
    await sub2.next(isType('subscribed'));
    expect(
      server.connections('plataforma-e').find((c) => c.path === '/ws/project/PROJ-001')
        ?.subscriptions,
    ).toEqual(['project:PROJ-001']);

    server.emit(
      'plataforma-e',
      event('story_created', { story_id: 'STR-1', title: 'a', project_id: 'PROJ-001' }, 'PROJ-001'),
    );
    server.emit(
      'plataforma-e',
      event('story_created', { story_id: 'STR-2', title: 'b', project_id: 'PROJ-002' }, 'PROJ-002'),
    );
    server.emit('plataforma-e', event('notification', { title: 'Aviso', message: 'global' }));
    await Promise.all([settle(proj1), settle(plain), settle(sub2)]);

    const storyIds = (c: TestClient) =>
      c.received
        .filter(
          (m) =>
            (m as { type: string }).type !== 'pong' &&
            (m as { type: string }).type !== 'connection' &&
            // The 30 s keep-alive (1.5 s here) may tick during the test; it is not an event.
            (m as { type: string }).type !== 'heartbeat',
        )
        .map((m) => m as { type: string; data: { story_id?: string; message?: string } })
        .filter((m) => m.type !== 'subscribed')
        .map((m) => m.data.story_id ?? m.data.message);
    expect(storyIds(proj1)).toEqual(['STR-1']);
    expect(storyIds(plain)).toEqual(['global']);
    expect(storyIds(sub2)).toEqual(['STR-2', 'global']);
    await Promise.all([proj1.close(), plain.close(), sub2.close()]);
  });

  it('streams log lines at or above ?level= only; an unknown level is refused with 400', async () => {
    const warning = await TestClient.open(`${server.wsUrl}/ws/logs?level=warning`);
    const debug = await TestClient.open(`${server.wsUrl}/ws/logs?level=debug`);
    await server.waitForConnections(
      (list) => list.filter((c) => c.path === '/ws/logs').length === 2,
    );
    for (const level of PlataformaE.LOG_LEVELS) {
      server.emit(
        'plataforma-e',
        event('log_message', { level, message: `a ${level} line`, source: 'test' }),
      );
    }
    const levels = async (client: TestClient, count: number) =>
      (await client.collect(count, isType('log_message'))).messages.map(
        (m) => (m.data as { level: string }).level,
      );
    expect(await levels(debug, 5)).toEqual(['debug', 'info', 'warning', 'error', 'critical']);
    expect(await levels(warning, 3)).toEqual(['warning', 'error', 'critical']);
    await settle(warning);
    expect(
      warning.received.filter((m) => (m as { type: string }).type === 'log_message'),
    ).toHaveLength(3);
    expect(await TestClient.refusal(`${server.wsUrl}/ws/logs?level=loud`)).toBe(400);
    await Promise.all([warning.close(), debug.close()]);
  });
});

describe('Plataforma E REST', () => {
  it('GET /api/ws/connections counts open sockets', async () => {
    const a = await TestClient.open(`${server.wsUrl}/ws/notifications`);
    await server.waitForConnections(
      (l) => l.filter((c) => c.system === 'plataforma-e').length === 1,
    );
    const body = await rest(server.url, 'GET', '/api/ws/connections');
    expect(PlataformaE.endpoints.connections.response.parse(body.body)).toEqual({
      active_connections: 1,
    });
    await a.close();
  });

  it('POST /api/ws/broadcast reaches the project subscribers only and reports recipients', async () => {
    const proj = await TestClient.open(`${server.wsUrl}/ws/project/PROJ-001`);
    const other = await TestClient.open(`${server.wsUrl}/ws/project/PROJ-002`);
    const response = await rest(server.url, 'POST', '/api/ws/broadcast', {
      event_type: 'notification',
      data: { title: 'Aviso', message: 'Manutencao em 5 minutos' },
      project_id: 'PROJ-001',
    });
    expect(response.status).toBe(200);
    expect(PlataformaE.endpoints.broadcast.response.parse(response.body)).toEqual({
      success: true,
      event_type: 'notification',
      project_id: 'PROJ-001',
      recipients: 1,
    });
    const got = await proj.next(isType('notification'));
    expect(decode(got).kind).toBe('message');
    expect(got.project_id).toBe('PROJ-001');
    await settle(other);
    expect(other.received.some((m) => (m as { type: string }).type === 'notification')).toBe(false);
    await Promise.all([proj.close(), other.close()]);
  });

  it('POST /api/ws/broadcast sends data that fits no example as it was given', async () => {
    // The seed's broadcast takes `data` as a free dict (its cURL example sends {title, message}).
    const proj = await TestClient.open(`${server.wsUrl}/ws/project/PROJ-001`);
    await proj.next(isType('connection'));
    const response = await rest(server.url, 'POST', '/api/ws/broadcast', {
      event_type: 'story_created',
      data: { title: 'x' },
      project_id: 'PROJ-001',
    });
    expect(response.status).toBe(200);
    const got = await proj.next(isType('story_created'));
    expect(got.data).toEqual({ title: 'x' });
    await proj.close();
  });

  it.each([
    ['unknown event_type', { event_type: 'party', data: {} }],
    ['not JSON', '{'],
  ])('POST /api/ws/broadcast refuses %s with 422 {detail}', async (_name, body) => {
    const response = await rest(server.url, 'POST', '/api/ws/broadcast', body);
    expect(response.status).toBe(422);
    expect(PlataformaE.errorBodySchema.parse(response.body)).toBeTruthy();
  });
});

describe('Plataforma E limits and timers', () => {
  it('refuses the connection past maxConnections with HTTP 503', async () => {
    const small = await startReferenceServer({ simulate: false, maxConnections: 3 });
    const open = await Promise.all(
      Array.from({ length: 3 }, () => TestClient.open(`${small.wsUrl}/ws/notifications`)),
    );
    expect(await TestClient.refusal(`${small.wsUrl}/ws/notifications`)).toBe(503);
    await open[0]?.close();
    await small.waitForConnections((l) => l.length === 2);
    const again = await TestClient.open(`${small.wsUrl}/ws/project/PROJ-001`);
    await again.close();
    await small.stop();
  });

  it('a refused bad handshake does not use up a connection slot', async () => {
    const small = await startReferenceServer({ simulate: false, maxConnections: 2 });
    const badHandshake = () =>
      new Promise<string>((resolve) => {
        const socket = connect(small.port, '127.0.0.1', () => {
          // No Sec-WebSocket-Key / Version: ws answers 400.
          socket.write(
            'GET /ws/notifications HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n\r\n',
          );
        });
        let text = '';
        socket.on('data', (d) => {
          text += d.toString();
        });
        socket.on('close', () => resolve(text));
      });
    for (let i = 0; i < 3; i++) expect(await badHandshake()).toMatch(/^HTTP\/1\.1 400/);
    const a = await TestClient.open(`${small.wsUrl}/ws/notifications`);
    const b = await TestClient.open(`${small.wsUrl}/ws/notifications`);
    expect(await TestClient.refusal(`${small.wsUrl}/ws/notifications`)).toBe(503);
    await Promise.all([a.close(), b.close()]);
    await small.stop();
  });

  it('sends heartbeat every 30 s (scaled) and closes a client silent for 90 s (scaled); pings keep it open', async () => {
    const scale = 0.005; // heartbeat 150 ms, timeout 450 ms
    const fast = await startReferenceServer({ timeScale: scale, simulate: false });
    const silent = await TestClient.open(`${fast.wsUrl}/ws/notifications`);
    const chatty = await TestClient.open(`${fast.wsUrl}/ws/notifications`);
    // The seed's client answers every heartbeat with 'ping'.
    chatty.socket.on('message', (data) => {
      if (JSON.parse(data.toString()).type === 'heartbeat') chatty.send('ping');
    });
    const { times, messages } = await silent.collect(2, isType('heartbeat'));
    expect(decode(messages[0]).kind).toBe('message');
    const gap = (times[1] as number) - (times[0] as number);
    expect(gap).toBeGreaterThan(30_000 * scale * 0.7);
    const closed = await silent.closed;
    expect(closed.code).toBe(1000);
    expect(closed.reason).toMatch(/inactivity/);
    // The chatty one outlived the silent one by a whole timeout.
    await chatty.collect(8, isType('heartbeat'));
    expect(chatty.socket.readyState).toBe(chatty.socket.OPEN);
    await chatty.close();
    await fast.stop();
  });

  it('simulates stories, tasks, jobs and chat across PROJ-001..PROJ-003, and logs at every level', async () => {
    const live = await startReferenceServer({ timeScale: 0.01, seed: 11 });
    const client = await TestClient.open(`${live.wsUrl}/ws/notifications`);
    for (const id of ['PROJ-001', 'PROJ-002', 'PROJ-003'])
      client.send({ action: 'subscribe', project_id: id });
    const logs = await TestClient.open(`${live.wsUrl}/ws/logs?level=debug`);
    const { messages } = await client.collect(
      25,
      (m) => !['connection', 'subscribed', 'heartbeat', 'pong'].includes(m.type as string),
      10_000,
    );
    for (const m of messages) expect(decode(m).kind).toBe('message');
    const types = new Set(messages.map((m) => m.type));
    expect([...types].some((t) => String(t).startsWith('story_'))).toBe(true);
    expect(
      [...types].some((t) => String(t).startsWith('task_') || String(t).startsWith('job_')),
    ).toBe(true);
    const lines = await logs.collect(30, isType('log_message'), 10_000);
    const seen = new Set(lines.messages.map((m) => (m.data as { level: string }).level));
    expect(seen.size).toBeGreaterThanOrEqual(4);
    await Promise.all([client.close(), logs.close()]);
    await live.stop();
  });
});
