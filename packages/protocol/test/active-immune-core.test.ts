import { describe, expect, it } from 'vitest';
import { ActiveImmuneCore } from '../src/index';

const { adapter, feeds, endpoints, errorBodySchema } = ActiveImmuneCore;

// JSON examples of the seed (003_2c5c9a2a6f09cf12.txt), verbatim.

// "Modelo WSEvent".
const seedWsEvent = `{
    "event_type": "agent_created",
    "timestamp": "2025-10-06T14:30:00.123Z",
    "data": {
        "agent_id": "agent_neutrophil_001",
        "agent_type": "neutrophil",
        "status": "active"
    },
    "source": "api_server",
    "room": "agents"
}`;

// "Servidor → Cliente" and "Verificar evento no WebSocket" show `"data": {...}`
// (and `"2025-10-06T..."`), which is not JSON. The placeholders are the only
// change: `{...}` becomes the smallest agent the broadcaster sends, `T...` a time.
const seedAgent =
  '{"agent_id": "agent_neutrophil_001", "agent_type": "neutrophil", "status": "active"}';
const seedServerEvent = `{
    "event_type": "agent_created",
    "timestamp": "2025-10-06T14:30:00",
    "data": {...},
    "source": "agent_service",
    "room": "agents"
}`.replace('{...}', seedAgent);
const seedManualTestEvent = `{
       "event_type": "agent_created",
       "timestamp": "2025-10-06T...",
       "data": {...},
       "room": "agents"
   }`
  .replace('{...}', seedAgent)
  .replace('T...', 'T14:30:00.123456');

// "Teste de Ping": `{"success": true, "message": "pong", "data": {...}}`.
const seedPong = '{"success": true, "message": "pong", "data": {...}}'.replace(
  '{...}',
  '{"timestamp": "2025-10-06T14:30:00"}',
);

// "Métricas Disponíveis": GET /ws/stats.
const seedStats = `{
    "active_connections": 15,
    "total_connections": 142,
    "total_disconnections": 127,
    "total_rooms": 4,
    "messages_sent": 3421,
    "messages_received": 892,
    "rooms": {
        "agents": 8,
        "tasks": 5,
        "coordination": 1,
        "system": 1
    }
}`;

// The cURL broadcast body.
const seedBroadcast = `{
    "event_type": "alert_triggered",
    "data": {
      "level": "warning",
      "message": "High CPU usage detected",
      "details": {"cpu": 95}
    },
    "room": "system"
  }`;

const event = (event_type: string, data: unknown, extra: Record<string, unknown> = {}) =>
  JSON.stringify({ event_type, timestamp: '2025-10-06T14:30:00.123Z', data, ...extra });

/** One frame per event type, data shaped as the broadcaster helpers shape it. */
const everyEventType = [
  ['connected', event('connected', { connection_id: 'my_client' })],
  ['disconnected', event('disconnected', { connection_id: 'my_client' })],
  ['error', event('error', { error: 'Invalid action: dance' })],
  ['agent_created', seedWsEvent],
  [
    'agent_updated',
    event(
      'agent_updated',
      { agent_id: 'a1', agent_type: 'macrophage', status: 'patrolling', energy: 0.8 },
      { room: 'agents' },
    ),
  ],
  ['agent_deleted', event('agent_deleted', { agent_id: 'a1' }, { room: 'agents' })],
  [
    'agent_status_changed',
    event(
      'agent_status_changed',
      { agent_id: 'a1', old_status: 'active', new_status: 'inactive' },
      { room: 'agents' },
    ),
  ],
  [
    'agent_action',
    event(
      'agent_action',
      { agent_id: 'a1', action: 'start', result: { success: true } },
      { room: 'agents' },
    ),
  ],
  [
    'task_created',
    event('task_created', { task_id: 't1', task_type: 'scan', priority: 5 }, { room: 'tasks' }),
  ],
  [
    'task_assigned',
    event('task_assigned', { task_id: 't1', old_status: 'pending', new_status: 'assigned' }),
  ],
  ['task_started', event('task_started', { task_id: 't1', new_status: 'running' })],
  [
    'task_completed',
    event('task_completed', { task_id: 't1', old_status: 'running', new_status: 'completed' }),
  ],
  ['task_failed', event('task_failed', { task_id: 't1', error: 'timeout' })],
  ['task_cancelled', event('task_cancelled', { task_id: 't1' })],
  ['election_triggered', event('election_triggered', {}, { room: 'coordination', source: null })],
  [
    'leader_elected',
    event('leader_elected', { leader_id: 'agent_7', term: 3 }, { room: 'coordination' }),
  ],
  [
    'consensus_proposed',
    event('consensus_proposed', { proposal_id: 'p1', proposal_type: 'scale' }),
  ],
  [
    'consensus_decided',
    event('consensus_decided', { proposal_id: 'p1', decision: 'approved', approval_rate: 0.75 }),
  ],
  [
    'health_changed',
    event('health_changed', { status: 'degraded', details: { db: 'slow' } }, { room: 'system' }),
  ],
  [
    'metrics_updated',
    event('metrics_updated', { agents_active: 12, tasks_pending: 3 }, { room: 'system' }),
  ],
  [
    'alert_triggered',
    event(
      'alert_triggered',
      { level: 'warning', message: 'High CPU usage detected', details: { cpu: 95 } },
      { room: 'system' },
    ),
  ],
] as const;

