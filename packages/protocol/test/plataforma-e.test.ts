import { describe, expect, it } from 'vitest';
import { PlataformaE } from '../src/index';

const { adapter, endpoints, levelAtLeast } = PlataformaE;

// Every JSON example of the seed (001_2aa240620bf80a80.txt), verbatim.
const seedStructure = `{
    "type": "story_created",
    "data": {
        "story_id": "STR-0001",
        "title": "Implementar login",
        "project_id": "PROJ-001"
    },
    "timestamp": "2025-01-15T10:30:00Z",
    "message_id": "abc123",
    "project_id": "PROJ-001",
    "story_id": "STR-0001"
}`;

const seedStats = `{
    "active_connections": 5,
    "active_projects": 2,
    "total_connections": 150,
    "total_messages_sent": 1234,
    "total_broadcasts": 89,
    "connections_per_project": {
        "PROJ-001": 3,
        "PROJ-002": 2
    }
}`;

const seedBroadcast = `{
    "event_type": "notification",
    "data": {"title": "Aviso", "message": "Manutencao em 5 minutos"},
    "project_id": "PROJ-001"
  }`;

/** A server message of `type` with the seed's envelope around `data`. */
const envelope = (type: string, data: unknown, extra: Record<string, unknown> = {}) =>
  JSON.stringify({ type, data, timestamp: '2025-01-15T10:30:00Z', message_id: 'm1', ...extra });

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

