import { ConnectionErrors } from './ConnectionErrors';
import type { ConnectionOptions } from './ConnectionOptions';
import {
  ABANDONED_CLOSE_CODE,
  CLIENT_CLOSE_CODE,
  type CloseEvent,
  closeRule,
  DEAD_PEER_CLOSE_CODE,
} from './closeRule';
import type { UpgradeView } from './explainSocketEnd';
import { explainSocketEnd, type FailureDetail, upgradeView } from './explainSocketEnd';
import type { FeedkitError } from './FeedkitError';
import type { Heartbeat } from './Heartbeat';
import { heartbeatFor } from './heartbeatTiming';
import { openSocket, type SocketRequest } from './openSocket';
import { redact } from './redact';
import { TokenHandover } from './TokenHandover';
import { TokenRequests } from './TokenRequests';
import type { Transport, TransportOwner, TransportState } from './Transport';
import { OPEN, type WebSocketLike } from './WebSocketLike';
import { closeSocket, type SocketEnd, unwatchSocket, watchSocket } from './watchSocket';

type Timer = ReturnType<typeof setTimeout>;

/** How long a probed socket (a feed went stale) has to show any sign of life. */
export const PROBE_TIMEOUT_MS = 5000;

/**
 * One socket to one URL, and nothing else: it knows no feeds. An explicit
 * state machine (`idle -> connecting -> open -> reconnecting -> closed`)
 * that owns the heartbeat and the connect deadline, asks `closeRule` what to
 * do after every close and carries it out. Each step decides first (commits
 * the next state, arms its timers) and tells its owner last, so a listener
 * that closes everything finds nothing half done.
 */
export class Connection implements Transport {
  readonly url: string;
  readonly #o: ConnectionOptions;
  readonly #owner: TransportOwner;
  #state: TransportState;
  /** The last state the owner was told, so a step never tells the same state twice. */
  #told: TransportState | undefined;
  #socket: WebSocketLike | undefined;
  /** Bumped whenever a socket or attempt is abandoned, so its late events are ignored. */
  #generation = 0;
  #heartbeat: Heartbeat | undefined;
  #retryTimer: Timer | undefined;
  #stableTimer: Timer | undefined;
  #connectTimer: Timer | undefined;
  #everOpened = false;
  /** Renews the token before it expires by moving to a new socket. */
  readonly #handover: TokenHandover;
  readonly #tokens: TokenRequests;
  /** What opens a socket: the URL as given (it may carry user info; `url` is the redacted one people see), auth and wire options. */
  readonly #socketRequest: Omit<SocketRequest, 'token'>;
  readonly #errors: ConnectionErrors;

  constructor(url: string, options: ConnectionOptions, owner: TransportOwner) {
    this.url = redact(url);
    this.#o = options;
    this.#owner = owner;
    this.#state = { status: 'idle', url: this.url, attempt: 0 };
    this.#errors = new ConnectionErrors(this.url, options.system);
    this.#tokens = new TokenRequests(options.token);
    const { socket, WebSocket, auth } = options;
    this.#socketRequest = { ...socket, WebSocket, url, auth };
    this.#handover = new TokenHandover({
      renew: options.renewToken,
      open: (token) => openSocket({ ...this.#socketRequest, token }),
      release: (token) => {
        const old = this.#socket;
        this.#teardownSocket();
        this.#errors.remember(token);
        return old;
      },
      adopt: (socket, seesUpgradeStatus) => {
        this.#socket = socket;
        const upgrade = { seesUpgradeStatus, probeUrl: undefined, credentialsSent: true };
        this.#watch(socket, ++this.#generation, upgrade, true);
        this.#opened(socket, true);
      },
      deliver: (frame) => {
        this.#heartbeat?.alive();
        this.#owner.frame(frame);
      },
      failed: (cause) => this.#owner.error(this.#errors.renewal(cause)),
    });
  }

  get state(): TransportState {
    return this.#state;
  }

