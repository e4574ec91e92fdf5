import { type AddressInfo, createServer, type Server } from 'node:net';
import { type FaultSettings, noFaults } from './FaultSettings';
import { Link } from './Link';

/**
 * A TCP proxy between a client and a server (`node:net`) whose faults are
 * switched at run time: `faults` (latency, 1-byte segments, black holes)
 * apply to every chunk from then on; the methods act on the connections
 * open now (reset mid-frame, stop reading, half-open, drop) or on a
 * schedule (`flap`).
 *
 * @example
 * const proxy = await FaultProxy.start(server.port);
 * const client = createClient({ url: proxy.wsUrl, ... });
 * proxy.faults.latencyMs = 100;
 */
export class FaultProxy {
  /** The faults of every chunk; assign a field to switch one on or off. */
  readonly faults: FaultSettings = noFaults();
  readonly #links = new Set<Link>();
  readonly #waiting: ((link: Link) => void)[] = [];
  #accepted = 0;
  /** Segments and bytes written towards the client and towards the server, over every connection. */
  readonly written = {
    toClient: { segments: 0, bytes: 0 },
    toServer: { segments: 0, bytes: 0 },
  };

  private constructor(
    private readonly server: Server,
    private readonly upstream: { readonly host: string; readonly port: number },
  ) {
    server.on('connection', (socket) => {
      const link = new Link(socket, this.upstream, () => this.faults, this.written);
      this.#accepted++;
      this.#links.add(link);
      void link.closed.then(() => this.#links.delete(link));
      for (const resolve of this.#waiting.splice(0)) resolve(link);
    });
  }

  static async start(upstreamPort: number, upstreamHost = '127.0.0.1'): Promise<FaultProxy> {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return new FaultProxy(server, { host: upstreamHost, port: upstreamPort });
  }

  get port(): number {
    return (this.server.address() as AddressInfo).port;
  }

  /** `ws://127.0.0.1:<port>`: the URL a client uses instead of the server's. */
  get wsUrl(): string {
    return `ws://127.0.0.1:${this.port}`;
  }

  /** Connections accepted since the start (each reconnect is one more). */
  get accepted(): number {
    return this.#accepted;
  }

  /** Connections open now. */
  get open(): number {
    return this.#links.size;
  }

  /** The next connection accepted, before any byte of it is forwarded (to act on it alone). */
  nextConnection(): Promise<Link> {
    return new Promise((resolve) => this.#waiting.push(resolve));
  }

  /**
   * Cuts the next server -> client chunk of every open connection in half and
   * resets the client's side `pauseMs` later: a frame that never ends.
   * Resolves when done.
   */
  async resetMidFrame(pauseMs = 100): Promise<void> {
    await Promise.all([...this.#links].map((link) => link.toClient.cutNext(pauseMs)));
  }

  /** The server stops reading every open connection (see `Link.stopReading`). */
  stopReading(): void {
    for (const link of this.#links) link.stopReading();
  }

  /** Every open connection becomes half-open (see `Link.halfOpen`). */
  halfOpen(): void {
    for (const link of this.#links) link.halfOpen();
  }

  /** Drops every open connection, with a FIN or a reset. */
  drop(mode: 'close' | 'reset' = 'close'): void {
    for (const link of this.#links) link.destroy(mode);
  }

  /** A flapping link: every `everyMs` the open connections are dropped, until the returned function is called. */
  flap(everyMs: number, mode: 'close' | 'reset' = 'close'): () => void {
    const timer = setInterval(() => this.drop(mode), everyMs);
    return () => clearInterval(timer);
  }

  /** Drops every connection and stops listening. */
  async close(): Promise<void> {
    const closed = new Promise<void>((resolve) => this.server.close(() => resolve()));
    this.drop();
    await Promise.all([...this.#links].map((link) => link.closed));
    await closed;
  }
}
