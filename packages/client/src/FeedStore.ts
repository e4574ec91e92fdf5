import type { FeedSpec, SystemName } from '@feedkit/protocol';
import { Observable, type Subscriber } from 'rxjs';
import { FeedFreshness } from './FeedFreshness';
import { FeedIterator } from './FeedIterator';
import type { ConnectionState, Feed } from './FeedkitClient';
import { FeedkitError } from './FeedkitError';
import { type FeedStatus, feedStatus } from './FeedStatus';
import { Subscribable } from './Subscribable';

/** One holder of a feed: an observable subscriber, a `listen()` callback or an iterator. */
interface Holder<M> {
  next?(message: M): void;
  change?(): void;
  /** `status` changed (a `listenStatus` holder). */
  status?(): void;
  fail?(error: FeedkitError): void;
  complete?(): void;
}

/** What a feed needs from its cache. */
export interface FeedHost<M> {
  /** The first holder arrived: add the feed's topics, open its channel. */
  attach(feed: FeedStore<M>): void;
  /** The last holder left: remove its topics; the channel may linger and close. */
  detach(feed: FeedStore<M>): void;
  /** Reports an error that belongs to no channel (an iterator overflowed). */
  report(error: FeedkitError): void;
  /** Most messages an async iterator buffers before it fails with `overflow`. */
  readonly iteratorBufferSize: number;
  readonly system: SystemName;
  /** The feed turned stale while its socket is open: check that socket. */
  probe(feed: FeedStore<M>): void;
  /** Silence after which a feed is stale; `undefined`: never. */
  staleAfterMs(spec: FeedSpec<M>): number | undefined;
}

/**
 * The one object behind `client.feed(...)`: an RxJS observable whose
 * subscription is the wire subscription, plus the current value, a listener
 * API and async iteration. Every kind of holder goes through one
 * `Subscribable`, so the first of any kind attaches the feed to its
 * channel and the last one detaches it. Messages arrive already decoded
 * and are handed to every holder by reference.
 */
export class FeedStore<M> extends Observable<M> implements Feed<M> {
  readonly key: string;
  readonly spec: FeedSpec<M>;
  readonly #host: FeedHost<M>;
  readonly #holders: Subscribable<Holder<M>>;
  #snapshot: M | undefined;
  #gap = false;
  #error: FeedkitError | undefined;
  #removal: ReturnType<typeof setTimeout> | undefined;
  readonly #freshness: FeedFreshness;
  #connection: ConnectionState | undefined;
  /** `status`, computed on first read after a change. */
  #status: FeedStatus | undefined;

