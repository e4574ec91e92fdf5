import { activeImmuneCore, createClient } from '@feedkit/client/active-immune-core';
import { expect } from 'vitest';
import { describeErrors, errorsOf, record } from './record';

/** A client of one server's `/ws` under `clientId`, reconnecting at once. */
export function connectAic(url: string, clientId: string, answersCommands?: boolean) {
  const client = createClient({
    url,
    protocol: activeImmuneCore({ clientId, answersCommands }),
    backoff: () => 0,
  });
  return { client, errors: errorsOf(client) };
}

/**
 * Two rooms, `leader_elected` and `all()` on one client: typed, every event
 * of its room, no drift, no error. Resolves with the first `leader_elected`.
 */
export async function roomsTypesAndAll(url: string, clientId: string) {
  const { client, errors } = connectAic(url, clientId);
  const agents = record(client.feed('room', 'agents'), 'room(agents)');
  const system = record(client.feed('room', 'system'), 'room(system)');
  // Room events reach only the room's members: the feed joins coordination itself.
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
    await all.until(5);
    expect(client.drift.entries).toEqual([]);
    expect(describeErrors(errors)).toEqual([]);
    return leader;
  } finally {
    client.close();
  }
}

/** `stats` counts the client's room; a room-less `broadcast` is answered and reaches `all()`. */
export async function statsAndBroadcast(url: string, clientId: string): Promise<void> {
  const { client, errors } = connectAic(url, clientId);
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
}