const decoded = (frame: string) => {
  const result = adapter.decode(frame);
  if (result.kind !== 'message')
    throw new Error(`vector did not decode: ${JSON.stringify(result)}`);
  return result.message;
};

describe('Active Immune Core decode: seed vectors', () => {
  it.each([
    ['the WSEvent model', seedWsEvent],
    ['the server-to-client example', seedServerEvent],
    ['the manual-test event', seedManualTestEvent],
  ])('%s decodes to a typed agent_created event', (_name, frame) => {
    const result = adapter.decode(frame);
    expect(result.kind).toBe('message');
    if (result.kind !== 'message') return;
    expect('event_type' in result.message && result.message.event_type).toBe('agent_created');
    expect(result.message).toEqual(JSON.parse(frame));
    expect(adapter.roleOf(result.message)).toBe('data');
  });

  it('the ping answer is a response playing the pong role', () => {
    const result = adapter.decode(seedPong);
    expect(result.kind).toBe('message');
    if (result.kind !== 'message') return;
    expect(result.message).toEqual(JSON.parse(seedPong));
    expect(adapter.roleOf(result.message)).toBe('pong');
  });

  it('the stats body matches the REST schema', () => {
    expect(endpoints.stats.response.parse(JSON.parse(seedStats))).toEqual(JSON.parse(seedStats));
    expect(endpoints.stats.method).toBe('GET');
    expect(endpoints.stats.path()).toBe('/ws/stats');
  });

  it('the cURL broadcast body is a valid request', () => {
    expect(endpoints.broadcast.request?.parse(JSON.parse(seedBroadcast))).toEqual(
      JSON.parse(seedBroadcast),
    );
    expect(endpoints.broadcast.path()).toBe('/ws/broadcast');
  });

  it('the seed names 21 event types, and each has a schema', () => {
    expect(ActiveImmuneCore.eventTypes).toHaveLength(21);
    expect(everyEventType.map(([type]) => type).sort()).toEqual(
      [...ActiveImmuneCore.eventTypes].sort(),
    );
  });

  it.each(everyEventType)('%s decodes to its typed event', (type, frame) => {
    const message = decoded(frame);
    expect('event_type' in message && message.event_type).toBe(type);
    expect(message).toEqual(JSON.parse(frame));
  });
});

describe('Active Immune Core roles', () => {
  it.each([
    ['connected', event('connected', { connection_id: 'c' }), 'control'],
    ['disconnected', event('disconnected', {}), 'control'],
    ['error event', event('error', { message: 'bad frame' }), 'error'],
    ['leader_elected', event('leader_elected', { leader_id: 'a', term: 1 }), 'data'],
    ['pong', seedPong, 'pong'],
    ['join ack', '{"success":true,"message":"Joined room agents","data":{"room":"agents"}}', 'ack'],
    ['info', '{"success":true,"message":"Connection info","data":null}', 'ack'],
    ['refused command', '{"success":false,"message":"Invalid action: dance"}', 'error'],
  ])('%s plays %s', (_name, frame, role) => {
    expect(adapter.roleOf(decoded(frame))).toBe(role);
  });
});

