import type { FeedkitErrorCode } from './FeedkitError';

/**
 * What the connection does after its socket closed (or was refused).
 * - `reconnect`: wait for the backoff, connect again.
 * - `auth`: credentials refused. Call the token provider once more (asking
 *   for a fresh token) and retry once at once; a second refusal in a row is
 *   a fatal `auth` error and the connection stops.
 * - `refresh`: maybe credentials, maybe the network (a browser cannot tell):
 *   ask for a fresh token on the next attempt and reconnect with backoff,
 *   never fatal.
 */
export type CloseAction = 'reconnect' | 'auth' | 'refresh';

export interface CloseRule {
  readonly action: CloseAction;
  /** The error reported on `errors$`, if the close is worth one. */
  readonly error?: FeedkitErrorCode;
  /** Human-readable, ends up in `ConnectionState.reason`. */
  readonly reason: string;
}

/** Private close code the client uses when the heartbeat declares the peer dead. */
export const DEAD_PEER_CLOSE_CODE = 4000;
/** Close code the client sends when it leaves on purpose (`close()`, linger over). */
export const CLIENT_CLOSE_CODE = 1000;

/**
 * Every close code the client treats specially, one reason each. Codes not
 * listed reconnect with backoff. The client's own `close()` (1000) never
 * reaches this table: it ends the connection before the close event arrives.
 */
export const closeCodes: Readonly<Record<number, CloseRule>> = {
  // From the server, 1000 is a clean shutdown (deploy, restart): the service comes back.
  1000: { action: 'reconnect', reason: 'server closed the connection normally' },
  // Server going away (restart) or the page navigating: reconnect.
  1001: { action: 'reconnect', reason: 'server going away' },
  // No close frame: network loss, killed server, refused handshake without an HTTP status.
  1006: { action: 'reconnect', error: 'connection', reason: 'connection lost' },
  // Invalid payload: Takhin closes with it on malformed input. Our bug or theirs; report, then retry.
  1007: {
    action: 'reconnect',
    error: 'protocol',
    reason: 'server refused a malformed message (1007)',
  },
  // Policy violation: the seeds' servers use it for refused credentials.
  1008: { action: 'auth', reason: 'policy violation (1008): credentials refused' },
  // Message too big: report which side overflowed, then reconnect (the next message may fit).
  1009: { action: 'reconnect', error: 'message_too_big', reason: 'message too big (1009)' },
  // Internal server error, service restart, try again later: transient by definition.
  1011: { action: 'reconnect', reason: 'server error (1011)' },
  1012: { action: 'reconnect', reason: 'service restart (1012)' },
  1013: { action: 'reconnect', reason: 'try again later (1013)' },
  // Ours: no traffic within the heartbeat timeout (a frozen or black-holed peer).
  [DEAD_PEER_CLOSE_CODE]: {
    action: 'reconnect',
    error: 'connection',
    reason: 'dead peer: no traffic within the heartbeat timeout',
  },
  // Application "unauthorized" / "forbidden" after the upgrade.
  4001: { action: 'auth', reason: 'unauthorized (4001)' },
  4003: { action: 'auth', reason: 'forbidden (4003)' },
};

/** HTTP statuses of a refused upgrade (only Node's `ws` can see them). */
export const upgradeStatuses: Readonly<Record<number, CloseRule>> = {
  401: { action: 'auth', reason: 'upgrade refused: HTTP 401 unauthorized' },
  403: { action: 'auth', reason: 'upgrade refused: HTTP 403 forbidden' },
};

export interface CloseContext {
  readonly code: number;
  /** HTTP status of a refused upgrade, when the socket implementation exposes it. */
  readonly httpStatus?: number;
  /** Whether this socket ever reached `open`. */
  readonly opened: boolean;
  /** Whether the socket implementation can report refused-upgrade statuses (Node `ws`). */
  readonly seesUpgradeStatus: boolean;
  /** Whether the system refuses sockets without valid credentials. */
  readonly authRequired: boolean;
}

/**
 * The rule for one close. Browser sockets hide the HTTP status of a refused
 * upgrade: they report 1006 before `open`, exactly like a network failure.
 * For a system that requires credentials we then ask for a fresh token on
 * the next attempt (`refresh`) but never stop: a fatal stop on a network
 * blip would be worse than retrying a bad token with backoff. Node sees the
 * 401 and takes the precise `auth` path.
 */
export function closeRule(context: CloseContext): CloseRule {
  if (context.httpStatus !== undefined) {
    return (
      upgradeStatuses[context.httpStatus] ?? {
        action: 'reconnect',
        error: 'connection',
        reason: `upgrade refused: HTTP ${context.httpStatus}`,
      }
    );
  }
  if (
    context.code === 1006 &&
    !context.opened &&
    !context.seesUpgradeStatus &&
    context.authRequired
  ) {
    return {
      action: 'refresh',
      error: 'connection',
      reason: 'connection refused before open (credentials or network); refreshing the token',
    };
  }
  return (
    closeCodes[context.code] ?? {
      action: 'reconnect',
      reason: `closed with code ${context.code}`,
    }
  );
}
