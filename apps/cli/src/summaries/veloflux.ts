import type { VeloFlux } from '@feedkit/protocol';
import { compactJson, fixed, type Summary } from './Summary';

const forcedMark = (forced: boolean | undefined) => (forced ? '  (forced)' : '');

export function summarizeVeloFlux(message: VeloFlux.ServerMessage): Summary {
  switch (message.type) {
    case 'backend_status': {
      const healthy = message.backends.filter((b) => b.healthy).length;
      const pools = new Map<string, { healthy: number; total: number }>();
      for (const backend of message.backends) {
        const pool = pools.get(backend.pool) ?? { healthy: 0, total: 0 };
        pool.total += 1;
        if (backend.healthy) pool.healthy += 1;
        pools.set(backend.pool, pool);
      }
      const poolText = [...pools].map(([name, p]) => `${name} ${p.healthy}/${p.total}`).join(', ');
      return {
        type: message.type,
        text: `${healthy}/${message.backends.length} healthy  pools: ${poolText}${forcedMark(message.forced ?? undefined)}`,
      };
    }
    case 'metrics': {
      const d = message.data;
      return {
        type: message.type,
        text: `${fixed(d.requests_per_second)} req/s  errors ${fixed(d.error_rate * 100, 2)}%  avg ${fixed(d.avg_response_time)} ms  ${d.healthy_backends}/${d.total_backends} healthy  ${d.active_connections} conns${forcedMark(message.forced ?? undefined)}`,
      };
    }
    case 'system_status': {
      const d = message.data;
      return {
        type: message.type,
        text: `${d.status} ${d.version} ${d.node_id}${d.is_leader ? ' (leader)' : ''}  backends ${d.healthy_backends}/${d.total_backends}  ${d.current_strategy}${forcedMark(message.forced ?? undefined)}`,
      };
    }
    default:
      return { type: 'unknown', text: compactJson(message) };
  }
}
