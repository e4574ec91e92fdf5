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

/**
 * Whether two client states show the same thing: every field, of the client
 * and of each connection (status, attempt, retry time, reason, close code,
 * topics, acks), compared by value; a missing field equals `undefined`. The
 * client emits a state only when this is false, so a listener hears each
 * change once (a connect is `connecting`, then one `open`).
 */
export function sameClientState(a: ClientState, b: ClientState): boolean {
  return sameValue(a, b);
}

/** Structural equality of plain state data (no cycles, no class instances). */
function sameValue(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && a.length !== (b as unknown[]).length) return false;
  const left = a as Record<string, unknown>;
  const right = b as Record<string, unknown>;
  const keys = new Set([...Object.keys(left), ...Object.keys(right)]);
  for (const key of keys) if (!sameValue(left[key], right[key])) return false;
  return true;
}
