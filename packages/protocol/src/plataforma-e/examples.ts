import type { SystemMessages } from '../examples/SystemMessages';

const at = '2025-01-15T10:30:00Z';

/**
 * One message of every type of the Plataforma E seed: the structure example
 * (`story_created`) verbatim, the others with the fields the seed's tables list.
 */
export const plataformaEExamples = {
  connection: {
    type: 'connection',
    data: { connection_id: 'c-1', message: 'Conectado' },
    timestamp: at,
    message_id: 'm1',
  },
  heartbeat: { type: 'heartbeat', data: {}, timestamp: at, message_id: 'm2' },
  ping: { type: 'ping', timestamp: at, message_id: 'm3' },
  pong: { type: 'pong', data: {}, timestamp: at, message_id: 'm4' },
  subscribed: {
    type: 'subscribed',
    data: { project_id: 'PROJ-001' },
    timestamp: at,
    message_id: 'm5',
  },
  unsubscribed: {
    type: 'unsubscribed',
    data: { project_id: 'PROJ-001' },
    timestamp: at,
    message_id: 'm6',
  },
  error: {
    type: 'error',
    data: { message: 'invalid JSON', code: 'invalid_json' },
    timestamp: at,
    message_id: 'm7',
  },
  stats: {
    type: 'stats',
    data: {
      active_connections: 5,
      active_projects: 2,
      total_connections: 150,
      total_messages_sent: 1234,
      total_broadcasts: 89,
      connections_per_project: { 'PROJ-001': 3, 'PROJ-002': 2 },
    },
    timestamp: at,
    message_id: 'm8',
  },
  story_created: {
    type: 'story_created',
    data: { story_id: 'STR-0001', title: 'Implementar login', project_id: 'PROJ-001' },
    timestamp: at,
    message_id: 'abc123',
    project_id: 'PROJ-001',
    story_id: 'STR-0001',
  },
  story_updated: {
    type: 'story_updated',
    data: { story_id: 'STR-0001', title: 'Login' },
    timestamp: at,
    message_id: 'm9',
    project_id: 'PROJ-001',
  },
  story_moved: {
    type: 'story_moved',
    data: { story_id: 'STR-0001', title: 'Login', to: 'done' },
    timestamp: at,
    message_id: 'm10',
    project_id: 'PROJ-001',
  },
  story_deleted: {
    type: 'story_deleted',
    data: { story_id: 'STR-0001' },
    timestamp: at,
    message_id: 'm11',
    project_id: 'PROJ-001',
  },
  task_created: {
    type: 'task_created',
    data: { task_id: 'STSK-0001', title: 'Criar endpoint', story_id: 'STR-0001' },
    timestamp: at,
    message_id: 'm12',
    project_id: 'PROJ-001',
  },
  task_updated: {
    type: 'task_updated',
    data: { task_id: 'STSK-0001', title: 'Criar endpoint', progress: 40 },
    timestamp: at,
    message_id: 'm13',
    project_id: 'PROJ-001',
  },
  task_completed: {
    type: 'task_completed',
    data: { task_id: 'STSK-0001', title: 'Criar endpoint', story_id: 'STR-0001' },
    timestamp: at,
    message_id: 'm14',
    project_id: 'PROJ-001',
  },
  task_deleted: {
    type: 'task_deleted',
    data: { task_id: 'STSK-0001' },
    timestamp: at,
    message_id: 'm15',
    project_id: 'PROJ-001',
  },
  chat_message: {
    type: 'chat_message',
    data: { preview: 'Oi', project_id: 'PROJ-001', story_id: 'STR-0001' },
    timestamp: at,
    message_id: 'm16',
    project_id: 'PROJ-001',
  },
  job_started: {
    type: 'job_started',
    data: { job_id: 'J-1', status: 'running' },
    timestamp: at,
    message_id: 'm17',
    project_id: 'PROJ-001',
  },
  job_progress: {
    type: 'job_progress',
    data: { job_id: 'J-1', progress: 50, status: 'running', output: 'step 2' },
    timestamp: at,
    message_id: 'm18',
    project_id: 'PROJ-001',
  },
  job_completed: {
    type: 'job_completed',
    data: { job_id: 'J-1', status: 'completed' },
    timestamp: at,
    message_id: 'm19',
    project_id: 'PROJ-001',
  },
  job_failed: {
    type: 'job_failed',
    data: { job_id: 'J-1', status: 'failed', error: 'exit 1' },
    timestamp: at,
    message_id: 'm20',
    project_id: 'PROJ-001',
  },
  notification: {
    type: 'notification',
    data: { title: 'Aviso', message: 'Manutencao em 5 minutos', level: 'info' },
    timestamp: at,
    message_id: 'm21',
  },
  log_message: {
    type: 'log_message',
    data: { level: 'info', message: 'Build iniciado', source: 'CI/CD' },
    timestamp: at,
    message_id: 'm22',
  },
} as const satisfies SystemMessages['plataforma-e'];
