import { createClient, plataformaE } from '@feedkit/client/plataforma-e';
import { expect } from 'vitest';
import { describeErrors, errorsOf, record } from './record';

/** A client of one server, reconnecting at once. */
export function connectPe(url: string) {
  const client = createClient({ url, protocol: plataformaE(), backoff: () => 0 });
  return { client, errors: errorsOf(client) };
}

type Recorded = ReturnType<typeof recordFeeds>;

function recordFeeds(client: ReturnType<typeof connectPe>['client']) {
  return {
    notifications: record(client.feed('notifications'), 'notifications'),
    project: record(client.feed('project', 'PROJ-001'), 'project(PROJ-001)'),
    logs: record(client.feed('logs', { level: 'warning' }), 'logs(warning)'),
  };
}

/**
 * `notifications` (`notificationCount` messages), `project('PROJ-001')` and
 * `logs` at `warning` on one client: typed, PROJ-001's events only, levels
 * from warning up, no drift, no error. `more` checks what else a server
 * promises while the feeds are live.
 */
export async function feedsTyped(
  url: string,
  notificationCount: number,
  more: (feeds: Recorded) => Promise<void> = async () => {},
): Promise<void> {
  const { client, errors } = connectPe(url);
  const feeds = recordFeeds(client);
  try {
    const sent = await feeds.notifications.until(notificationCount);
    expect(sent.every((m) => typeof m.type === 'string')).toBe(true);
    const events = await feeds.project.until(4);
    // A server may send project_id: null, or none, on events of no project; the feed keeps PROJ-001's.
    expect(events.every((m) => m.project_id === 'PROJ-001')).toBe(true);
    const lines = await feeds.logs.until(3);
    for (const line of lines) {
      expect(line.type).toBe('log_message');
      expect(['warning', 'error', 'critical']).toContain(line.data.level);
    }
    await more(feeds);
    expect(client.drift.entries).toEqual([]);
    expect(describeErrors(errors)).toEqual([]);
  } finally {
    client.close();
  }
}

/** What a server answers to the three REST calls whose answers the document does not show. */
export interface RestAnswers {
  readonly connections: object;
  readonly subscribers: object;
  readonly broadcast: object;
}

/**
 * With one subscriber to PROJ-002: `stats` counts it, `connections`,
 * `subscribers` and `broadcast` answer as `answers` (matched, not equal), and
 * the broadcast notification reaches the project's feed whole. No error.
 */
export async function restAnswers(url: string, answers: RestAnswers): Promise<void> {
  const { client, errors } = connectPe(url);
  const project = record(client.feed('project', 'PROJ-002'), 'project(PROJ-002)');
  try {
    await project.until(1);
    const stats = await client.rest.stats();
    expect(stats.active_connections).toBeGreaterThanOrEqual(1);
    expect(stats.connections_per_project['PROJ-002']).toBeGreaterThanOrEqual(1);
    expect(await client.rest.connections()).toMatchObject(answers.connections);
    expect(await client.rest.subscribers('PROJ-002')).toMatchObject(answers.subscribers);
    const data = { title: 'Aviso', message: 'Manutencao em 5 minutos' };
    const answer = await client.rest.broadcast({
      event_type: 'notification',
      data,
      project_id: 'PROJ-002',
    });
    expect(answer).toMatchObject(answers.broadcast);
    // Found by its message: a server's own notifications may share the title.
    const notice = await project.find(
      (m) => m.type === 'notification' && m.data.message === data.message,
    );
    expect(notice.data).toEqual(data);
    expect(describeErrors(errors)).toEqual([]);
  } finally {
    client.close();
  }
}
