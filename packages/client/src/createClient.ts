import type {
  Adapter,
  AdapterIn,
  AdapterOut,
  FeedSpec,
  SystemName,
  UnknownMessage,
} from '@feedkit/protocol';
import IsomorphicWebSocket from 'isomorphic-ws';
import { BehaviorSubject, type Observable, Subject } from 'rxjs';
import { checkedBackoff } from './Backoff';
import { lifecycleSetup, watchBrowserLifecycle } from './BrowserLifecycle';
import { Channel, type ChannelOptions } from './Channel';
import type { ChannelLike } from './ChannelLike';
import type { ClientOptions } from './ClientOptions';
import { Connection } from './Connection';
import type { ConnectionOptions } from './ConnectionOptions';
import { channelLifecycle } from './channelLifecycle';
import { checkUrl } from './checkUrl';
import { clientState, sameClientState } from './clientState';
import { createHttp } from './createHttp';
import { DriftCounter, type DriftMode } from './Drift';
import { decorrelatedJitterBackoff } from './decorrelatedJitterBackoff';
import { FeedCache } from './FeedCache';
import { staleAfterTwoCadences } from './FeedFreshness';
import type { AnyAdapter, ClientState, FeedkitClient, Http, Protocol } from './FeedkitClient';
import { FeedkitError } from './FeedkitError';
import { upgradeProbe } from './probeUpgrade';
import { shareStrategy } from './ShareStrategy';
import { TokenRenewals } from './TokenRenewal';
import type { TransportFactory } from './Transport';
import { tlsFetch } from './tlsFetch';
import { unheardErrors } from './unheardErrors';
import type { WebSocketConstructor } from './WebSocketLike';

export type { ClientOptions } from './ClientOptions';

/**
 * Creates a client for one system. Nothing connects until a feed is
 * subscribed (or a message sent); sockets are shared per path.
 *
 * @example
 * const client = createClient({ url: 'ws://localhost:8080', protocol: takhin({ apiKey }) });
 * client.feed('metrics').subscribe((m) => console.log(m.data.throughput.produceRate));
 */
