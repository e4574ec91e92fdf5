import { describe, expect, it } from 'vitest';
import { plataformaEExamples } from '../src/examples/index';
import { PlataformaE } from '../src/index';
import { envelope, seedBroadcast, seedStats, seedStructure } from './support/plataformaESeed';

const { adapter, endpoints } = PlataformaE;

describe('Plataforma E decode: seed vectors', () => {
  it('the structure example (story_created) decodes and deep-equals the seed', () => {
    const result = adapter.decode(seedStructure);
    expect(result).toEqual({ kind: 'message', message: JSON.parse(seedStructure) });
    if (result.kind === 'message') expect(adapter.roleOf(result.message)).toBe('data');
  });

  it('the REST bodies of the seed parse with the REST schemas', () => {
    expect(endpoints.stats.response.parse(JSON.parse(seedStats))).toEqual(JSON.parse(seedStats));
    expect(endpoints.broadcast.request?.parse(JSON.parse(seedBroadcast))).toEqual(
      JSON.parse(seedBroadcast),
    );
  });

  // One vector per type of the seed's tables, with the fields the tables list.
  it.each([
    ['connection', { connection_id: 'c-1', message: 'Conectado' }, 'control'],
    ['heartbeat', {}, 'heartbeat'],
    ['pong', {}, 'pong'],
    ['subscribed', { project_id: 'PROJ-001' }, 'ack'],
    ['unsubscribed', { project_id: 'PROJ-001' }, 'ack'],
    ['story_updated', { story_id: 'STR-0001', title: 'Login' }, 'data'],
    ['story_moved', { story_id: 'STR-0001', title: 'Login', to: 'done' }, 'data'],
    ['story_deleted', { story_id: 'STR-0001' }, 'data'],
    [
      'task_created',
      { task_id: 'STSK-0001', title: 'Criar endpoint', story_id: 'STR-0001' },
      'data',
    ],
    ['task_updated', { task_id: 'STSK-0001', title: 'Criar endpoint', progress: 40 }, 'data'],
    [
      'task_completed',
      { task_id: 'STSK-0001', title: 'Criar endpoint', story_id: 'STR-0001' },
      'data',
    ],
    ['task_deleted', { task_id: 'STSK-0001' }, 'data'],
    ['chat_message', { preview: 'Oi', project_id: 'PROJ-001', story_id: 'STR-0001' }, 'data'],
    ['job_started', { job_id: 'J-1', status: 'running' }, 'data'],
    ['job_progress', { job_id: 'J-1', progress: 50, status: 'running', output: 'step 2' }, 'data'],
    ['job_completed', { job_id: 'J-1', status: 'completed' }, 'data'],
    ['job_failed', { job_id: 'J-1', status: 'failed', error: 'exit 1' }, 'data'],
    ['notification', { title: 'Aviso', message: 'Deploy concluido', level: 'info' }, 'data'],
    ['error', { message: 'invalid JSON', code: 'invalid_json' }, 'error'],
    ['log_message', { level: 'info', message: 'Build iniciado', source: 'CI/CD' }, 'data'],
    ['stats', JSON.parse(seedStats), 'control'],
  ])('%s decodes with role %s', (type, data, role) => {
    const frame = envelope(type, data);
    const result = adapter.decode(frame);
    expect(result).toEqual({ kind: 'message', message: JSON.parse(frame) });
    if (result.kind === 'message') expect(adapter.roleOf(result.message)).toBe(role);
  });

  it('a ping from the server decodes even without data, as bookkeeping', () => {
    const frame = '{"type":"ping","timestamp":"2025-01-15T10:30:00Z","message_id":"m2"}';
    const result = adapter.decode(frame);
    expect(result).toEqual({ kind: 'message', message: JSON.parse(frame) });
    if (result.kind === 'message') expect(adapter.roleOf(result.message)).toBe('control');
  });

  it.each([
    [
      'extra data fields are kept',
      envelope('notification', { title: 't', message: 'm', icon: 'bell' }),
    ],
    [
      'null project/story ids (Python None)',
      envelope('pong', {}, { project_id: null, story_id: null }),
    ],
    [
      'Python isoformat timestamps',
      envelope('pong', {}, { timestamp: '2025-01-15T10:30:00.123456' }),
    ],
  ])('%s', (_name, frame) => {
    expect(adapter.decode(frame)).toEqual({ kind: 'message', message: JSON.parse(frame) });
  });
});

