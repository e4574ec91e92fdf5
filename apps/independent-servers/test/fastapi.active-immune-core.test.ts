import { activeImmuneCore, createClient } from '@feedkit/client/active-immune-core';
import { filter, firstValueFrom, take, timeout, toArray } from 'rxjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FastapiServer, startFastapiServer } from './fastapiServer';
import { describeErrors, errorsOf, failureOf, record, WAIT_MS } from './record';
import { resumesAfterRestart } from './resumesAfterRestart';

let server: FastapiServer;

beforeAll(async () => {
  server = await startFastapiServer('active_immune_core');
});
afterAll(() => server?.stop());

function connect(clientId: string, answersCommands?: boolean, url = server.wsUrl) {
  const client = createClient({
    url,
    protocol: activeImmuneCore({ clientId, answersCommands }),
    backoff: () => 0,
  });
  return { client, errors: errorsOf(client) };
}

describe('active-immune-core against a FastAPI + uvicorn server', () => {
  it('rooms, event types and all() deliver typed messages without drift', async () => {
    const { client, errors } = connect('feeds');
    const agents = record(client.feed('room', 'agents'), 'room(agents)');
    const system = record(client.feed('room', 'system'), 'room(system)');
    const leaders = record(client.feed('eventType', 'leader_elected'), 'leader_elected');
    const all = record(client.feed('all'), 'all');
    try {
      const agentEvents = await agents.until(3);
      expect(agentEvents.every((e) => e.room === 'agents')).toBe(true);
      expect(agentEvents.every((e) => e.event_type.startsWith('agent_'))).toBe(true);
      const systemEvents = await system.until(2);
      expect(systemEvents.every((e) => e.room === 'system')).toBe(true);
      const [leader] = await leaders.until(1);
      expect(leader?.data).toMatchObject({ term: expect.any(Number) });
      // pydantic's datetime: naive, microseconds.
      expect(leader?.timestamp).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}$/);
      await all.until(5);
      expect(client.drift.entries).toEqual([]);
      expect(describeErrors(errors)).toEqual([]);
    } finally {
      client.close();
    }
  });

  it('a type filter alone narrows the socket; this server answers every command, so answersCommands counts them', async () => {
    const { client, errors } = connect('filtered', true);
    const states: string[] = [];
    client.state$.subscribe((s) => states.push(s.status));
    const decided = record(client.feed('eventType', 'consensus_decided'), 'consensus_decided');
    try {
      const events = await decided.until(3);
      expect(events.every((e) => e.event_type === 'consensus_decided')).toBe(true);
      expect(client.state.connections[0]?.acks?.confirmed).toBeGreaterThanOrEqual(2);
      expect(states).not.toContain('reconnecting');
      expect(client.drift.entries).toEqual([]);
      expect(describeErrors(errors)).toEqual([]);
    } finally {
      client.close();
    }
  });

  it('stats and broadcast return what the server answers; a room-less broadcast reaches all()', async () => {
    const { client, errors } = connect('rest');
    const all = record(client.feed('all'), 'all');
    const agents = record(client.feed('room', 'agents'), 'room(agents)');
    try {
      await agents.until(1);
      const stats = await client.rest.stats();
      expect(stats.active_connections).toBeGreaterThanOrEqual(1);
      expect(stats.rooms.agents).toBeGreaterThanOrEqual(1);
      const answer = await client.rest.broadcast({
        event_type: 'alert_triggered',
        data: { level: 'warning', message: 'High CPU usage detected', details: { cpu: 95 } },
      });
      expect(answer).toMatchObject({ success: true, data: { recipients: expect.any(Number) } });
      const alert = await all.find((e) => e.event_type === 'alert_triggered' && e.room === null);
      expect(alert.data).toMatchObject({ details: { cpu: 95 } });
      expect(describeErrors(errors)).toEqual([]);
    } finally {
      client.close();
    }
  });

  it("refused broadcasts are typed rest errors carrying FastAPI's detail (422, 404)", async () => {
    const { client } = connect('refused');
    try {
      // A custom event name the client allows; this server's pydantic enum does not.
      const invalid = await failureOf(
        client.rest.broadcast({ event_type: 'deploy_started', data: {} }),
      );
      expect(invalid).toMatchObject({ code: 'rest', status: 422 });
      expect(invalid?.message).toMatch(/event_type/);
      expect(invalid?.message).toMatch(/not a valid enumeration member/);
      const unknownRoom = await failureOf(
        client.rest.broadcast({ event_type: 'alert_triggered', data: {}, room: 'kitchen' }),
      );
      expect(unknownRoom).toMatchObject({ code: 'rest', status: 404 });
      expect(unknownRoom?.message).toMatch(/Room 'kitchen' not found/);
    } finally {
      client.close();
    }
  });

  it('a client_id already connected (close before accept: 403) is a retried connection error saying so', async () => {
    const first = connect('taken');
    const second = connect('taken');
    const held = record(first.client.feed('room', 'agents'), 'room(agents)');
    try {
      await held.until(1);
      second.client.feed('all').subscribe({ error: () => undefined });
      const refusals = await firstValueFrom(
        second.client.errors$.pipe(take(2), toArray(), timeout(WAIT_MS)),
      );
      for (const error of refusals) {
        expect(error).toMatchObject({ code: 'connection', status: 403, fatal: false });
        expect(error.message).toMatch(/closed the socket before accepting it/);
      }
      // Once the id is free the second client gets in.
      first.client.close();
      await firstValueFrom(second.client.state$.pipe(filter((s) => s.status === 'open')));
    } finally {
      first.client.close();
      second.client.close();
    }
  });

  it('after a crash (SIGKILL) it reconnects and rejoins its room', async () => {
    const { client } = connect('crash');
    const tasks = record(client.feed('room', 'tasks'), 'room(tasks)');
    try {
      // Room events reach only members: a new one proves the join was replayed.
      await resumesAfterRestart(server, tasks);
      expect(client.drift.entries).toEqual([]);
    } finally {
      client.close();
    }
  });

  it("after uvicorn's clean shutdown (SIGTERM: no close frame) it reconnects and rejoins", async () => {
    const { client, errors } = connect('shutdown');
    const coordination = record(client.feed('room', 'coordination'), 'room(coordination)');
    try {
      await resumesAfterRestart(server, coordination, 'SIGTERM');
      expect(client.drift.entries).toEqual([]);
      expect(errors.every((e) => e.code === 'connection' && !e.fatal)).toBe(true);
    } finally {
      client.close();
    }
  });

  it("its ping is answered and uvicorn's pings are, too", async () => {
    // At speed 100 uvicorn pings every 0.2 s and gives up on a socket after 0.2 s more.
    const fast = await startFastapiServer('active_immune_core', ['--speed', '100']);
    const client = createClient({
      url: fast.wsUrl,
      protocol: activeImmuneCore({ clientId: 'pings' }),
      backoff: () => 0,
      heartbeat: { intervalMs: 100, timeoutMs: 2000 },
    });
    const errors = errorsOf(client);
    const states: string[] = [];
    client.state$.subscribe((s) => states.push(s.status));
    const pongs = record(
      client.messages$.pipe(
        filter((m) => 'success' in m && m.success === true && m.message === 'pong'),
      ),
      'pongs',
    );
    const agents = record(client.feed('room', 'agents'), 'room(agents)');
    try {
      // Fifteen pongs take 1.5 s: seven uvicorn pings.
      await pongs.until(15);
      await agents.until(10);
      expect(states).not.toContain('reconnecting');
      expect(client.drift.entries).toEqual([]);
      expect(describeErrors(errors)).toEqual([]);
    } finally {
      client.close();
      await fast.stop();
    }
  });
});
