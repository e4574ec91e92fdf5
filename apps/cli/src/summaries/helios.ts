import type { Helios } from '@feedkit/protocol';
import { compactJson, fixed, type Summary } from './Summary';

export function summarizeHelios(message: Helios.ServerMessage): Summary {
  switch (message.type) {
    case 'status':
    case 'status_update': {
      const d = message.data;
      return {
        type: message.type,
        text: `${d.node_id} ${d.state}  term ${d.term}  leader ${d.leader || '-'}  commit ${d.commit_index}  peers ${d.peers?.length ?? 0}`,
      };
    }
    case 'state_change':
      return {
        type: message.type,
        text: `${message.data.old_state} → ${message.data.new_state} (term ${message.data.term})`,
      };
    case 'peer_change':
      return {
        type: message.type,
        text: `${message.data.event_type} ${message.data.peer_id} ${message.data.peer_address}`,
      };
    case 'latency':
      return {
        type: message.type,
        text: Object.entries(message.data.aggregated)
          .map(([name, s]) => `${name} avg ${fixed(s.avg_value_ms)} ms (n=${s.count})`)
          .join('  '),
      };
    case 'uptime':
      return {
        type: message.type,
        text: `up ${message.data.current_uptime}, ${message.data.total_sessions} sessions, total ${message.data.total_uptime}`,
      };
    case 'snapshot':
      return {
        type: message.type,
        text: `index ${message.data.index} term ${message.data.term}, ${message.data.size_bytes} B in ${fixed(message.data.duration_ms)} ms`,
      };
    case 'custom_metrics':
      return {
        type: message.type,
        text: Object.entries(message.data)
          .map(([name, m]) => `${name}=${m.value}`)
          .join('  '),
      };
    case 'error':
      return { type: 'error', text: message.data.error };
    case 'pong':
      return { type: 'pong', text: '' };
    default:
      return { type: 'unknown', text: compactJson(message) };
  }
}
