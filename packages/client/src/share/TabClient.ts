import type { Adapter, UnknownMessage } from '@feedkit/protocol';
import type { ChannelOptions } from '../ChannelOptions';
import type { ClientOptions } from '../ClientOptions';
import { deliverDrifted, driftedMessage } from '../Drift';
import type { Protocol } from '../FeedkitClient';
import { FeedkitError } from '../FeedkitError';
import type { FeedStore } from '../FeedStore';
import type { ShareContext, SharedChannels } from '../ShareStrategy';
import { resolveToken } from '../TokenRenewal';
import { type PendingSend, PendingSends } from './PendingSends';
import type { FeedCall, HubMessage, ShareConfig } from './ShareMessages';
import { shareConfig } from './shareConfig';
import { TabChannel, type TabChannelHost } from './TabChannel';
import type { SharedClient, TabShare } from './TabShare';
import { fromWireError, toWireError } from './wireError';

export interface TabClientOptions<In> extends ShareContext<In> {
  readonly share: TabShare;
}

/**
 * One `createClient({ share })` in a tab: its channels are `TabChannel`s,
 * and it answers the owner's token requests with the tab's own provider
 * (a SharedWorker has no DOM and no localStorage).
 */
export class TabClient<In> implements SharedClient, SharedChannels<In>, TabChannelHost<In> {
  readonly id: string;
  readonly config: ShareConfig;
  readonly local: Partial<ClientOptions<Protocol>>;
  readonly adapter: Adapter<unknown, unknown>;
  readonly #share: TabShare;
  readonly #o: TabClientOptions<In>;
  readonly #channels = new Set<TabChannel<In, unknown>>();
  /** The feeds this client holds, by key. */
  readonly #feeds = new Map<string, FeedStore<In>>();
  /** How each feed was asked for: the owner builds the same spec from it. */
  readonly #calls = new WeakMap<object, FeedCall>();
  /** Sends the owner has not confirmed: posted again to a new owner, expired under `queue`. */
  readonly #pending: PendingSends;
  #expiry: ReturnType<typeof setTimeout> | undefined;
  #reconnectScheduled = false;

  constructor(o: TabClientOptions<In>) {
    this.#o = o;
    this.#share = o.share;
    this.id = o.share.nextId();
    this.adapter = o.adapter;
    const { options } = o;
    this.config = shareConfig(options, o.adapter);
    this.#pending = new PendingSends(this.config.queue);
    // Functions cannot reach a SharedWorker; a leader tab's hub uses them.
    this.local = Object.fromEntries(this.config.functions.map((key) => [key, options[key]]));
    o.share.add(this);
  }

