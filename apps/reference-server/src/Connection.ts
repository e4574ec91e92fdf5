import type { Duplex } from 'node:stream';
import type { SystemName } from '@feedkit/protocol';
import type { WebSocket } from 'ws';

/** A read-only view of one socket, for tests: what a client really subscribed to. */
export interface ConnectionInfo {
  readonly id: string;
  readonly system: SystemName;
  /** Socket path without the query, e.g. `/ws/project/PROJ-001`. */
  readonly path: string;
  readonly query: Readonly<Record<string, string>>;
  /**
   * In the protocol package's topic vocabulary: Takhin `topic:x` / `group:y`,
   * Plataforma E `project:ID`, Helios the names of the flags that are on,
   * Active Immune Core `room:x` and `event:t`, VeloFlux none.
   */
  readonly subscriptions: readonly string[];
  /** Epoch ms. */
  readonly connectedAt: number;
  readonly messagesIn: number;
  readonly messagesOut: number;
}

/** What every connection shares with the server it belongs to. */
export interface ConnectionHost {
  /** While true nothing is sent (a black-holed peer). */
  readonly frozen: boolean;
  /** Called on every subscription change, so waiters can re-check. */
  changed(): void;
}

/**
 * Above this many queued bytes a socket is skipped (it is not reading fast
 * enough), so one stalled reader cannot grow the server's memory without
 * bound or slow the others down.
 */
export const SKIP_BUFFERED_BYTES = 4 * 1024 * 1024;
/** A socket skipped this many times in a row has stopped reading: it is cut off. */
export const MAX_CONSECUTIVE_SKIPS = 100;

/**
 * One accepted socket. `State` is what the system keeps per connection
 * besides the subscriptions (a Plataforma E log level, an AIC client id).
 */
export class Connection<State = unknown> {
  readonly subscriptions = new Set<string>();
  readonly connectedAt = Date.now();
  messagesIn = 0;
  messagesOut = 0;
  /** Messages not sent because the socket was not reading (see `SKIP_BUFFERED_BYTES`). */
  messagesSkipped = 0;
  private consecutiveSkips = 0;
  /** performance.now() of the last frame from the client (inactivity timeouts). */
  lastSeen = performance.now();

  constructor(
    readonly id: string,
    readonly system: SystemName,
    readonly path: string,
    readonly query: Readonly<Record<string, string>>,
    readonly socket: WebSocket,
    /** The TCP socket under `socket`, for frames built once for many connections. */
    private readonly wire: Duplex,
    private readonly host: ConnectionHost,
    public state: State,
  ) {}

  get open(): boolean {
    return this.socket.readyState === this.socket.OPEN;
  }

  /** Sends an already encoded message. Returns whether it went out. */
  send(message: string): boolean {
    if (!this.writable()) return false;
    this.socket.send(message);
    this.messagesOut++;
    return true;
  }

  /**
   * Writes a complete WebSocket frame (see `textFrame`) straight to the TCP
   * socket. Safe next to `send` because compression is off: ws then writes
   * synchronously too, so frames keep their order.
   */
  sendFrame(frame: Buffer): boolean {
    if (!this.writable()) return false;
    this.wire.write(frame);
    this.messagesOut++;
    return true;
  }

  private writable(): boolean {
    if (this.host.frozen || !this.open) return false;
    if (this.socket.bufferedAmount > SKIP_BUFFERED_BYTES) {
      this.messagesSkipped++;
      if (++this.consecutiveSkips >= MAX_CONSECUTIVE_SKIPS) this.socket.terminate();
      return false;
    }
    this.consecutiveSkips = 0;
    return true;
  }

  /** Closes with `code`; codes a close frame cannot carry (1005, 1006) drop the TCP connection. */
  close(code = 1000, reason = ''): void {
    if (code === 1005 || code === 1006 || !isSendableCloseCode(code)) {
      this.socket.terminate();
      return;
    }
    this.socket.close(code, reason);
  }

  subscribe(...topics: string[]): void {
    for (const topic of topics) this.subscriptions.add(topic);
    this.host.changed();
  }

  unsubscribe(...topics: string[]): void {
    for (const topic of topics) this.subscriptions.delete(topic);
    this.host.changed();
  }

  /** Replaces the whole subscription set (Helios flags). */
  setSubscriptions(topics: Iterable<string>): void {
    this.subscriptions.clear();
    for (const topic of topics) this.subscriptions.add(topic);
    this.host.changed();
  }

  info(): ConnectionInfo {
    return Object.freeze({
      id: this.id,
      system: this.system,
      path: this.path,
      query: this.query,
      subscriptions: Object.freeze([...this.subscriptions]),
      connectedAt: this.connectedAt,
      messagesIn: this.messagesIn,
      messagesOut: this.messagesOut,
    });
  }
}

/** RFC 6455 codes an endpoint may put in a close frame. */
export function isSendableCloseCode(code: number): boolean {
  return (
    (code >= 1000 && code <= 1014 && code !== 1004 && code !== 1005 && code !== 1006) ||
    (code >= 3000 && code <= 4999)
  );
}