export function createClient<P extends Protocol, D extends DriftMode = 'report'>(
  options: ClientOptions<P, D>,
): FeedkitClient<P, D> {
  type In = AdapterIn<P['adapter']>;
  type Out = AdapterOut<P['adapter']>;
  const { protocol } = options;
  const adapter = protocol.adapter as unknown as Adapter<In, Out>;
  const system = adapter.system;
  checkUrl(options.url, system);
  const baseUrl = joinBase(options.url, options.basePath);
  const lingerMs = options.linger ?? 1000;
  const http = createHttp({ ...restOptions(options), baseUrl: httpUrl(baseUrl), system });
  const [state$, errors$, unknown$, messages$] = [
    new BehaviorSubject<ClientState>(clientState([])),
    new Subject<FeedkitError>(),
    new Subject<UnknownMessage>(),
    new Subject<In>(),
  ] as const;
  const channels = new Map<string, ChannelLike<In, Out>>();
  const drift = new DriftCounter();
  const unheard = unheardErrors(options.logger);
  const report = (error: FeedkitError) => (errors$.observed ? errors$.next(error) : unheard(error));
  let closed = false;
  const page = channelLifecycle(
    () => channels.values(),
    () => client.reconnectNow(),
  );
  const publishState = () => {
    const state = clientState([...channels.values()].map((c) => c.state));
    // Channels publish on every step (open, then the replayed subscriptions); users hear changes.
    if (!closed && !sameClientState(state$.value, state)) state$.next(state);
  };
  const events: ChannelOptions<In, Out>['events'] = {
    drift: (error) => drift.count(system, error),
    state: publishState,
    error: report,
    message: (message) => messages$.next(message),
    unknown: (message) => unknown$.next(message),
    ended: publishState,
  };
  // `share`: the sockets live in the owner of shared sockets, the channels are its proxies.
  const shared = shareStrategy(options.share, system)?.connect<In>({
    adapter: adapter as unknown as Adapter<unknown, unknown>,
    options,
    http,
    events,
  });
  const channelFor = channelsOn<In, Out>(
    channels,
    {
      ...channelDefaults(options, lingerMs),
      url: (path) => socketUrl(baseUrl, path, protocol.query),
      adapter,
      transport: connectionFactory(options, adapter, http, report),
      created: page.created,
      events,
    },
    shared ? (path, o) => shared.channel<Out>(path, o) : (_path, o) => new Channel<In, Out>(o),
  );
  const clientClosed = () => closedClientError(system);
  const cache = new FeedCache<In>({
    system,
    iteratorBufferSize: options.iteratorBufferSize ?? 1000,
    gcMs: lingerMs,
    channels: { open: channelFor, get: (path) => channels.get(path) },
    report,
    closedError: clientClosed,
    staleAfterMs: options.staleAfter ?? staleAfterTwoCadences,
  });
  const lifecycle = lifecycleSetup(options.lifecycle);
  const stopLifecycle =
    lifecycle && watchBrowserLifecycle(lifecycle.targets, page, lifecycle.options);

  const client: FeedkitClient<P, D> = {
    system,
    protocol,
    feed: (name, ...args) => {
      const feed = cache.get(specOf(adapter, name, args));
      shared?.remember(feed, name, args);
      return feed as never;
    },
    get state() {
      return state$.value;
    },
    get drift() {
      return drift.snapshot;
    },
    drift$: drift.snapshot$,
    state$: state$.asObservable(),
    errors$: errors$.asObservable(),
    unknown$: unknown$.asObservable(),
    messages$: messages$.asObservable() as Observable<In>,
    rest: protocol.rest(http) as FeedkitClient<P, D>['rest'],
    send(path, command) {
      if (closed) report(clientClosed());
      else channelFor(path).send(command as Out);
    },
    reconnectNow() {
      for (const channel of channels.values()) channel.reconnectNow();
    },
    close() {
      if (closed) return;
      // Publish the last state before `closed` silences publishState.
      const last = state$.value;
      closed = true;
      stopLifecycle?.();
      for (const channel of [...channels.values()]) channel.close();
      channels.clear();
      cache.close();
      shared?.close();
      state$.next({ ...last, status: 'closed', reason: 'closed by the client', connections: [] });
      for (const subject of [state$, errors$, unknown$, messages$, drift]) subject.complete();
    },
  };
  return client;
}

function restOptions(options: ClientOptions<Protocol, DriftMode>) {
  // `tls` reaches REST too (the Helios login, the endpoints): Node's global fetch takes no CA.
  const fetch = options.fetch ?? (options.tls ? tlsFetch(options.tls) : undefined);
  return { fetch, headers: options.headers, timeoutMs: options.requestTimeoutMs };
}

/** The channel options that come straight from the client's options. */
function channelDefaults(options: ClientOptions<Protocol, DriftMode>, lingerMs: number) {
  const acks = options.protocol.answersSubscriptions;
  return {
    queue: options.queue ?? {},
    lingerMs,
    drift: options.drift ?? 'report',
    acks: acks ? { timeoutMs: options.ackTimeoutMs ?? 10_000 } : undefined,
  };
}

function closedClientError(system: SystemName): FeedkitError {
  return new FeedkitError('connection', `${system} client is closed; create a new client`, {
    system,
    fatal: true,
  });
}

/**
 * `channelFor(path)`: the channel of a socket path, created on first use.
 * A fatal end (refused credentials) stays visible in the client's state; a
 * lingering close just goes.
 */