describe('Active Immune Core commands: encoded exactly as the seed shows', () => {
  it.each([
    ['join (JavaScript)', { action: 'join', room: 'agents' }],
    [
      'subscribe (JavaScript)',
      {
        action: 'subscribe',
        data: { event_types: ['agent_created', 'agent_updated', 'agent_deleted'] },
      },
    ],
    ['ping', { action: 'ping' }],
    ['join (Python)', { action: 'join', room: 'agents' }],
    [
      'subscribe (Python)',
      { action: 'subscribe', data: { event_types: ['agent_created', 'agent_status_changed'] } },
    ],
    [
      'subscribe (Teste de Subscription)',
      { action: 'subscribe', data: { event_types: ['agent_created'] } },
    ],
  ] as const)('%s round-trips through decodeCommand/encode', (_name, command) => {
    const frame = JSON.stringify(command);
    const result = adapter.decodeCommand(frame);
    expect(result.kind).toBe('message');
    if (result.kind !== 'message') return;
    expect(adapter.encode(result.message)).toBe(frame);
  });

  it('reconcile produces the seed join and subscribe frames', () => {
    const join = adapter.reconcile(new Set(), new Set(['room:agents', 'event:*']));
    expect(join.map(adapter.encode)).toEqual([JSON.stringify({ action: 'join', room: 'agents' })]);
    const subscribe = adapter.reconcile(
      new Set(),
      new Set(['event:agent_created', 'event:agent_updated', 'event:agent_deleted']),
    );
    expect(subscribe.map(adapter.encode)).toEqual([
      JSON.stringify({
        action: 'subscribe',
        data: { event_types: ['agent_created', 'agent_updated', 'agent_deleted'] },
      }),
    ]);
  });

  it('the heartbeat is the seed ping', () => {
    expect(adapter.heartbeat?.ping()).toBe(JSON.stringify({ action: 'ping' }));
    expect(adapter.heartbeat?.intervalMs).toBe(25_000);
    expect(adapter.heartbeat!.intervalMs).toBeLessThan(ActiveImmuneCore.AIC_INACTIVITY_TIMEOUT_MS);
  });

  it.each([
    ['leave', { action: 'leave', room: 'agents' }],
    ['unsubscribe', { action: 'unsubscribe', data: { event_types: ['agent_created'] } }],
    ['info', { action: 'info' }],
  ] as const)('%s (named by the seed, not shown) is a valid command', (_name, command) => {
    const result = adapter.decodeCommand(JSON.stringify(command));
    expect(result).toEqual({ kind: 'message', message: command });
  });
});

describe('Active Immune Core decode: negative vectors never throw', () => {
  it.each([
    ['malformed JSON', '{"event_type":"agent_created",', 'not_json', []],
    ['not an object', '[]', 'not_object', []],
    [
      'wrong field type',
      event('leader_elected', { leader_id: 'a', term: '3' }),
      'invalid_message',
      ['data', 'term'],
    ],
    [
      'missing the field the event is about',
      event('consensus_decided', { decision: 'approved', approval_rate: 1 }),
      'invalid_message',
      ['data', 'proposal_id'],
    ],
    [
      'timestamp that is not ISO',
      seedWsEvent.replace('"2025-10-06T14:30:00.123Z"', '"2025-10-06T..."'),
      'invalid_message',
      ['timestamp'],
    ],
    [
      'response with a non-string message',
      '{"success":true,"message":42}',
      'invalid_message',
      ['message'],
    ],
  ] as const)('%s', (_name, frame, code, path) => {
    const result = adapter.decode(frame);
    expect(result.kind).toBe('error');
    if (result.kind !== 'error') return;
    expect(result.error.code).toBe(code);
    expect(result.error.path).toEqual(path);
    expect(result.error.system).toBe('active-immune-core');
  });

  it.each([
    ['a room name over 64 characters', { action: 'join', room: 'r'.repeat(65) }, ['room']],
    ['an empty room name', { action: 'leave', room: '' }, ['room']],
    ['a join without a room', { action: 'join' }, ['room']],
    [
      'an unknown event type',
      { action: 'subscribe', data: { event_types: ['agent_exploded'] } },
      ['data', 'event_types', 0],
    ],
    [
      'an empty type list',
      { action: 'unsubscribe', data: { event_types: [] } },
      ['data', 'event_types'],
    ],
    [
      'event_types not a list',
      { action: 'subscribe', data: { event_types: 'agent_created' } },
      ['data', 'event_types'],
    ],
  ])('a command with %s is invalid', (_name, command, path) => {
    const result = adapter.decodeCommand(JSON.stringify(command));
    expect(result.kind).toBe('error');
    if (result.kind !== 'error') return;
    expect(result.error.code).toBe('invalid_message');
    expect(result.error.path).toEqual(path);
  });

  it('a 64-character room name is still valid', () => {
    expect(
      adapter.decodeCommand(JSON.stringify({ action: 'join', room: 'r'.repeat(64) })).kind,
    ).toBe('message');
  });

  it('an oversize command is refused before parsing', () => {
    const result = adapter.decodeCommand(
      JSON.stringify({ action: 'join', room: 'r'.repeat(9000) }),
    );
    expect(result.kind === 'error' && result.error.code).toBe('oversize');
  });

  it.each([
    [
      'an event type the seed does not name',
      '{"event_type":"agent_cloned","timestamp":"2025-10-06T14:30:00","data":{}}',
      'agent_cloned',
    ],
    ['an object that is neither event nor response', '{"hello":"world"}', undefined],
    ['a response whose success is not boolean', '{"success":"yes","message":"pong"}', undefined],
  ])('%s decodes as a typed unknown message', (_name, frame, type) => {
    expect(adapter.decode(frame)).toEqual({
      kind: 'unknown',
      message: { type, value: JSON.parse(frame) },
    });
  });

  it('an unknown client action is unknown, not an error', () => {
    const result = adapter.decodeCommand('{"action":"dance"}');
    expect(result.kind).toBe('unknown');
  });
});

