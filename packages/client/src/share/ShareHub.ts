import type { Adapter, SystemName } from '@feedkit/protocol';
import type { ClientOptions } from '../ClientOptions';
import type { Protocol } from '../FeedkitClient';
import { FeedkitError } from '../FeedkitError';
import { SharedSession } from './SharedSession';
import {
  configKey,
  type HubMessage,
  type Liveness,
  type ShareConfig,
  type TabMessage,
} from './ShareMessages';
import { TokenRelay } from './TokenRelay';
import { toWireError, type WireError } from './wireError';

/** How the owner reaches its tabs: one port per tab (SharedWorker) or one BroadcastChannel. */
export interface HubLink {
  post(tab: string, message: HubMessage): void;
  /** Posts one message meant for several tabs; a BroadcastChannel sends it once. */
  postAll(tabs: ReadonlySet<string>, message: HubMessage): void;
  /** The tab is gone: drop its port. */
  forget?(tab: string): void;
}

/** Just the part of `navigator.locks` the hub uses. */
export interface LockRequester {
  request(
    name: string,
    options: { readonly signal: AbortSignal },
    callback: () => unknown,
  ): Promise<unknown>;
}

export interface ShareHubOptions {
  readonly link: HubLink;
  /** The adapter of a system: the worker has every one, a leader tab those of its own clients. */
  readonly adapters: (system: SystemName) => Adapter<unknown, unknown> | undefined;
  /** Where a tab's life lock can be awaited; without it, the heartbeat alone finds dead tabs. */
  readonly locks?: LockRequester | undefined;
  /** Options only a page has (functions): a leader tab lends its own client's. */
  readonly local?: (config: ShareConfig) => Partial<ClientOptions<Protocol>> | undefined;
}

interface Client {
  readonly tab: string;
  readonly session: SharedSession;
  /** The highest send id taken: a send posted again (its confirmation was in flight) goes out once. */
  sent: number;
}

interface Tab {
  readonly clients: Set<string>;
  readonly abort: AbortController;
  liveness: Liveness;
  /** When the oldest ping it has not answered was sent. */
  awaiting: number | undefined;
}

/**
 * The owner of the shared sockets, wherever it runs: it knows the tabs and
 * their clients, keeps one `SharedSession` per client configuration, and
 * releases exactly what a tab held when the tab says goodbye, when its life
 * lock comes free (closed or crashed), or when it stops answering pings.
 */
export class ShareHub {
  readonly #o: ShareHubOptions;
  readonly #tabs = new Map<string, Tab>();
  readonly #clients = new Map<string, Client>();
  readonly #sessions = new Map<string, SharedSession>();
  readonly #tokens: TokenRelay;
  readonly #idle = new Map<SharedSession, ReturnType<typeof setTimeout>>();
  #timer: ReturnType<typeof setInterval> | undefined;
  #intervalMs = 0;
  #closed = false;

