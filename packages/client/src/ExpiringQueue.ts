import { OutgoingQueue, type OutgoingQueueOptions } from './OutgoingQueue';

export interface ExpiringQueueOptions<T> {
  readonly queue: OutgoingQueueOptions;
  /** How a dropped message reads in its report. */
  readonly describe: (item: T) => string;
  /** A message was dropped (queue full, too old, or the connection closed); `message` says why. */
  readonly dropped: (message: string, item: T) => void;
  /** An expiry timer fired and reported what it dropped. */
  readonly afterExpiry: () => void;
}

/**
 * A channel's messages sent while disconnected: an `OutgoingQueue` plus the
 * timer that drops each message when it gets too old. Every drop is
 * reported through `dropped`, never silent.
 */
export class ExpiringQueue<T> {
  readonly #o: ExpiringQueueOptions<T>;
  readonly #queue: OutgoingQueue<T>;
  #timer: ReturnType<typeof setTimeout> | undefined;

  constructor(options: ExpiringQueueOptions<T>) {
    this.#o = options;
    this.#queue = new OutgoingQueue<T>(options.queue);
  }

  get size(): number {
    return this.#queue.size;
  }

  /** Queues `item` (a full queue refuses it, reported) and arms the expiry timer. */
  hold(item: T): void {
    const refused = this.#queue.push(item, Date.now());
    if (refused !== undefined) {
      this.#o.dropped(
        `outgoing queue full (${this.#queue.maxSize} messages) while disconnected; dropped ${this.#o.describe(refused)}`,
        refused,
      );
    }
    this.#arm();
  }

  /** Reports and removes the messages that waited too long. */
  expire(): void {
    for (const dropped of this.#queue.expire(Date.now())) {
      this.#o.dropped(
        `${this.#o.describe(dropped)} waited longer than ${this.#queue.maxAgeMs} ms for a connection; it was not sent`,
        dropped,
      );
    }
  }

  /** Removes and returns everything, oldest first (the timer stays until `disarm`). */
  drain(): T[] {
    return this.#queue.drain();
  }

  disarm(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
  }

  /** The connection closed for good: every message still queued is reported as not sent. */
  dropAll(reason: string | undefined): void {
    this.disarm();
    for (const dropped of this.#queue.drain()) {
      this.#o.dropped(
        `connection closed (${reason}) with ${this.#o.describe(dropped)} still queued; it was not sent`,
        dropped,
      );
    }
  }

  #arm(): void {
    if (this.#timer !== undefined) return;
    const at = this.#queue.nextExpiry();
    if (at === undefined) return;
    this.#timer = setTimeout(
      () => {
        this.#timer = undefined;
        this.expire();
        this.#arm();
        this.#o.afterExpiry();
      },
      Math.max(0, at - Date.now()),
    );
  }
}
