import { createClient, plataformaE } from '@feedkit/client/plataforma-e';
import { filter, firstValueFrom } from 'rxjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectPe, feedsTyped, restAnswers } from './plataformaEChecks';
import { type PythonServer, startPythonServer } from './pythonServer';
import { record } from './record';
import { replaysAfterRestart } from './resumesAfterRestart';

let server: PythonServer;

beforeAll(async () => {
  server = await startPythonServer('plataforma_e');
});
afterAll(() => server?.stop());

const connect = () => connectPe(server.wsUrl);

describe('plataforma-e against an independently written server', () => {
  it('notifications, a project and logs deliver typed messages without drift', async () => {
    await feedsTyped(server.wsUrl, 3);
  });

  it('the REST helpers return what the server answers', async () => {
    await restAnswers(server.wsUrl, {
      connections: { connections: expect.any(Number) },
      subscribers: { subscribers: 1 },
      broadcast: { status: 'sent', recipients: 1 },
    });
  });

  it('after a server restart it reconnects and replays the project subscription', async () => {
    const { client } = connect();
    // Project events reach /ws/notifications only after {action: 'subscribe'}.
    await replaysAfterRestart(server, client, client.feed('project', 'PROJ-001'));
  });

  it('a server that closes idle sockets with 1000 (WEBSOCKET_TIMEOUT) is reconnected to', async () => {
    // The reaper runs every second and closes a socket silent for more than 1 s.
    const strict = await startPythonServer('plataforma_e', ['--timeout', '1']);
    const client = createClient({
      url: strict.wsUrl,
      protocol: plataformaE(),
      backoff: () => 0,
      heartbeat: false,
    });
    const project = record(client.feed('project', 'PROJ-002'), 'project(PROJ-002)');
    try {
      await project.until(1);
      await firstValueFrom(client.state$.pipe(filter((s) => s.status === 'reconnecting')));
      const seen = project.messages.length;
      await project.until(seen + 1);
      expect(client.drift.entries).toEqual([]);
    } finally {
      client.close();
      await strict.stop();
    }
  });

  it('a full server (WEBSOCKET_MAX_CONNECTIONS, HTTP 503) is a retried connection error, not auth', async () => {
    const full = await startPythonServer('plataforma_e', ['--max-connections', '0']);
    const client = createClient({ url: full.wsUrl, protocol: plataformaE(), backoff: () => 0 });
    try {
      client.feed('notifications').subscribe({ error: () => undefined });
      const error = await firstValueFrom(client.errors$);
      expect(error).toMatchObject({ code: 'connection', status: 503, fatal: false });
    } finally {
      client.close();
      await full.stop();
    }
  });
});
