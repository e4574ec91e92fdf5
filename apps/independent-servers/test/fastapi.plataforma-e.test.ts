import { filter, firstValueFrom, take, timeout, toArray } from 'rxjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FastapiServer, startFastapiServer } from './fastapiServer';
import { keepsSocket } from './keepsSocket';
import { connectPe, feedsTyped, restAnswers } from './plataformaEChecks';
import { failureOf, record, WAIT_MS } from './record';
import { replaysAfterRestart } from './resumesAfterRestart';

let server: FastapiServer;

beforeAll(async () => {
  server = await startFastapiServer('plataforma_e');
});
afterAll(() => server?.stop());

const connect = (url = server.wsUrl) => connectPe(url);

describe('plataforma-e against a FastAPI + uvicorn server', () => {
  it('notifications, a project and logs deliver typed messages without drift', async () => {
    // Events of no project come without project_id (exclude_none): every system event reaches it.
    await feedsTyped(server.wsUrl, 12, async ({ notifications, project, logs }) => {
      expect(new Set(notifications.messages.map((m) => m.type)).size).toBeGreaterThanOrEqual(8);
      const chat = await project.find((m) => m.type === 'chat_message' && m.data.story_id === null);
      expect(chat.story_id).toBeUndefined();
      // uvicorn's naive utcnow().isoformat(): microseconds, no zone.
      expect(logs.messages[0]?.timestamp).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}$/);
    });
  });

  it('stats, connections, subscribers and broadcast return what the server answers', async () => {
    await restAnswers(server.wsUrl, {
      connections: { active_connections: expect.any(Number) },
      subscribers: { project_id: 'PROJ-002', subscribers: 1 },
      broadcast: { success: true, event_type: 'notification', sent_to: 1 },
    });
  });

  it('a system error event ("Eventos de Sistema": error) reaches notifications() whole, and errors$ as an in-band protocol error', async () => {
    const { client, errors } = connect();
    const notifications = record(client.feed('notifications'), 'notifications');
    try {
      await notifications.until(1);
      const data = { message: 'Worker indisponivel', code: 'WORKER_DOWN' };
      await client.rest.broadcast({ event_type: 'error', data });
      // The document lists it among the system events, so the feed carries its data too.
      const event = await notifications.find((m) => m.type === 'error');
      expect(event.data).toMatchObject(data);
      // Reported before it is delivered: it may answer a command of ours.
      const [reported] = errors;
      expect(reported).toMatchObject({ code: 'protocol', fatal: false });
      expect(reported?.message).toMatch(
        /server reported an error: .*Worker indisponivel.*WORKER_DOWN/,
      );
      expect(errors).toHaveLength(1);
    } finally {
      client.close();
    }
  });

  it("a refused REST call is a typed rest error carrying FastAPI's detail", async () => {
    const { client } = connect();
    try {
      // The path is validated by a regex (`PROJ-001`): FastAPI's 422 names the field.
      const invalid = await failureOf(client.rest.subscribers('project one'));
      expect(invalid).toMatchObject({ code: 'rest', status: 422 });
      expect(invalid?.message).toMatch(/project_id/);
      expect(invalid?.message).toMatch(/string does not match regex/);
    } finally {
      client.close();
    }
  });

  it('a full server (close before accept: uvicorn answers 403) is a retried connection error saying so', async () => {
    const full = await startFastapiServer('plataforma_e', ['--max-connections', '0']);
    const { client } = connect(full.wsUrl);
    try {
      const feed = record(client.feed('notifications'), 'notifications');
      // Three refusals in a row: never fatal, each saying why.
      const refusals = await firstValueFrom(
        client.errors$.pipe(take(3), toArray(), timeout(WAIT_MS)),
      );
      for (const error of refusals) {
        expect(error).toMatchObject({ code: 'connection', status: 403, fatal: false });
        expect(error.message).toMatch(/closed the socket before accepting it/);
      }
      expect(feed.messages).toEqual([]);
    } finally {
      client.close();
      await full.stop();
    }
  });

  // SIGKILL is a crash; SIGTERM is uvicorn's shutdown, which closes every socket without a close frame.
  it.each(['SIGKILL', 'SIGTERM'] as const)(
    'after %s it reconnects and replays the project subscription',
    async (signal) => {
      const { client } = connect();
      // Project events reach /ws/notifications only after {action: 'subscribe'}.
      const errors = await replaysAfterRestart(
        server,
        client,
        client.feed('project', 'PROJ-001'),
        signal,
      );
      expect(errors.every((e) => e.code === 'connection' && !e.fatal)).toBe(true);
    },
  );

  it('answers the heartbeat before WEBSOCKET_TIMEOUT and survives uvicorn pings', async () => {
    // At speed 100: heartbeat every 0.3 s, silent sockets closed after 0.9 s, uvicorn pings every 0.2 s.
    const fast = await startFastapiServer('plataforma_e', ['--speed', '100']);
    const { client } = connect(fast.wsUrl);
    const heartbeats = client.messages$.pipe(filter((m) => m.type === 'heartbeat'));
    try {
      // Six heartbeats take 1.8 s: twice the timeout, nine uvicorn pings.
      await keepsSocket(client, [heartbeats, 6], [client.feed('logs', { level: 'debug' }), 10]);
    } finally {
      await fast.stop();
    }
  });
});
