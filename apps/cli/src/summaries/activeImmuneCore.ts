import type { ActiveImmuneCore } from '@feedkit/protocol';
import { compactJson, fixed, type Summary } from './Summary';

export function summarizeActiveImmuneCore(message: ActiveImmuneCore.ServerMessage): Summary {
  if (!('event_type' in message)) {
    return { type: 'response', text: `${message.success ? 'ok' : 'failed'}: ${message.message}` };
  }
  const room = message.room ? `[${message.room}] ` : '';
  const line = (text: string): Summary => ({ type: message.event_type, text: `${room}${text}` });
  switch (message.event_type) {
    case 'connected':
    case 'disconnected':
      return line(message.data.connection_id ?? message.data.client_id ?? '');
    case 'error':
      return line(message.data.error ?? message.data.message ?? '');
    case 'agent_created':
    case 'agent_updated':
      return line(`${message.data.agent_id} ${message.data.agent_type} ${message.data.status}`);
    case 'agent_deleted':
      return line(message.data.agent_id);
    case 'agent_status_changed':
      return line(
        `${message.data.agent_id} ${message.data.old_status} → ${message.data.new_status}`,
      );
    case 'agent_action':
      return line(`${message.data.agent_id} ${message.data.action}`);
    case 'task_created':
      return line(message.data.task_id);
    case 'task_assigned':
    case 'task_started':
    case 'task_completed':
    case 'task_failed':
    case 'task_cancelled':
      return line(
        `${message.data.task_id}${message.data.new_status ? ` ${message.data.old_status ?? '?'} → ${message.data.new_status}` : ''}`,
      );
    case 'election_triggered':
      return line('election');
    case 'leader_elected':
      return line(`${message.data.leader_id} (term ${message.data.term})`);
    case 'consensus_proposed':
      return line(message.data.proposal_id);
    case 'consensus_decided':
      return line(
        `${message.data.proposal_id} ${message.data.decision} (${message.data.approval_rate == null ? '?' : fixed(message.data.approval_rate * 100, 0)}% approval)`,
      );
    case 'health_changed':
      return line(message.data.status);
    case 'metrics_updated':
      return line(compactJson(message.data, 80));
    case 'alert_triggered':
      return line(`${message.data.level} ${message.data.message}`);
    default:
      return { type: 'unknown', text: compactJson(message) };
  }
}
