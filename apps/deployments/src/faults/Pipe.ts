import type { Socket } from 'node:net';
import { setTimeout as delay } from 'node:timers/promises';

export interface WriteCounter {
  segments: number;
  bytes: number;
}

/** The faults of one direction, read at each chunk. */
export interface PipeFaults {
  readonly latencyMs: number;
  readonly oneByteSegments: boolean;
  readonly blackHole: boolean;
}

/**
 * One direction of a proxied connection: every chunk read from `source` is
 * written to `sink` in order, delayed, split into single bytes or dropped as
 * `faults()` says at the moment it arrives. `cutNext` arms a reset in the
 * middle of the next chunk.
 */
export class Pipe {
  #queue: Promise<void> = Promise.resolve();
  #cut: { readonly done: () => void; readonly pauseMs: number } | undefined;

  constructor(
    private readonly source: Socket,
    private readonly sink: Socket,
    private readonly faults: () => PipeFaults,
    /** Counts writes to the sink and their bytes: with 1-byte segments the two grow alike. */
    private readonly written: WriteCounter = { segments: 0, bytes: 0 },
  ) {
    source.on('data', (chunk: Buffer) => this.#take(chunk));
  }

  /**
   * The next chunk is forwarded only in part (at least 1 byte, at most all
   * but 1), then, `pauseMs` later, the sink gets a TCP reset and the source
   * is closed. Resolves once that happened. The pause lets the peer read the
   * half frame first: a reset that arrives together with data may be read
   * as a plain end of stream.
   */
  cutNext(pauseMs: number): Promise<void> {
    return new Promise((done) => {
      this.#cut = { done, pauseMs };
    });
  }

  #take(chunk: Buffer): void {
    const { blackHole, latencyMs, oneByteSegments } = this.faults();
    if (blackHole) return;
    const due = Date.now() + latencyMs;
    this.#queue = this.#queue
      .then(() => this.#deliver(chunk, due, oneByteSegments))
      // A write to a socket that went away meanwhile: the link is closing anyway.
      .catch(() => {});
  }

  async #deliver(chunk: Buffer, due: number, oneByteSegments: boolean): Promise<void> {
    const wait = due - Date.now();
    if (wait > 0) await delay(wait);
    if (this.sink.destroyed) return;
    const cut = this.#cut;
    if (cut && chunk.length >= 2) {
      this.#cut = undefined;
      await this.#write(chunk.subarray(0, Math.floor(chunk.length / 2)));
      await delay(cut.pauseMs);
      this.sink.resetAndDestroy();
      this.source.destroy();
      cut.done();
      return;
    }
    if (!oneByteSegments) return this.#write(chunk);
    for (let i = 0; i < chunk.length; i++) {
      if (this.sink.destroyed) return;
      await this.#write(chunk.subarray(i, i + 1));
    }
  }

  #write(bytes: Buffer): Promise<void> {
    this.written.segments++;
    this.written.bytes += bytes.length;
    return new Promise((resolve) => {
      this.sink.write(bytes, () => resolve());
    });
  }
}