describe('Plataforma E client commands: exactly the seed frames', () => {
  it.each([
    ['text ping', 'ping', 'ping'],
    ['JSON ping', { action: 'ping' }, JSON.stringify({ action: 'ping' })],
    [
      'subscribe',
      { action: 'subscribe', project_id: 'PROJ-001' },
      JSON.stringify({ action: 'subscribe', project_id: 'PROJ-001' }),
    ],
    [
      'unsubscribe',
      { action: 'unsubscribe', project_id: 'PROJ-001' },
      JSON.stringify({ action: 'unsubscribe', project_id: 'PROJ-001' }),
    ],
    ['stats', { action: 'stats' }, JSON.stringify({ action: 'stats' })],
  ] as const)('%s encodes to the seed frame and decodes back', (_name, command, frame) => {
    expect(adapter.encode(command)).toBe(frame);
    expect(adapter.decodeCommand(frame)).toEqual({ kind: 'message', message: command });
  });

  it('heartbeat pings with the text frame every 30 s and answers a server heartbeat with it', () => {
    expect(adapter.heartbeat?.ping()).toBe('ping');
    expect(adapter.heartbeat?.intervalMs).toBe(30_000);
    const heartbeat = adapter.decode(envelope('heartbeat', {}));
    const pong = adapter.decode(envelope('pong', {}));
    if (heartbeat.kind !== 'message' || pong.kind !== 'message') throw new Error('must decode');
    expect(adapter.answerHeartbeat?.(heartbeat.message)).toBe('ping');
    expect(adapter.answerHeartbeat?.(pong.message)).toBeUndefined();
    expect(adapter.maxMessageBytes).toBe(65_536);
    expect(adapter.auth).toBeUndefined();
  });
});

describe('Plataforma E REST', () => {
  it('endpoints carry method, path and route pattern', () => {
    expect(endpoints.stats.path()).toBe('/api/ws/stats');
    expect(endpoints.connections.path()).toBe('/api/ws/connections');
    expect(endpoints.subscribers.path('PROJ-001')).toBe('/api/ws/project/PROJ-001/subscribers');
    expect(endpoints.subscribers.path('a/b')).toBe('/api/ws/project/a%2Fb/subscribers');
    expect(endpoints.subscribers.pattern).toBe('/api/ws/project/:project_id/subscribers');
    expect(endpoints.broadcast.method).toBe('POST');
    expect(endpoints.stats.request).toBeUndefined();
  });

  it.each([
    ['connections', endpoints.connections.response],
    ['subscribers', endpoints.subscribers.response],
    ['broadcast', endpoints.broadcast.response],
  ])('%s: the seed shows no response body, so any JSON a 2xx carries is accepted', (_n, schema) => {
    for (const body of [{ active_connections: 5 }, 5, { count: 3 }, null, []]) {
      expect(schema.parse(body)).toEqual(body);
    }
  });

  it('a broadcast carries free-form data, as send_to_project(data={...}) does', () => {
    const body = { event_type: 'notification', data: { title: 'Aviso', extra: [1] } };
    expect(endpoints.broadcast.request?.parse(body)).toEqual(body);
  });

  it.each([
    ['an event type the server does not know', { event_type: 'party', data: {} }, ['event_type']],
    ['data that is not an object', { event_type: 'notification', data: 'hi' }, ['data']],
  ])('a broadcast with %s is refused at its field', (_name, body, path) => {
    const result = endpoints.broadcast.request?.safeParse(body);
    expect(result?.success).toBe(false);
    expect(result?.error?.issues[0]?.path).toEqual(path);
  });

  it.each([
    [{ detail: 'Project not found' }],
    [{ detail: [{ loc: ['body', 'event_type'], msg: 'field required', type: 'missing' }] }],
  ])('FastAPI error body %j parses', (body) => {
    expect(PlataformaE.errorBodySchema.parse(body)).toEqual(body);
  });
});

describe('Plataforma E examples (@feedkit/protocol/examples)', () => {
  it('the story_created example is the seed structure, value for value', () => {
    expect(plataformaEExamples.story_created).toEqual(JSON.parse(seedStructure));
  });
});