  constructor(options: ShareHubOptions) {
    this.#o = options;
    this.#tokens = new TokenRelay(
      (tab, message) => this.#o.link.post(tab, message),
      (client) => this.#clients.get(client)?.tab,
    );
  }

  /** The tabs it serves. */
  get tabs(): ReadonlySet<string> {
    return new Set(this.#tabs.keys());
  }

  receive(message: TabMessage): void {
    if (this.#closed || message?.from !== 'tab') return;
    if (message.t === 'join') {
      this.#join(message.tab, message.lock, message.liveness);
      return;
    }
    if (message.t === 'token') {
      this.#tokens.answer(message.id, message.token, message.error);
      return;
    }
    const tab = this.#tabs.get(message.tab);
    if (!tab) {
      // Dropped after silence (a frozen tab woke up): it must resend what it holds.
      if (message.t !== 'bye')
        this.#o.link.post(message.tab, { from: 'hub', t: 'rejoin', tab: message.tab });
      return;
    }
    tab.awaiting = undefined;
    this.#handle(message, tab);
  }

  /** Stops serving: sockets close, lock waits end. Nothing is posted any more. */
  close(): void {
    if (this.#closed) return;
    this.#closed = true;
    clearInterval(this.#timer);
    for (const tab of this.#tabs.values()) tab.abort.abort();
    for (const timer of this.#idle.values()) clearTimeout(timer);
    for (const session of this.#sessions.values()) session.close();
    this.#tabs.clear();
    this.#clients.clear();
    this.#sessions.clear();
  }

  #handle(message: TabMessage, tab: Tab): void {
    switch (message.t) {
      case 'bye':
        this.#drop(message.tab);
        break;
      case 'open':
        this.#open(message.tab, tab, message.client, message.config);
        break;
      case 'add':
        this.#clients.get(message.client)?.session.add(message.client, message.key, message.feed);
        break;
      case 'remove':
        this.#clients.get(message.client)?.session.remove(message.client, message.key);
        break;
      case 'send':
        this.#send(message);
        break;
      case 'reconnect':
        this.#clients.get(message.client)?.session.reconnectNow();
        break;
      case 'close':
        this.#closeClient(message.client);
        tab.clients.delete(message.client);
        break;
      default:
        break;
    }
  }

  /** Hands the send to the client's session, once, and confirms it to the tab. */
  #send(message: Extract<TabMessage, { t: 'send' }>): void {
    const client = this.#clients.get(message.client);
    if (!client) return;
    if (message.id > client.sent) {
      client.sent = message.id;
      client.session.send(message.path, message.command);
    }
    this.#o.link.post(message.tab, {
      from: 'hub',
      t: 'sent',
      client: message.client,
      id: message.id,
    });
  }

  #join(id: string, lock: string | undefined, liveness: Liveness): void {
    const known = this.#tabs.get(id);
    if (known) {
      known.liveness = liveness;
      known.awaiting = undefined;
      return;
    }
    const tab: Tab = {
      clients: new Set(),
      abort: new AbortController(),
      liveness,
      awaiting: undefined,
    };
    this.#tabs.set(id, tab);
    // The tab holds this lock for its life: getting it means the tab is gone, however it went.
    if (lock !== undefined && this.#o.locks) {
      this.#o.locks
        .request(lock, { signal: tab.abort.signal }, () => this.#drop(id))
        .catch(() => {});
    }
    this.#heartbeat();
  }

  #open(id: string, tab: Tab, client: string, config: ShareConfig): void {
    const known = this.#clients.get(client);
    if (known) {
      // A tab that woke up says everything again and shows `connecting` until it is told the state.
      known.session.addClient(client);
      return;
    }
    const key = configKey(config);
    let session = this.#sessions.get(key);
    if (!session || session.spent) {
      session = this.#session(config, (error) =>
        this.#o.link.post(id, { from: 'hub', t: 'error', clients: [client], error }),
      );
      if (!session) return;
      this.#sessions.set(key, session);
    }
    clearTimeout(this.#idle.get(session));
    this.#idle.delete(session);
    tab.clients.add(client);
    this.#clients.set(client, { tab: id, session, sent: 0 });
    session.addClient(client);
  }

  /**
   * A session for `config`, or `undefined` (told to the client) when this
   * owner cannot serve it as asked: it lacks the system's adapter (a leader
   * tab has only its own clients'), or the functions the client's options
   * carry (only a leader page with the same client has them).
   */
  #session(config: ShareConfig, refuse: (error: WireError) => void): SharedSession | undefined {
    const adapter = this.#o.adapters(config.system);
    const local = this.#o.local?.(config) ?? {};
    const missing = config.functions.filter((name) => local[name] === undefined);
    if (adapter && missing.length === 0) {
      return new SharedSession(
        config,
        adapter,
        {
          post: (clients, message) => this.#postClients(clients, message),
          token: (clients, refresh) => this.#tokens.ask(clients, refresh),
        },
        local,
      );
    }
    const [code, problem] = !adapter
      ? (['connection', `has no ${config.system} client, so it cannot serve this one`] as const)
      : ([
          'config',
          `has no client with these options, so it cannot run ${missing.join(', ')} for this one (functions do not cross tabs)`,
        ] as const);
    const message = `the tab that holds the shared sockets ${problem}; it will when a tab that has one leads`;
    refuse(toWireError(new FeedkitError(code, message, { system: config.system })));
    return undefined;
  }

  #closeClient(client: string): void {
    const entry = this.#clients.get(client);
    if (!entry) return;
    this.#clients.delete(client);
    const { session } = entry;
    session.removeClient(client);
    if (session.clients > 0) return;
    // A reloading tab comes back within the linger: its sockets are still there.
    this.#idle.set(
      session,
      setTimeout(() => {
        this.#idle.delete(session);
        if (session.clients > 0) return;
        session.close();
        // A spent session may have been replaced under its key already.
        const key = configKey(session.config);
        if (this.#sessions.get(key) === session) this.#sessions.delete(key);
      }, session.config.linger),
    );
  }

  #drop(id: string): void {
    const tab = this.#tabs.get(id);
    if (!tab) return;
    this.#tabs.delete(id);
    tab.abort.abort();
    for (const client of tab.clients) this.#closeClient(client);
    this.#tokens.tabGone(id);
    this.#o.link.forget?.(id);
    this.#heartbeat();
  }

  #postClients(clients: Iterable<string>, message: HubMessage): void {
    const tabs = new Set<string>();
    for (const client of clients) {
      const tab = this.#clients.get(client)?.tab;
      if (tab !== undefined) tabs.add(tab);
    }
    if (tabs.size > 0) this.#o.link.postAll(tabs, message);
  }

  /** Pings at the shortest interval any tab asked for; a tab silent past its timeout is dropped. */
  #heartbeat(): void {
    let intervalMs = Infinity;
    for (const tab of this.#tabs.values())
      intervalMs = Math.min(intervalMs, tab.liveness.intervalMs);
    if (intervalMs === this.#intervalMs) return;
    clearInterval(this.#timer);
    this.#timer = undefined;
    this.#intervalMs = intervalMs;
    if (!Number.isFinite(intervalMs)) return;
    this.#timer = setInterval(() => this.#ping(), intervalMs);
  }

  #ping(): void {
    const now = Date.now();
    for (const [id, tab] of [...this.#tabs]) {
      if (tab.awaiting !== undefined && now - tab.awaiting > tab.liveness.timeoutMs) this.#drop(id);
      else tab.awaiting ??= now;
    }
    if (this.#tabs.size > 0) this.#o.link.postAll(this.tabs, { from: 'hub', t: 'ping' });
  }
}
