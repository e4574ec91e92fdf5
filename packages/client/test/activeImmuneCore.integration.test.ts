import { describe, expect, it } from 'vitest';
import { activeImmuneCore } from '../src/index';
import { next } from './support/helpers';
import { useReferenceServer } from './support/referenceServer';

const ref = useReferenceServer();
const agentCreated = (room: string | null = 'agents') => ({
  event_type: 'agent_created' as const,
  timestamp: new Date().toISOString(),
  data: { agent_id: 'agent_neutrophil_001', agent_type: 'neutrophil', status: 'active' },
  source: 'api_server',
  room,
});

describe('Active Immune Core against the reference server', () => {
  it('every feed delivers typed messages; client_id reaches the server', async () => {
    const client = ref.client(activeImmuneCore({ clientId: 'ops-1' }));
    const room = client.feed('room', 'agents');
    const type = client.feed('eventType', 'agent_created');
    const all = client.feed('all');
    const created = (m: { event_type: string }) => m.event_type === 'agent_created';
    const got = Promise.all([next(room, created), next(type), next(all, created)]);
    // A live room feed needs every event type, so the server's type filter stays empty.
    await ref.server.waitForConnections((cs) => cs[0]?.subscriptions.join() === 'room:agents');
    expect(ref.server.connections('active-immune-core')[0]?.query).toMatchObject({
      client_id: 'ops-1',
    });
    ref.server.emit('active-immune-core', agentCreated());
    const [fromRoom, fromType, fromAll] = await got;
    expect(fromRoom.event_type).toBe('agent_created');
    expect(fromRoom).toBe(fromType);
    expect(fromAll).toBe(fromRoom);
  });

  it('rooms are reference counted: join once, leave when the last consumer goes', async () => {
    const client = ref.client(activeImmuneCore(), { linger: 60_000 });
    const feed = client.feed('room', 'tasks');
    const a = feed.subscribe();
    const b = feed.subscribe();
    const [conn] = await ref.server.waitForConnections((cs) =>
      cs.some((c) => c.subscriptions.includes('room:tasks')),
    );
    a.unsubscribe();
    await next(client.state$, (s) => s.connections[0]?.status === 'open');
    expect(ref.server.connections()[0]?.subscriptions).toContain('room:tasks');
    b.unsubscribe();
    await ref.server.waitForConnections((cs) => cs[0]?.subscriptions.length === 0);
    expect(ref.server.connections()[0]?.id).toBe(conn?.id);
  });

  it.each([
    ['restart()', () => ref.server.restart()],
    ['dropConnections()', () => ref.server.dropConnections()],
  ])('after %s the server has exactly the desired type filter again', async (_, fault) => {
    const client = ref.client(activeImmuneCore({ clientId: 'replay' }));
    const subs = [
      client.feed('eventType', 'agent_created').subscribe(),
      client.feed('eventType', 'task_failed').subscribe(),
    ];
    // Each type's feed joins its room too: two rooms and two types.
    const [before] = await ref.server.waitForConnections((cs) => cs[0]?.subscriptions.length === 4);
    await fault();
    const [after] = await ref.server.waitForConnections(
      (cs) => cs.length === 1 && cs[0]?.id !== before?.id && cs[0]?.subscriptions.length === 4,
    );
    expect([...(after?.subscriptions ?? [])].sort()).toEqual([
      'event:agent_created',
      'event:task_failed',
      'room:agents',
      'room:tasks',
    ]);
    for (const s of subs) s.unsubscribe();
  });

  it('a frozen server is a dead peer ({action:"ping"} heartbeat): reconnect and replay', async () => {
    const client = ref.client(activeImmuneCore(), {
      heartbeat: { intervalMs: 30, timeoutMs: 150 },
    });
    const sub = client.feed('room', 'system').subscribe();
    const [before] = await ref.server.waitForConnections((cs) => cs[0]?.subscriptions.length === 1);
    ref.server.freeze();
    await next(client.state$, (s) => s.closeCode === 4000);
    ref.server.thaw();
    const [after] = await ref.server.waitForConnections(
      (cs) => cs.length === 1 && cs[0]?.id !== before?.id && cs[0]?.subscriptions.length === 1,
    );
    expect(after?.subscriptions).toEqual(['room:system']);
    sub.unsubscribe();
  });

  it('REST stats and broadcast (rooms respected)', async () => {
    const client = ref.client(activeImmuneCore());
    const room = client.feed('room', 'system');
    const sub = room.subscribe();
    await ref.server.waitForConnections((cs) => cs[0]?.subscriptions.length === 1);
    expect((await client.rest.stats()).rooms).toMatchObject({ system: 1 });
    const delivered = next(room);
    const result = await client.rest.broadcast({
      event_type: 'alert_triggered',
      data: { level: 'warning', message: 'High CPU usage detected', details: { cpu: 95 } },
      room: 'system',
    });
    // The seed shows no response body: it is typed unknown, read as what the server sent.
    expect((result as { data: { recipients: number } }).data.recipients).toBe(1);
    expect((await delivered).event_type).toBe('alert_triggered');
    sub.unsubscribe();
  });
});
