import type { Http } from './FeedkitClient';

/** What the connection tells the token provider. */
export interface TokenRequest {
  /**
   * True when the server refused the last token (or a browser socket was
   * refused before open): return a fresh one, not a cached one.
   */
  readonly refresh: boolean;
  /** The client's REST transport, for providers that log in (Helios). */
  readonly http: Http;
}

/**
 * Credentials for the next (re)connect; called on every connect. Returning
 * `undefined` connects without credentials. Throwing a `FeedkitError` with
 * status 401/403 counts as refused credentials; other errors are retried.
 */
export type TokenProvider = (
  request: TokenRequest,
) => string | undefined | Promise<string | undefined>;
