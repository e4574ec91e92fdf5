import type { AdapterIn, AdapterOut, FeedSpec, UnknownMessage } from '@feedkit/protocol';
import IsomorphicWebSocket from 'isomorphic-ws';
import { BehaviorSubject, type Observable, Subject } from 'rxjs';
import { type Backoff, fullJitterBackoff } from './Backoff';
import { browserTargets, type LifecycleTargets, watchBrowserLifecycle } from './BrowserLifecycle';
import { Connection, type HeartbeatSettings, type RetryContext } from './Connection';
import { createHttp } from './createHttp';
import type {
  ClientState,
  ConnectionState,
  ConnectionStatus,
  FeedArgs,
  FeedkitClient,
  FeedName,
  FeedOf,
  Protocol,
} from './FeedkitClient';
import { FeedkitError } from './FeedkitError';
import { type FeedHost, FeedStore } from './FeedStore';
import type { OutgoingQueueOptions } from './OutgoingQueue';
import type { WebSocketConstructor } from './WebSocketLike';

export interface ClientOptions<P extends Protocol> {
  /**
   * Base URL of the system's sockets; feed paths are appended to it. REST
   * calls go to the same host with the http(s) scheme.
   * @example 'ws://localhost:8080'
   */
  readonly url: string;
  /** The system and its credentials: `takhin({ apiKey })`, `helios({ username, password })`, ... */
  readonly protocol: P;
  /**
   * Wait before reconnect attempt `attempt` (1-based), in ms.
   * @default fullJitterBackoff(): uniform in [0, min(30 s, 1 s × 2^(attempt-1)))
   * @example backoff: () => 0 // tests
   */
  readonly backoff?: Backoff;
  /**
   * Asked before every reconnect; `false` closes the connection for good.
   * Auth failures are decided by the close-code table, not here.
   * @default () => true
   */
  readonly shouldRetry?: (context: RetryContext) => boolean;
  /**
   * How long a socket must stay open before the attempt counter (and the
   * auth retry) resets, so a server that accepts and closes at once still
   * backs off. @default 5000
   */
  readonly stableAfterMs?: number;
  /** How long a socket may take to open before it is abandoned and retried. @default 10000 */
  readonly connectTimeoutMs?: number;
  /**
   * Dead-peer detection; `false` turns it off.
   * @default { intervalMs: the system's own ping interval, timeoutMs: 2 × intervalMs }
   */
  readonly heartbeat?: HeartbeatSettings | false;
  /** How long a socket stays after its last feed left, so a re-mount does not churn it. @default 1000 */
  readonly linger?: number;
  /** Limits of the queue for messages sent while disconnected. @default { maxSize: 100, maxAgeMs: 30000 } */
  readonly queue?: OutgoingQueueOptions;
  /** Messages an async iterator buffers before it fails with `overflow`. @default 1000 */
  readonly iteratorBufferSize?: number;
  /** WebSocket implementation. @default isomorphic-ws (native in browsers, `ws` in Node) */
  readonly WebSocket?: WebSocketConstructor;
  /** fetch implementation for the REST helpers. @default globalThis.fetch */
  readonly fetch?: typeof fetch;
  /**
   * Reconnect at once on `online` and when a tab becomes visible after a long
   * sleep. `false` turns it off; an object injects the targets.
   * @default true when `window` and `document` exist
   */
  readonly lifecycle?: boolean | LifecycleTargets;
}

const rank: Record<ConnectionStatus, number> = {
  idle: 0,
  open: 1,
  connecting: 2,
  reconnecting: 3,
  closed: 4,
};

/**
 * Creates a client for one system. Nothing connects until a feed is
 * subscribed (or a message sent); sockets are shared per path.
 *
 * @example
 * const client = createClient({ url: 'ws://localhost:8080', protocol: takhin({ apiKey }) });
 * client.feed('metrics').subscribe((m) => console.log(m.data.throughput.produceRate));
 */
