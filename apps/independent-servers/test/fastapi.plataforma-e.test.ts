import { createClient, plataformaE } from '@feedkit/client/plataforma-e';
import { filter, firstValueFrom, take, timeout, toArray } from 'rxjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FastapiServer, startFastapiServer } from './fastapiServer';
import { describeErrors, errorsOf, failureOf, record, WAIT_MS } from './record';
import { resumesAfterRestart } from './resumesAfterRestart';

let server: FastapiServer;

beforeAll(async () => {
  server = await startFastapiServer('plataforma_e');
});
afterAll(() => server?.stop());

function connect(url = server.wsUrl) {
  const client = createClient({ url, protocol: plataformaE(), backoff: () => 0 });
  return { client, errors: errorsOf(client) };
}

describe('plataforma-e against a FastAPI + uvicorn server', () => {
  it('notifications, a project and logs deliver typed messages without drift', async () => {
    const { client, errors } = connect();
    const notifications = record(client.feed('notifications'), 'notifications');
    const project = record(client.feed('project', 'PROJ-001'), 'project(PROJ-001)');
    const logs = record(client.feed('logs', { level: 'warning' }), 'logs(warning)');
    try {
      // Events of no project come without project_id (exclude_none): every system event reaches it.
      const sent = await notifications.until(13);
      expect(new Set(sent.map((m) => m.type)).size).toBeGreaterThanOrEqual(8);
      const events = await project.until(4);
      expect(events.every((m) => m.project_id === 'PROJ-001')).toBe(true);
      const chats = await project.find(
        (m) => m.type === 'chat_message' && m.data.story_id === null,
      );
      expect(chats.story_id).toBeUndefined();
      const lines = await logs.until(3);
      for (const line of lines) {
        expect(line.type).toBe('log_message');
        expect(['warning', 'error', 'critical']).toContain(line.data.level);
      }
      // uvicorn's naive utcnow().isoformat(): microseconds, no zone.
      expect(lines[0]?.timestamp).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}$/);
      expect(client.drift.entries).toEqual([]);
      expect(describeErrors(errors)).toEqual([]);
    } finally {
      client.close();
    }
  });

  it('stats, connections, subscribers and broadcast return what the server answers', async () => {
    const { client, errors } = connect();
    const project = record(client.feed('project', 'PROJ-002'), 'project(PROJ-002)');
    try {
      await project.until(1);
      const stats = await client.rest.stats();
      expect(stats.active_connections).toBeGreaterThanOrEqual(1);
      expect(stats.connections_per_project['PROJ-002']).toBeGreaterThanOrEqual(1);
      expect(await client.rest.connections()).toMatchObject({
        active_connections: expect.any(Number),
      });
      expect(await client.rest.subscribers('PROJ-002')).toEqual({
        project_id: 'PROJ-002',
        subscribers: 1,
      });
      const answer = await client.rest.broadcast({
        event_type: 'notification',
        data: { title: 'Aviso', message: 'Manutencao em 5 minutos' },
        project_id: 'PROJ-002',
      });
      expect(answer).toMatchObject({ success: true, sent_to: 1 });
      const notice = await project.find(
        (m) => m.type === 'notification' && m.data.title === 'Aviso',
      );
      expect(notice.data).toEqual({ title: 'Aviso', message: 'Manutencao em 5 minutos' });
      expect(describeErrors(errors)).toEqual([]);
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

  it('after a crash (SIGKILL) it reconnects and replays the project subscription', async () => {
    const { client } = connect();
    const project = record(client.feed('project', 'PROJ-001'), 'project(PROJ-001)');
    try {
      // Project events reach /ws/notifications only after {action: 'subscribe'}.
      await resumesAfterRestart(server, project);
      expect(client.drift.entries).toEqual([]);
    } finally {
      client.close();
    }
  });

  it("after uvicorn's clean shutdown (SIGTERM: no close frame) it reconnects and resubscribes", async () => {
    const { client, errors } = connect();
    const project = record(client.feed('project', 'PROJ-002'), 'project(PROJ-002)');
    try {
      await resumesAfterRestart(server, project, 'SIGTERM');
      expect(client.drift.entries).toEqual([]);
      expect(errors.every((e) => e.code === 'connection' && !e.fatal)).toBe(true);
    } finally {
      client.close();
    }
  });

  it('answers the heartbeat before WEBSOCKET_TIMEOUT and survives uvicorn pings', async () => {
    // At speed 100: heartbeat every 0.3 s, silent sockets closed after 0.9 s, uvicorn pings every 0.2 s.
    const fast = await startFastapiServer('plataforma_e', ['--speed', '100']);
    const { client, errors } = connect(fast.wsUrl);
    const states: string[] = [];
    client.state$.subscribe((s) => states.push(s.status));
    const beats = record(
      client.messages$.pipe(filter((m) => m.type === 'heartbeat')),
      'heartbeats',
    );
    const logs = record(client.feed('logs', { level: 'debug' }), 'logs(debug)');
    try {
      // Six heartbeats take 1.8 s: twice the timeout, nine uvicorn pings.
      await beats.until(6);
      await logs.until(10);
      expect(states).not.toContain('reconnecting');
      expect(client.drift.entries).toEqual([]);
      expect(describeErrors(errors)).toEqual([]);
    } finally {
      client.close();
      await fast.stop();
    }
  });
});
