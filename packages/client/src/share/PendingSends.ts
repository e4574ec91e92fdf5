import type { OutgoingQueueOptions } from '../OutgoingQueue';

export interface PendingSend {
  readonly id: number;
  readonly path: string;
  readonly url: string;
  readonly command: unknown;
  readonly at: number;
}

/**
 * A tab's `send()`s that the owner of the shared sockets has not confirmed
 * yet. A send posted while the owner changes (a leader tab closed or froze)
 * reaches nobody; it is kept here and posted again to the next owner, under
 * the client's `queue` limits: past `maxSize` or `maxAgeMs` it is given back
 * to be reported, never dropped silently.
 */
export class PendingSends {
  readonly maxSize: number;
  readonly maxAgeMs: number;
  readonly #sends = new Map<number, PendingSend>();
  #next = 0;

  constructor(options: OutgoingQueueOptions) {
    this.maxSize = options.maxSize ?? 100;
    this.maxAgeMs = options.maxAgeMs ?? 30_000;
  }

  /** Keeps a send until it is confirmed; `undefined` when the limit is reached (refused). */
  add(path: string, url: string, command: unknown, now: number): PendingSend | undefined {
    if (this.#sends.size >= this.maxSize) return undefined;
    const send = { id: ++this.#next, path, url, command, at: now };
    this.#sends.set(send.id, send);
    return send;
  }

  /** The owner has the send: it is its to deliver now. */
  confirm(id: number): void {
    this.#sends.delete(id);
  }

  /** Every unconfirmed send, oldest first, to post again to a new owner. */
  get all(): readonly PendingSend[] {
    return [...this.#sends.values()];
  }

  /** Removes and returns the sends older than `maxAgeMs`. */
  expire(now: number): PendingSend[] {
    const expired = this.all.filter((send) => now - send.at >= this.maxAgeMs);
    for (const send of expired) this.#sends.delete(send.id);
    return expired;
  }

  /** When the oldest send expires (epoch ms), or `undefined` when none waits. */
  nextExpiry(): number | undefined {
    const first = this.#sends.values().next();
    return first.done ? undefined : first.value.at + this.maxAgeMs;
  }

  /** Removes and returns everything (the client closed). */
  drain(): PendingSend[] {
    const all = [...this.#sends.values()];
    this.#sends.clear();
    return all;
  }
}