function channelsOn<In, Out>(
  channels: Map<string, ChannelLike<In, Out>>,
  config: Omit<ChannelOptions<In, Out>, 'url'> & {
    readonly url: (path: string) => string;
    readonly created: (channel: ChannelLike<In, Out>) => void;
  },
  create: (path: string, options: ChannelOptions<In, Out>) => ChannelLike<In, Out>,
): (path: string) => ChannelLike<In, Out> {
  return function channelFor(path) {
    const existing = channels.get(path);
    if (existing) return existing;
    const channel: ChannelLike<In, Out> = create(path, {
      ...config,
      url: config.url(path),
      events: {
        ...config.events,
        ended: (fatal) => {
          if (!fatal && channels.get(path) === channel) channels.delete(path);
          config.events.ended(fatal);
        },
      },
    });
    channels.set(path, channel);
    config.created(channel);
    return channel;
  };
}

function specOf<In>(adapter: AnyAdapter, name: string, args: unknown[]): FeedSpec<In> {
  const factory = (adapter.feeds as unknown as Record<string, (...a: unknown[]) => FeedSpec<In>>)[
    name
  ];
  if (typeof factory !== 'function') {
    const known = Object.keys(adapter.feeds).join(', ');
    throw new FeedkitError(
      'protocol',
      `${adapter.system} has no feed named '${name}'; its feeds: ${known}`,
      {
        system: adapter.system,
      },
    );
  }
  return factory(...args);
}

/** Every channel's socket is a `Connection` configured from the client's options. */
function connectionFactory<In, Out>(
  options: ClientOptions<Protocol, DriftMode>,
  adapter: Adapter<In, Out>,
  http: Http,
  report: (error: FeedkitError) => void,
): TransportFactory {
  const provider = options.protocol.token;
  const system = adapter.system;
  const connectTimeoutMs = options.connectTimeoutMs ?? 10_000;
  // One renewal in flight for every socket of this client; a renewal asks for a fresh token.
  const renewals =
    provider &&
    new TokenRenewals(() =>
      provider({ refresh: true, http, signal: AbortSignal.timeout(connectTimeoutMs) }),
    );
  const connection: ConnectionOptions = {
    system,
    auth: adapter.auth,
    token: provider && ((request) => provider({ ...request, http })),
    renewToken: renewals && ((notBefore) => renewals.renew(notBefore)),
    WebSocket: options.WebSocket ?? (IsomorphicWebSocket as unknown as WebSocketConstructor),
    socket: { authQueryParam: options.authQueryParam, headers: options.headers, tls: options.tls },
    backoff: checkedBackoff(options.backoff ?? decorrelatedJitterBackoff(), (problem) =>
      report(new FeedkitError('config', `the backoff option ${problem}`, { system })),
    ),
    shouldRetry: options.shouldRetry ?? (() => true),
    stableAfterMs: options.stableAfterMs ?? 5000,
    connectTimeoutMs,
    heartbeat: options.heartbeat ?? {},
    systemPing: adapter.heartbeat,
    probe: upgradeProbe({
      fetch: options.fetch,
      timeoutMs: Math.min(options.connectTimeoutMs ?? 10_000, 5000),
    }),
  };
  return (url, owner) => new Connection(url, connection, owner);
}

/** The URL plus the base path, without trailing slashes (feed paths start with one). */
function joinBase(url: string, basePath = ''): string {
  const prefix = basePath.replace(/^\/*/, '/').replace(/\/+$/, '');
  return `${url.replace(/\/+$/, '')}${prefix === '/' ? '' : prefix}`;
}

function socketUrl(
  baseUrl: string,
  path: string,
  query: Readonly<Record<string, string>> | undefined,
): string {
  const url = new URL(`${baseUrl}${path}`);
  for (const [name, value] of Object.entries(query ?? {})) url.searchParams.set(name, value);
  return url.toString();
}

/** `ws://host/x` -> `http://host/x`, `wss:` -> `https:`. */
function httpUrl(url: string): string {
  return url.replace(/^ws(s?):/i, 'http$1:');
}
