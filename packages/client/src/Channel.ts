import type { DecodeError } from '@feedkit/protocol';
import type { ChannelOptions } from './ChannelOptions';
import { deliverDrifted, driftedMessage } from './Drift';
import { ExpiringQueue } from './ExpiringQueue';
import type { ConnectionState } from './FeedkitClient';
import { FeedkitError, type FeedkitErrorOptions } from './FeedkitError';
import type { FeedStore } from './FeedStore';
import { Subscribable } from './Subscribable';
import { SubscriptionAcks } from './SubscriptionAcks';
import { SubscriptionSet } from './SubscriptionSet';
import type { Transport, TransportOwner, TransportState } from './Transport';

export type { ChannelEvents, ChannelOptions } from './ChannelOptions';

const EMPTY: ReadonlySet<string> = new Set();

/**
 * Everything one socket path carries: its feeds (the first opens the
 * transport, the last starts the linger), the desired subscription set and
 * its reconcile (replayed from the empty set after every connect), routing
 * of decoded messages to feeds, gap marking, and the queue of commands sent
 * while disconnected. It never touches a socket: a `Transport` does.
 */
export class Channel<In, Out> {
  readonly url: string;
  readonly subscriptions = new SubscriptionSet();
  readonly #o: ChannelOptions<In, Out>;
  readonly #feeds: Subscribable<FeedStore<In>>;
  /** How to take each feed off `#feeds` again. */
  readonly #members = new Map<FeedStore<In>, () => void>();
  readonly #queue: ExpiringQueue<Out>;
  readonly #transport: Transport;
  /** The topics the server has, as far as we told it. */
  #wire: ReadonlySet<string> = EMPTY;
  #acks = { sent: 0, confirmed: 0 };
  #state: ConnectionState;
  #syncScheduled = false;
  #lingerTimer: ReturnType<typeof setTimeout> | undefined;
  readonly #answers: SubscriptionAcks<Out> | undefined;