describe('Active Immune Core reconcile', () => {
  const set = (...items: string[]) => new Set(items);
  const sub = (...event_types: string[]) => ({ action: 'subscribe', data: { event_types } });
  const unsub = (...event_types: string[]) => ({ action: 'unsubscribe', data: { event_types } });
  it.each([
    ['join a room', set(), set('room:agents', 'event:*'), [{ action: 'join', room: 'agents' }]],
    ['leave a room', set('room:agents', 'event:*'), set(), [{ action: 'leave', room: 'agents' }]],
    [
      'join one, leave another',
      set('room:agents', 'event:*'),
      set('room:tasks', 'event:*'),
      [
        { action: 'join', room: 'tasks' },
        { action: 'leave', room: 'agents' },
      ],
    ],
    [
      'add a type',
      set('event:agent_created'),
      set('event:agent_created', 'event:task_failed'),
      [sub('task_failed')],
    ],
    [
      'remove a type',
      set('event:agent_created', 'event:task_failed'),
      set('event:task_failed'),
      [unsub('agent_created')],
    ],
    [
      'swap types: subscribe first so the filter is never empty',
      set('event:agent_created'),
      set('event:task_failed'),
      [sub('task_failed'), unsub('agent_created')],
    ],
    [
      'first type narrows the default "all" filter',
      set(),
      set('event:leader_elected'),
      [sub('leader_elected')],
    ],
    [
      'event:* arrives: clear the filter (= every type)',
      set('event:agent_created'),
      set('event:agent_created', 'event:*', 'room:system'),
      [{ action: 'join', room: 'system' }, unsub('agent_created')],
    ],
    [
      'event:* leaves: narrow back to the typed feeds',
      set('event:agent_created', 'event:*', 'room:system'),
      set('event:agent_created'),
      [{ action: 'leave', room: 'system' }, sub('agent_created')],
    ],
    [
      'types added under event:* change nothing on the wire',
      set('event:*'),
      set('event:*', 'event:task_started'),
      [],
    ],
    [
      'replay from empty',
      set(),
      set('room:agents', 'room:tasks', 'event:*', 'event:task_failed'),
      [
        { action: 'join', room: 'agents' },
        { action: 'join', room: 'tasks' },
      ],
    ],
    [
      'replay from empty, types only',
      set(),
      set('event:agent_created', 'event:agent_status_changed'),
      [sub('agent_created', 'agent_status_changed')],
    ],
    ['no change', set('room:agents', 'event:*'), set('event:*', 'room:agents'), []],
    ['empty to empty', set(), set(), []],
    ['unknown event topics are ignored', set(), set('event:agent_exploded'), []],
  ])('%s', (_name, before, after, expected) => {
    expect(adapter.reconcile(before, after)).toEqual(expected);
  });

  it('every command it emits is a valid command', () => {
    const commands = adapter.reconcile(
      set('room:a', 'event:task_failed'),
      set('room:b', 'event:agent_created'),
    );
    expect(commands).toHaveLength(4);
    for (const command of commands) {
      expect(adapter.decodeCommand(adapter.encode(command)).kind).toBe('message');
    }
  });
});

