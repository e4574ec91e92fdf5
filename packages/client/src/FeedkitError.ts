import type { DecodeError, SystemName } from '@feedkit/protocol';
import { redact } from './redact';

export type FeedkitErrorCode =
  /** A frame that did not decode: see `decodeError`. */
  | 'decode'
  /**
   * Credentials refused (HTTP 401 on upgrade, or a close code the system uses
   * for credentials): retried once with a fresh token, then fatal. Not
   * allowed (HTTP 403: valid credentials without the required role): fatal at once.
   */
  | 'auth'
  /** The outgoing queue (or a feed's iterator buffer) was full, or a queued message expired: the message was NOT delivered. */
  | 'overflow'
  /** The server answered with an in-band error, or broke the protocol (close 1007). */
  | 'protocol'
  /** Close 1009, or an outgoing frame larger than the system accepts. */
  | 'message_too_big'
  /** Network failure or dead peer (no traffic within the heartbeat timeout). */
  | 'connection'
  /** A REST call failed: HTTP status, network error, timeout, or a body that does not match the schema. */
  | 'rest'
  /** A deadline passed: the token provider (or login) did not answer within the connect deadline. */
  | 'timeout'
  /**
   * An option gave an unusable value (a backoff returning NaN, a negative or
   * too long wait; it was clamped), or a feed's arguments make a command the
   * system refuses (a Takhin topic over 256 characters; that feed fails alone).
   */
  | 'config';

export interface FeedkitErrorOptions {
  readonly system: SystemName;
  readonly decodeError?: DecodeError;
  readonly closeCode?: number;
  readonly status?: number;
  /** Fatal errors stop the connection (or the call) for good; others are reported and recovered from. */
  readonly fatal?: boolean;
  /** The message that was not delivered (`overflow`, `message_too_big`). */
  readonly dropped?: unknown;
  /** The socket path or REST path the error belongs to. */
  readonly path?: string;
  /** The underlying error: the transport's (`ECONNREFUSED`, a certificate error), a provider's, a parser's. */
  readonly cause?: unknown;
}

/**
 * Every error feedkit reports is one of these; `code` says which kind and
 * `cause` keeps the underlying error. The message never carries a
 * credential: it is redacted on construction.
 */
export class FeedkitError extends Error {
  override readonly name = 'FeedkitError';
  readonly code: FeedkitErrorCode;
  readonly system: SystemName;
  readonly decodeError?: DecodeError;
  readonly closeCode?: number;
  readonly status?: number;
  readonly fatal: boolean;
  readonly dropped?: unknown;
  readonly path?: string;

  constructor(code: FeedkitErrorCode, message: string, options: FeedkitErrorOptions) {
    super(redact(message), options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.system = options.system;
    this.decodeError = options.decodeError;
    this.closeCode = options.closeCode;
    this.status = options.status;
    this.fatal = options.fatal ?? false;
    this.dropped = options.dropped;
    this.path = options.path === undefined ? undefined : redact(options.path);
  }
}
