import type { FeedkitErrorCode } from './FeedkitError';

/**
 * What the connection does after its socket closed, was refused, or was
 * given up on.
 * - `reconnect`: wait for the backoff, connect again.
 * - `auth`: credentials refused for the first time: ask the token provider
 *   for a fresh token and retry at once.
 * - `refresh`: maybe credentials, maybe the network (a browser cannot tell):
 *   ask for a fresh token on the next attempt and reconnect with backoff,
 *   never fatal.
 * - `fatal`: stop for good and fail the feeds with the reported error.
 */
export type CloseAction = 'reconnect' | 'auth' | 'refresh' | 'fatal';

export interface CloseRule {
  readonly action: CloseAction;
  /** The error reported on `errors$`, if the close is worth one. */
  readonly error?: FeedkitErrorCode;
  /** Human-readable, ends up in `ConnectionState.reason`. */
  readonly reason: string;
  /** What the user should do, appended to the error message. */
  readonly advice?: string;
}

/** Private close code the client uses when it gives a socket up itself (dead peer, connect timeout). */
export const ABANDONED_CLOSE_CODE = 4000;
/** The close code a dead peer shows in the state (the socket is abandoned with it). */
export const DEAD_PEER_CLOSE_CODE = ABANDONED_CLOSE_CODE;
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
  // Ours: the socket was abandoned by the heartbeat (a frozen or black-holed peer).
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

/** The socket closed (or its upgrade was refused). */
export interface CloseContext {
  readonly kind?: 'closed';
  readonly code: number;
  /** The server's close reason, if it sent one. */
  readonly reason?: string;
  /** HTTP status of a refused upgrade, when the socket implementation exposes it. */
  readonly httpStatus?: number;
  /** Whether this socket ever reached `open`. */
  readonly opened: boolean;
  /** Whether the socket implementation can report refused-upgrade statuses (Node `ws`). */
  readonly seesUpgradeStatus: boolean;
  /** Whether the system refuses sockets without valid credentials. */
  readonly authRequired: boolean;
}

/** Everything that ends a connection attempt or an open socket. */
export type CloseEvent =
  | CloseContext
  /** No `open` within the connect deadline. */
  | { readonly kind: 'connect-timeout'; readonly timeoutMs: number }
  /** No sign of life within the heartbeat timeout. */
  | { readonly kind: 'dead-peer' }
  /** The token provider threw; a `status` of 401/403 means it was refused credentials itself. */
  | { readonly kind: 'token-failed'; readonly message: string; readonly status?: number };

/** What happened before this event, as far as the rule cares. */
export interface CloseHistory {
  /** Credential refusals in a row since the last socket that stayed open long enough. */
  readonly authFailures: number;
}

const FIRST_TIME: CloseHistory = { authFailures: 0 };

/**
 * The one policy: what to do after `event`, given `history`. Pure, so every
 * case is a row of a table test. A refusal of credentials is retried once
 * at once with a fresh token; a second refusal in a row is fatal.
 */
export function closeRule(event: CloseEvent, history: CloseHistory = FIRST_TIME): CloseRule {
  const rule = baseRule(event);
  if (rule.action !== 'auth' || history.authFailures < 1) return rule;
  return {
    action: 'fatal',
    error: 'auth',
    reason: rule.reason,
    advice:
      'credentials refused again after a fresh token; check the token or password and create a new client',
  };
}

function baseRule(event: CloseEvent): CloseRule {
  switch (event.kind) {
    case 'connect-timeout':
      return {
        action: 'reconnect',
        error: 'connection',
        reason: `no open within ${event.timeoutMs} ms`,
      };
    case 'dead-peer':
      return closeCodes[DEAD_PEER_CLOSE_CODE] as CloseRule;
    case 'token-failed': {
      const refused = event.status === 401 || event.status === 403;
      const reason = `token provider failed: ${event.message}`;
      return refused
        ? { action: 'auth', reason }
        : { action: 'reconnect', error: 'connection', reason };
    }
    default:
      return withServerReason(socketRule(event), event.reason);
  }
}

/**
 * Browser sockets hide the HTTP status of a refused upgrade: they report
 * 1006 before `open`, exactly like a network failure. For a system that
 * requires credentials we then ask for a fresh token on the next attempt
 * (`refresh`) but never stop: a fatal stop on a network blip would be worse
 * than retrying a bad token with backoff. Node sees the 401 and takes the
 * precise `auth` path.
 */
function socketRule(context: CloseContext): CloseRule {
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
    closeCodes[context.code] ?? { action: 'reconnect', reason: `closed with code ${context.code}` }
  );
}

function withServerReason(rule: CloseRule, serverReason: string | undefined): CloseRule {
  return serverReason ? { ...rule, reason: `${rule.reason}: ${serverReason}` } : rule;
}