describe('Active Immune Core feeds', () => {
  const inAgents = decoded(seedWsEvent);
  const inSystem = decoded(everyEventType[20][1]);
  const roomless = decoded(event('task_failed', { task_id: 't1' }));
  const pong = decoded(seedPong);

  it('room(name) joins the room, needs every type and takes only that room', () => {
    const agents = feeds.room('agents');
    expect(agents.key).toBe('active-immune-core:room:agents');
    expect(agents.path).toBe('/ws');
    expect(agents.topics).toEqual(['room:agents', 'event:*']);
    expect(agents.accepts(inAgents)).toBe(true);
    expect(agents.accepts(inSystem)).toBe(false);
    expect(agents.accepts(roomless)).toBe(false);
    expect(agents.accepts(pong)).toBe(false);
    expect(feeds.room('system').accepts(inSystem)).toBe(true);
    expect(feeds.room('system').accepts(inAgents)).toBe(false);
  });

  it('eventType(type) takes that type from any room and from room-less broadcasts', () => {
    const created = feeds.eventType('agent_created');
    // Joins its type's room: a server sends a room's events to its members only.
    expect(created.topics).toEqual(['event:agent_created', 'room:agents']);
    expect(created.accepts(inAgents)).toBe(true);
    expect(created.accepts(inSystem)).toBe(false);
    expect(feeds.eventType('task_failed').accepts(roomless)).toBe(true);
    expect(feeds.eventType('task_failed').accepts(pong)).toBe(false);
  });

  it('all() takes every event and no responses', () => {
    const all = feeds.all();
    expect(all.topics).toEqual(['event:*']);
    for (const [, frame] of everyEventType) expect(all.accepts(decoded(frame))).toBe(true);
    expect(all.accepts(pong)).toBe(false);
  });

  it('has no auth and a 300 s server inactivity timeout', () => {
    expect(adapter.auth).toEqual({ bearerHeader: false, required: false });
    expect(ActiveImmuneCore.AIC_INACTIVITY_TIMEOUT_MS).toBe(300_000);
  });
});

describe('Active Immune Core REST', () => {
  it('broadcast response: the seed shows none, so any JSON a 2xx carries is accepted', () => {
    for (const body of [
      { success: true, message: 'Event broadcast', data: { recipients: 1 } },
      { status: 'sent' },
      null,
      [],
    ]) {
      expect(endpoints.broadcast.response.parse(body)).toEqual(body);
    }
  });

  // Issue 11: the document's cURL example is a "custom event" with free-form data.
  it.each([
    ['a custom event type', { event_type: 'deploy_finished', data: { version: '1.2' } }],
    ['data no example shows', { event_type: 'alert_triggered', data: { cpu: 95 } }],
  ])('a broadcast of %s is accepted', (_name, body) => {
    expect(endpoints.broadcast.request?.parse(body)).toEqual(body);
  });

  it.each([
    ['an empty event type', { event_type: '', data: {} }, ['event_type']],
    [
      'a room over 64 characters',
      { event_type: 'alert_triggered', data: {}, room: 'r'.repeat(65) },
      ['room'],
    ],
    ['data that is not an object', { event_type: 'alert_triggered', data: 'hot' }, ['data']],
  ])('broadcast request with %s is refused', (_name, body, path) => {
    const result = endpoints.broadcast.request!.safeParse(body);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(path);
  });

  it.each([
    ['HTTPException', { detail: 'Invalid event type' }],
    [
      '422 validation',
      {
        detail: [
          { loc: ['body', 'event_type'], msg: 'field required', type: 'value_error.missing' },
        ],
      },
    ],
  ])('a %s error body is typed', (_name, body) => {
    expect(errorBodySchema.parse(body)).toEqual(body);
  });
});
