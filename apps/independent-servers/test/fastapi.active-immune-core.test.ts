import { activeImmuneCore, createClient } from '@feedkit/client/active-immune-core';
import { filter, firstValueFrom, take, timeout, toArray } from 'rxjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectAic, roomsTypesAndAll, statsAndBroadcast } from './activeImmuneCoreChecks';
import { type FastapiServer, startFastapiServer } from './fastapiServer';
import { keepsSocket } from './keepsSocket';
import { describeErrors, failureOf, record, WAIT_MS } from './record';
import { replaysAfterRestart } from './resumesAfterRestart';

let server: FastapiServer;

beforeAll(async () => {
  server = await startFastapiServer('active_immune_core');
});
afterAll(() => server?.stop());

const connect = (clientId: string, answersCommands?: boolean) =>
  connectAic(server.wsUrl, clientId, answersCommands);

describe('active-immune-core against a FastAPI + uvicorn server', () => {
  it('rooms, event types and all() deliver typed messages without drift', async () => {
    const leader = await roomsTypesAndAll(server.wsUrl, 'feeds');
    // pydantic's datetime: naive, microseconds.
    expect(leader?.timestamp).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}$/);
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
    await statsAndBroadcast(server.wsUrl, 'rest');
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

  // SIGKILL is a crash; SIGTERM is uvicorn's shutdown, which closes every socket without a close frame.
  it.each(['SIGKILL', 'SIGTERM'] as const)(
    'after %s it reconnects and rejoins its room',
    async (signal) => {
      const { client } = connect(`restart-${signal}`);
      // Room events reach only members: a new one proves the join was replayed.
      const errors = await replaysAfterRestart(
        server,
        client,
        client.feed('room', 'tasks'),
        signal,
      );
      expect(errors.every((e) => e.code === 'connection' && !e.fatal)).toBe(true);
    },
  );

  it("its ping is answered and uvicorn's pings are, too", async () => {
    // At speed 100 uvicorn pings every 0.2 s and gives up on a socket after 0.2 s more.
    const fast = await startFastapiServer('active_immune_core', ['--speed', '100']);
    const client = createClient({
      url: fast.wsUrl,
      protocol: activeImmuneCore({ clientId: 'pings' }),
      backoff: () => 0,
      heartbeat: { intervalMs: 100, timeoutMs: 2000 },
    });
    const pongs = client.messages$.pipe(
      filter((m) => 'success' in m && m.success === true && m.message === 'pong'),
    );
    try {
      // Fifteen pongs take 1.5 s: seven uvicorn pings.
      await keepsSocket(client, [pongs, 15], [client.feed('room', 'agents'), 10]);
    } finally {
      await fast.stop();
    }
  });
});
