const timestamp = '2025-10-06T14:30:00.123Z';

/**
 * One event of each of the 21 types of the Active Immune Core seed (the
 * `WSEvent` model verbatim for `agent_created`, data shaped as the seed's
 * broadcaster helpers shape it), and the answer to its "Teste de Ping".
 */
export const activeImmuneCoreExamples = {
  connected: { event_type: 'connected', timestamp, data: { connection_id: 'my_client' } },
  disconnected: { event_type: 'disconnected', timestamp, data: { connection_id: 'my_client' } },
  error: { event_type: 'error', timestamp, data: { error: 'Invalid action: dance' } },
  agent_created: {
    event_type: 'agent_created',
    timestamp,
    data: { agent_id: 'agent_neutrophil_001', agent_type: 'neutrophil', status: 'active' },
    source: 'api_server',
    room: 'agents',
  },
  agent_updated: {
    event_type: 'agent_updated',
    timestamp,
    data: { agent_id: 'a1', agent_type: 'macrophage', status: 'patrolling', energy: 0.8 },
    room: 'agents',
  },
  agent_deleted: {
    event_type: 'agent_deleted',
    timestamp,
    data: { agent_id: 'a1' },
    room: 'agents',
  },
  agent_status_changed: {
    event_type: 'agent_status_changed',
    timestamp,
    data: { agent_id: 'a1', old_status: 'active', new_status: 'inactive' },
    room: 'agents',
  },
  agent_action: {
    event_type: 'agent_action',
    timestamp,
    data: { agent_id: 'a1', action: 'start', result: { success: true } },
    room: 'agents',
  },
  task_created: {
    event_type: 'task_created',
    timestamp,
    data: { task_id: 't1', task_type: 'scan', priority: 5 },
    room: 'tasks',
  },
  task_assigned: {
    event_type: 'task_assigned',
    timestamp,
    data: { task_id: 't1', old_status: 'pending', new_status: 'assigned' },
    room: 'tasks',
  },
  task_started: {
    event_type: 'task_started',
    timestamp,
    data: { task_id: 't1', new_status: 'running' },
    room: 'tasks',
  },
  task_completed: {
    event_type: 'task_completed',
    timestamp,
    data: { task_id: 't1', old_status: 'running', new_status: 'completed' },
    room: 'tasks',
  },
  task_failed: {
    event_type: 'task_failed',
    timestamp,
    data: { task_id: 't1', error: 'timeout' },
    room: 'tasks',
  },
  task_cancelled: {
    event_type: 'task_cancelled',
    timestamp,
    data: { task_id: 't1' },
    room: 'tasks',
  },
  election_triggered: {
    event_type: 'election_triggered',
    timestamp,
    data: {},
    room: 'coordination',
    source: null,
  },
  leader_elected: {
    event_type: 'leader_elected',
    timestamp,
    data: { leader_id: 'agent_7', term: 3 },
    room: 'coordination',
  },
  consensus_proposed: {
    event_type: 'consensus_proposed',
    timestamp,
    data: { proposal_id: 'p1', proposal_type: 'scale' },
    room: 'coordination',
  },
  consensus_decided: {
    event_type: 'consensus_decided',
    timestamp,
    data: { proposal_id: 'p1', decision: 'approved', approval_rate: 0.75 },
    room: 'coordination',
  },
  health_changed: {
    event_type: 'health_changed',
    timestamp,
    data: { status: 'degraded', details: { db: 'slow' } },
    room: 'system',
  },
  metrics_updated: {
    event_type: 'metrics_updated',
    timestamp,
    data: { agents_active: 12, tasks_pending: 3 },
    room: 'system',
  },
  alert_triggered: {
    event_type: 'alert_triggered',
    timestamp,
    data: { level: 'warning', message: 'High CPU usage detected', details: { cpu: 95 } },
    room: 'system',
  },
  response: { success: true, message: 'pong', data: { timestamp: '2025-10-06T14:30:00' } },
} as const;
// Typed by `exampleMessages`' check, which skips excess-property checks: the
// seed's events carry fields the open schemas keep but do not name (energy, task_type).
