import type { Adapter, UnknownMessage } from '@feedkit/protocol';
import type { Backoff } from './Backoff';
import { CLIENT_CLOSE_CODE, type CloseRule, closeRule, DEAD_PEER_CLOSE_CODE } from './closeCodes';
import type { ConnectionState, ConnectionStatus } from './FeedkitClient';
import { FeedkitError, type FeedkitErrorCode } from './FeedkitError';
import type { FeedStore } from './FeedStore';
import { Heartbeat } from './Heartbeat';
import { OutgoingQueue, type OutgoingQueueOptions } from './OutgoingQueue';
import { SubscriptionSet } from './SubscriptionSet';

import { OPEN, type WebSocketConstructor, type WebSocketLike } from './WebSocketLike';

/** What `shouldRetry` is asked before every reconnect. */
export interface RetryContext {
  readonly attempt: number;
  readonly closeCode?: number;
  readonly reason: string;
}

export interface HeartbeatSettings {
  /**
   * Time between pings. @default the system's own interval (Takhin 30 s,
   * Plataforma E 30 s, ...); 15000 for the protocol-level ping Node sends to
   * systems without one (VeloFlux)
   */
  readonly intervalMs?: number;
  /** Silence after which the peer is dead. @default 2 × intervalMs */
  readonly timeoutMs?: number;
}

export interface ConnectionOptions<In, Out> {
  /** Socket URL without credentials. */
  readonly url: string;
  readonly adapter: Adapter<In, Out>;
  /** Called on every connect; `refresh` after refused credentials. */
  readonly token:
    | ((request: { readonly refresh: boolean }) => string | undefined | Promise<string | undefined>)
    | undefined;
  readonly WebSocket: WebSocketConstructor;
  readonly backoff: Backoff;
  readonly shouldRetry: (context: RetryContext) => boolean;
  /** How long a socket must stay open before the attempt counter resets. */
  readonly stableAfterMs: number;
  /** How long a connection attempt may take before it is abandoned. */
  readonly connectTimeoutMs: number;
  readonly heartbeat: HeartbeatSettings | false;
  readonly queue: OutgoingQueueOptions;
  /** How long the socket stays after the last feed left. */
  readonly lingerMs: number;
  readonly events: ConnectionEvents<In>;
}

export interface ConnectionEvents<In> {
  state(connection: ConnectionState): void;
  error(error: FeedkitError): void;
  message(message: In): void;
  unknown(message: UnknownMessage): void;
  /** The connection closed for good: `fatal` after refused credentials or `shouldRetry` saying no; not after linger or `close()`. */
  ended(fatal: boolean): void;
}

/** Default protocol-level ping interval for systems without their own heartbeat. */
const TRANSPORT_PING_INTERVAL_MS = 15_000;
const EMPTY: ReadonlySet<string> = new Set();

/**
 * One socket to one URL, shared by every feed on that path. An explicit
 * state machine: `idle -> connecting -> open -> reconnecting -> closed`,
 * each transition reported with its reason, attempt, next retry time and
 * close code. It owns the heartbeat, the desired subscription set (replayed
 * with `reconcile(∅, desired)` before anything else after every connect),
 * the outgoing queue and the close-code rules.
 */
export class Connection<In, Out> {
  readonly url: string;
  readonly subscriptions = new SubscriptionSet();
  readonly feeds = new Set<FeedStore<In>>();
  readonly #o: ConnectionOptions<In, Out>;
  readonly #queue: OutgoingQueue<Out>;
  #state: ConnectionState;
  #socket: WebSocketLike | undefined;
  /** Bumped whenever a socket is abandoned, so its late events are ignored. */
  #generation = 0;
  /** The topics the server has, as far as we told it. */
  #wire: ReadonlySet<string> = EMPTY;
  #heartbeat: Heartbeat | undefined;
  #retryTimer: ReturnType<typeof setTimeout> | undefined;
  #stableTimer: ReturnType<typeof setTimeout> | undefined;
  #connectTimer: ReturnType<typeof setTimeout> | undefined;
  #lingerTimer: ReturnType<typeof setTimeout> | undefined;
  #expiryTimer: ReturnType<typeof setTimeout> | undefined;
  #syncScheduled = false;
  #everOpened = false;
  #authFailures = 0;
  #refreshToken = false;
  #acks = { sent: 0, confirmed: 0 };

