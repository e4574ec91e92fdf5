import { describe, expect, it } from 'vitest';
import { plataformaE } from '../src/index';
import { collectErrors, next, status } from './support/helpers';
import { useReferenceServer } from './support/referenceServer';

const ref = useReferenceServer();
const NOTIFICATIONS = '/ws/notifications';
const notifications = () =>
  ref.server.connections('plataforma-e').filter((c) => c.path === NOTIFICATIONS);
const story = (projectId: string, title = 'Login') => ({
  type: 'story_created' as const,
  data: { story_id: 'STR-0001', title, project_id: projectId },
  timestamp: new Date().toISOString(),
  message_id: `m-${Math.random().toString(36).slice(2)}`,
  project_id: projectId,
  story_id: 'STR-0001',
});

describe('Plataforma E against the reference server', () => {
  it('every feed delivers typed messages: notifications, project, logs', async () => {
    const client = ref.client(plataformaE());
    const project = client.feed('project', 'PROJ-001');
    const all = client.feed('notifications');
    const logs = client.feed('logs', { level: 'warning' });
    const got = Promise.all([next(project), next(all)]);
    const log = next(logs);
    await ref.server.waitForConnections((cs) =>
      cs.some((c) => c.subscriptions.includes('project:PROJ-001')),
    );
    ref.server.emit('plataforma-e', story('PROJ-001'));
    const [fromProject, fromAll] = await got;
    expect(fromProject.type).toBe('story_created');
    expect(fromProject).toBe(fromAll); // decoded once, the same object to both feeds
    ref.server.emit('plataforma-e', {
      type: 'log_message',
      data: { level: 'error', message: 'disk full', source: 'CI/CD' },
      timestamp: new Date().toISOString(),
      message_id: 'log-1',
    });
    expect((await log).data.level).toBe('error');
  });

  it('subscribe/unsubscribe reach the server; two consumers of a project make one subscription; acks are counted', async () => {
    const client = ref.client(plataformaE(), { linger: 60_000 });
    const feed = client.feed('project', 'PROJ-001');
    const a = feed.subscribe();
    const b = feed.subscribe();
    const other = client.feed('project', 'PROJ-002').subscribe();
    await ref.server.waitForConnections((cs) => cs[0]?.subscriptions.length === 2);
    await next(client.state$, (s) => s.connections[0]?.acks?.confirmed === 2);
    expect(client.state.connections[0]?.acks).toEqual({ sent: 2, confirmed: 2 });
    a.unsubscribe();
    other.unsubscribe();
    await ref.server.waitForConnections(
      (cs) => cs[0]?.subscriptions.length === 1 && cs[0]?.subscriptions[0] === 'project:PROJ-001',
    );
    b.unsubscribe();
    await ref.server.waitForConnections((cs) => cs[0]?.subscriptions.length === 0);
    expect(notifications()).toHaveLength(1);
  });

  it.each([
    ['restart()', () => ref.server.restart()],
    ['dropConnections()', () => ref.server.dropConnections()],
  ])('after %s the server has exactly the desired projects again', async (_, fault) => {
    const client = ref.client(plataformaE());
    const p1 = client.feed('project', 'PROJ-001');
    const subs = [p1.subscribe(), client.feed('project', 'PROJ-002').subscribe()];
    client.feed('project', 'PROJ-003').subscribe().unsubscribe();
    const [before] = await ref.server.waitForConnections(
      (cs) => cs.length === 1 && cs[0]?.subscriptions.length === 2,
    );
    await fault();
    const [after] = await ref.server.waitForConnections(
      (cs) => cs.length === 1 && cs[0]?.id !== before?.id && cs[0]?.subscriptions.length === 2,
    );
    expect([...(after?.subscriptions ?? [])].sort()).toEqual([
      'project:PROJ-001',
      'project:PROJ-002',
    ]);
    await status(client, 'open');
    expect(p1.gap).toBe(true);
    for (const s of subs) s.unsubscribe();
  });

  it('a frozen server is a dead peer (text ping heartbeat): reconnect and replay', async () => {
    const client = ref.client(plataformaE(), { heartbeat: { intervalMs: 30, timeoutMs: 150 } });
    const sub = client.feed('project', 'PROJ-009').subscribe();
    const [before] = await ref.server.waitForConnections((cs) => cs[0]?.subscriptions.length === 1);
    ref.server.freeze();
    await next(client.state$, (s) => s.closeCode === 4000);
    ref.server.thaw();
    const [after] = await ref.server.waitForConnections(
      (cs) => cs.length === 1 && cs[0]?.id !== before?.id && cs[0]?.subscriptions.length === 1,
    );
    expect(after?.subscriptions).toEqual(['project:PROJ-009']);
    sub.unsubscribe();
  });

  it('invalid input is answered in-band (protocol error) and the socket stays usable', async () => {
    const client = ref.client(plataformaE());
    const errors = collectErrors(client);
    const sub = client.feed('project', 'PROJ-001').subscribe();
    const [before] = await ref.server.waitForConnections((cs) => cs[0]?.subscriptions.length === 1);
    client.send(NOTIFICATIONS, { action: 'subscribe', project_id: '' } as never);
    await next(client.errors$, (e) => e.code === 'protocol');
    expect(errors[0]?.message).toMatch(/server reported an error/);
    expect(notifications()[0]?.id).toBe(before?.id);
    sub.unsubscribe();
  });

  it('a message over the 65,536-byte limit is refused before sending (message_too_big)', async () => {
    const client = ref.client(plataformaE());
    const sub = client.feed('notifications').subscribe();
    await status(client, 'open');
    const tooBig = next(client.errors$, (e) => e.code === 'message_too_big');
    client.send(NOTIFICATIONS, { action: 'subscribe', project_id: 'P'.repeat(70_000) });
    expect((await tooBig).dropped).toMatchObject({ action: 'subscribe' });
    expect(client.state.status).toBe('open');
    sub.unsubscribe();
  });

  it('REST helpers: stats, connections, subscribers, broadcast (validated by the protocol schemas)', async () => {
    const client = ref.client(plataformaE());
    const feed = client.feed('project', 'PROJ-001');
    const sub = feed.subscribe();
    await ref.server.waitForConnections((cs) => cs[0]?.subscriptions.length === 1);
    // Bodies the seed does not show are typed unknown: read as what the server sent.
    const body = async (call: Promise<unknown>) => (await call) as Record<string, unknown>;
    expect((await body(client.rest.subscribers('PROJ-001'))).subscribers).toBe(1);
    expect((await body(client.rest.connections())).active_connections).toBe(1);
    expect((await body(client.rest.stats())).connections_per_project).toEqual({ 'PROJ-001': 1 });
    const delivered = next(feed);
    const result = await client.rest.broadcast({
      event_type: 'notification',
      data: { title: 'Aviso', message: 'Manutencao em 5 minutos', level: 'info' },
      project_id: 'PROJ-001',
    });
    expect((result as { recipients: number }).recipients).toBe(1);
    expect((await delivered).type).toBe('notification');
    sub.unsubscribe();
  });
});
