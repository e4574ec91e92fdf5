import {
  type ClientOptions,
  createClient,
  type FeedkitClient,
  type Protocol,
} from '@feedkit/client';
import type { KnownSystem } from '@feedkit/protocol';
import { exampleMessages, type MessageName, type MessageOf } from '@feedkit/protocol/examples';
import type { WebSocketHandlerConnection } from 'msw';
import { type RequestHandler, type WebSocketHandler, ws } from 'msw';
import { MockConnection } from './MockConnection';
import { mockWebSocket } from './mockWebSocket';
import type { SystemBehaviour } from './SystemBehaviour';
import { addMockHandlers, removeMockHandlers } from './sharedMsw';

/**
 * One msw link per URL for the whole process: each link keeps a listener on
 * msw's BroadcastChannel for good, so a link per mock would pile them up.
 */
const links = new Map<string, ReturnType<typeof ws.link>>();
function linkTo(url: string): ReturnType<typeof ws.link> {
  let link = links.get(url);
  if (link === undefined) {
    link = ws.link(url);
    links.set(url, link);
  }
  return link;
}

export interface MockServerOptions {
  /**
   * Base URL the mock answers on; give the client the same one.
   * @default 'ws://feedkit.test'
   */
  readonly url?: string;
  /**
   * The credential the mock accepts (Helios token, Takhin API key), read
   * from the query parameter the protocol puts it in (browser-style sockets
   * cannot send headers). Systems that require credentials accept any
   * non-empty one when this is omitted; the others accept none or any.
   * @default undefined
   */
  readonly token?: string;
  /** Clock for timestamps on pongs and acks, in ms. @default Date.now */
  readonly now?: () => number;
}

/** Why a socket is being refused, and how. */
interface Refusal {
  readonly code: number;
  readonly reason: string;
}

/**
 * A mock server of one system on msw's WebSocket interception: it speaks the
 * system's protocol (welcome, pongs, acks, subscriptions) so a real feedkit
 * client replays and acknowledges as in production, and lets a test emit
 * typed messages and inject faults. Create one per test and `stop()` it.
 */
export class MockServer<S extends KnownSystem> {
  readonly system: S;
  /** Base socket URL: `createClient({ url: mock.url, ... })`. */
  readonly url: string;
  /** The same host with http(s), where REST helpers go. */
  readonly httpUrl: string;
  /** Every socket that connected, open or closed, in order. */
  readonly history: MockConnection[] = [];
  protected readonly behaviour: SystemBehaviour;
  protected readonly options: MockServerOptions;
  private readonly waiters = new Set<() => void>();
  private silent = false;
  protected refusal: Refusal | undefined;
  private running = false;

  constructor(system: S, behaviour: SystemBehaviour, options: MockServerOptions = {}) {
    this.system = system;
    this.behaviour = behaviour;
    this.options = options;
    this.url = (options.url ?? 'ws://feedkit.test').replace(/\/+$/, '');
    this.httpUrl = this.url.replace(/^ws(s?):/i, 'http$1:');
  }

  /**
   * What a client needs to talk to this mock: its URL, the msw-intercepted
   * WebSocket, no backoff (reconnects at once) and no browser lifecycle hooks.
   *
   * @example createClient({ ...takhin.clientOptions, protocol: takhin() })
   */
  get clientOptions() {
    return {
      url: this.url,
      WebSocket: mockWebSocket,
      backoff: () => 0,
      lifecycle: false,
    } as const satisfies Partial<ClientOptions<Protocol>>;
  }

  /**
   * A real feedkit client connected to this mock, in one line.
   * @example const client = mock.createClient(takhin());
   */
  createClient<P extends Protocol>(
    protocol: P,
    options: Partial<Omit<ClientOptions<P>, 'protocol'>> = {},
  ): FeedkitClient<P> {
    return createClient({ ...this.clientOptions, ...options, protocol });
  }

  /** Installs the msw handlers; sockets to `url` are mocked from now on. */
  start(): this {
    if (!this.running) addMockHandlers(this, [...this.socketHandlers(), ...this.restHandlers()]);
    this.running = true;
    return this;
  }

  /** Closes every socket (1001) and removes the handlers. */
  stop(): void {
    for (const connection of this.connections()) connection.close(1001, 'mock server stopped');
    removeMockHandlers(this);
    this.running = false;
  }

  /** Open sockets. */
  connections(path?: string): MockConnection[] {
    return this.history.filter((c) => c.open && (path === undefined || c.path === path));
  }

  /**
   * Sends a typed message to every open socket it would reach on a real
   * server (its path and subscriptions), after checking it against the
   * system's schema. Without `message`, sends the seed's example.
   * Returns how many sockets it reached.
   */
  emit<N extends MessageName<S>>(name: N, message?: MessageOf<S, N>): number {
    const value = message ?? (exampleMessages[this.system] as Record<string, unknown>)[name];
    const { adapter } = this.behaviour;
    const frame = adapter.encodeMessage(value);
    const decoded = adapter.decode(frame);
    if (decoded.kind === 'error') throw new TypeError(`emit('${name}'): ${decoded.error.message}`);
    if (decoded.kind === 'unknown')
      throw new TypeError(
        `emit('${name}'): ${this.system} has no message type '${decoded.message.type}'`,
      );
    let reached = 0;
    for (const connection of this.connections()) {
      if (this.silent || !this.behaviour.delivers(decoded.message, connection)) continue;
      connection.send(frame);
      reached++;
    }
    return reached;
  }

