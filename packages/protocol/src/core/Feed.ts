/**
 * What a user asks for by name (`metrics`, `project('PROJ-001')`): a socket
 * path plus, where the protocol has them, wire topics on that socket.
 * Feeds with the same `path` share one connection.
 */
export interface FeedSpec<M = unknown> {
  /** Stable identity: the same key means the same shared feed. */
  readonly key: string;
  /** Path and query of the socket, relative to the system's base URL. */
  readonly path: string;
  /** Topics this feed needs on its connection (the adapter's `reconcile` turns them into wire messages). */
  readonly topics: readonly string[];
  /** Does an incoming message belong to this feed? Called once per message per feed on the connection. */
  readonly accepts: (message: unknown) => message is M;
  /**
   * For protocols without a heartbeat (VeloFlux): the longest silence that
   * is still normal on this feed, after which the peer is presumed dead.
   */
  readonly silenceTimeoutMs?: number;
  /**
   * How often the system sends this feed's message when nothing is wrong,
   * where its document says so (Takhin metrics every 2 s). A feed silent for
   * about twice its cadence while its socket is open is stale. Event feeds
   * have none and are never stale.
   */
  readonly cadenceMs?: number;
}

/** The message type a feed delivers. */
export type FeedMessage<F> = F extends FeedSpec<infer M> ? M : never;

/** A record of named feed factories: `{ metrics: () => FeedSpec<...>, topic: (name) => FeedSpec<...> }`. */
export type FeedFactories = { readonly [name: string]: (...args: never[]) => FeedSpec<unknown> };

/** Builds a feed spec whose `accepts` narrows to `M`. */
export function defineFeed<M>(spec: {
  key: string;
  path: string;
  topics?: readonly string[];
  accepts: (message: unknown) => boolean;
  silenceTimeoutMs?: number;
  cadenceMs?: number;
}): FeedSpec<M> {
  return {
    key: spec.key,
    path: spec.path,
    topics: spec.topics ?? [],
    accepts: spec.accepts as (message: unknown) => message is M,
    silenceTimeoutMs: spec.silenceTimeoutMs,
    cadenceMs: spec.cadenceMs,
  };
}