  constructor(options: ChannelOptions<In, Out>) {
    this.#o = options;
    this.url = options.url;
    this.#answers = options.acks && this.#expectAnswers(options.acks.timeoutMs);
    this.#queue = new ExpiringQueue<Out>({
      queue: options.queue,
      describe: (command) => this.#preview(command),
      dropped: (message, dropped) => this.#report('overflow', message, { dropped }),
      afterExpiry: () => this.#lingerIfUnused(),
    });
    this.#feeds = new Subscribable<FeedStore<In>>({
      onFirst: () => this.#cancelLinger(),
      onLast: () => this.#lingerIfUnused(),
    });
    this.#transport = options.transport(options.url, this.#owner());
    this.#state = { ...this.#transport.state, topics: [] };
  }

  get state(): ConnectionState {
    return this.#state;
  }

  /** The feeds currently on this channel. */
  get feeds(): ReadonlySet<FeedStore<In>> {
    return this.#feeds.listeners;
  }

  /** Adds a feed and its topics, and opens the socket if needed. */
  add(feed: FeedStore<In>): void {
    if (this.#closed) {
      feed.fail(this.#closedError());
      return;
    }
    if (this.#members.has(feed)) return;
    this.#members.set(feed, this.#feeds.subscribe(feed));
    feed.connectionChanged(this.#state);
    if (this.subscriptions.add(feed.spec.topics)) this.#scheduleSync();
    this.#transport.open();
  }

  /** Removes a feed and its topics; the last one starts the linger. */
  remove(feed: FeedStore<In>): void {
    const leave = this.#members.get(feed);
    if (leave === undefined) return;
    this.#members.delete(feed);
    if (this.subscriptions.remove(feed.spec.topics)) this.#scheduleSync();
    leave();
  }

  /** Sends a command now, or queues it until the next open (after the subscription replay). */
  send(command: Out): void {
    if (this.#closed) {
      this.#report('connection', 'connection is closed; message not sent', { dropped: command });
      return;
    }
    if (this.#trySend(command)) return;
    this.#queue.hold(command);
    this.#transport.open();
  }

  reconnectNow(): void {
    this.#transport.reconnectNow();
  }

  /** See `Transport.suspend`: the page lifecycle drives these three. */
  suspend(reason: string): void {
    this.#transport.suspend(reason);
  }

  resume(): void {
    this.#transport.resume();
  }

  wake(): void {
    this.#transport.wake();
  }

  /** A feed on this socket went stale: check the socket now. */
  probe(): void {
    this.#transport.probe();
  }

  /** Closes the transport with 1000. Queued messages are reported as dropped. */
  close(reason = 'closed by the client'): void {
    this.#transport.close(reason);
  }

  get #closed(): boolean {
    return this.#transport.state.status === 'closed';
  }

  #owner(): TransportOwner {
    return {
      open: (reconnect) => this.#opened(reconnect),
      frame: (frame) => this.#frame(frame),
      state: (state) => this.#publish(state),
      error: (error) => this.#o.events.error(error),
      ended: (fatal, error) => this.#ended(fatal, error),
      silenceLimitMs: () => {
        // Browsers cannot ping at the protocol level: the feeds' own silence limit is the signal.
        let longest = 0;
        for (const feed of this.feeds) longest = Math.max(longest, feed.spec.silenceTimeoutMs ?? 0);
        return longest;
      },
    };
  }

  /** Replay first (the server knows nothing after a connect), then the queue; tell last. */
  #opened(reconnect: boolean): void {
    this.#acks = { sent: 0, confirmed: 0 };
    this.#answers?.reset();
    this.#wire = EMPTY;
    this.#sync();
    this.#queue.expire();
    for (const command of this.#queue.drain()) this.#sendCommand(command);
    this.#queue.disarm();
    this.#publish(this.#transport.state);
    if (reconnect) for (const feed of [...this.feeds]) feed.markGap();
  }

  #ended(fatal: boolean, error: FeedkitError | undefined): void {
    this.#cancelLinger();
    this.#answers?.reset();
    this.#queue.dropAll(this.#transport.state.reason);
    // Feeds of a client-side close are completed by the client; a fatal end fails them.
    if (fatal) for (const feed of [...this.feeds]) feed.fail(error ?? this.#closedError());
    this.#o.events.ended(fatal);
  }

  #frame(frame: string): void {
    const { adapter } = this.#o;
    const result = adapter.decode(frame);
    if (result.kind === 'error') {
      this.#undecoded(result.error);
      return;
    }
    if (result.kind === 'unknown') {
      this.#o.events.unknown(result.message);
      return;
    }
    const message = result.message;
    switch (adapter.roleOf(message)) {
      case 'pong':
        this.#transport.pong();
        break;
      case 'heartbeat': {
        const answer = adapter.answerHeartbeat?.(message);
        if (answer !== undefined) this.#sendFrame(answer);
        break;
      }
      case 'ack':
        this.#answers?.answered();
        this.#acks = { sent: this.#acks.sent, confirmed: this.#acks.confirmed + 1 };
        this.#publish(this.#transport.state);
        break;
      case 'error':
        // An in-band error answers the command it refuses: nothing to resend.
        this.#answers?.answered();
        this.#report('protocol', `server reported an error: ${preview(frame)}`, {});
        break;
      default:
        break;
    }
    for (const feed of this.feeds) {
      if (feed.spec.accepts(message)) feed.deliver(message);
    }
    this.#o.events.message(message);
  }

  /** A frame that did not decode. Drift is counted, then reported or delivered as it came. */
  #undecoded(error: DecodeError): void {
    const drifted = error.code === 'invalid_message' ? driftedMessage(error) : undefined;
    if (drifted) this.#o.events.drift(error);
    if (drifted && this.#o.drift === 'deliver') deliverDrifted(this.feeds, drifted);
    else this.#report('decode', error.message, { decodeError: error }, false);
  }

  #expectAnswers(timeoutMs: number): SubscriptionAcks<Out> {
    return new SubscriptionAcks<Out>({
      timeoutMs,
      resend: (commands) => {
        for (const command of commands) this.#sendCommand(command);
        this.#answers?.sent(commands);
      },
      recycle: (unanswered) => {
        this.#report(
          'connection',
          `${unanswered} subscription command(s) not answered within ${timeoutMs} ms, even after a retry; replacing the socket`,
          {},
        );
        this.#transport.reconnectNow();
      },
    });
  }

  #scheduleSync(): void {
    if (this.#syncScheduled || this.#transport.state.status !== 'open') return;
    this.#syncScheduled = true;
    // Coalesces an unsubscribe/subscribe pair in one tick (a React re-mount) into nothing.
    queueMicrotask(() => {
      this.#syncScheduled = false;
      if (this.#sync()) this.#publish(this.#transport.state);
    });
  }

  /** Sends what moves the server from `#wire` to the desired set; true when the set was applied. */
  #sync(): boolean {
    if (this.#transport.state.status !== 'open') return false;
    const desired = this.subscriptions.snapshot();
    const commands = this.#o.adapter.reconcile(this.#wire, desired, Date.now());
    this.#wire = desired;
    for (const command of commands) this.#sendCommand(command);
    this.#answers?.sent(commands);
    if (commands.length > 0) {
      this.#acks = { sent: this.#acks.sent + commands.length, confirmed: this.#acks.confirmed };
    }
    return true;
  }

  #publish(transport: TransportState): void {
    this.#state = { ...transport, topics: [...this.#wire], acks: this.#acks };
    for (const feed of this.feeds) feed.connectionChanged(this.#state);
    this.#o.events.state(this.#state);
  }

  #lingerIfUnused(): void {
    if (this.#feeds.size > 0 || this.#queue.size > 0 || this.#closed) return;
    clearTimeout(this.#lingerTimer);
    this.#lingerTimer = setTimeout(() => {
      this.#lingerTimer = undefined;
      if (this.#feeds.size === 0 && this.#queue.size === 0) this.close('no feeds left');
    }, this.#o.lingerMs);
  }

  #cancelLinger(): void {
    clearTimeout(this.#lingerTimer);
    this.#lingerTimer = undefined;
  }

  /** Sends on the open socket; false when there is none. */
  #trySend(command: Out): boolean {
    if (this.#transport.state.status !== 'open') return false;
    return this.#sendCommand(command);
  }

  #sendCommand(command: Out): boolean {
    return this.#sendFrame(this.#o.adapter.encode(command), command);
  }

  #sendFrame(frame: string, command?: Out): boolean {
    const max = this.#o.adapter.maxMessageBytes;
    // Length in UTF-16 units is a lower bound of the UTF-8 size; exact enough to refuse early.
    if (max !== undefined && frame.length > max) {
      this.#report(
        'message_too_big',
        `${frame.length}-character message exceeds the system's ${max}-byte limit; it was not sent`,
        { dropped: command ?? frame },
      );
      return true;
    }
    try {
      return this.#transport.send(frame);
    } catch (cause) {
      this.#report('connection', `send failed: ${(cause as Error).message}`, {
        dropped: command ?? frame,
        cause,
      });
      return true;
    }
  }

  #preview(command: Out): string {
    return preview(this.#o.adapter.encode(command));
  }

  #closedError(): FeedkitError {
    return new FeedkitError(
      'connection',
      `${this.url}: connection closed (${this.#transport.state.reason ?? 'closed'})`,
      { system: this.#o.adapter.system, path: this.url, fatal: true },
    );
  }

  #report(
    code: FeedkitError['code'],
    message: string,
    extra: Omit<FeedkitErrorOptions, 'system'>,
    prefix = true,
  ): void {
    this.#o.events.error(
      new FeedkitError(code, prefix ? `${this.url}: ${message}` : message, {
        system: this.#o.adapter.system,
        path: this.url,
        ...extra,
      }),
    );
  }
}

function preview(frame: string): string {
  return frame.length > 120 ? `'${frame.slice(0, 120)}…'` : `'${frame}'`;
}