  constructor(spec: FeedSpec<M>, host: FeedHost<M>) {
    super((subscriber) => (this as FeedStore<M>).#observe(subscriber));
    this.key = spec.key;
    this.spec = spec;
    this.#host = host;
    this.#holders = new Subscribable<Holder<M>>({
      onFirst: () => host.attach(this),
      onLast: () => {
        this.#freshness.stop();
        host.detach(this);
      },
    });
    this.#freshness = new FeedFreshness({
      staleAfterMs: host.staleAfterMs(spec),
      onStale: () => {
        this.#notifyStatus();
        host.probe(this);
      },
    });
  }

  get status(): FeedStatus {
    this.#status ??= feedStatus({
      connection: this.#connection,
      lastMessageAt: this.#freshness.lastMessageAt,
      stale: this.#freshness.stale,
      gap: this.#gap,
      error: this.#error,
    });
    return this.#status;
  }

  getSnapshot(): M | undefined {
    return this.#snapshot;
  }

  get gap(): boolean {
    return this.#gap;
  }

  /** The fatal error that ended this feed's connection, if any (auth refused, client closed). */
  get error(): FeedkitError | undefined {
    return this.#error;
  }

  /** How many holders (subscribers, listeners, iterators) the feed has. */
  get holders(): number {
    return this.#holders.size;
  }

  listen(listener: () => void): () => void {
    return this.#holders.subscribe({ change: listener });
  }

  listenStatus(listener: () => void): () => void {
    return this.#holders.subscribe({ status: listener });
  }

  first(): Promise<M> {
    if (this.#error) return Promise.reject(this.#error);
    return new Promise<M>((resolve, reject) => {
      let settled = false;
      let remove: (() => void) | undefined;
      const settle = (done: () => void) => {
        if (settled) return;
        settled = true;
        done();
        remove?.();
      };
      remove = this.#holders.subscribe({
        next: (message) => settle(() => resolve(message)),
        fail: (error) => settle(() => reject(error)),
        complete: () => settle(() => reject(this.#closed())),
      });
      // A holder that settled while subscribing (a closed client) lets go at once.
      if (settled) remove();
    });
  }

  #closed(): FeedkitError {
    return new FeedkitError(
      'connection',
      `feed '${this.key}': the client was closed before a message arrived`,
      {
        system: this.#host.system,
        fatal: true,
      },
    );
  }

  // ---- called by the cache (TanStack's Removable) ----

  /** @internal Forgets this feed after `ms` unless a holder comes back first. */
  scheduleRemoval(ms: number, remove: () => void): void {
    this.cancelRemoval();
    this.#removal = setTimeout(() => {
      this.#removal = undefined;
      if (this.holders === 0) remove();
    }, ms);
  }

  /** @internal */
  cancelRemoval(): void {
    clearTimeout(this.#removal);
    this.#removal = undefined;
  }

  // ---- called by the channel ----

  deliver(message: M): void {
    this.#freshness.message();
    this.#status = undefined;
    this.#snapshot = message;
    this.#gap = false;
    this.#error = undefined;
    for (const holder of this.#holders.listeners) {
      holder.next?.(message);
      if (holder.change) notify(holder.change);
      if (holder.status) notify(holder.status);
    }
  }

  /** A reconnect happened: messages may have been missed until the next one. */
  markGap(): void {
    if (this.#gap) return;
    this.#gap = true;
    this.#notifyChange();
  }

  /** The state of the feed's connection changed: listeners hear of it when the status does. */
  connectionChanged(state: ConnectionState): void {
    this.#connection = state;
    const before = this.status;
    this.#freshness.connected(state.status === 'open');
    this.#status = undefined;
    const after = this.status;
    if (
      after.status !== before.status ||
      after.reason !== before.reason ||
      after.nextRetryAt !== before.nextRetryAt
    ) {
      this.#notifyStatus();
    }
  }

  /** The connection ended for good: observers error, iterators throw, listeners are told. */
  fail(error: FeedkitError): void {
    this.#error = error;
    this.#status = undefined;
    for (const holder of [...this.#holders.listeners]) {
      holder.fail?.(error);
      if (holder.change) notify(holder.change);
      if (holder.status) notify(holder.status);
    }
  }

  /** The client closed: observers and iterators complete. */
  complete(): void {
    for (const holder of [...this.#holders.listeners]) holder.complete?.();
  }

  #notifyChange(): void {
    this.#status = undefined;
    for (const holder of this.#holders.listeners) {
      if (holder.change) notify(holder.change);
      if (holder.status) notify(holder.status);
    }
  }

  #notifyStatus(): void {
    this.#status = undefined;
    for (const holder of this.#holders.listeners) if (holder.status) notify(holder.status);
  }

  #observe(subscriber: Subscriber<M>): () => void {
    return this.#holders.subscribe({
      next: (message) => subscriber.next(message),
      fail: (error) => subscriber.error(error),
      complete: () => subscriber.complete(),
    });
  }

  [Symbol.asyncIterator](): AsyncIterator<M> {
    const size = this.#host.iteratorBufferSize;
    return new FeedIterator<M>({
      subscribe: (holder) => this.#holders.subscribe(holder),
      bufferSize: size,
      overflow: (message) => {
        const error = new FeedkitError(
          'overflow',
          `feed '${this.key}': the async iterator fell ${size} messages behind; iteration stopped (consume faster or subscribe instead)`,
          { system: this.#host.system, dropped: message },
        );
        this.#host.report(error);
        return error;
      },
    });
  }
}

/** A listener that throws must not stop delivery to the others; rethrow it outside the loop. */
function notify(listener: () => void): void {
  try {
    listener();
  } catch (error) {
    queueMicrotask(() => {
      throw error;
    });
  }
}
