import { SocketDrain } from './SocketDrain';
import { expiryOf, type ResolvedToken, renewalLead, renewSocket } from './TokenRenewal';
import type { WebSocketLike } from './WebSocketLike';

/** Frames remembered while a renewal's socket opens, at most (the latest; one round trip's worth). */
const OPENING_REMEMBERED = 256;

export interface TokenHandoverOptions {
  /** A token valid beyond `notBefore`, shared by every socket of the client; `undefined`: no provider. */
  readonly renew: ((notBefore: number) => Promise<ResolvedToken>) | undefined;
  /** Opens a socket with `token` (the connection's URL, auth and wire options). */
  readonly open: (token: string | undefined) => {
    socket: WebSocketLike;
    seesUpgradeStatus: boolean;
  };
  /**
   * The new socket (on `token`) is open: the connection lets its current
   * socket go (which stops this handover) and returns it, to drain.
   */
  readonly release: (token: string | undefined) => WebSocketLike | undefined;
  /** Then the connection makes the new socket its own. */
  readonly adopt: (socket: WebSocketLike, seesUpgradeStatus: boolean) => void;
  /** A frame the old socket delivered while draining. */
  readonly deliver: (frame: string) => void;
  /** A renewal failed; the old socket is kept. */
  readonly failed: (cause: unknown) => void;
}

/**
 * A connection's token renewal: when the current token expires, a timer to
 * renew it a third of its lifetime early, and the old socket draining
 * while the new one takes over (see `renewSocket`, `SocketDrain`).
 */
export class TokenHandover {
  readonly #o: TokenHandoverOptions;
  #expiry: { readonly obtainedAt: number; readonly expiresAt: number } | undefined;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #drain: SocketDrain | undefined;
  /** Frames the current socket delivered since the renewal's socket was opened (the latest kept). */
  #opening: Set<string> | undefined;

  constructor(options: TokenHandoverOptions) {
    this.#o = options;
  }

  /** The socket about to open (or just adopted) uses a token expiring at `expiresAt`. */
  obtained(expiresAt: number | undefined): void {
    this.#expiry = expiryOf(expiresAt);
  }

  /** The socket opened: renew before its token expires, while `current()` says it is still the one. */
  schedule(current: () => boolean): void {
    const expiry = this.#expiry;
    const { renew } = this.#o;
    if (expiry === undefined || renew === undefined) return;
    const at = expiry.expiresAt - renewalLead(expiry.obtainedAt, expiry.expiresAt);
    this.#timer = setTimeout(
      () => {
        this.#timer = undefined;
        renewSocket({
          ...this.#o,
          renew: () => renew(expiry.expiresAt),
          ...expiry,
          current,
          open: (token) => {
            this.#opening = new Set();
            return this.#o.open(token);
          },
          failed: (cause) => {
            this.#opening = undefined;
            this.#o.failed(cause);
          },
          adopt: (socket, seesUpgradeStatus, next) => this.#adopt(socket, seesUpgradeStatus, next),
        });
      },
      Math.max(0, at - Date.now()),
    );
  }

  /** Moves the connection to `socket` (open on a fresh token); the old one drains until the new one speaks. */
  #adopt(socket: WebSocketLike, seesUpgradeStatus: boolean, next: ResolvedToken): void {
    const seen = this.#opening ?? [];
    const old = this.#o.release(next.token);
    this.obtained(next.expiresAt);
    this.#drain = new SocketDrain(old as WebSocketLike, this.#o.deliver, seen);
    this.#o.adopt(socket, seesUpgradeStatus);
  }

  /** A frame of the current socket: false when the draining socket already delivered it. */
  accept(frame: string): boolean {
    this.#remember(frame);
    const drain = this.#drain;
    if (drain === undefined) return true;
    const fresh = drain.accept(frame);
    if (drain.done) this.#drain = undefined;
    return fresh;
  }

  /** While a renewal's socket opens: the latest frames, so the drain can tell them again. */
  #remember(frame: string): void {
    const opening = this.#opening;
    if (opening === undefined) return;
    opening.add(frame);
    if (opening.size > OPENING_REMEMBERED) opening.delete(opening.values().next().value as string);
  }

  /** The socket is gone: no renewal, no drain. */
  stop(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    this.#opening = undefined;
    this.#drain?.end();
    this.#drain = undefined;
  }
}