describe('Plataforma E decode: negative vectors never throw', () => {
  it.each([
    ['malformed JSON', '{"type":"story_created",', 'not_json', []],
    ['not an object', '42', 'not_object', []],
    [
      'wrong field type',
      seedStructure.replace('"story_id": "STR-0001",', '"story_id": 1,'),
      'invalid_message',
      ['data', 'story_id'],
    ],
    [
      'missing required field',
      seedStructure.replace('"timestamp": "2025-01-15T10:30:00Z",', ''),
      'invalid_message',
      ['timestamp'],
    ],
    [
      'missing data',
      '{"type":"notification","timestamp":"2025-01-15T10:30:00Z","message_id":"m"}',
      'invalid_message',
      ['data'],
    ],
    [
      'unix seconds where an ISO timestamp is due',
      seedStructure.replace('"2025-01-15T10:30:00Z"', '1736937000'),
      'invalid_message',
      ['timestamp'],
    ],
    [
      'oversize frame',
      envelope('notification', { title: 't', message: 'x'.repeat(65_536) }),
      'oversize',
      [],
    ],
  ])('%s', (_name, frame, code, path) => {
    const result = adapter.decode(frame);
    expect(result.kind).toBe('error');
    if (result.kind !== 'error') return;
    expect(result.error.code).toBe(code);
    expect(result.error.path).toEqual(path);
    expect(result.error.system).toBe('plataforma-e');
    expect(result.error.message).toContain('plataforma-e');
  });

  it.each([
    ['malformed JSON', '{"action":', 'not_json', []],
    ['bare text other than ping', 'pong', 'not_json', []],
    [
      'project_id of the wrong type',
      '{"action":"subscribe","project_id":7}',
      'invalid_message',
      ['project_id'],
    ],
    ['missing project_id', '{"action":"unsubscribe"}', 'invalid_message', ['project_id']],
    [
      'project_id over 128 characters',
      JSON.stringify({ action: 'subscribe', project_id: 'P'.repeat(129) }),
      'invalid_message',
      ['project_id'],
    ],
    [
      'a frame over 65,536 characters',
      JSON.stringify({ action: 'stats', pad: 'x'.repeat(65_536) }),
      'oversize',
      [],
    ],
  ])('command: %s', (_name, frame, code, path) => {
    const result = adapter.decodeCommand(frame);
    expect(result.kind).toBe('error');
    if (result.kind !== 'error') return;
    expect(result.error.code).toBe(code);
    expect(result.error.path).toEqual(path);
  });

  it('a frame of exactly 65,536 characters is still read', () => {
    const base = JSON.stringify({ action: 'stats', pad: '' });
    const frame = JSON.stringify({ action: 'stats', pad: 'x'.repeat(65_536 - base.length) });
    expect(frame.length).toBe(65_536);
    expect(adapter.decodeCommand(frame)).toEqual({ kind: 'message', message: { action: 'stats' } });
  });

  it('unnamed types and actions decode as typed unknown messages', () => {
    const frame = envelope('sprint_started', { sprint_id: 'S-1' });
    expect(adapter.decode(frame)).toEqual({
      kind: 'unknown',
      message: { type: 'sprint_started', value: JSON.parse(frame) },
    });
    expect(adapter.decodeCommand('{"action":"join"}')).toEqual({
      kind: 'unknown',
      message: { type: 'join', value: { action: 'join' } },
    });
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

describe('Plataforma E reconcile', () => {
  const set = (...items: string[]) => new Set(items);
  it.each([
    ['add', set(), set('project:PROJ-001'), [{ action: 'subscribe', project_id: 'PROJ-001' }]],
    ['remove', set('project:PROJ-001'), set(), [{ action: 'unsubscribe', project_id: 'PROJ-001' }]],
    [
      'replay from empty',
      set(),
      set('project:PROJ-001', 'project:PROJ-002'),
      [
        { action: 'subscribe', project_id: 'PROJ-001' },
        { action: 'subscribe', project_id: 'PROJ-002' },
      ],
    ],
    [
      'swap: unsubscribe first, then subscribe',
      set('project:PROJ-001'),
      set('project:PROJ-002'),
      [
        { action: 'unsubscribe', project_id: 'PROJ-001' },
        { action: 'subscribe', project_id: 'PROJ-002' },
      ],
    ],
    ['no change', set('project:PROJ-001'), set('project:PROJ-001'), []],
    ['empty to empty', set(), set(), []],
    ['topics that are not projects are ignored', set('logs'), set('group:x'), []],
    [
      'a project id may contain a colon',
      set(),
      set('project:org:1'),
      [{ action: 'subscribe', project_id: 'org:1' }],
    ],
  ])('%s', (_name, before, after, expected) => {
    expect(adapter.reconcile(before, after)).toEqual(expected);
  });
});

describe('Plataforma E feeds', () => {
  const decoded = (frame: string) => {
    const result = adapter.decode(frame);
    if (result.kind !== 'message') throw new Error(`vector must decode: ${frame}`);
    return result.message;
  };
  const story1 = decoded(seedStructure);
  // Names its project only inside `data`, as chat events do.
  const chat2 = decoded(
    envelope('chat_message', { preview: 'Oi', project_id: 'PROJ-002', story_id: 'STR-9' }),
  );
  const jobNoProject = decoded(envelope('job_started', { job_id: 'J', status: 'running' }));
  const subscribed1 = decoded(
    envelope('subscribed', { project_id: 'PROJ-001' }, { project_id: 'PROJ-001' }),
  );
  const heartbeat = decoded(envelope('heartbeat', {}));
  const log = (level: string) => decoded(envelope('log_message', { level, message: 'x' }));

  it('notifications: every data message, nothing else', () => {
    const feed = adapter.feeds.notifications();
    expect([feed.key, feed.path, feed.topics]).toEqual([
      'plataforma-e:notifications',
      '/ws/notifications',
      [],
    ]);
    expect([story1, chat2, jobNoProject, log('info')].map(feed.accepts)).toEqual([
      true,
      true,
      true,
      true,
    ]);
    expect([subscribed1, heartbeat].map(feed.accepts)).toEqual([false, false]);
  });

  it('project: shares the notifications socket and only sees its own project', () => {
    const p1 = adapter.feeds.project('PROJ-001');
    const p2 = adapter.feeds.project('PROJ-002');
    expect([p1.key, p1.path, p1.topics]).toEqual([
      'plataforma-e:project:PROJ-001',
      '/ws/notifications',
      ['project:PROJ-001'],
    ]);
    expect([story1, chat2, jobNoProject, subscribed1].map(p1.accepts)).toEqual([
      true,
      false,
      false,
      false,
    ]);
    expect([story1, chat2, jobNoProject].map(p2.accepts)).toEqual([false, true, false]);
  });

  it.each([
    ['debug', ['debug', 'info', 'warning', 'error', 'critical']],
    ['info', ['info', 'warning', 'error', 'critical']],
    ['warning', ['warning', 'error', 'critical']],
    ['critical', ['critical']],
  ] as const)('logs({ level: %s }) is a minimum level', (level, expected) => {
    const feed = adapter.feeds.logs({ level });
    expect(feed.path).toBe(`/ws/logs?level=${level}`);
    expect(feed.key).toBe(`plataforma-e:logs:${level}`);
    expect(PlataformaE.LOG_LEVELS.filter((l) => feed.accepts(log(l)))).toEqual(expected);
    expect(feed.accepts(story1)).toBe(false);
  });

  it('logs() defaults to info, the level of the seed example', () => {
    expect(adapter.feeds.logs().path).toBe('/ws/logs?level=info');
    expect(adapter.feeds.logs().key).toBe(adapter.feeds.logs({ level: 'info' }).key);
  });

  it.each([
    ['debug', 'debug', true],
    ['info', 'debug', true],
    ['debug', 'info', false],
    ['critical', 'error', true],
    ['warning', 'error', false],
  ] as const)('levelAtLeast(%s, %s) = %s', (a, b, expected) => {
    expect(levelAtLeast(a, b)).toBe(expected);
  });
});
