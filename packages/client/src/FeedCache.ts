import type { FeedSpec, SystemName } from '@feedkit/protocol';
import type { FeedkitError } from './FeedkitError';
import { type FeedHost, FeedStore } from './FeedStore';

/** Where a feed goes when it is held: the channel of its socket path. */
export interface FeedChannels<M> {
  /** The channel of `path`, created when missing. */
  open(path: string): { add(feed: FeedStore<M>): void };
  /** The channel of `path`, if there is one. */
  get(path: string): { remove(feed: FeedStore<M>): void; probe(): void } | undefined;
}

export interface FeedCacheOptions<M> {
  readonly system: SystemName;
  readonly iteratorBufferSize: number;
  /** How long a feed nobody holds is kept (its snapshot survives a re-mount). */
  readonly gcMs: number;
  readonly channels: FeedChannels<M>;
  /** Errors that belong to no channel (an iterator overflowed). */
  readonly report: (error: FeedkitError) => void;
  /** The error feeds fail with once the client is closed. */
  readonly closedError: () => FeedkitError;
  /** Silence after which a feed is stale; `undefined`: never. */
  readonly staleAfterMs: (spec: FeedSpec<M>) => number | undefined;
}

/**
 * The feed objects of one client, by key (after TanStack Query's
 * `QueryCache` and `Removable`): the same key returns the same `FeedStore`
 * while anyone holds it and for `gcMs` after, so a client asked for many
 * distinct keys over its life does not grow forever.
 */
export class FeedCache<M> implements FeedHost<M> {
  readonly system: SystemName;
  readonly iteratorBufferSize: number;
  readonly #o: FeedCacheOptions<M>;
  readonly #feeds = new Map<string, FeedStore<M>>();
  #closed = false;

  constructor(options: FeedCacheOptions<M>) {
    this.#o = options;
    this.system = options.system;
    this.iteratorBufferSize = options.iteratorBufferSize;
  }

  /** The shared feed of `spec.key`. */
  get(spec: FeedSpec<M>): FeedStore<M> {
    let feed = this.#feeds.get(spec.key);
    if (!feed) {
      feed = new FeedStore<M>(spec, this);
      this.#feeds.set(spec.key, feed);
    }
    return feed;
  }

  attach(feed: FeedStore<M>): void {
    if (this.#closed) {
      feed.fail(this.#o.closedError());
      return;
    }
    feed.cancelRemoval();
    // A holder kept the object across an eviction: it is the shared one again.
    if (!this.#feeds.has(feed.key)) this.#feeds.set(feed.key, feed);
    this.#o.channels.open(feed.spec.path).add(feed);
  }

  detach(feed: FeedStore<M>): void {
    this.#o.channels.get(feed.spec.path)?.remove(feed);
    if (this.#closed || this.#feeds.get(feed.key) !== feed) return;
    // A feed that failed for good is forgotten at once: asking again starts afresh.
    if (feed.error) this.#feeds.delete(feed.key);
    else feed.scheduleRemoval(this.#o.gcMs, () => this.#forget(feed));
  }

  report(error: FeedkitError): void {
    this.#o.report(error);
  }

  probe(feed: FeedStore<M>): void {
    this.#o.channels.get(feed.spec.path)?.probe();
  }

  staleAfterMs(spec: FeedSpec<M>): number | undefined {
    return this.#o.staleAfterMs(spec);
  }

  /** Completes every feed; later holders fail with `closedError`. */
  close(): void {
    this.#closed = true;
    for (const feed of this.#feeds.values()) {
      feed.cancelRemoval();
      feed.complete();
    }
  }

  #forget(feed: FeedStore<M>): void {
    if (this.#feeds.get(feed.key) === feed) this.#feeds.delete(feed.key);
  }
}
