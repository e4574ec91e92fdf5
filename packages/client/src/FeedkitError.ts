import type { DecodeError, SystemName } from '@feedkit/protocol';

export type FeedkitErrorCode =
  /** A frame that did not decode: see `decodeError`. */
  | 'decode'
  /** Credentials refused (HTTP 401/403 on upgrade, 4001, 4003, 1008); retried once with a fresh token, then fatal. */
  | 'auth'
  /** The outgoing queue (or a feed's iterator buffer) was full, or a queued message expired: the message was NOT delivered. */
  | 'overflow'
  /** The server answered with an in-band error, or broke the protocol (close 1007). */
  | 'protocol'
  /** Close 1009, or an outgoing frame larger than the system accepts. */
  | 'message_too_big'
  /** Network failure or dead peer (no traffic within the heartbeat timeout). */
  | 'connection'
  /** A REST call failed: HTTP status, network error, or a body that does not match the schema. */
  | 'rest';

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
  readonly cause?: unknown;
}

/** Every error feedkit reports is one of these; `code` says which kind. */
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
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.system = options.system;
    this.decodeError = options.decodeError;
    this.closeCode = options.closeCode;
    this.status = options.status;
    this.fatal = options.fatal ?? false;
    this.dropped = options.dropped;
    this.path = options.path;
  }
}
