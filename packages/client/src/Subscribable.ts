/**
 * A `Set` of listeners that knows when it gains its first and loses its last
 * one. This is the single mechanism behind lazy sockets, topic reference
 * counts and feed sharing (after TanStack Query's `subscribable.ts`).
 */
export class Subscribable<TListener> {
  readonly #listeners = new Set<TListener>();
  readonly #onFirst: () => void;
  readonly #onLast: () => void;

  constructor(hooks: { onFirst?: () => void; onLast?: () => void } = {}) {
    this.#onFirst = hooks.onFirst ?? noop;
    this.#onLast = hooks.onLast ?? noop;
  }

  /**
   * Adds a listener; returns the function that removes it (safe to call twice).
   * Listeners are kept by identity: pass a fresh object per subscription.
   */
  subscribe(listener: TListener): () => void {
    this.#listeners.add(listener);
    if (this.#listeners.size === 1) this.#onFirst();
    let removed = false;
    return () => {
      if (removed) return;
      removed = true;
      if (this.#listeners.delete(listener) && this.#listeners.size === 0) this.#onLast();
    };
  }

  get size(): number {
    return this.#listeners.size;
  }

  /** The current listeners; iterate a copy when a listener may unsubscribe during the call. */
  get listeners(): ReadonlySet<TListener> {
    return this.#listeners;
  }
}

function noop(): void {}
