import { ActiveImmuneCore } from '../../src/index';

const { adapter } = ActiveImmuneCore;

// JSON examples of the seed (003_2c5c9a2a6f09cf12.txt), verbatim.

// "Modelo WSEvent".
export const seedWsEvent = `{
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
export const seedAgent =
  '{"agent_id": "agent_neutrophil_001", "agent_type": "neutrophil", "status": "active"}';
export const seedServerEvent = `{
    "event_type": "agent_created",
    "timestamp": "2025-10-06T14:30:00",
    "data": {...},
    "source": "agent_service",
    "room": "agents"
}`.replace('{...}', seedAgent);
export const seedManualTestEvent = `{
       "event_type": "agent_created",
       "timestamp": "2025-10-06T...",
       "data": {...},
       "room": "agents"
   }`
  .replace('{...}', seedAgent)
  .replace('T...', 'T14:30:00.123456');

// "Teste de Ping": `{"success": true, "message": "pong", "data": {...}}`.
export const seedPong = '{"success": true, "message": "pong", "data": {...}}'.replace(
  '{...}',
  '{"timestamp": "2025-10-06T14:30:00"}',
);

// "Métricas Disponíveis": GET /ws/stats.
export const seedStats = `{
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
export const seedBroadcast = `{
    "event_type": "alert_triggered",
    "data": {
      "level": "warning",
      "message": "High CPU usage detected",
      "details": {"cpu": 95}
    },
    "room": "system"
  }`;

export const event = (event_type: string, data: unknown, extra: Record<string, unknown> = {}) =>
  JSON.stringify({ event_type, timestamp: '2025-10-06T14:30:00.123Z', data, ...extra });

/** One frame per event type, data shaped as the broadcaster helpers shape it. */
export const everyEventType = [
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

export const decoded = (frame: string) => {
  const result = adapter.decode(frame);
  if (result.kind !== 'message')
    throw new Error(`vector did not decode: ${JSON.stringify(result)}`);
  return result.message;
};
