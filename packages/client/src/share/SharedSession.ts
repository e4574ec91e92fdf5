import type { Adapter } from '@feedkit/protocol';
import type { ClientOptions } from '../ClientOptions';
import { createClient } from '../createClient';
import type { Feed, FeedkitClient, Protocol } from '../FeedkitClient';
import type { FeedkitError } from '../FeedkitError';
import type { FeedCall, HubMessage, ShareConfig } from './ShareMessages';
import { sessionOptions } from './shareConfig';
import { toWireError } from './wireError';

/** What a session needs from the hub: posting to clients (the hub knows their tabs) and tokens. */
export interface SessionOutput {
  post(clients: Iterable<string>, message: HubMessage): void;
  token(clients: readonly string[], refresh: boolean): Promise<string | undefined>;
}

/** One feed key, held in the owner for every client that wants it. */
interface Held {
  readonly feed: Feed<unknown>;
  readonly clients: Set<string>;
  readonly stop: () => void;
  last: unknown;
  gap: boolean;
  error: FeedkitError | undefined;
}

/**
 * The sockets of one client configuration, shared by every tab that has
 * such a client. It is a plain client run in the owner: the sockets, the
 * reconcile, the decode and the routing are the ones every client has. A
 * feed key is held once however many tabs want it (so its topics count once
 * on the wire) and released when the last client lets go; each decoded
 * message is posted once per tab with the keys it belongs to.
 */
export class SharedSession {
  readonly config: ShareConfig;
  readonly #client: FeedkitClient;
  readonly #out: SessionOutput;
  readonly #clients = new Set<string>();
  readonly #held = new Map<string, Held>();
  #spent = false;
  /** Keys by client for each message delivered in this task; posted together after it. */
  readonly #pending = new Map<unknown, Map<string, string[]>>();

  constructor(
    config: ShareConfig,
    adapter: Adapter<unknown, unknown>,
    out: SessionOutput,
    local: Partial<ClientOptions<Protocol>> = {},
  ) {
    this.config = config;
    this.#out = out;
    const ask = (request: { readonly refresh: boolean }) =>
      out.token([...this.#clients], request.refresh);
    this.#client = createClient(
      sessionOptions(
        config,
        {
          adapter,
          query: config.query,
          answersSubscriptions: config.acks,
          token: config.token ? ask : undefined,
          rest: () => ({}),
        },
        local,
      ),
    );
    this.#client.state$.subscribe((state) => {
      // Only a fatal end (refused credentials, shouldRetry) keeps a closed socket in the state.
      if (state.connections.some((c) => c.status === 'closed')) this.#spent = true;
      out.post(this.#clients, { from: 'hub', t: 'state', clients: [...this.#clients], state });
    });
    this.#client.errors$.subscribe((error) =>
      out.post(this.#clients, {
        from: 'hub',
        t: 'error',
        clients: [...this.#clients],
        error: toWireError(error),
      }),
    );
    this.#client.unknown$.subscribe((message) =>
      out.post(this.#clients, { from: 'hub', t: 'unknown', clients: [...this.#clients], message }),
    );
  }

  get clients(): number {
    return this.#clients.size;
  }

  /**
   * A socket ended for good: as a client that ended is not used again, a
   * new client with this config gets a new session (a tab signing in again
   * after a refused token), while the old one serves its clients until they close.
   */
  get spent(): boolean {
    return this.#spent;
  }

  addClient(client: string): void {
    this.#clients.add(client);
    this.#tellState(client);
  }

  #tellState(client: string): void {
    const state = this.#client.state;
    this.#out.post([client], { from: 'hub', t: 'state', clients: [client], state });
  }

  /** A client closed, or its tab died: only what it held is released. */
  removeClient(client: string): void {
    if (!this.#clients.delete(client)) return;
    for (const key of [...this.#held.keys()]) this.remove(client, key);
  }

  add(client: string, key: string, [name, args]: FeedCall): void {
    let held = this.#held.get(key);
    // A feed that failed for good is asked afresh (the tab's own feed was recreated too).
    if (held?.error) {
      held.stop();
      this.#held.delete(key);
      held = undefined;
    }
    if (!held) {
      try {
        held = this.#hold(key, this.#client.feed(name as never, ...(args as [])) as Feed<unknown>);
      } catch (error) {
        this.#out.post([client], {
          from: 'hub',
          t: 'error',
          clients: [client],
          error: toWireError(error as FeedkitError),
        });
        return;
      }
    }
    if (held.clients.has(client)) return;
    held.clients.add(client);
    // A tab channel made after the client joined has not seen the socket's state: it would show `idle`.
    this.#tellState(client);
    // The server will not send its subscribe-time snapshot again: the newcomer gets the last message.
    if (held.last !== undefined) {
      const to = { [client]: [key] };
      this.#out.post([client], { from: 'hub', t: 'msg', message: held.last, to, at: now() });
    }
  }

  remove(client: string, key: string): void {
    const held = this.#held.get(key);
    if (!held?.clients.delete(client) || held.clients.size > 0) return;
    this.#held.delete(key);
    held.stop();
  }

  send(path: string, command: unknown): void {
    this.#client.send(path, command as never);
  }

  reconnectNow(): void {
    this.#client.reconnectNow();
  }

  close(): void {
    for (const held of this.#held.values()) held.stop();
    this.#held.clear();
    this.#client.close();
  }

  #hold(key: string, feed: Feed<unknown>): Held {
    const held: Held = {
      feed,
      clients: new Set(),
      stop: () => {},
      last: feed.getSnapshot(),
      gap: feed.gap,
      error: undefined,
    };
    this.#held.set(key, held);
    (held as { stop: () => void }).stop = feed.listen(() => this.#changed(key, held));
    return held;
  }

  /** One listener per key tells a new message, a gap or a failure apart. */
  #changed(key: string, held: Held): void {
    const { feed } = held;
    if (feed.error && feed.error !== held.error) {
      held.error = feed.error;
      const to = addressed(held.clients, key);
      const error = toWireError(feed.error);
      this.#out.post(held.clients, { from: 'hub', t: 'fail', to, error });
      return;
    }
    const snapshot = feed.getSnapshot();
    if (snapshot !== held.last) {
      held.last = snapshot;
      held.gap = false;
      this.#addressed(snapshot, key, held.clients);
      return;
    }
    if (feed.gap && !held.gap) {
      this.#out.post(held.clients, { from: 'hub', t: 'gap', to: addressed(held.clients, key) });
    }
    held.gap = feed.gap;
  }

  /** Every feed of a frame delivers in the same task: one post per message once they all have. */
  #addressed(message: unknown, key: string, clients: Iterable<string>): void {
    if (this.#pending.size === 0) queueMicrotask(() => this.#flush());
    let to = this.#pending.get(message);
    if (!to) {
      to = new Map();
      this.#pending.set(message, to);
    }
    for (const client of clients) {
      const keys = to.get(client);
      if (keys) keys.push(key);
      else to.set(client, [key]);
    }
  }

  #flush(): void {
    for (const [message, to] of this.#pending) {
      this.#out.post(to.keys(), {
        from: 'hub',
        t: 'msg',
        message,
        to: Object.fromEntries(to),
        at: now(),
      });
    }
    this.#pending.clear();
  }
}

function addressed(clients: Iterable<string>, key: string): Record<string, readonly string[]> {
  const to: Record<string, readonly string[]> = {};
  for (const client of clients) to[client] = [key];
  return to;
}

/** A clock comparable across a page and its workers. */
export function now(): number {
  return performance.timeOrigin + performance.now();
}
