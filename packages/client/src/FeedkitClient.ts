/**
 * The public contract of @feedkit/client. The React and Vue bindings and the
 * apps depend only on what is declared here.
 */
import type {
  AdapterFeeds,
  AdapterIn,
  AdapterOut,
  DecodeResult,
  FeedFactories,
  FeedMessage,
  SystemName,
  UnknownMessage,
} from '@feedkit/protocol';
import type { Observable } from 'rxjs';
import type { Drifting, DriftMode, DriftSnapshot } from './Drift';
import type { FeedkitError } from './FeedkitError';
import type { FeedStatus } from './FeedStatus';
import type { TokenProvider } from './TokenProvider';

/**
 * `idle -> connecting -> open -> reconnecting -> closed`; `offline` while the
 * browser is offline or the page is hidden or frozen (no attempts are made).
 */
export type ConnectionStatus =
  | 'idle'
  | 'connecting'
  | 'open'
  | 'reconnecting'
  | 'offline'
  | 'closed';

export interface ConnectionState {
  readonly status: ConnectionStatus;
  /** Socket URL without credentials. */
  readonly url: string;
  /** Reconnect attempt number; 0 while the connection is healthy. */
  readonly attempt: number;
  /** Epoch ms of the next reconnect attempt, while `reconnecting`. */
  readonly nextRetryAt?: number;
  /** Why the connection is in this state (close reason, dead peer, auth failure). */
  readonly reason?: string;
  /** Close code of the last close, if any. */
  readonly closeCode?: number;
  /** The desired wire topics of this connection (what is replayed after a reconnect). */
  readonly topics?: readonly string[];
  /**
   * Subscription commands sent on the current socket and acks received for
   * them, where the protocol acknowledges (Plataforma E `subscribed`). Informative: nothing waits for acks.
   */
  readonly acks?: { readonly sent: number; readonly confirmed: number };
}

/** The client as a whole: the worst state of its connections (`idle` when it has none). */
export interface ClientState extends Omit<ConnectionState, 'url'> {
  readonly connections: readonly ConnectionState[];
}

export { FeedkitError, type FeedkitErrorCode } from './FeedkitError';

/**
 * A live feed. It is an RxJS observable whose subscription *is* the wire
 * subscription (shared and reference-counted), plus a synchronous current
 * value and listener API for `useSyncExternalStore` and Vue.
 */
export interface Feed<M> extends Observable<M> {
  readonly key: string;
  /** The latest message, or `undefined` before the first one. Stable between messages. */
  getSnapshot(): M | undefined;
  /**
   * Listens for changes of `getSnapshot()` (and of `gap`). Holding a listener
   * holds the wire subscription, like an observable subscription does.
   * Returns the function that removes it.
   */
  listen(listener: () => void): () => void;
  /** True after a reconnect until the next message: messages may have been missed. */
  readonly gap: boolean;
  /** The fatal error that ended the feed's connection (credentials refused, client closed), if any. */
  readonly error?: FeedkitError | undefined;
  /**
   * The feed's health for a badge: connecting, live, stale, reconnecting,
   * offline or failed, with `lastMessageAt`, `gap` and `error`. A new object
   * when it changes; stable otherwise.
   */
  readonly status: FeedStatus;
  /**
   * Listens for changes of `status` (every message changes `lastMessageAt`).
   * Like `listen`, holding it holds the wire subscription. Returns the function that removes it.
   */
  listenStatus(listener: () => void): () => void;
  /** `for await (const m of feed)`: a buffered iterator; `break` unsubscribes. */
  [Symbol.asyncIterator](): AsyncIterator<M>;
  /**
   * The next message the feed delivers (holding the feed until then); rejects
   * with the feed's fatal error (credentials refused, client closed).
   * @example const status = await client.feed('status').first();
   */
  first(): Promise<M>;
}

/**
 * Any system's adapter. Only the covariant members are named: `Adapter<In, Out>`
 * is invariant in its message types, so no single `Adapter<X, Y>` admits them all.
 */
export interface AnyAdapter {
  readonly system: SystemName;
  readonly feeds: FeedFactories;
  readonly decode: (frame: string) => DecodeResult<unknown>;
}

/** A protocol bound to its options: what `createClient({ protocol })` takes. */
export interface Protocol<A extends AnyAdapter = AnyAdapter, Rest = unknown> {
  readonly adapter: A;
  /** Credentials for the next (re)connect; called on every connect (`refresh: true` after a refusal). */
  readonly token?: TokenProvider;
  /** Extra query parameters on every socket URL of this protocol (Active Immune Core `client_id`). */
  readonly query?: Readonly<Record<string, string>>;
  /**
   * The server answers every subscription command (Plataforma E `subscribed`,
   * Active Immune Core's replies): an unanswered one is retried once, then
   * the socket is replaced.
   */
  readonly answersSubscriptions?: boolean;
  /** Builds the typed REST helpers for this system. */
  readonly rest: (http: Http) => Rest;
}

/** The fetch-based transport REST helpers run on (validates with the protocol's schemas). */
export interface Http {
  readonly baseUrl: string;
  request<Res>(
    method: 'GET' | 'POST',
    path: string,
    body: unknown,
    parse: (json: unknown) => Res,
    /** `signal` aborts the call (the connect deadline aborts a login with it). */
    init?: { readonly signal?: AbortSignal },
  ): Promise<Res>;
}

export type FeedName<P extends Protocol> = keyof AdapterFeeds<P['adapter']> & string;
export type FeedArgs<P extends Protocol, K extends FeedName<P>> = Parameters<
  AdapterFeeds<P['adapter']>[K]
>;
export type FeedOf<P extends Protocol, K extends FeedName<P>> = FeedMessage<
  ReturnType<AdapterFeeds<P['adapter']>[K]>
>;

/** The REST helpers a protocol builds. */
export type RestOf<P> = P extends { readonly rest: (http: Http) => infer R } ? R : never;

export interface FeedkitClient<P extends Protocol = Protocol, D extends DriftMode = 'report'> {
  readonly system: SystemName;
  readonly protocol: P;
  // The constraint is spelt out rather than `FeedName<P>` so that a misspelt name's
  // error lists the names ('"metrics" | "topic" | ...') instead of the alias.
  /**
   * The same name and arguments always return the same `Feed` object. With
   * `drift: 'deliver'` its messages may also be `DriftedMessage`s.
   */
  feed<K extends keyof AdapterFeeds<P['adapter']> & string>(
    name: K,
    ...args: FeedArgs<P, K>
  ): Feed<Drifting<FeedOf<P, K>, D>>;
  /** Messages of known types that failed validation, per system, type and failing path. */
  readonly drift: DriftSnapshot;
  /** `drift`, each time it changes: "the server sends what we don't expect". */
  readonly drift$: Observable<DriftSnapshot>;
  readonly state: ClientState;
  readonly state$: Observable<ClientState>;
  readonly errors$: Observable<FeedkitError>;
  /** Messages of types the seed does not name. */
  readonly unknown$: Observable<UnknownMessage>;
  /** Every decoded message, from every connection (for logging, CLI `--json`). */
  readonly messages$: Observable<AdapterIn<P['adapter']>>;
  /** Typed REST helpers of the system. */
  readonly rest: RestOf<P>;
  /** Sends a raw command on the connection of `path` (queued while disconnected). */
  send(path: string, command: AdapterOut<P['adapter']>): void;
  /** Reconnects every connection now (browser came online, tab visible). */
  reconnectNow(): void;
  /** Closes every socket with 1000 and stops all timers. The client cannot be reused. */
  close(): void;
}
