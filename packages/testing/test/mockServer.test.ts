import { activeImmuneCore, helios, plataformaE, takhin, veloflux } from '@feedkit/client';
import { afterEach, describe, expect, it } from 'vitest';
import {
  exampleMessages,
  type MockServer,
  mockActiveImmuneCore,
  mockHelios,
  mockPlataformaE,
  mockTakhin,
  mockVeloFlux,
} from '../src/index';
import { next } from './support/next';

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0).reverse()) cleanup();
});
function track<T extends MockServer<never> | { close(): void }>(value: T): T {
  cleanups.push(() => ('stop' in value ? value.stop() : value.close()));
  return value;
}

describe('mockTakhin', () => {
  it('delivers typed messages, replays subscriptions after a close, and answers pings', async () => {
    const mock = track(mockTakhin());
    const client = track(
      mock.createClient(takhin(), { heartbeat: { intervalMs: 10, timeoutMs: 5000 } }),
    );
    const created = next(client.feed('topic', 'orders'));
    const held = client.feed('topic', 'orders').subscribe();
    cleanups.push(() => held.unsubscribe());
    await mock.waitForTopic('topic:orders');
    expect(
      mock.emit('topic_created', {
        type: 'topic_created',
        timestamp: 1,
        data: { name: 'orders', partitions: 2 },
      }),
    ).toBe(1);
    expect(await created).toMatchObject({ type: 'topic_created', data: { partitions: 2 } });
    // A topic nobody subscribed to reaches no socket: the server routes as the document says.
    expect(
      mock.emit('topic_created', {
        type: 'topic_created',
        timestamp: 1,
        data: { name: 'other', partitions: 1 },
      }),
    ).toBe(0);

    const first = mock.connections()[0]!;
    await mock.until(() => first.commands.find((c) => (c as { type: string }).type === 'ping'));
    expect(first.sent.some((frame) => JSON.parse(frame).type === 'pong')).toBe(true);

    mock.close(1012);
    const second = await mock.waitForConnection((c) => c !== first && c.topics.has('topic:orders'));
    expect(second.commands[0]).toMatchObject({ type: 'subscribe', data: 'topic:orders' });
    const gapped = client.feed('topic', 'orders');
    expect(gapped.gap).toBe(true);
  });

  it('sends the seed example when emit has no message, and refuses invalid ones', async () => {
    const mock = track(mockTakhin());
    const client = track(mock.createClient(takhin()));
    const metrics = next(client.feed('metrics'));
    await mock.waitForConnection();
    mock.emit('metrics');
    expect(await metrics).toEqual(exampleMessages.takhin.metrics);
    const broken = { ...exampleMessages.takhin.metrics, timestamp: 'now' } as never;
    expect(() => mock.emit('metrics', broken)).toThrow(/metrics' message is invalid at timestamp/);
  });

  it('checks the API key when given one, and refuses credentials on demand', async () => {
    const mock = track(mockTakhin({ token: 'right' }));
    const client = track(mock.createClient(takhin({ apiKey: 'wrong' })));
    client.feed('metrics').subscribe({ error: () => {} });
    const error = await next(client.errors$, (e) => e.fatal);
    expect(error.code).toBe('auth');
    expect(mock.history.every((c) => !c.open)).toBe(true);
  });

  it('goes silent: the client’s heartbeat finds the peer dead and reconnects', async () => {
    const mock = track(mockTakhin());
    const client = track(
      mock.createClient(takhin(), { heartbeat: { intervalMs: 20, timeoutMs: 60 } }),
    );
    client.feed('metrics').subscribe();
    await mock.waitForConnection();
    mock.silence();
    const dead = await next(client.errors$);
    expect(dead.message).toMatch(/dead peer/);
    mock.resume();
    await next(
      client.state$,
      (s) => s.status === 'open' && s.attempt >= 0 && mock.history.length > 1,
    );
  });
});

describe('mockHelios', () => {
  it('logs in over REST, starts subscribed to every flag, and takes the flags the client sends', async () => {
    const mock = track(mockHelios());
    const client = track(mock.createClient(helios({ username: 'admin', password: 'admin123' })));
    const change = next(client.feed('stateChanges'));
    const connection = await mock.waitForConnection((c) => c.commands.length > 0);
    expect(connection.query('token')).toBe('mock-helios-token');
    expect([...connection.topics]).toEqual(['state_changes']);
    expect(mock.emit('latency')).toBe(0);
    mock.emit('state_change');
    expect((await change).data.new_state).toBe('Leader');
  });

  it('refuses a wrong password at the login', async () => {
    const mock = track(mockHelios());
    const client = track(mock.createClient(helios({ username: 'admin', password: 'nope' })));
    client.feed('status').subscribe({ error: () => {} });
    const error = await next(client.errors$, (e) => e.fatal);
    expect(error.code).toBe('auth');
    expect(mock.history).toHaveLength(0);
  });
});

describe('mockPlataformaE', () => {
  it('welcomes, acknowledges subscriptions, routes project events and filters logs by level', async () => {
    const mock = track(mockPlataformaE());
    const client = track(mock.createClient(plataformaE()));
    const story = next(client.feed('project', 'PROJ-001'));
    const warning = next(client.feed('logs', { level: 'warning' }));
    await mock.waitForTopic('project:PROJ-001');
    await mock.waitForConnection((c) => c.path === '/ws/logs');
    await next(client.state$, (s) => s.connections.some((c) => c.acks?.confirmed === 1));
    expect(mock.emit('log_message')).toBe(0); // info is below warning
    const log = {
      ...exampleMessages['plataforma-e'].log_message,
      data: { level: 'error' as const, message: 'disk', source: 'ops' },
    };
    expect(mock.emit('log_message', log)).toBe(1);
    mock.emit('story_created');
    expect((await story).type).toBe('story_created');
    expect((await warning).data.level).toBe('error');
  });
});

describe('mockActiveImmuneCore', () => {
  it('answers every command, joins rooms and routes by room', async () => {
    const mock = track(mockActiveImmuneCore());
    const client = track(mock.createClient(activeImmuneCore({ clientId: 'dash' })));
    const agents = next(client.feed('room', 'agents'));
    const connection = await mock.waitForTopic('room:agents');
    expect(connection.query('client_id')).toBe('dash');
    expect(connection.sent.map((f) => JSON.parse(f))).toContainEqual(
      expect.objectContaining({ success: true, data: { room: 'agents' } }),
    );
    expect(mock.emit('task_created')).toBe(0); // the tasks room was not joined
    mock.emit('agent_created');
    expect((await agents).event_type).toBe('agent_created');
  });
});

describe('mockVeloFlux', () => {
  it('sends each stream on its own socket', async () => {
    const mock = track(mockVeloFlux());
    const client = track(mock.createClient(veloflux()));
    const backends = next(client.feed('backends'));
    await mock.waitForConnection((c) => c.path === '/api/ws/backends');
    expect(mock.emit('metrics')).toBe(0);
    expect(mock.emit('backend_status')).toBe(1);
    expect((await backends).backends[0]?.pool).toBe('web-servers');
  });

  it('passes drift through unchecked with send(), and the client reports it', async () => {
    const mock = track(mockVeloFlux());
    const client = track(mock.createClient(veloflux()));
    client.feed('backends').subscribe();
    await mock.waitForConnection();
    mock.send({ ...exampleMessages.veloflux.backend_status, backends: 'none' });
    const error = await next(client.errors$);
    expect(error.code).toBe('decode');
    expect(error.decodeError?.path).toEqual(['backends']);
  });
});
