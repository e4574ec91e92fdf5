import type { Adapter, SystemName } from '@feedkit/protocol';
import type { ClientOptions } from '../ClientOptions';
import type { Protocol } from '../FeedkitClient';
import { FeedkitError } from '../FeedkitError';
import { openShareWorker } from './openShareWorker';
import type { LockRequester } from './ShareHub';
import {
  configKey,
  type HubMessage,
  type Liveness,
  type ShareConfig,
  type TabMessage,
} from './ShareMessages';
import type { ShareOptions } from './ShareOptions';

/** Name of the SharedWorker, BroadcastChannel and locks. */
const NAME = 'feedkit-share';
const DEFAULT_LIVENESS: Liveness = { intervalMs: 1000, timeoutMs: 5000 };

/** What the page's share runtime needs from each shared client. */
export interface SharedClient {
  readonly id: string;
  readonly config: ShareConfig;
  /** Function options the leader tab lends to the owner. */
  readonly local: Partial<ClientOptions<Protocol>>;
  /** Its system's adapter, which a leader tab's hub decodes with. */
  readonly adapter: Adapter<unknown, unknown>;
  /** Sends `open` and every held feed: the owner knows nothing of this client. */
  resync(): void;
  /** A new owner: messages may have been missed, states are unknown until it reports. */
  ownerChanged(): void;
  receive(message: HubMessage): void;
}

type Post = (message: TabMessage) => void;
/** A tab message without its sender: `TabShare.post` adds it. */
export type TabBody = TabMessage extends infer M
  ? M extends TabMessage
    ? Omit<M, 'from' | 'tab'>
    : never
  : never;

type Events = Pick<EventTarget, 'addEventListener' | 'removeEventListener'>;

/** What sharing uses of the browser: Web Locks where they exist, the window and the document. */
export interface Browser {
  readonly locks:
    | (LockRequester & { request(name: string, callback: () => Promise<void>): Promise<unknown> })
    | undefined;
  /** `pagehide`, `pageshow`. */
  readonly window: Events;
  /** `freeze`, `resume` (Page Lifecycle). */
  readonly document: Events;
}

/**
 * The page's end of sharing (one per page): a tab id, a life lock the owner
 * can wait on, the link to the owner (the SharedWorker's port, or the
 * BroadcastChannel of an elected leader tab), answers to pings, and the
 * dispatch of the owner's messages to this page's clients.
 */
export class TabShare {
  readonly tab = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
  /** `worker` or `leader`: who owns the sockets. */
  mode: 'worker' | 'leader';
  readonly #clients = new Map<string, SharedClient>();
  readonly #liveness: Liveness;
  readonly #browser: Browser;
  #post: Post;
  #joined = false;
  /** Commands sent before the first join, in order. */
  #unsent: TabMessage[] = [];
  #lock: string | undefined;
  #counter = 0;
  /** Until the worker first answers: a worker that failed to load may tell only the tab that started it. */
  #firstContact: ReturnType<typeof setTimeout> | undefined;