export function createClient<P extends Protocol>(options: ClientOptions<P>): FeedkitClient<P> {
  type In = AdapterIn<P['adapter']>;
  type Out = AdapterOut<P['adapter']>;
  const { protocol } = options;
  const adapter = protocol.adapter as unknown as import('@feedkit/protocol').Adapter<In, Out>;
  const system = adapter.system;
  const baseUrl = options.url.replace(/\/+$/, '');

  const connections = new Map<string, Connection<In, Out>>();
  const feeds = new Map<string, FeedStore<In>>();
  // A feed nobody holds is forgotten after the linger, so a client asked for
  // many distinct keys over its life (topics, projects) does not grow forever.
  const evictions = new Map<FeedStore<In>, ReturnType<typeof setTimeout>>();
  const lingerMs = options.linger ?? 1000;
  const state$ = new BehaviorSubject<ClientState>({ status: 'idle', attempt: 0, connections: [] });
  const errors$ = new Subject<FeedkitError>();
  const unknown$ = new Subject<UnknownMessage>();
  const messages$ = new Subject<In>();
  let closed = false;

  const heartbeat = options.heartbeat ?? {};
  const http = createHttp({ baseUrl: httpUrl(baseUrl), system, fetch: options.fetch });
  const tokenProvider = protocol.token;
  const WebSocketImpl =
    options.WebSocket ?? (IsomorphicWebSocket as unknown as WebSocketConstructor);

  function publishState(): void {
    if (closed) return;
    const all: ConnectionState[] = [...connections.values()].map((c) => c.state);
    let worst: ConnectionState | undefined;
    for (const s of all) if (worst === undefined || rank[s.status] > rank[worst.status]) worst = s;
    state$.next(
      worst === undefined
        ? { status: 'idle', attempt: 0, connections: all }
        : {
            status: worst.status,
            attempt: worst.attempt,
            nextRetryAt: worst.nextRetryAt,
            reason: worst.reason,
            closeCode: worst.closeCode,
            connections: all,
          },
    );
  }

  function socketUrl(path: string): string {
    const url = new URL(`${baseUrl}${path}`);
    for (const [name, value] of Object.entries(protocol.query ?? {})) {
      url.searchParams.set(name, value);
    }
    return url.toString();
  }

  function connectionFor(path: string): Connection<In, Out> {
    const existing = connections.get(path);
    if (existing) return existing;
    const connection: Connection<In, Out> = new Connection<In, Out>({
      url: socketUrl(path),
      adapter,
      token: tokenProvider && ((request) => tokenProvider({ refresh: request.refresh, http })),
      WebSocket: WebSocketImpl,
      backoff: options.backoff ?? fullJitterBackoff(),
      shouldRetry: options.shouldRetry ?? (() => true),
      stableAfterMs: options.stableAfterMs ?? 5000,
      connectTimeoutMs: options.connectTimeoutMs ?? 10_000,
      heartbeat,
      queue: options.queue ?? {},
      lingerMs,
      events: {
        state: publishState,
        error: (error) => errors$.next(error),
        message: (message) => messages$.next(message),
        unknown: (message) => unknown$.next(message),
        ended: (fatal) => {
          // A fatal end (refused credentials) stays visible in `state`; a lingering close just goes.
          if (!fatal && connections.get(path) === connection) connections.delete(path);
          publishState();
        },
      },
    });
    connections.set(path, connection);
    return connection;
  }

  const host: FeedHost<In> = {
    system,
    iteratorBufferSize: options.iteratorBufferSize ?? 1000,
    attach(feed) {
      if (closed) {
        feed.fail(clientClosed());
        return;
      }
      const eviction = evictions.get(feed);
      if (eviction !== undefined) {
        clearTimeout(eviction);
        evictions.delete(feed);
      }
      // A holder kept the object across an eviction: it is the shared one again.
      if (!feeds.has(feed.key)) feeds.set(feed.key, feed);
      connectionFor(feed.spec.path).addFeed(feed);
    },
    detach(feed) {
      connections.get(feed.spec.path)?.removeFeed(feed);
      if (closed) return;
      // A feed that failed for good is forgotten at once: asking again starts afresh.
      if (feed.error) {
        if (feeds.get(feed.key) === feed) feeds.delete(feed.key);
        return;
      }
      evictions.set(
        feed,
        setTimeout(() => {
          evictions.delete(feed);
          if (feed.holders === 0 && feeds.get(feed.key) === feed) feeds.delete(feed.key);
        }, lingerMs),
      );
    },
    report: (error) => errors$.next(error),
  };

  function clientClosed(): FeedkitError {
    return new FeedkitError('connection', `${system} client is closed; create a new client`, {
      system,
      fatal: true,
    });
  }

  const lifecycleTargets =
    options.lifecycle === false
      ? undefined
      : options.lifecycle === true || options.lifecycle === undefined
        ? browserTargets()
        : options.lifecycle;
  const hiddenLongerThanMs = heartbeat
    ? (heartbeat.timeoutMs ?? 2 * (heartbeat.intervalMs ?? adapter.heartbeat?.intervalMs ?? 15_000))
    : 2 * (adapter.heartbeat?.intervalMs ?? 15_000);
  const stopLifecycle = lifecycleTargets
    ? watchBrowserLifecycle(lifecycleTargets, {
        reconnect: () => client.reconnectNow(),
        hiddenLongerThanMs,
      })
    : undefined;

  const client: FeedkitClient<P> = {
    system,
    protocol,
    feed<K extends FeedName<P>>(name: K, ...args: FeedArgs<P, K>) {
      const factory = (adapter.feeds as Record<string, (...a: unknown[]) => FeedSpec<In>>)[name];
      if (typeof factory !== 'function') {
        throw new FeedkitError('protocol', `${system} has no feed named '${String(name)}'`, {
          system,
        });
      }
      const spec = factory(...args);
      let feed = feeds.get(spec.key);
      if (!feed) {
        feed = new FeedStore<In>(spec, host);
        feeds.set(spec.key, feed);
      }
      return feed as unknown as FeedStore<FeedOf<P, K>>;
    },
    get state() {
      return state$.value;
    },
    state$: state$.asObservable(),
    errors$: errors$.asObservable(),
    unknown$: unknown$.asObservable(),
    messages$: messages$.asObservable() as Observable<In>,
    rest: protocol.rest(http) as FeedkitClient<P>['rest'],
    send(path, command) {
      if (closed) {
        errors$.next(clientClosed());
        return;
      }
      connectionFor(path).send(command as Out);
    },
    reconnectNow() {
      for (const connection of connections.values()) connection.reconnectNow();
    },
    close() {
      if (closed) return;
      // Publish the last state before `closed` silences publishState.
      const last = state$.value;
      closed = true;
      stopLifecycle?.();
      for (const eviction of evictions.values()) clearTimeout(eviction);
      evictions.clear();
      for (const connection of [...connections.values()]) connection.close();
      connections.clear();
      for (const feed of feeds.values()) feed.complete();
      state$.next({ ...last, status: 'closed', reason: 'closed by the client', connections: [] });
      state$.complete();
      errors$.complete();
      unknown$.complete();
      messages$.complete();
    },
  };
  return client;
}

/** `ws://host/x` -> `http://host/x`, `wss:` -> `https:`. */
function httpUrl(url: string): string {
  return url.replace(/^ws(s?):/i, 'http$1:');
}
