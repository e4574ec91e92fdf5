import { afterEach, describe, expect, it } from 'vitest';
import { startReferenceServer } from '../src/index';
import { isType, nowSeconds, start, stopServers, TAKHIN, ticks } from './support/start';
import { rest, TestClient } from './support/TestClient';

afterEach(stopServers);

describe('test handle', () => {
  it('starts on a free port and describes every path and credential', async () => {
    const server = await start({ simulate: false });
    expect(server.port).toBeGreaterThan(0);
    expect(server.url).toBe(`http://127.0.0.1:${server.port}`);
    expect(server.wsUrl).toBe(`ws://127.0.0.1:${server.port}`);
    const text = server.describe();
    for (const path of [
      '/api/ws/backends',
      '/api/ws/metrics',
      '/api/ws/status',
      '/ws/notifications',
      '/ws/project/',
      '/ws/logs',
      '/ws/cluster',
      '/ws?client_id',
      '/api/monitoring/ws',
      'POST /api/ws/control'.split(' ')[1] as string,
      '/api/ws/force-update',
      '/api/ws/stats',
      '/api/ws/connections',
      '/api/ws/broadcast',
      '/api/auth/login',
      '/ws/stats',
      '/ws/broadcast',
      'admin123',
      'viewer123',
    ]) {
      expect(text).toContain(path);
    }
  });

  it('restart() closes every socket with 1012 and listens again on the same port', async () => {
    const server = await start({ timeScale: 0.01, simulate: false });
    const port = server.port;
    const client = await TestClient.open(`${server.wsUrl}${TAKHIN}`);
    await client.next(isType('metrics'));
    const restarting = server.restart();
    expect((await client.closed).code).toBe(1012);
    await restarting;
    expect(server.port).toBe(port);
    expect(server.connections()).toHaveLength(0);
    const again = await TestClient.open(`${server.wsUrl}${TAKHIN}`);
    await again.next(isType('metrics'));
    await again.close();
  });

  it('refuses connections while restarting (the port is really closed)', async () => {
    const server = await start({ simulate: false });
    const client = await TestClient.open(`${server.wsUrl}/ws/notifications`);
    const restarting = server.restart();
    await client.closed;
    await expect(TestClient.open(`${server.wsUrl}/ws/notifications`)).rejects.toThrow(
      /ECONNREFUSED/,
    );
    await restarting;
  });

  it('restart({ downtimeMs }) keeps the port closed that long while the simulations run on', async () => {
    const server = await start({ timeScale: 0.01 });
    const client = await TestClient.open(`${server.wsUrl}${TAKHIN}`);
    const before = await client.next(isType('metrics'));
    const restarting = server.restart({ downtimeMs: 400 });
    await client.closed;
    // Two refused attempts, the second one after a few simulated ticks: still down.
    await expect(TestClient.open(`${server.wsUrl}${TAKHIN}`)).rejects.toThrow(/ECONNREFUSED/);
    await ticks(3);
    await expect(TestClient.open(`${server.wsUrl}${TAKHIN}`)).rejects.toThrow(/ECONNREFUSED/);
    await restarting;
    const again = await TestClient.open(`${server.wsUrl}${TAKHIN}`);
    const after = await again.next(isType('metrics'));
    // The simulated cluster kept producing during the downtime.
    expect(JSON.stringify(after)).not.toBe(JSON.stringify(before));
    await again.close();
  });

  it.each([
    [undefined, 1012],
    [4000, 4000],
    [1001, 1001],
    [1006, 1006],
  ])('dropConnections(%s) closes every socket with %i', async (code, expected) => {
    const server = await start({ simulate: false });
    const a = await TestClient.open(`${server.wsUrl}${TAKHIN}`);
    const b = await TestClient.open(`${server.wsUrl}/ws`);
    server.dropConnections(code);
    expect((await a.closed).code).toBe(expected);
    expect((await b.closed).code).toBe(expected);
    await server.waitForConnections((l) => l.length === 0);
  });

  it('stop() closes sockets with 1001', async () => {
    const server = await startReferenceServer({ simulate: false });
    const client = await TestClient.open(`${server.wsUrl}${TAKHIN}`);
    await server.stop();
    expect((await client.closed).code).toBe(1001);
  });

  it('freeze() black-holes peers: no feed, no replies, no ws pong, held upgrades; thaw() resumes', async () => {
    const server = await start({ timeScale: 0.01, simulate: false });
    const client = await TestClient.open(`${server.wsUrl}${TAKHIN}`);
    await client.next(isType('metrics'));
    let wsPongs = 0;
    client.socket.on('pong', () => wsPongs++);
    server.freeze();
    const frozenAt = client.received.length;
    client.send({ type: 'ping', timestamp: nowSeconds() });
    client.socket.ping();
    let lateOpen = false;
    const late = TestClient.open(`${server.wsUrl}${TAKHIN}`).then((c) => {
      lateOpen = true;
      return c;
    });
    // Ten metrics intervals of the frozen server pass.
    await ticks(10);
    // At most one frame already in flight when freezing.
    expect(client.received.length - frozenAt).toBeLessThanOrEqual(1);
    expect(
      client.received.slice(frozenAt).some((m) => (m as { type: string }).type === 'pong'),
    ).toBe(false);
    expect(wsPongs).toBe(0);
    expect(lateOpen).toBe(false);
    expect(client.socket.readyState).toBe(client.socket.OPEN);

    server.thaw();
    const newcomer = await late;
    await newcomer.next(isType('metrics'));
    await client.next(isType('metrics'), { from: client.received.length });
    // The ping sent while frozen was ignored, not queued.
    const after = client.received.length;
    client.send({ type: 'ping', timestamp: nowSeconds() });
    await client.next(isType('pong'), { from: after });
    expect(client.received.filter((m) => (m as { type: string }).type === 'pong')).toHaveLength(1);
    await Promise.all([client.close(), newcomer.close()]);
  });

  it('freeze() also freezes the idle timeout', async () => {
    // Plataforma E times out after 90 s x 0.002 = 180 ms of silence.
    const server = await start({ timeScale: 0.002, simulate: false });
    const client = await TestClient.open(`${server.wsUrl}/ws/notifications`);
    await client.next(isType('connection'));
    server.freeze();
    await ticks(30); // 600 ms: more than three timeouts
    expect(client.socket.readyState).toBe(client.socket.OPEN);
    server.thaw();
    // Silent again and not frozen: now it times out.
    expect((await client.closed).reason).toMatch(/inactivity/);
  });

  it('freeze() holds REST requests until thaw()', async () => {
    const server = await start({ simulate: false });
    server.freeze();
    let answered = false;
    const pending = rest(server.url, 'GET', '/ws/stats').then((r) => {
      answered = true;
      return r;
    });
    await ticks(5);
    expect(answered).toBe(false);
    server.thaw();
    expect((await pending).status).toBe(200);
  });

  it('connections() shows each socket with path, query, subscriptions and counters', async () => {
    const server = await start({ simulate: false });
    const takhin = await TestClient.open(`${server.wsUrl}${TAKHIN}`);
    const pe = await TestClient.open(`${server.wsUrl}/ws/project/PROJ-002`);
    const aic = await TestClient.open(`${server.wsUrl}/ws?client_id=x`);
    const velo = await TestClient.open(`${server.wsUrl}/api/ws/metrics`);
    const helios = await TestClient.open(
      `${server.wsUrl}/ws/cluster?token=${server.system('helios').issueToken()}`,
    );
    takhin.send({ type: 'subscribe', data: 'topic:orders', timestamp: nowSeconds() });
    aic.send({ action: 'join', room: 'tasks' });
    aic.send({ action: 'subscribe', data: { event_types: ['task_created'] } });
    const list = await server.waitForConnections(
      (l) =>
        l.length === 5 &&
        l.some((c) => c.subscriptions.includes('topic:orders')) &&
        l.some((c) => c.subscriptions.includes('event:task_created')),
    );
    const bySystem = Object.fromEntries(list.map((c) => [c.system, c]));
    expect(bySystem.takhin).toMatchObject({
      path: TAKHIN,
      subscriptions: ['topic:orders'],
      messagesIn: 1,
    });
    expect(bySystem['plataforma-e']).toMatchObject({
      path: '/ws/project/PROJ-002',
      subscriptions: ['project:PROJ-002'],
      messagesOut: 1,
    });
    expect(bySystem['active-immune-core']).toMatchObject({
      query: { client_id: 'x' },
      subscriptions: ['room:tasks', 'event:task_created'],
    });
    expect(bySystem.veloflux?.subscriptions).toEqual([]);
    expect(bySystem.helios?.subscriptions).toEqual([
      'status',
      'latency',
      'uptime',
      'snapshot',
      'custom_metrics',
      'state_changes',
      'peer_changes',
    ]);
    expect(server.connections('takhin')).toHaveLength(1);
    for (const c of list) expect(c.connectedAt).toBeLessThanOrEqual(Date.now());
    expect(Object.isFrozen(list)).toBe(true);
    await Promise.all([takhin, pe, aic, velo, helios].map((c) => c.close()));
    await server.waitForConnections((l) => l.length === 0);
  });

  it('waitForConnections() rejects after its timeout with what it saw', async () => {
    const server = await start({ simulate: false });
    await expect(server.waitForConnections((l) => l.length === 3, 50)).rejects.toThrow(
      /still false/,
    );
  });

  it('emit() checks the system name and the message', async () => {
    const server = await start({ simulate: false });
    // @ts-expect-error not a system
    expect(() => server.emit('kafka', {})).toThrow(/unknown system/);
    expect(() => server.emit('veloflux', { type: 'metrics', data: {} })).toThrow(/invalid/);
    expect(
      server.emit('veloflux', {
        type: 'backend_status',
        backends: [],
        timestamp: new Date().toISOString(),
        forced: false,
      }),
    ).toBe(0);
  });

  it('emitRaw() sends a frame as it is, to one system or one path, without schema checks', async () => {
    const server = await start({ simulate: false });
    const project = await TestClient.open(`${server.wsUrl}/ws/project/PROJ-001`);
    const notifications = await TestClient.open(`${server.wsUrl}/ws/notifications`);
    const takhin = await TestClient.open(`${server.wsUrl}${TAKHIN}`);
    await Promise.all([
      project.next(isType('connection')),
      notifications.next(isType('connection')),
      takhin.next(isType('metrics')),
    ]);
    expect(server.emitRaw('plataforma-e', { type: 'from_the_future', extra: [1] })).toBe(2);
    expect(server.emitRaw('plataforma-e', 'not json', { path: '/ws/project/' })).toBe(1);
    await notifications.next(isType('from_the_future'));
    // Frames keep their order: the pong comes after everything emitted before it.
    project.send('ping');
    await project.next(isType('pong'));
    expect(project.frames).toContain('not json');
    expect(project.received.some((m) => (m as { type?: string }).type === 'from_the_future')).toBe(
      true,
    );
    expect(notifications.frames).not.toContain('not json');
    expect(takhin.frames.some((f) => f.includes('from_the_future'))).toBe(false);
    await Promise.all([project.close(), notifications.close(), takhin.close()]);
  });
});
