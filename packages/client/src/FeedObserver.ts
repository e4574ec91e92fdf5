import type { Feed } from './FeedkitClient';
import type { FeedkitError } from './FeedkitError';
import { Subscribable } from './Subscribable';

export interface FeedObserverOptions<M, S = M> {
  /**
   * The feed to watch. Changing it while listened to listens to the new feed
   * first and only then releases the old one, so two feeds on one socket
   * never drop its last holder in between.
   */
  readonly feed: Feed<M>;
  /**
   * Picks the part of the latest message the caller needs. Runs only when a
   * message arrives or the selector itself changes, never on a gap flip.
   *
   * @default the whole message
   * @example
   * { select: (m) => m.backends.find((b) => b.address === address) }
   */
  readonly select?: ((message: M) => S) | undefined;
  /**
   * Whether two selected values are the same, in which case the snapshot
   * keeps the previous one (same reference) and listeners are not called.
   *
   * @default Object.is
   */
  readonly isEqual?: ((a: S, b: S) => boolean) | undefined;
}

interface Listener {
  readonly notify: () => void;
}

/**
 * A selected view of one `Feed`: the framework-free core of React's and
 * Vue's `useFeed` (after TanStack Query's `QueryObserver`). It holds the
 * selector memoisation, equality and snapshot caching once, so each binding
 * only adapts `getSnapshot` / `listen` to its framework.
 *
 * - `getSnapshot()` is stable: the same reference until the selected value
 *   changes by `isEqual`.
 * - `listen()` calls back only when the snapshot or the feed's fatal `error`
 *   changed; gap flips and equal messages call nothing.
 * - Listening to the observer holds the feed (and with it the wire
 *   subscription) while it has at least one listener.
 *
 * @example
 * const observer = new FeedObserver({ feed: client.feed('metrics'), select: (m) => m.data.throughput });
 * const stop = observer.listen(() => render(observer.getSnapshot()));
 */
export class FeedObserver<M, S = M> {
  #options: FeedObserverOptions<M, S>;
  readonly #listeners: Subscribable<Listener>;
  #unlisten: (() => void) | undefined;
  /** The message the cached selection was made from; `stale` forces a re-select. */
  #message: M | undefined;
  #stale = true;
  #selected: S | undefined;
  /** What listeners were last told about, to call them only on a real change. */
  #seen: { value: S | undefined; error: FeedkitError | undefined } | undefined;

  constructor(options: FeedObserverOptions<M, S>) {
    this.#options = options;
    this.#listeners = new Subscribable<Listener>({
      onFirst: () => this.#listenTo(this.#options.feed),
      onLast: () => {
        this.#unlisten?.();
        this.#unlisten = undefined;
      },
    });
  }

  get feed(): Feed<M> {
    return this.#options.feed;
  }

  /** The fatal error that ended the feed's connection, if any. */
  get error(): FeedkitError | undefined {
    return this.#options.feed.error;
  }

  /**
   * Replaces the options. Pure data until the next `getSnapshot()`: nothing
   * is called back, so a binding may call it while rendering. A new feed is
   * listened to at once if the observer has listeners.
   */
  setOptions(options: FeedObserverOptions<M, S>): void {
    const previous = this.#options;
    this.#options = options;
    if (options.select !== previous.select) this.#stale = true;
    if (options.feed === previous.feed) return;
    this.#stale = true;
    if (this.#listeners.size > 0) this.#listenTo(options.feed);
  }

  /** The selected value of the latest message, `undefined` before the first one. */
  getSnapshot = (): S | undefined => {
    const message = this.#options.feed.getSnapshot();
    if (!this.#stale && Object.is(message, this.#message)) return this.#selected;
    this.#stale = false;
    this.#message = message;
    if (message === undefined) {
      this.#selected = undefined;
      return undefined;
    }
    const { select, isEqual = Object.is } = this.#options;
    const next = select ? select(message) : (message as unknown as S);
    const previous = this.#selected;
    // Keep the previous reference for an equal value: that is what makes the snapshot stable.
    if (previous === undefined || next === undefined || !isEqual(previous, next)) {
      this.#selected = next;
    }
    return this.#selected;
  };

  /** Calls `listener` when `getSnapshot()` or `error` changes; returns the function that stops it. */
  listen = (listener: () => void): (() => void) => this.#listeners.subscribe({ notify: listener });

  #listenTo(feed: Feed<M>): void {
    const previous = this.#unlisten;
    this.#seen = { value: this.getSnapshot(), error: feed.error };
    this.#unlisten = feed.listen(() => this.#onFeedChange());
    previous?.();
  }

  #onFeedChange(): void {
    const value = this.getSnapshot();
    const error = this.#options.feed.error;
    if (this.#seen && Object.is(value, this.#seen.value) && error === this.#seen.error) return;
    this.#seen = { value, error };
    for (const listener of [...this.#listeners.listeners]) listener.notify();
  }
}
