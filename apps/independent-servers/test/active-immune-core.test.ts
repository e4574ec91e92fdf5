import { activeImmuneCore, createClient } from '@feedkit/client/active-immune-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectAic, roomsTypesAndAll, statsAndBroadcast } from './activeImmuneCoreChecks';
import { type PythonServer, startPythonServer } from './pythonServer';
import { describeErrors, errorsOf, record } from './record';
import { replaysAfterRestart } from './resumesAfterRestart';

let server: PythonServer;

beforeAll(async () => {
  server = await startPythonServer('active_immune_core');
});
afterAll(() => server?.stop());

const connect = (clientId: string) => connectAic(server.wsUrl, clientId);

describe('active-immune-core against an independently written server', () => {
  it('rooms, event types and all() deliver typed messages without drift', async () => {
    await roomsTypesAndAll(server.wsUrl, 'feeds');
  });

  it('stats and broadcast return typed data; a room-less broadcast reaches all()', async () => {
    await statsAndBroadcast(server.wsUrl, 'rest');
  });

  it('after a server restart it reconnects and rejoins its room', async () => {
    const { client } = connect('restart');
    // Room events reach only members: a new one proves the join was replayed.
    await replaysAfterRestart(server, client, client.feed('room', 'tasks'));
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
