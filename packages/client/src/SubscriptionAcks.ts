export interface SubscriptionAcksOptions<Out> {
  /** How long the server may take to answer. */
  readonly timeoutMs: number;
  /** Sends the unanswered commands again (they are then waited for once more). */
  readonly resend: (commands: Out[]) => void;
  /** Gives the socket up: the retry was not answered either. */
  readonly recycle: (unanswered: number) => void;
}

/**
 * Subscription commands waiting for the server's answer, on protocols that
 * answer them (Plataforma E `subscribed`, Active Immune Core's replies).
 * One unanswered within `timeoutMs` is sent once more; still unanswered
 * after that, the connection is recycled: a server that stopped reading
 * would otherwise show a subscription as held that never reached it.
 */
export class SubscriptionAcks<Out> {
  readonly #o: SubscriptionAcksOptions<Out>;
  #pending: Out[] = [];
  #timer: ReturnType<typeof setTimeout> | undefined;
  #retried = false;

  constructor(options: SubscriptionAcksOptions<Out>) {
    this.#o = options;
  }

  /** Commands just sent on the socket. */
  sent(commands: readonly Out[]): void {
    if (commands.length === 0) return;
    this.#pending.push(...commands);
    this.#timer ??= setTimeout(() => this.#expired(), this.#o.timeoutMs);
  }

  /** The server answered the oldest command (an ack, or an in-band error). */
  answered(): void {
    this.#pending.shift();
    if (this.#pending.length > 0) return;
    this.reset();
  }

  /** A new socket: nothing is waiting any more. */
  reset(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    this.#pending = [];
    this.#retried = false;
  }

  #expired(): void {
    this.#timer = undefined;
    const unanswered = this.#pending;
    if (unanswered.length === 0) return;
    if (this.#retried) {
      this.reset();
      this.#o.recycle(unanswered.length);
      return;
    }
    this.#retried = true;
    this.#pending = [];
    this.#o.resend(unanswered);
  }
}