  constructor(options: ConnectionOptions<In, Out>) {
    this.#o = options;
    this.url = options.url;
    this.#queue = new OutgoingQueue<Out>(options.queue);
    this.#state = { status: 'idle', url: options.url, attempt: 0, topics: [] };
  }

  get state(): ConnectionState {
    return this.#state;
  }

  get status(): ConnectionStatus {
    return this.#state.status;
  }

  // ---- feeds and subscriptions ----

  addFeed(feed: FeedStore<In>): void {
    if (this.status === 'closed') {
      feed.fail(this.#closedError());
      return;
    }
    this.feeds.add(feed);
    clearTimeout(this.#lingerTimer);
    this.#lingerTimer = undefined;
    if (this.subscriptions.add(feed.spec.topics)) this.#scheduleSync();
    if (this.status === 'idle') void this.#connect();
  }

  removeFeed(feed: FeedStore<In>): void {
    if (!this.feeds.delete(feed)) return;
    if (this.subscriptions.remove(feed.spec.topics)) this.#scheduleSync();
    this.#lingerIfUnused();
  }

  /** Sends a command now, or queues it until the next open (after the subscription replay). */
  send(command: Out): void {
    if (this.status === 'closed') {
      this.#report('connection', `${this.url}: connection is closed; message not sent`, {
        dropped: command,
      });
      return;
    }
    if (this.status === 'open' && this.#socket?.readyState === OPEN) {
      this.#sendCommand(command);
      return;
    }
    const refused = this.#queue.push(command, Date.now());
    if (refused !== undefined) {
      this.#report(
        'overflow',
        `${this.url}: outgoing queue full (${this.#queue.maxSize} messages) while disconnected; dropped ${preview(this.#o.adapter.encode(refused))}`,
        { dropped: refused },
      );
    }
    this.#armExpiry();
    if (this.status === 'idle') void this.#connect();
  }

  /** Skips the backoff wait, or replaces a socket that may be stale (tab woke up). */
  reconnectNow(): void {
    if (this.status === 'reconnecting') {
      clearTimeout(this.#retryTimer);
      this.#retryTimer = undefined;
      void this.#connect();
    } else if (this.status === 'open') {
      this.#abandonSocket(CLIENT_CLOSE_CODE, 'reconnecting now');
      void this.#connect();
    }
  }

  /** Closes the socket with 1000 and stops every timer. Queued messages are reported as dropped. */
  close(reason = 'closed by the client'): void {
    if (this.status === 'closed') return;
    this.#abandonSocket(CLIENT_CLOSE_CODE, reason);
    this.#finish(reason, undefined, false);
  }

  // ---- the state machine ----

  async #connect(): Promise<void> {
    const generation = ++this.#generation;
    clearTimeout(this.#retryTimer);
    this.#retryTimer = undefined;
    this.#setState({ status: 'connecting', nextRetryAt: undefined });
    // State and error listeners run synchronously and may close the client.
    if (this.#closed) return;
    const { adapter } = this.#o;
    let token: string | undefined;
    try {
      const refresh = this.#refreshToken;
      this.#refreshToken = false;
      token = await this.#o.token?.({ refresh });
    } catch (cause) {
      if (generation !== this.#generation) return;
      const status = cause instanceof FeedkitError ? cause.status : undefined;
      const refused = status === 401 || status === 403;
      this.#failed({
        rule: {
          action: refused ? 'auth' : 'reconnect',
          error: refused ? undefined : 'connection',
          reason: `token provider failed: ${(cause as Error)?.message ?? String(cause)}`,
        },
        cause,
      });
      return;
    }
    if (generation !== this.#generation) return;

    const auth = adapter.auth;
    const WebSocketImpl = this.#o.WebSocket;
    const seesUpgradeStatus = supportsNodeExtras(WebSocketImpl);
    let url = this.url;
    let headers: Record<string, string> | undefined;
    if (token !== undefined && auth !== undefined) {
      if (seesUpgradeStatus && auth.bearerHeader) headers = { Authorization: `Bearer ${token}` };
      else if (auth.query !== undefined) url = withQuery(url, auth.query, token);
    }

    let socket: WebSocketLike;
    try {
      socket = headers
        ? new WebSocketImpl(url, undefined, { headers })
        : new WebSocketImpl(url, undefined);
    } catch (cause) {
      // A malformed URL throws synchronously: nothing to retry.
      this.#report('connection', `${this.url}: cannot open a socket: ${(cause as Error).message}`, {
        fatal: true,
        cause,
      });
      this.#finish('invalid socket URL', undefined, true);
      return;
    }
    this.#socket = socket;
    socket.binaryType = 'arraybuffer';
    let opened = false;
    let httpStatus: number | undefined;
    const current = () => generation === this.#generation;

    socket.on?.('unexpected-response', ((_request: unknown, response: { statusCode?: number }) => {
      httpStatus = response.statusCode;
      // With a listener attached, `ws` leaves aborting the handshake to us.
      socket.terminate?.();
    }) as never);
    socket.on?.('pong', (() => this.#heartbeat?.alive()) as never);
    socket.on?.('ping', (() => this.#heartbeat?.alive()) as never);

    this.#connectTimer = setTimeout(() => {
      if (!current()) return;
      this.#abandonSocket(4000, 'connect timeout');
      this.#failed({
        rule: {
          action: 'reconnect',
          error: 'connection',
          reason: `no open within ${this.#o.connectTimeoutMs} ms`,
        },
      });
    }, this.#o.connectTimeoutMs);

    socket.onopen = () => {
      if (!current()) return;
      opened = true;
      this.#opened(socket);
    };
    socket.onmessage = (event) => {
      if (current()) this.#frame(event.data);
    };
    socket.onerror = () => {
      // Always followed by a close event, which carries the information.
    };
    socket.onclose = (event) => {
      if (!current()) return;
      this.#generation++;
      this.#teardownSocket();
      this.#failed({
        rule: closeRule({
          code: event.code,
          httpStatus,
          opened,
          seesUpgradeStatus,
          authRequired: auth?.required ?? false,
        }),
        closeCode: event.code,
        closeReason: event.reason,
        httpStatus,
      });
    };
  }

  #opened(socket: WebSocketLike): void {
    clearTimeout(this.#connectTimer);
    this.#connectTimer = undefined;
    const reconnect = this.#everOpened;
    this.#everOpened = true;
    this.#acks = { sent: 0, confirmed: 0 };
    this.#setState({
      status: 'open',
      nextRetryAt: undefined,
      reason: reconnect ? 'reconnected' : 'connected',
      closeCode: undefined,
      acks: this.#acks,
    });
    if (this.#closed) return;
    this.#startHeartbeat(socket);
    this.#stableTimer = setTimeout(() => {
      this.#stableTimer = undefined;
      this.#authFailures = 0;
      if (this.#state.attempt !== 0) this.#setState({ attempt: 0 });
    }, this.#o.stableAfterMs);

    // Replay: the server knows nothing after a (re)connect. This goes first,
    // before any queued message, so queued commands see their subscriptions.
    this.#wire = EMPTY;
    this.#sync();
    this.#flushQueue();
    if (reconnect) for (const feed of this.feeds) feed.markGap();
  }

  #failed(failure: {
    rule: CloseRule;
    closeCode?: number;
    closeReason?: string;
    httpStatus?: number;
    cause?: unknown;
  }): void {
    const { rule, closeCode } = failure;
    const reason = failure.closeReason ? `${rule.reason}: ${failure.closeReason}` : rule.reason;
    if (rule.error) {
      this.#report(rule.error, `${this.url}: ${reason}`, {
        closeCode,
        status: failure.httpStatus,
        cause: failure.cause,
      });
      if (this.#closed) return;
    }
    let immediate = false;
    if (rule.action === 'auth') {
      this.#authFailures++;
      if (this.#authFailures >= 2) {
        const refused = this.#report(
          'auth',
          `${this.url}: credentials refused again after a fresh token (${reason}); check the token or password and create a new client`,
          { closeCode, status: failure.httpStatus, fatal: true, cause: failure.cause },
        );
        // Feeds fail with the reason itself, so a `for await` or subscriber sees `auth`.
        this.#finish(reason, closeCode, true, refused);
        return;
      }
      // Refused once: ask the provider for a fresh token and try again at once.
      this.#refreshToken = true;
      immediate = true;
    } else if (rule.action === 'refresh') {
      this.#refreshToken = true;
    }

    const attempt = this.#state.attempt + 1;
    if (!this.#o.shouldRetry({ attempt, closeCode, reason })) {
      this.#finish(`not retrying: ${reason}`, closeCode, true);
      return;
    }
    const delay = immediate ? 0 : Math.max(0, this.#o.backoff(attempt));
    this.#setState({
      status: 'reconnecting',
      attempt,
      reason,
      closeCode,
      nextRetryAt: Date.now() + delay,
    });
    if (this.#closed) return;
    this.#retryTimer = setTimeout(() => {
      this.#retryTimer = undefined;
      void this.#connect();
    }, delay);
  }

  /** Terminal: no socket, no timers. */
  #finish(
    reason: string,
    closeCode: number | undefined,
    fatal: boolean,
    cause?: FeedkitError,
  ): void {
    if (this.#closed) return;
    this.#generation++;
    this.#teardownSocket();
    for (const timer of [this.#retryTimer, this.#lingerTimer, this.#expiryTimer]) {
      clearTimeout(timer);
    }
    this.#retryTimer = this.#lingerTimer = this.#expiryTimer = undefined;
    for (const dropped of this.#queue.drain()) {
      this.#report(
        'overflow',
        `${this.url}: connection closed (${reason}) with ${preview(this.#o.adapter.encode(dropped))} still queued; it was not sent`,
        { dropped },
      );
    }
    this.#setState({ status: 'closed', reason, closeCode, nextRetryAt: undefined });
    // Feeds of a client-side close are completed by the client; a fatal end fails them.
    if (fatal) {
      const error = cause ?? this.#closedError();
      for (const feed of this.feeds) feed.fail(error);
    }
    this.feeds.clear();
    this.#o.events.ended(fatal);
  }

  /** True once the connection ended; checked after every listener call, which may close it. */
  get #closed(): boolean {
    return this.#state.status === 'closed';
  }

  #closedError(): FeedkitError {
    return new FeedkitError(
      'connection',
      `${this.url}: connection closed (${this.#state.reason ?? 'closed'})`,
      { system: this.#o.adapter.system, path: this.url, fatal: true },
    );
  }

  // ---- socket plumbing ----

  #frame(data: unknown): void {
    this.#heartbeat?.alive();
    const frame = typeof data === 'string' ? data : textOf(data);
    const { adapter } = this.#o;
    const result = adapter.decode(frame);
    if (result.kind === 'error') {
      this.#report('decode', result.error.message, { decodeError: result.error });
      return;
    }
    if (result.kind === 'unknown') {
      this.#o.events.unknown(result.message);
      return;
    }
    const message = result.message;
    switch (adapter.roleOf(message)) {
      case 'heartbeat': {
        const answer = adapter.answerHeartbeat?.(message);
        if (answer !== undefined) this.#sendFrame(answer);
        break;
      }
      case 'ack':
        this.#acks = { sent: this.#acks.sent, confirmed: this.#acks.confirmed + 1 };
        this.#setState({ acks: this.#acks });
        break;
      case 'error':
        this.#report('protocol', `${this.url}: server reported an error: ${preview(frame)}`, {});
        break;
      default:
        break;
    }
    for (const feed of this.feeds) {
      if (feed.spec.accepts(message)) feed.deliver(message);
    }
    this.#o.events.message(message);
  }

  #startHeartbeat(socket: WebSocketLike): void {
    const settings = this.#o.heartbeat;
    if (settings === false) return;
    const own = this.#o.adapter.heartbeat;
    let intervalMs: number | undefined;
    let ping: (() => void) | undefined;
    if (own) {
      intervalMs = settings.intervalMs ?? own.intervalMs;
      ping = () => this.#sendFrame(own.ping(Date.now()));
    } else if (typeof socket.ping === 'function') {
      // No heartbeat in the protocol (VeloFlux): a WebSocket ping frame, which any server answers.
      intervalMs = settings.intervalMs ?? TRANSPORT_PING_INTERVAL_MS;
      ping = () => socket.ping?.();
    }
    let timeoutMs = settings.timeoutMs ?? (intervalMs === undefined ? undefined : 2 * intervalMs);
    if (timeoutMs === undefined) {
      // Browsers cannot ping at the protocol level: the feeds' own silence limit is the signal.
      const limits = [...this.feeds].map((f) => f.spec.silenceTimeoutMs ?? 0);
      const longest = Math.max(0, ...limits);
      if (longest > 0) timeoutMs = longest;
    }
    if (timeoutMs === undefined) return;
    this.#heartbeat = new Heartbeat({
      intervalMs,
      timeoutMs,
      ping,
      onDead: () => {
        this.#abandonSocket(DEAD_PEER_CLOSE_CODE, 'dead peer');
        this.#failed({ rule: closeRule({ ...deadPeer }), closeCode: DEAD_PEER_CLOSE_CODE });
      },
    });
    this.#heartbeat.start();
  }

  /** Drops the current socket without waiting for a closing handshake (a dead peer never answers one). */
  #abandonSocket(code: number, reason: string): void {
    const socket = this.#socket;
    this.#generation++;
    this.#teardownSocket();
    if (socket === undefined) return;
    try {
      if (code === DEAD_PEER_CLOSE_CODE && socket.terminate) socket.terminate();
      else socket.close(code, reason);
    } catch {
      // Closing a socket that is still connecting throws in some implementations; it is gone either way.
      socket.terminate?.();
    }
  }

  #teardownSocket(): void {
    const socket = this.#socket;
    this.#socket = undefined;
    this.#heartbeat?.stop();
    this.#heartbeat = undefined;
    clearTimeout(this.#stableTimer);
    clearTimeout(this.#connectTimer);
    this.#stableTimer = this.#connectTimer = undefined;
    if (socket) {
      socket.onopen = socket.onmessage = socket.onclose = null;
      // Keep an error handler: `ws` throws on an 'error' event nobody listens to.
      socket.onerror = () => {};
    }
  }

  #scheduleSync(): void {
    if (this.#syncScheduled || this.status !== 'open') return;
    this.#syncScheduled = true;
    // Coalesces an unsubscribe/subscribe pair in one tick (a React re-mount) into nothing.
    queueMicrotask(() => {
      this.#syncScheduled = false;
      this.#sync();
    });
  }

  #sync(): void {
    if (this.status !== 'open') return;
    const desired = this.subscriptions.snapshot();
    const commands = this.#o.adapter.reconcile(this.#wire, desired, Date.now());
    this.#wire = desired;
    for (const command of commands) this.#sendCommand(command);
    if (commands.length > 0) {
      this.#acks = { sent: this.#acks.sent + commands.length, confirmed: this.#acks.confirmed };
    }
    this.#setState({ topics: [...desired], acks: this.#acks });
  }

  #flushQueue(): void {
    this.#reportExpired();
    for (const command of this.#queue.drain()) this.#sendCommand(command);
    clearTimeout(this.#expiryTimer);
    this.#expiryTimer = undefined;
  }

  #armExpiry(): void {
    if (this.#expiryTimer !== undefined) return;
    const at = this.#queue.nextExpiry();
    if (at === undefined) return;
    this.#expiryTimer = setTimeout(
      () => {
        this.#expiryTimer = undefined;
        this.#reportExpired();
        this.#armExpiry();
        this.#lingerIfUnused();
      },
      Math.max(0, at - Date.now()),
    );
  }

  #reportExpired(): void {
    for (const dropped of this.#queue.expire(Date.now())) {
      this.#report(
        'overflow',
        `${this.url}: ${preview(this.#o.adapter.encode(dropped))} waited longer than ${this.#queue.maxAgeMs} ms for a connection; it was not sent`,
        { dropped },
      );
    }
  }

  #lingerIfUnused(): void {
    if (this.feeds.size > 0 || this.#queue.size > 0 || this.status === 'closed') return;
    clearTimeout(this.#lingerTimer);
    this.#lingerTimer = setTimeout(() => {
      this.#lingerTimer = undefined;
      if (this.feeds.size === 0 && this.#queue.size === 0) this.close('no feeds left');
    }, this.#o.lingerMs);
  }

  #sendCommand(command: Out): void {
    this.#sendFrame(this.#o.adapter.encode(command), command);
  }

  #sendFrame(frame: string, command?: Out): void {
    const max = this.#o.adapter.maxMessageBytes;
    // Length in UTF-16 units is a lower bound of the UTF-8 size; exact enough to refuse early.
    if (max !== undefined && frame.length > max) {
      this.#report(
        'message_too_big',
        `${this.url}: ${frame.length}-character message exceeds the system's ${max}-byte limit; it was not sent`,
        { dropped: command ?? frame },
      );
      return;
    }
    try {
      this.#socket?.send(frame);
    } catch (cause) {
      this.#report('connection', `${this.url}: send failed: ${(cause as Error).message}`, {
        dropped: command ?? frame,
        cause,
      });
    }
  }

  #setState(patch: Partial<Omit<ConnectionState, 'url'>>): void {
    this.#state = { ...this.#state, ...patch };
    this.#o.events.state(this.#state);
  }

  #report(
    code: FeedkitErrorCode,
    message: string,
    extra: Omit<ConstructorParameters<typeof FeedkitError>[2], 'system'>,
  ): FeedkitError {
    const error = new FeedkitError(code, message, {
      system: this.#o.adapter.system,
      path: this.url,
      ...extra,
    });
    this.#o.events.error(error);
    return error;
  }
}

const deadPeer = {
  code: DEAD_PEER_CLOSE_CODE,
  opened: true,
  seesUpgradeStatus: true,
  authRequired: false,
} as const;

/** Node's `ws` exposes upgrade statuses and protocol pings; browser sockets do not. */
function supportsNodeExtras(WebSocketImpl: WebSocketConstructor): boolean {
  const proto = WebSocketImpl.prototype as Partial<WebSocketLike> | undefined;
  return typeof proto?.on === 'function' && typeof proto.terminate === 'function';
}

function withQuery(url: string, name: string, value: string): string {
  const parsed = new URL(url);
  parsed.searchParams.set(name, value);
  return parsed.toString();
}

const decoder = /* @__PURE__ */ new TextDecoder();

function textOf(data: unknown): string {
  if (data instanceof ArrayBuffer || ArrayBuffer.isView(data)) {
    return decoder.decode(data as ArrayBuffer);
  }
  if (Array.isArray(data)) {
    // `ws` fragments: an array of Buffers.
    return data.map((part) => decoder.decode(part as ArrayBuffer)).join('');
  }
  return String(data);
}

function preview(frame: string): string {
  return frame.length > 120 ? `'${frame.slice(0, 120)}…'` : `'${frame}'`;
}
