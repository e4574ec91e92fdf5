import type { AuthPlacement } from '@feedkit/protocol';
import type { FeedkitErrorCode } from './FeedkitError';
import {
  CLOSED_BEFORE_ACCEPT,
  NO_SOCKET_AT_PATH,
  ORIGIN_HIDDEN,
  originRefused,
  STATUS_HIDDEN,
} from './refusalRules';
import type { TransportError } from './transportAdvice';
import { transportAdvice } from './transportAdvice';

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
  // Unsupported data: a Go server (gorilla's CloseUnsupportedData) refusing a message it cannot decode.
  1003: {
    action: 'reconnect',
    error: 'protocol',
    reason: 'server refused a message it cannot accept (1003)',
  },
  // No close frame: network loss, killed server, refused handshake without an HTTP status.
  1006: { action: 'reconnect', error: 'connection', reason: 'connection lost' },
  // Invalid payload: Takhin closes with it on malformed input. Our bug or theirs; report, then retry.
  1007: {
    action: 'reconnect',
    error: 'protocol',
    reason: 'server refused a malformed message (1007)',
  },
  // Policy violation. Credentials only where the system says so (its `auth.refusedCloseCodes`):
  // a Plataforma E that refuses an unknown log level with 1008 is not refusing a password.
  1008: { action: 'reconnect', error: 'protocol', reason: 'policy violation (1008)' },
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
};

/**
 * A socket that closed before `open` with 1006 (browsers), 0 or 1005 (Deno):
 * a refused upgrade and a network failure look exactly alike.
 */
export function closedBeforeOpen(opened: boolean, code: number): boolean {
  return !opened && (code === 1006 || code === 0 || code === 1005);
}

/** HTTP statuses of a refused upgrade on a system that takes credentials (only Node's `ws` sees them). */
export const upgradeStatuses: Readonly<Record<number, CloseRule>> = {
  // Bad, expired or missing credentials: a fresh token may fix it.
  401: {
    action: 'auth',
    reason: 'upgrade refused: HTTP 401 unauthorized (credentials missing or refused)',
  },
  // Valid credentials without the permission: a fresh token has the same role.
  403: {
    action: 'fatal',
    error: 'auth',
    reason: 'upgrade refused: HTTP 403 forbidden',
    advice:
      'the credentials are valid but not allowed on this socket; use a user with the required role and create a new client',
  },
};

/** The socket closed (or its upgrade was refused). */
export interface CloseContext {
  readonly kind?: 'closed';
  readonly code: number;
  /** The server's close reason, if it sent one. */
  readonly reason?: string;
  /** HTTP status of a refused upgrade, when the socket implementation exposes it. */
  readonly httpStatus?: number;
  /** What the refused upgrade's response body said, as one line (`refusalText`). */
  readonly httpText?: string;
  /** A browser's probe was answered, but the page may not read the answer (no CORS header for its origin). */
  readonly statusHidden?: boolean;
  /** A browser's probe GET was answered with this status, neither a credentials refusal nor a 404 or 5xx. */
  readonly serverAnswered?: number;
  /** Whether this socket ever reached `open`. */
  readonly opened: boolean;
  /** Whether the socket implementation can report refused-upgrade statuses (Node `ws`). */
  readonly seesUpgradeStatus: boolean;
  /** How the system takes credentials (`undefined`: it takes none, so nothing means credentials). */
  readonly auth?: AuthPlacement;
  /**
   * Whether this socket carried credentials (`undefined`: unknown, taken as
   * sent). A 403 to a socket that carried none cannot mean "valid credentials
   * without the role".
   */
  readonly credentialsSent?: boolean;
  /** The implementation's own error before the close, if it reported one. */
  readonly transportError?: TransportError;
}

/** Everything that ends a connection attempt or an open socket. */
export type CloseEvent =
  | CloseContext
  /** No `open` within the connect deadline. */
  | { readonly kind: 'connect-timeout'; readonly timeoutMs: number }
  /** No sign of life within the heartbeat timeout. */
  | { readonly kind: 'dead-peer' }
  /** The token provider threw; a `status` of 401/403 means it was refused credentials itself. */
  | { readonly kind: 'token-failed'; readonly message: string; readonly status?: number }
  /** The token provider did not answer within the connect deadline. */
  | { readonly kind: 'token-timeout'; readonly timeoutMs: number };

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
      rule.advice ??
      'refused twice in a row (a token provider is asked again in between; a fixed token or key is sent as it was): check the API key, token or password given to the protocol (or that one was given at all) and, where it rides in the query (always in a browser), the parameter the server reads (the `authQueryParam` option), then create a new client',
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
      const reason = `token provider failed: ${event.message}`;
      if (event.status === 403) return { ...(upgradeStatuses[403] as CloseRule), reason };
      if (event.status === 401) return { action: 'auth', reason };
      return { action: 'reconnect', error: 'connection', reason };
    }
    case 'token-timeout':
      return {
        action: 'reconnect',
        error: 'timeout',
        reason: `token provider did not answer within ${event.timeoutMs} ms`,
        advice: 'its request was aborted; retrying with backoff',
      };
    default:
      return withCause(socketRule(event), event);
  }
}

