/**
 * The topics someone currently wants on one connection, reference counted:
 * two feeds wanting `topic:x` make one wire subscription, and only the last
 * one leaving removes it. `add`/`remove` return whether the *set* changed,
 * which is when the adapter's `reconcile` has something to send.
 */
export class SubscriptionSet {
  readonly #counts = new Map<string, number>();

  /** Adds one reference to each topic; true when a topic is new. */
  add(topics: readonly string[]): boolean {
    let changed = false;
    for (const topic of topics) {
      const count = this.#counts.get(topic) ?? 0;
      this.#counts.set(topic, count + 1);
      if (count === 0) changed = true;
    }
    return changed;
  }

  /** Drops one reference from each topic; true when a topic left the set. */
  remove(topics: readonly string[]): boolean {
    let changed = false;
    for (const topic of topics) {
      const count = this.#counts.get(topic);
      if (count === undefined) continue;
      if (count <= 1) {
        this.#counts.delete(topic);
        changed = true;
      } else {
        this.#counts.set(topic, count - 1);
      }
    }
    return changed;
  }

  /** How many feeds hold `topic`. */
  count(topic: string): number {
    return this.#counts.get(topic) ?? 0;
  }

  get size(): number {
    return this.#counts.size;
  }

  /** The desired set, as a new `Set` (safe to keep while this one changes). */
  snapshot(): Set<string> {
    return new Set(this.#counts.keys());
  }
}
