import type { TokenAnswer } from './ConnectionOptions';
import type { Http } from './FeedkitClient';

/** What the connection tells the token provider. */
export interface TokenRequest {
  /**
   * True when the server refused the last token (or a browser socket was
   * refused before open), or when the current token is about to expire:
   * return a fresh one, not a cached one.
   */
  readonly refresh: boolean;
  /** The client's REST transport, for providers that log in (Helios). */
  readonly http: Http;
  /** Aborted when the connect deadline passes: a provider that fetches should pass it on. */
  readonly signal: AbortSignal;
}

/**
 * Credentials for the next (re)connect; called on every connect, and before
 * the token expires (with `refresh: true`) to move open sockets to a new one.
 * Answer a token, or `{ token, expiresAt }`; a JWT's `exp` is read when no
 * expiry is given. Returning
 * `undefined` connects without credentials. Throwing a `FeedkitError` with
 * status 401 counts as refused credentials, 403 as not allowed (fatal);
 * other errors are retried. A provider that does not answer within the
 * client's `connectTimeoutMs` is abandoned (`signal` aborts) with a
 * `timeout` error and retried.
 */
export type TokenProvider = (request: TokenRequest) => TokenAnswer | Promise<TokenAnswer>;