/**
 * Browser sockets hide the HTTP status of a refused upgrade: they report
 * 1006 before `open` (Deno's: 0 or 1005), exactly like a network failure.
 * For a system that requires credentials we then ask for a fresh token on
 * the next attempt (`refresh`) but never stop: a fatal stop on a network
 * blip would be worse than retrying a bad token with backoff. Node sees the
 * 401 and takes the precise `auth` path.
 */
function socketRule(context: CloseContext): CloseRule {
  const { auth } = context;
  if (context.httpStatus !== undefined) {
    const sent = auth !== undefined && context.credentialsSent !== false;
    return upgradeRule(context.httpStatus, auth, context.httpText, sent);
  }
  const refusedBeforeOpen = closedBeforeOpen(context.opened, context.code);
  const code = refusedBeforeOpen ? 1006 : context.code;
  if (refusedBeforeOpen && context.statusHidden)
    return auth === undefined || context.credentialsSent === false ? ORIGIN_HIDDEN : STATUS_HIDDEN;
  if (refusedBeforeOpen && context.serverAnswered !== undefined)
    return originRefused(context.serverAnswered);
  if (refusedBeforeOpen && !context.seesUpgradeStatus && auth?.required) {
    return {
      action: 'refresh',
      error: 'connection',
      reason:
        'connection refused before open (credentials or network); retried (a token provider is asked again)',
    };
  }
  if (auth?.forbiddenCloseCodes?.includes(code)) {
    return forbidden(`forbidden (${code})`, auth);
  }
  if (auth?.refusedCloseCodes?.includes(code)) {
    return { action: 'auth', reason: `credentials refused (${code})` };
  }
  if (refusedBeforeOpen && !context.seesUpgradeStatus) {
    return {
      action: 'reconnect',
      error: 'connection',
      reason: `closed before it opened (${context.code}): upgrade refused or server unreachable`,
    };
  }
  return closeCodes[code] ?? { action: 'reconnect', reason: `closed with code ${code}` };
}

function upgradeRule(
  status: number,
  auth: AuthPlacement | undefined,
  text: string | undefined,
  credentialsSent: boolean,
): CloseRule {
  if (credentialsSent && status === 403)
    return forbidden('upgrade refused: HTTP 403 forbidden', auth as AuthPlacement);
  if (auth !== undefined && status === 401) return upgradeStatuses[401] as CloseRule;
  if (status === 403 && text === undefined) return CLOSED_BEFORE_ACCEPT;
  // No credentials were sent: something in front of the system wants some. Headers do not
  // change between attempts, so this is retried once at once, like a refused token, then fatal.
  if (status === 401 || status === 403) {
    const none =
      auth === undefined ? 'this system takes no credentials' : 'no credentials were sent';
    return {
      action: 'auth',
      error: 'connection',
      reason: `upgrade refused: HTTP ${status} (${none}: a proxy in front of it?)`,
      advice:
        "pass what the proxy asks for with the `headers` option (Node; browsers send the page's cookies) and create a new client",
    };
  }
  return {
    action: 'reconnect',
    error: 'connection',
    reason: `upgrade refused: HTTP ${status}`,
    ...(status === 404 && { advice: NO_SOCKET_AT_PATH }),
  };
}

function forbidden(reason: string, auth: AuthPlacement): CloseRule {
  const role = auth.requiredRole;
  return {
    action: 'fatal',
    error: 'auth',
    reason,
    advice: role
      ? `the credentials are valid but not allowed: this socket needs a user with the '${role}' role; create a new client with such credentials`
      : (upgradeStatuses[403] as CloseRule).advice,
  };
}

/** Appends what the server said (close reason or refusal body) and what the transport saw (its error, with advice). */
function withCause(rule: CloseRule, context: CloseContext): CloseRule {
  const error = context.transportError;
  const words = context.reason || context.httpText;
  const said = words ? `: ${words}` : '';
  // trim(): OpenSSL's messages end with a newline.
  const saw = error ? ` (${error.code ? `${error.code}: ` : ''}${error.message.trim()})` : '';
  if (!said && !saw) return rule;
  const code = error?.code ?? '';
  // Every other `ws` frame error (WS_ERR_INVALID_OPCODE, ..._MASK, ..._CLOSE_CODE) means the same.
  const advice =
    transportAdvice[code] ??
    (code.startsWith('WS_ERR_') ? 'the server sent an invalid WebSocket frame' : undefined);
  return {
    ...rule,
    // A transport error is worth reporting even where the bare close is not.
    error: rule.error ?? (error ? 'connection' : undefined),
    reason: `${rule.reason}${said}${saw}`,
    advice: rule.advice ?? advice,
  };
}
