import type { ClientState, ConnectionState, ConnectionStatus } from './FeedkitClient';

/** How bad a status is: the client shows its worst connection. */
const rank: Record<ConnectionStatus, number> = {
  idle: 0,
  open: 1,
  connecting: 2,
  reconnecting: 3,
  offline: 4,
  closed: 5,
};

/** The client as a whole: the worst state of its connections (`idle` when it has none). */
export function clientState(connections: readonly ConnectionState[]): ClientState {
  let worst: ConnectionState | undefined;
  for (const s of connections)
    if (worst === undefined || rank[s.status] > rank[worst.status]) worst = s;
  if (worst === undefined) return { status: 'idle', attempt: 0, connections };
  return {
    status: worst.status,
    attempt: worst.attempt,
    nextRetryAt: worst.nextRetryAt,
    reason: worst.reason,
    closeCode: worst.closeCode,
    connections,
  };
}
