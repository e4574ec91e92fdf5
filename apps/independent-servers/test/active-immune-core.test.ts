import { activeImmuneCore, createClient } from '@feedkit/client/active-immune-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type PythonServer, startPythonServer } from './pythonServer';
import { describeErrors, errorsOf, record } from './record';
import { resumesAfterRestart } from './resumesAfterRestart';

let server: PythonServer;

beforeAll(async () => {
  server = await startPythonServer('active_immune_core');
});
afterAll(() => server?.stop());

function connect(clientId: string) {
  const client = createClient({
    url: server.wsUrl,
    protocol: activeImmuneCore({ clientId }),
    backoff: () => 0,
  });
  return { client, errors: errorsOf(client) };
}

describe('active-immune-core against an independently written server', () => {
  it('rooms, event types and all() deliver typed messages without drift', async () => {
    const { client, errors } = connect('feeds');
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
    } finally {
      client.close();
    }
  });

  it('stats and broadcast return typed data; a room-less broadcast reaches all()', async () => {
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

  it('after a server restart it reconnects and rejoins its room', async () => {
    const { client } = connect('restart');
    const tasks = record(client.feed('room', 'tasks'), 'room(tasks)');
    try {
      // Room events reach only members: a new one proves the join was replayed.
      await resumesAfterRestart(server, tasks);
      expect(client.drift.entries).toEqual([]);
    } finally {
      client.close();
    }
  });

  it('a server that answers only ping leaves the joins unacknowledged without losing the socket', async () => {
    // The document shows no answer to join or subscribe; feedkit waits ackTimeoutMs for one.
    const client = createClient({
      url: server.wsUrl,
      protocol: activeImmuneCore({ clientId: 'acks' }),
      backoff: () => 0,
      ackTimeoutMs: 100,
    });
    const states: string[] = [];
    client.state$.subscribe((s) => states.push(s.status));
    const errors = errorsOf(client);
    const agents = record(client.feed('room', 'agents'), 'room(agents)');
    try {
      // 20 events at 0.5 s / 20 = 25 ms each: well past two ack timeouts.
      await agents.until(20);
      expect(states).not.toContain('reconnecting');
      expect(describeErrors(errors)).toEqual([]);
    } finally {
      client.close();
    }
  });

  it('with answersCommands, a server that answers every command has its answers counted', async () => {
    const answering = await startPythonServer('active_immune_core', ['--answer-all']);
    const client = createClient({
      url: answering.wsUrl,
      protocol: activeImmuneCore({ clientId: 'answered', answersCommands: true }),
      backoff: () => 0,
      ackTimeoutMs: 100,
    });
    const errors = errorsOf(client);
    const agents = record(client.feed('room', 'agents'), 'room(agents)');
    try {
      await agents.until(20);
      expect(client.state.connections[0]?.acks?.confirmed).toBeGreaterThanOrEqual(1);
      expect(describeErrors(errors)).toEqual([]);
    } finally {
      client.close();
      await answering.stop();
    }
  });
});
