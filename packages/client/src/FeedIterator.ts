import type { FeedkitError } from './FeedkitError';

/** What an iterator needs from its feed. */
export interface FeedIteratorSource<M> {
  /** Makes the iterator a holder of the feed; returns how to let go again. */
  subscribe(holder: {
    next(message: M): void;
    fail(error: FeedkitError): void;
    complete(): void;
  }): () => void;
  /** Most messages buffered before the iterator fails with `overflow`. */
  readonly bufferSize: number;
  /** The iterator fell `bufferSize` messages behind: the feed reports the error it ends with. */
  overflow(dropped: M): FeedkitError;
}

type Waiting<M> = { resolve(r: IteratorResult<M>): void; reject(e: unknown): void };

/**
 * `for await` over a feed: messages buffer (up to `bufferSize`) until read;
 * it holds the feed from the first `next()` until `return()`, the feed's
 * end or an overflow.
 */
export class FeedIterator<M> implements AsyncIterator<M> {
  readonly #source: FeedIteratorSource<M>;
  readonly #buffer: M[] = [];
  #waiting: Waiting<M> | undefined;
  #end: { error?: FeedkitError } | undefined;
  #remove: (() => void) | undefined;
  readonly #holder = {
    next: (message: M) => this.#deliver(message),
    fail: (error: FeedkitError) => this.#finish(error),
    complete: () => this.#finish(),
  };

  constructor(source: FeedIteratorSource<M>) {
    this.#source = source;
  }

  readonly next = (): Promise<IteratorResult<M>> => {
    if (this.#buffer.length > 0) {
      return Promise.resolve({ done: false, value: this.#buffer.shift() as M });
    }
    if (this.#end) return endResult(this.#end);
    // Subscribes on the first `next()`, so an iterator nobody reads holds nothing.
    this.#remove ??= this.#source.subscribe(this.#holder);
    if (this.#end) return endResult(this.#end);
    return new Promise((resolve, reject) => {
      this.#waiting = { resolve, reject };
    });
  };

  readonly return = (): Promise<IteratorResult<M>> => {
    this.#buffer.length = 0;
    this.#finish();
    return Promise.resolve({ done: true, value: undefined });
  };

  #deliver(message: M): void {
    const waiting = this.#waiting;
    if (waiting) {
      this.#waiting = undefined;
      waiting.resolve({ done: false, value: message });
    } else if (this.#buffer.length >= this.#source.bufferSize) {
      this.#finish(this.#source.overflow(message));
    } else {
      this.#buffer.push(message);
    }
  }

  #finish(error?: FeedkitError): void {
    if (this.#end) return;
    this.#end = { error };
    this.#remove?.();
    const waiting = this.#waiting;
    if (waiting) {
      this.#waiting = undefined;
      if (error) waiting.reject(error);
      else waiting.resolve({ done: true, value: undefined });
    }
  }
}

function endResult<M>(end: { error?: FeedkitError }): Promise<IteratorResult<M>> {
  return end.error ? Promise.reject(end.error) : Promise.resolve({ done: true, value: undefined });
}