  constructor(options: ShareOptions, browser: Browser) {
    this.#browser = browser;
    this.#liveness = { ...DEFAULT_LIVENESS, ...options.liveness };
    const port =
      options.worker === false
        ? undefined
        : openShareWorker(options.worker, NAME, () => this.#toLeader());
    if (port) {
      this.mode = 'worker';
      port.onmessage = (event) => this.#receive(event.data as HubMessage);
      port.start();
      this.#post = (message) => port.postMessage(message);
    } else {
      this.mode = 'leader';
      this.#post = this.#leaderLink();
    }
    browser.window.addEventListener('pagehide', () => this.#bye());
    browser.window.addEventListener('pageshow', (event) => {
      if ((event as PageTransitionEvent).persisted) this.#rejoin();
    });
    // A frozen tab may have been dropped by the owner: join again, say what is held.
    browser.document.addEventListener('resume', () => this.#rejoin());
    void this.#join();
  }

  /** A new client id on this tab. */
  nextId(): string {
    return `${this.tab}:${++this.#counter}`;
  }

  add(client: SharedClient): void {
    this.#clients.set(client.id, client);
    if (this.#joined) client.resync();
  }

  delete(client: SharedClient): void {
    this.#clients.delete(client.id);
  }

  /**
   * Posts to the owner; before the first join only commands are kept (the
   * join resends state, and each client its unconfirmed sends).
   */
  post(message: TabBody): void {
    const full = { ...message, from: 'tab', tab: this.tab } as TabMessage;
    if (this.#joined) this.#post(full);
    else if (full.t === 'reconnect' || full.t === 'token') this.#unsent.push(full);
  }

  /** The function options of a client on this page with `config`, for a leader's hub. */
  local(config: ShareConfig): Partial<ClientOptions<Protocol>> | undefined {
    const key = configKey(config);
    for (const client of this.#clients.values())
      if (configKey(client.config) === key) return client.local;
    return undefined;
  }

  #adapterOf(system: SystemName): Adapter<unknown, unknown> | undefined {
    for (const client of this.#clients.values()) {
      if (client.adapter.system === system) return client.adapter;
    }
    return undefined;
  }

  async #join(): Promise<void> {
    const locks = this.#browser.locks;
    if (locks && this.#lock === undefined) {
      const name = `${NAME}:tab:${this.tab}`;
      // Held until the page is gone: the owner waiting for it learns of our death, crash included.
      await new Promise<void>((held) => {
        void locks.request(name, () => {
          held();
          return new Promise<void>(() => {});
        });
      });
      this.#lock = name;
    }
    this.#joined = true;
    this.#announce();
    if (this.mode === 'worker') {
      this.#firstContact = setTimeout(() => this.#toLeader(), this.#liveness.timeoutMs);
    }
    const unsent = this.#unsent;
    this.#unsent = [];
    for (const message of unsent) this.#post(message);
  }

  /** A new owner, or one that forgot this tab: what was missed is a gap, and everything is said again. */
  #rejoin(): void {
    if (!this.#joined) return;
    for (const client of this.#clients.values()) client.ownerChanged();
    this.#announce();
  }

  /** Joins the owner and tells it everything this tab holds. */
  #announce(): void {
    this.#post({
      from: 'tab',
      tab: this.tab,
      t: 'join',
      lock: this.#lock,
      liveness: this.#liveness,
    });
    for (const client of this.#clients.values()) client.resync();
  }

  #bye(): void {
    if (this.#joined) this.#post({ from: 'tab', tab: this.tab, t: 'bye' });
  }

  #receive(message: HubMessage): void {
    if (message?.from !== 'hub') return;
    clearTimeout(this.#firstContact);
    switch (message.t) {
      case 'ping':
        if (this.#joined) this.#post({ from: 'tab', tab: this.tab, t: 'pong' });
        return;
      case 'owner':
        this.#rejoin();
        return;
      case 'rejoin':
        if (message.tab === this.tab) this.#rejoin();
        return;
      case 'token':
      case 'sent':
        this.#clients.get(message.client)?.receive(message);
        return;
      case 'msg':
      case 'gap':
      case 'fail':
        for (const client of Object.keys(message.to)) this.#clients.get(client)?.receive(message);
        return;
      default:
        for (const client of message.clients) this.#clients.get(client)?.receive(message);
    }
  }

  /** The worker could not start (blocked, missing): elect a leader tab instead. */
  #toLeader(): void {
    if (this.mode === 'leader') return;
    clearTimeout(this.#firstContact);
    this.mode = 'leader';
    this.#post = this.#leaderLink();
    this.#rejoin();
  }

  #leaderLink(): Post {
    const channel = new BroadcastChannel(NAME);
    channel.onmessage = (event) => this.#receive(event.data as HubMessage);
    const { locks, document, window } = this.#browser;
    // Only a page that may lead loads the hub and the five adapters.
    if (locks) {
      void import('./LeaderElection').then(({ electLeader }) =>
        electLeader({
          name: NAME,
          locks,
          page: document,
          window,
          local: (c) => this.local(c),
          adapters: (s) => this.#adapterOf(s),
        }),
      );
    }
    return (message) => channel.postMessage(message);
  }
}

let current: { runtime: TabShare; options: string } | undefined;

/** `tabs(...)` as a reader would write it, defaults filled in: equal text, same sharing. */
function describeShare(options: ShareOptions): string {
  const worker = options.worker === undefined ? 'default' : String(options.worker);
  const { intervalMs, timeoutMs } = { ...DEFAULT_LIVENESS, ...options.liveness };
  return `tabs({ worker: ${worker === 'false' ? 'false' : `'${worker}'`}, liveness: { intervalMs: ${intervalMs}, timeoutMs: ${timeoutMs} } })`;
}

/**
 * The page's share runtime, started by the first client with `share`;
 * `undefined` where the browser can neither run a SharedWorker nor elect a
 * leader (no Web Locks or no BroadcastChannel): each tab keeps its own sockets.
 * Every client of a page shares through that one runtime, so a later client
 * whose `tabs()` options differ is refused rather than silently given the first's.
 */
export function tabShare(options: ShareOptions, system: SystemName): TabShare | undefined {
  const described = describeShare(options);
  if (current) {
    if (current.options === described) return current.runtime;
    throw new FeedkitError(
      'config',
      `share: this page already shares its sockets with ${current.options}, and a page has one owner for all its clients, so ${described} cannot take effect: pass the same options to every tabs() on the page`,
      { system, fatal: true },
    );
  }
  const scope = globalThis as {
    navigator?: { locks?: Browser['locks'] };
    window?: Events;
    document?: Events;
  };
  const locks = scope.navigator?.locks;
  const canWorker = options.worker !== false && typeof SharedWorker === 'function';
  const canLead = locks !== undefined && typeof BroadcastChannel === 'function';
  if (!scope.window || !scope.document || (!canWorker && !canLead)) return undefined;
  const runtime = new TabShare(options, { locks, window: scope.window, document: scope.document });
  current = { runtime, options: described };
  return runtime;
}
