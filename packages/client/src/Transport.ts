import type { ConnectionState } from './FeedkitClient';
import type { FeedkitError } from './FeedkitError';

/** What a transport reports about its socket: the connection state without the channel's topics. */
export type TransportState = Omit<ConnectionState, 'topics' | 'acks'>;

/**
 * The seam between a `Channel` and the socket it runs on. Everything above
 * it deals in text frames and states; nothing above it touches a socket, so
 * a transport can live in another context (a SharedWorker serving several
 * tabs) and forward these calls and events as messages.
 */
export interface Transport {
  /** Socket URL without credentials. */
  readonly url: string;
  readonly state: TransportState;
  /** Starts connecting if idle; otherwise nothing. */
  open(): void;
  /** Sends a frame on the open socket; `false` when there is none (the caller queues). May throw. */
  send(frame: string): boolean;
  /** The peer answered a ping in the system's dialect (a `pong` message). */
  pong(): void;
  /** Skips the backoff wait, or replaces a socket that may be stale (tab woke up). */
  reconnectNow(): void;
  /**
   * Closes the socket cleanly and makes no attempt until `resume()`; the
   * state is `offline` with `reason` (browser offline, page hidden or frozen).
   */
  suspend(reason: string): void;
  /** Connects at once after `suspend()`; otherwise nothing. */
  resume(): void;
  /** The page woke up: replace a socket whose heartbeat deadline passed by the wall clock, retry an overdue wait now. */
  wake(): void;
  /** A feed went stale: ping now and give the socket up if nothing at all arrives soon. */
  probe(): void;
  /** Closes the socket with 1000 and stops every timer; the transport cannot be reused. */
  close(reason?: string): void;
}

/** What a transport tells, and asks, its owner. */
export interface TransportOwner {
  /**
   * The socket opened (`reconnect`: not for the first time). The owner sends
   * its subscription replay here, before anything else reaches the socket.
   */
  open(reconnect: boolean): void;
  /** A text frame arrived. */
  frame(frame: string): void;
  state(state: TransportState): void;
  error(error: FeedkitError): void;
  /**
   * The transport closed for good: `fatal` after refused credentials or
   * `shouldRetry` saying no, with the error the feeds fail with; not fatal
   * after `close()`.
   */
  ended(fatal: boolean, error: FeedkitError | undefined): void;
  /** The longest normal silence on the owner's feeds, for sockets that cannot ping (0: none). */
  silenceLimitMs(): number;
}

/** Opens a transport for one socket URL; `createClient` injects it into each `Channel`. */
export type TransportFactory = (url: string, owner: TransportOwner) => Transport;
