import type { PlataformaE } from '@feedkit/protocol';
import { compactJson, fixed, type Summary } from './Summary';

export function summarizePlataformaE(message: PlataformaE.ServerMessage): Summary {
  const project = message.project_id ? `[${message.project_id}] ` : '';
  const line = (text: string): Summary => ({ type: message.type, text: `${project}${text}` });
  switch (message.type) {
    case 'connection':
      return line(`connection ${message.data?.connection_id ?? '?'}`);
    case 'subscribed':
    case 'unsubscribed':
      return { type: message.type, text: message.data?.project_id ?? message.project_id ?? '' };
    case 'story_created':
    case 'story_updated':
      return line(`${message.data.story_id} "${message.data.title}"`);
    case 'story_moved':
      return line(`${message.data.story_id} "${message.data.title}" → ${message.data.to}`);
    case 'story_deleted':
      return line(message.data.story_id);
    case 'task_created':
    case 'task_completed':
      return line(
        `${message.data.task_id} "${message.data.title}" (story ${message.data.story_id})`,
      );
    case 'task_updated':
      return line(
        `${message.data.task_id} "${message.data.title}" ${fixed(message.data.progress, 0)}%`,
      );
    case 'task_deleted':
      return line(message.data.task_id);
    case 'chat_message':
      return line(`${message.data.story_id}: ${message.data.preview}`);
    case 'job_started':
    case 'job_completed':
      return line(`${message.data.job_id} ${message.data.status}`);
    case 'job_progress':
      return line(
        `${message.data.job_id} ${message.data.status} ${fixed(message.data.progress, 0)}%`,
      );
    case 'job_failed':
      return line(`${message.data.job_id} ${message.data.status}: ${message.data.error}`);
    case 'notification':
      return line(
        `${message.data.level ? `${message.data.level} ` : ''}${message.data.title}: ${message.data.message}`,
      );
    case 'error':
      return line(message.data.message);
    case 'log_message':
      return line(
        `${message.data.level.toUpperCase()} ${message.data.source ? `${message.data.source}: ` : ''}${message.data.message}`,
      );
    case 'stats':
      return line(
        `${message.data.active_connections} connections, ${message.data.active_projects} projects`,
      );
    case 'heartbeat':
    case 'ping':
    case 'pong':
      return { type: message.type, text: '' };
    default:
      return { type: 'unknown', text: compactJson(message) };
  }
}