  /** Records how `feed` was asked for (called by `client.feed`). */
  remember(feed: object, name: string, args: readonly unknown[]): void {
    if (!this.#calls.has(feed)) this.#calls.set(feed, [name, args]);
  }

  /** The channel of a socket path, for `createClient`'s registry. */
  channel<Out>(path: string, options: ChannelOptions<In, Out>): TabChannel<In, Out> {
    const channel = new TabChannel<In, Out>(path, this, {
      ...options,
      events: {
        ...options.events,
        ended: (fatal) => {
          this.#channels.delete(channel as TabChannel<In, unknown>);
          options.events.ended(fatal);
        },
      },
    });
    this.#channels.add(channel as TabChannel<In, unknown>);
    return channel;
  }

  close(): void {
    clearTimeout(this.#expiry);
    for (const send of this.#pending.drain())
      this.#dropped(send, 'the client closed while it waited for the owner of the shared sockets');
    this.#share.post({ t: 'close', client: this.id });
    this.#share.delete(this);
    this.#feeds.clear();
  }

  // ---- TabChannelHost ----

  added(path: string, url: string, feed: FeedStore<In>): void {
    this.#feeds.set(feed.key, feed);
    this.#postAdd(path, url, feed);
  }

  removed(_path: string, feed: FeedStore<In>): void {
    if (this.#feeds.get(feed.key) === feed) this.#feeds.delete(feed.key);
    this.#share.post({ t: 'remove', client: this.id, path: feed.spec.path, key: feed.key });
  }

  /** Kept until the owner confirms it: a send posted while the owner changes is posted again. */
  send(path: string, url: string, command: unknown): void {
    const send = this.#pending.add(path, url, command, Date.now());
    if (!send) {
      const full = `${this.#pending.maxSize} messages wait for the owner of the shared sockets already`;
      this.#dropped({ url, command }, full);
      return;
    }
    this.#postSend(send);
    this.#armExpiry();
  }

  /** Every channel asks at once (`client.reconnectNow()`); the owner reconnects them all on one request. */
  reconnectNow(): void {
    if (this.#reconnectScheduled) return;
    this.#reconnectScheduled = true;
    queueMicrotask(() => {
      this.#reconnectScheduled = false;
      this.#share.post({ t: 'reconnect', client: this.id });
    });
  }

  // ---- SharedClient ----

  resync(): void {
    this.#share.post({ t: 'open', client: this.id, config: this.config });
    for (const channel of this.#channels) {
      for (const feed of channel.feeds) this.#postAdd(channel.path, channel.url, feed);
    }
    for (const send of this.#pending.all) this.#postSend(send);
  }

  ownerChanged(): void {
    for (const channel of this.#channels) channel.ownerChanged();
  }

  receive(message: HubMessage): void {
    switch (message.t) {
      case 'msg':
        this.#deliver(message.message as In, message.to[this.id] ?? []);
        break;
      case 'gap':
        for (const key of message.to[this.id] ?? []) this.#feeds.get(key)?.markGap();
        break;
      case 'fail': {
        const error = fromWireError(message.error);
        for (const key of message.to[this.id] ?? []) this.#feeds.get(key)?.fail(error);
        break;
      }
      case 'state':
        for (const channel of [...this.#channels]) channel.ownerState(message.state);
        break;
      case 'error':
        this.#error(fromWireError(message.error));
        break;
      case 'unknown':
        this.#o.events.unknown(message.message as UnknownMessage);
        break;
      case 'token':
        void this.#answerToken(message.id, message.refresh);
        break;
      case 'sent':
        this.#pending.confirm(message.id);
        break;
      default:
        break;
    }
  }

  /** Drift comes as its decode error (the owner reports it): counted here, delivered or reported as this client says. */
  #error(error: FeedkitError): void {
    const decodeError = error.decodeError;
    const drifted =
      decodeError?.code === 'invalid_message' ? driftedMessage(decodeError) : undefined;
    if (!decodeError || !drifted) {
      this.#o.events.error(error);
      return;
    }
    this.#o.events.drift(decodeError);
    const channel = [...this.#channels].find((c) => c.url === error.path);
    if (this.#o.options.drift === 'deliver') deliverDrifted(channel?.feeds ?? [], drifted);
    else this.#o.events.error(error);
  }

  #deliver(message: In, keys: readonly string[]): void {
    for (const key of keys) this.#feeds.get(key)?.deliver(message);
    this.#o.events.message(message);
  }

  #postSend({ id, path, url, command }: PendingSend): void {
    this.#share.post({ t: 'send', client: this.id, id, path, url, command });
  }

  #armExpiry(): void {
    const at = this.#pending.nextExpiry();
    clearTimeout(this.#expiry);
    if (at === undefined) return;
    this.#expiry = setTimeout(
      () => {
        const age = `waited longer than ${this.#pending.maxAgeMs} ms for the owner of the shared sockets`;
        for (const send of this.#pending.expire(Date.now())) this.#dropped(send, age);
        this.#armExpiry();
      },
      Math.max(0, at - Date.now()),
    );
  }

  /** A send that will not be delivered: an `overflow` error that carries it. */
  #dropped(send: Pick<PendingSend, 'url' | 'command'>, why: string): void {
    const preview = JSON.stringify(send.command)?.slice(0, 80) ?? String(send.command);
    const message = `${preview} ${why}; it was not sent`;
    const { system } = this.config;
    this.#o.events.error(
      new FeedkitError('overflow', message, { system, path: send.url, dropped: send.command }),
    );
  }

  #postAdd(path: string, url: string, feed: FeedStore<In>): void {
    const call = this.#calls.get(feed);
    if (!call) return;
    this.#share.post({ t: 'add', client: this.id, path, url, key: feed.key, feed: call });
  }

  async #answerToken(id: number, refresh: boolean): Promise<void> {
    const provider = this.#o.options.protocol.token;
    try {
      // The owner's connect deadline is not visible here: the tab gives the provider the same one.
      const signal = AbortSignal.timeout(this.config.connectTimeoutMs ?? 10_000);
      // A grant's own expiry stays in this tab; the owner reads a JWT's `exp` itself.
      const { token } = resolveToken(await provider?.({ refresh, http: this.#o.http, signal }));
      this.#share.post({ t: 'token', id, token });
    } catch (cause) {
      const error =
        cause instanceof FeedkitError
          ? cause
          : new FeedkitError('connection', (cause as Error)?.message ?? String(cause), {
              system: this.config.system,
              cause,
            });
      this.#share.post({ t: 'token', id, error: toWireError(error) });
    }
  }
}
