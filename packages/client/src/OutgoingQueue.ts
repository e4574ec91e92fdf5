export interface OutgoingQueueOptions {
  /** Most messages held while disconnected. @default 100 */
  readonly maxSize?: number;
  /** Oldest a held message may get before it is dropped, in ms. @default 30000 */
  readonly maxAgeMs?: number;
}

export interface QueuedMessage<T> {
  readonly item: T;
  readonly queuedAt: number;
}

/**
 * Messages sent while disconnected, bounded by count and age. It never drops
 * silently: every method that drops returns what it dropped, and the
 * connection reports each one as an `overflow` error.
 */
export class OutgoingQueue<T> {
  readonly maxSize: number;
  readonly maxAgeMs: number;
  #items: QueuedMessage<T>[] = [];

  constructor(options: OutgoingQueueOptions = {}) {
    this.maxSize = options.maxSize ?? 100;
    this.maxAgeMs = options.maxAgeMs ?? 30_000;
  }

  get size(): number {
    return this.#items.length;
  }

  /** Queues `item`; returns it back when the queue is full (the new message is the one refused). */
  push(item: T, now: number): T | undefined {
    if (this.#items.length >= this.maxSize) return item;
    this.#items.push({ item, queuedAt: now });
    return undefined;
  }

  /** Removes and returns the messages older than `maxAgeMs`. */
  expire(now: number): T[] {
    const cutoff = now - this.maxAgeMs;
    let i = 0;
    while (i < this.#items.length && (this.#items[i] as QueuedMessage<T>).queuedAt <= cutoff) i++;
    if (i === 0) return [];
    return this.#items.splice(0, i).map((entry) => entry.item);
  }

  /** When the oldest message expires (epoch ms), or `undefined` when empty. */
  nextExpiry(): number | undefined {
    const first = this.#items[0];
    return first === undefined ? undefined : first.queuedAt + this.maxAgeMs;
  }

  /** Removes and returns everything, oldest first. */
  drain(): T[] {
    const items = this.#items.map((entry) => entry.item);
    this.#items = [];
    return items;
  }
}