  /**
   * Sends a frame as is, unchecked, to every open socket (of `path`, if
   * given): drifted messages, unknown types, malformed JSON.
   */
  send(frame: string | object, options: { readonly path?: string } = {}): number {
    const text = typeof frame === 'string' ? frame : JSON.stringify(frame);
    const targets = this.silent ? [] : this.connections(options.path);
    for (const connection of targets) connection.send(text);
    return targets.length;
  }

  /** Closes every open socket with `code`, as a crashing or restarting server would. */
  close(code = 1012, reason = 'closed by the mock'): void {
    for (const connection of this.connections()) connection.close(code, reason);
  }

  /** Black-holes every socket: nothing is sent, nothing is answered (pings included) until `resume()`. */
  silence(): void {
    this.silent = true;
  }

  resume(): void {
    this.silent = false;
  }

  /**
   * Refuses every new socket (closing it at once with `code`, by default
   * 1008, which the seeds' servers use for refused credentials) and every
   * login, until called with `false`.
   */
  refuseCredentials(refuse = true, code = 1008): void {
    this.refusal = refuse ? { code, reason: 'credentials refused by the mock' } : undefined;
  }

  /** Resolves with the first open socket that matches, waiting for one to connect if needed. */
  waitForConnection(
    predicate: (connection: MockConnection) => boolean = () => true,
  ): Promise<MockConnection> {
    return this.until(() => this.connections().find(predicate));
  }

  /** Resolves once an open socket holds `topic` (a subscription the client sent). */
  waitForTopic(topic: string): Promise<MockConnection> {
    return this.waitForConnection((c) => c.topics.has(topic));
  }

  /** Resolves when `check` returns something other than `undefined`; re-checked on every socket event. */
  until<T>(check: () => T | undefined): Promise<T> {
    const now = check();
    if (now !== undefined) return Promise.resolve(now);
    return new Promise((resolve) => {
      const waiter = () => {
        const value = check();
        if (value === undefined) return;
        this.waiters.delete(waiter);
        resolve(value);
      };
      this.waiters.add(waiter);
    });
  }

  /** Accepts the credential? */
  protected accepts(token: string | undefined): boolean {
    if (this.refusal) return false;
    if (this.options.token !== undefined) return token === this.options.token;
    return !this.behaviour.adapter.auth?.required || (token !== undefined && token.length > 0);
  }

  /** Extra REST handlers of a system (Helios login). */
  protected restHandlers(): RequestHandler[] {
    return [];
  }

  private now(): number {
    return (this.options.now ?? Date.now)();
  }

  private changed(): void {
    for (const waiter of [...this.waiters]) waiter();
  }

  private socketHandlers(): WebSocketHandler[] {
    return this.behaviour.paths.map((path) =>
      linkTo(`${this.url}${path}`).addEventListener('connection', ({ client, params }) => {
        this.connect(client, params as Record<string, string>);
      }),
    );
  }

  private connect(
    client: WebSocketHandlerConnection['client'],
    params: Record<string, string>,
  ): void {
    const connection = new MockConnection(client, params);
    const auth = this.behaviour.adapter.auth;
    const token = auth?.query === undefined ? undefined : connection.query(auth.query);
    this.history.push(connection);
    if (!this.accepts(token)) {
      const refusal = this.refusal ?? { code: 1008, reason: 'invalid credentials' };
      connection.close(refusal.code, refusal.reason, { beforeOpen: true });
      this.changed();
      return;
    }
    for (const topic of this.behaviour.initialTopics?.(connection) ?? [])
      connection.topics.add(topic);
    client.addEventListener('message', (event) => {
      const { data } = event;
      this.receive(connection, typeof data === 'string' ? data : String(data));
    });
    client.addEventListener('close', () => {
      connection.open = false;
      this.changed();
    });
    const welcome = this.behaviour.welcome?.(connection, this.now()) ?? [];
    for (const message of welcome) connection.send(this.behaviour.adapter.encodeMessage(message));
    this.changed();
  }

  private receive(connection: MockConnection, frame: string): void {
    if (this.silent) return;
    const { adapter } = this.behaviour;
    const decoded = adapter.decodeCommand(frame);
    if (decoded.kind !== 'message') {
      connection.invalidFrames.push(frame);
      this.changed();
      return;
    }
    connection.commands.push(decoded.message);
    const replies = this.behaviour.answer(decoded.message, connection, this.now());
    for (const reply of replies) connection.send(adapter.encodeMessage(reply));
    this.changed();
  }
}
