import type { ChannelOptions } from '../Channel';
import type { ChannelLike } from '../ChannelLike';
import type { ClientState, ConnectionState } from '../FeedkitClient';
import { FeedkitError } from '../FeedkitError';
import type { FeedStore } from '../FeedStore';

/** What a tab channel needs from its client. */
export interface TabChannelHost<In> {
  added(path: string, url: string, feed: FeedStore<In>): void;
  removed(path: string, feed: FeedStore<In>): void;
  send(path: string, url: string, command: unknown): void;
  reconnectNow(): void;
}

/**
 * A socket path of a shared client: the same surface as a `Channel`, but the
 * socket, the subscriptions and the decode live in the owner. It forwards
 * the feeds it holds and the commands it is given, and shows the owner's
 * state of its socket.
 */
export class TabChannel<In, Out> implements ChannelLike<In, Out> {
  readonly url: string;
  readonly path: string;
  readonly #host: TabChannelHost<In>;
  readonly #o: ChannelOptions<In, Out>;
  readonly #feeds = new Set<FeedStore<In>>();
  #state: ConnectionState;
  /** The owner has reported this socket since the last owner change. */
  #seen = false;
  #ended = false;

  constructor(path: string, host: TabChannelHost<In>, options: ChannelOptions<In, Out>) {
    this.url = options.url;
    this.path = path;
    this.#host = host;
    this.#o = options;
    this.#state = { status: 'idle', url: options.url, attempt: 0, topics: [] };
  }

  get state(): ConnectionState {
    return this.#state;
  }

  get feeds(): ReadonlySet<FeedStore<In>> {
    return this.#feeds;
  }

  add(feed: FeedStore<In>): void {
    if (this.#state.status === 'closed') {
      feed.fail(
        new FeedkitError(
          'connection',
          `${this.url}: connection closed (${this.#state.reason ?? 'closed'})`,
          {
            system: this.#o.adapter.system,
            path: this.url,
            fatal: true,
          },
        ),
      );
      return;
    }
    if (this.#feeds.has(feed)) return;
    this.#feeds.add(feed);
    feed.connectionChanged(this.#state);
    this.#host.added(this.path, this.url, feed);
  }

  remove(feed: FeedStore<In>): void {
    if (this.#feeds.delete(feed)) this.#host.removed(this.path, feed);
  }

  send(command: Out): void {
    this.#host.send(this.path, this.url, command);
  }

  reconnectNow(): void {
    this.#host.reconnectNow();
  }

  // The page lifecycle of a tab that holds no socket: the owner's sockets follow
  // the owner's page (a leader tab) or live on in the SharedWorker; a tab that
  // goes away says so on `pagehide` and rejoins on `pageshow` (TabShare).
  suspend(_reason: string): void {}
  resume(): void {}
  wake(): void {}
  /** A stale feed's probe: the owner's heartbeat watches its socket. */
  probe(): void {}

  /** The client closed: its feeds are released by the client's `close` message. */
  close(reason = 'closed by the client'): void {
    if (this.#ended) return;
    this.#feeds.clear();
    this.#tell({ ...this.#state, status: 'closed', reason, nextRetryAt: undefined });
    this.#end(false);
  }

  /** The owner's state of every socket of this client; this channel shows its own. */
  ownerState(state: ClientState): void {
    if (this.#ended) return;
    const own = state.connections.find((c) => c.url === this.url);
    if (own) {
      this.#seen = true;
      this.#tell(own);
      // A fatal end stays visible in the owner's state; a lingering close leaves it.
      if (own.status === 'closed') this.#end(true);
    } else if (this.#seen && this.#feeds.size === 0) {
      this.#tell({ ...this.#state, status: 'closed', reason: 'no feeds left' });
      this.#end(false);
    }
  }

  /** A new owner opens its own socket: until it reports, this one is connecting and may miss messages. */
  ownerChanged(): void {
    if (this.#ended) return;
    this.#seen = false;
    this.#tell({
      status: 'connecting',
      url: this.url,
      attempt: 0,
      reason: 'the owner of the shared sockets changed',
      topics: [],
    });
    for (const feed of this.#feeds) feed.markGap();
  }

  /** The socket's state, to the client and to each feed's status (`feed.status`). */
  #tell(state: ConnectionState): void {
    this.#state = state;
    for (const feed of this.#feeds) feed.connectionChanged(state);
    this.#o.events.state(state);
  }

  #end(fatal: boolean): void {
    this.#ended = true;
    this.#o.events.ended(fatal);
  }
}
