import { frameText } from './openSocket';
import type { WebSocketLike } from './WebSocketLike';

/** Frames remembered while draining, at most (a handover takes one round trip). */
const REMEMBERED = 256;

/**
 * The old socket of a token handover: it keeps delivering until the new
 * socket's first frame (make before break, so nothing is missed), and
 * remembers what it delivered so the same broadcast arriving on the new
 * socket is not delivered twice. The old socket is closed with 1000.
 */
export class SocketDrain {
  readonly #socket: WebSocketLike;
  readonly #delivered = new Set<string>();
  #ended = false;
  #compared = 0;

  /**
   * `seen`: frames the socket delivered while the new one was opening. The
   * server may send to the new socket from its upgrade on, before the client
   * sees it open, so those frames can arrive on both.
   */
  constructor(
    socket: WebSocketLike,
    deliver: (frame: string) => void,
    seen: Iterable<string> = [],
  ) {
    this.#socket = socket;
    for (const frame of seen) if (this.#delivered.size < REMEMBERED) this.#delivered.add(frame);
    socket.onmessage = (event: { readonly data: unknown }) => {
      const frame = typeof event.data === 'string' ? event.data : frameText(event.data);
      if (this.#delivered.size < REMEMBERED) this.#delivered.add(frame);
      deliver(frame);
    };
    // The server may close it first (its token expired): the new socket carries on.
    socket.onclose = () => this.#forget();
  }

  /**
   * A frame of the new socket: the first one ends the old socket. False
   * when the old socket already delivered this very frame (the same broadcast).
   */
  accept(frame: string): boolean {
    if (!this.#ended) this.end();
    this.#compared++;
    return !this.#delivered.delete(frame);
  }

  /** Nothing left to compare: the connection can forget the drain. */
  get done(): boolean {
    return this.#ended && (this.#delivered.size === 0 || this.#compared >= REMEMBERED);
  }

  end(): void {
    if (this.#ended) return;
    this.#ended = true;
    this.#forget();
    try {
      this.#socket.close(1000, 'token renewed');
    } catch {
      this.#socket.terminate?.();
    }
  }

  #forget(): void {
    this.#socket.onmessage = this.#socket.onclose = null;
    this.#socket.onerror = () => {};
  }
}