  open(): void {
    if (this.#state.status === 'idle') void this.#connect();
  }

  send(frame: string): boolean {
    const socket = this.#socket;
    if (this.#state.status !== 'open' || socket?.readyState !== OPEN) return false;
    socket.send(frame);
    return true;
  }

  /** The peer answered a ping (a system `pong`). */
  pong(): void {
    this.#heartbeat?.pong();
  }

  reconnectNow(): void {
    if (this.#state.status === 'reconnecting') {
      void this.#connect();
    } else if (this.#state.status === 'open') {
      this.#abandon(CLIENT_CLOSE_CODE, 'reconnecting now');
      void this.#connect();
    }
  }

  suspend(reason: string): void {
    const { status } = this.#state;
    if (status === 'closed') return;
    // A clean close (1000), so the page may enter the back/forward cache.
    if (status !== 'offline') this.#abandon(CLIENT_CLOSE_CODE, reason);
    clearTimeout(this.#retryTimer);
    this.#retryTimer = undefined;
    this.#commit({ status: 'offline', attempt: 0, reason, nextRetryAt: undefined });
    this.#tell();
  }

  resume(): void {
    if (this.#state.status === 'offline') void this.#connect();
  }

  wake(): void {
    const { status, nextRetryAt } = this.#state;
    // Timers of a hidden or frozen page run late: trust the wall clock, not them.
    if (status === 'open' && this.#heartbeat?.expired()) this.reconnectNow();
    else if (status === 'reconnecting' && (nextRetryAt ?? 0) <= Date.now()) void this.#connect();
  }

  probe(): void {
    this.#heartbeat?.probe(PROBE_TIMEOUT_MS);
  }

  close(reason = 'closed by the client'): void {
    if (this.#state.status === 'closed') return;
    this.#abandon(CLIENT_CLOSE_CODE, reason);
    this.#finish(reason, undefined, false, undefined);
  }

  // ---- the state machine ----

  async #connect(): Promise<void> {
    const generation = ++this.#generation;
    clearTimeout(this.#retryTimer);
    this.#retryTimer = undefined;
    this.#commit({ status: 'connecting', nextRetryAt: undefined });
    // The deadline covers the token too: a provider that never answers is a timeout and a retry.
    const timeoutMs = this.#o.connectTimeoutMs;
    this.#connectTimer = setTimeout(() => {
      const kind = this.#socket ? 'connect-timeout' : 'token-timeout';
      if (generation === this.#generation) this.#failed({ kind, timeoutMs }, {});
    }, timeoutMs);
    const pending = this.#tokens.request();
    this.#tell();
    // A synchronous provider (or none) opens the socket in this very tick.
    const outcome = pending instanceof Promise ? await pending : pending;
    // A listener closed the connection, or a newer attempt replaced this one.
    if (generation !== this.#generation) return;
    if (outcome.failed) {
      // A login refused with 401/403 keeps its status on the error, as a refused upgrade does.
      const status = outcome.failed.kind === 'token-failed' ? outcome.failed.status : undefined;
      this.#failed(outcome.failed, { cause: outcome.cause, httpStatus: status });
      return;
    }
    this.#errors.remember(outcome.token);
    this.#handover.obtained(outcome.expiresAt);
    this.#openSocket(generation, outcome.token);
  }

  #openSocket(generation: number, token: string | undefined): void {
    let opening: ReturnType<typeof openSocket>;
    try {
      opening = openSocket({ ...this.#socketRequest, token });
    } catch (cause) {
      // A malformed URL throws synchronously: nothing to retry.
      this.#finish('invalid socket URL', undefined, true, this.#errors.invalidUrl(cause), true);
      return;
    }
    this.#socket = opening.socket;
    this.#watch(opening.socket, generation, upgradeView(opening, token !== undefined));
  }

  /** Wires one socket's events to the state machine; events of an abandoned socket are ignored. */
  #watch(socket: WebSocketLike, generation: number, upgrade: UpgradeView, open = false): void {
    const hooks = {
      current: () => generation === this.#generation,
      pong: () => this.#heartbeat?.pong(),
      alive: () => this.#heartbeat?.alive(),
      opened: () => this.#opened(socket),
      frame: (frame: string) => {
        if (this.#handover.accept(frame)) this.#owner.frame(frame);
      },
      closed: (end: SocketEnd) => this.#closed(end, upgrade),
    };
    watchSocket(socket, hooks, open);
  }

  /** The socket closed: learn a refused upgrade's status where it is hidden, then apply the rule. */
  #closed(end: SocketEnd, upgrade: UpgradeView): void {
    this.#generation++;
    this.#teardownSocket();
    const generation = this.#generation;
    const { probe, auth } = this.#o;
    const context = { ...upgrade, auth, probe, current: () => generation === this.#generation };
    explainSocketEnd(end, context, (event, detail) => this.#failed(event, detail));
  }

  /** `handover`: the socket replaces one whose token is expiring; nothing was missed, so no gap. */
  #opened(socket: WebSocketLike, handover = false): void {
    clearTimeout(this.#connectTimer);
    this.#connectTimer = undefined;
    const reconnect = this.#everOpened;
    this.#everOpened = true;
    this.#commit({
      status: 'open',
      nextRetryAt: undefined,
      reason: handover ? 'token renewed' : reconnect ? 'reconnected' : 'connected',
      closeCode: undefined,
    });
    this.#heartbeat = heartbeatFor({
      settings: this.#o.heartbeat,
      systemPing: this.#o.systemPing,
      socket,
      silenceLimitMs: this.#owner.silenceLimitMs(),
      send: (frame) => this.#sendPing(frame),
      onDead: () => this.#failed({ kind: 'dead-peer' }, {}),
    });
    this.#heartbeat?.start();
    this.#stableTimer = setTimeout(() => {
      this.#stableTimer = undefined;
      this.#tokens.stable();
      if (this.#state.attempt === 0) return;
      this.#commit({ attempt: 0 });
      this.#tell();
    }, this.#o.stableAfterMs);
    const generation = this.#generation;
    this.#handover.schedule(() => generation === this.#generation && this.#state.status === 'open');
    this.#owner.open(reconnect && !handover);
    this.#tell();
  }

  /** Carries out `closeRule` for an attempt or socket that ended. */
  #failed(event: CloseEvent, detail: FailureDetail): void {
    // A dead peer never answers a closing handshake; a timed-out attempt may never open.
    this.#abandon(ABANDONED_CLOSE_CODE, 'abandoned');
    const closeCode =
      detail.closeCode ?? (event.kind === 'dead-peer' ? DEAD_PEER_CLOSE_CODE : undefined);
    const rule = closeRule(event, this.#tokens.history);
    const reason = this.#errors.redact(rule.reason);
    const error = this.#errors.ofRule(rule, reason, closeCode, detail);
    if (rule.action === 'fatal') {
      this.#finish(reason, closeCode, true, error, true);
      return;
    }
    this.#tokens.ruled(rule.action);
    const attempt = this.#state.attempt + 1;
    if (!this.#o.shouldRetry({ attempt, closeCode, reason })) {
      if (error) this.#owner.error(error);
      this.#finish(`not retrying: ${reason}`, closeCode, true, undefined);
      return;
    }
    // A first refusal of credentials is retried at once, with a fresh token.
    const delay = rule.action === 'auth' ? 0 : this.#o.backoff(attempt);
    this.#commit({
      status: 'reconnecting',
      attempt,
      reason,
      closeCode,
      nextRetryAt: Date.now() + delay,
    });
    this.#retryTimer = setTimeout(() => void this.#connect(), delay);
    if (error) this.#owner.error(error);
    this.#tell();
  }

  /** Terminal: no socket, no timers. `report` tells the owner `error` before the closed state. */
  #finish(
    reason: string,
    closeCode: number | undefined,
    fatal: boolean,
    error: FeedkitError | undefined,
    report = false,
  ): void {
    this.#generation++;
    this.#teardownSocket();
    clearTimeout(this.#retryTimer);
    this.#retryTimer = undefined;
    this.#commit({ status: 'closed', reason, closeCode, nextRetryAt: undefined });
    if (report && error) this.#owner.error(error);
    this.#tell();
    this.#owner.ended(
      fatal,
      fatal ? (error ?? this.#errors.closed(this.#state.reason)) : undefined,
    );
  }

  // ---- socket plumbing ----

  #sendPing(frame: string): void {
    try {
      this.send(frame);
    } catch {
      // A socket that cannot take a ping is about to close; the close event tells why.
    }
  }

  /** Drops the current socket without waiting for a closing handshake (a dead peer never answers one). */
  #abandon(code: number, reason: string): void {
    const socket = this.#socket;
    this.#generation++;
    this.#teardownSocket();
    if (socket !== undefined) closeSocket(socket, code, reason, code === ABANDONED_CLOSE_CODE);
  }

  #teardownSocket(): void {
    this.#handover.stop();
    this.#tokens.abort();
    const socket = this.#socket;
    this.#socket = undefined;
    this.#heartbeat?.stop();
    this.#heartbeat = undefined;
    clearTimeout(this.#stableTimer);
    clearTimeout(this.#connectTimer);
    this.#stableTimer = this.#connectTimer = undefined;
    if (socket) unwatchSocket(socket);
  }

  #commit(patch: Partial<Omit<TransportState, 'url'>>): void {
    this.#state = { ...this.#state, ...patch };
  }

  #tell(): void {
    if (this.#told === this.#state) return;
    this.#told = this.#state;
    this.#owner.state(this.#state);
  }
}
