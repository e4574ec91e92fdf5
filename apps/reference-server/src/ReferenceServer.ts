import type { SystemName } from '@feedkit/protocol';
import { Clock } from './Clock';
import type { ConnectionHost, ConnectionInfo } from './Connection';
import { ConnectionRegistry } from './ConnectionRegistry';
import { describeServer } from './describeServer';
import { Drift } from './drift/Drift';
import type { DriftStats } from './drift/DriftOptions';
import { Faults } from './Faults';
import { HttpListener } from './http/HttpListener';
import { RestPipeline } from './http/RestPipeline';
import { Random } from './Random';
import type { ReferenceServerOptions } from './ReferenceServerOptions';
import { SocketAcceptor } from './SocketAcceptor';
import { startIdleSweep } from './startIdleSweep';
import { createSystems, type Systems } from './systems/createSystems';
import type { SystemServer } from './systems/SystemServer';

/**
 * All five systems on one port, and the handle tests drive them with:
 * start, stop, restart on the same port, the fault handle (drop, freeze,
 * thaw), connection snapshots, and `emit`. Each step lives in its own file:
 * `HttpListener` (the port), `RestPipeline` (REST), `SocketAcceptor`
 * (upgrades), `Faults` (black holes and drops), `ConnectionRegistry`
 * (snapshots and waits); this class only puts them together.
 */
export class ReferenceServer {
  private readonly systems: Systems;
  private readonly list: readonly SystemServer<object, unknown>[];
  private readonly clock: Clock;
  private readonly registry: ConnectionRegistry;
  private readonly faults: Faults;
  private readonly listener: HttpListener;
  private readonly sockets: SocketAcceptor;
  private readonly hostname: string;
  private readonly drift: Drift | undefined;

  constructor(private readonly options: ReferenceServerOptions = {}) {
    this.hostname = options.host ?? '127.0.0.1';
    const log = options.onError ?? ((error) => console.error('[reference-server]', error));
    this.clock = new Clock(options.timeScale ?? 1, log);
    const { drift } = options;
    this.drift =
      drift === undefined || drift === false
        ? undefined
        : new Drift(drift === true ? {} : drift, options.seed);
    this.systems = createSystems(
      {
        clock: this.clock,
        random: new Random(options.seed),
        simulate: options.simulate ?? true,
        rateLimitPerSecond: options.rateLimitPerSecond ?? 20,
        log,
        drift: this.drift,
      },
      options,
    );
    this.list = Object.values(this.systems) as SystemServer<object, unknown>[];
    this.registry = new ConnectionRegistry(this.list);
    this.faults = new Faults(() => this.registry.all());
    const faults = this.faults;
    const host: ConnectionHost = {
      get frozen() {
        return faults.frozen;
      },
      changed: () => this.registry.changed(),
    };
    const rest = new RestPipeline(
      this.list.flatMap((system) => system.routes()),
      this.faults,
      log,
    );
    this.sockets = new SocketAcceptor(this.list, host, this.faults, log);
    this.listener = new HttpListener(this.hostname, {
      upgrade: (request, socket, head) => this.sockets.upgrade(request, socket, head),
      request: (request, response) =>
        this.sockets.answerPlain(request, response) || rest.serve(request, response),
    });
  }

  /** The bound port (the free one picked for port 0; the same after `restart()`). */
  get port(): number {
    return this.listener.port;
  }

  /** Base URL of the REST endpoints, e.g. `http://127.0.0.1:41234`. */
  get url(): string {
    return `http://${this.hostname}:${this.port}`;
  }

  /** Base URL of the sockets, e.g. `ws://127.0.0.1:41234`. */
  get wsUrl(): string {
    return `ws://${this.hostname}:${this.port}`;
  }

  /** Whether `freeze()` is in effect. */
  get frozen(): boolean {
    return this.faults.frozen;
  }

  /** What this server serves, for people: every socket path, REST route and credential. */
  describe(): string {
    const mode = `TIME_SCALE ${this.clock.timeScale}${this.drift ? ', drift on' : ''}`;
    return describeServer(this.list, { url: this.url, wsUrl: this.wsUrl, mode });
  }

  /** Starts the simulations and listens. */
  async start(): Promise<this> {
    for (const system of this.list) {
      system.start();
      if (system.idleTimeoutMs !== undefined)
        startIdleSweep(this.clock, system, system.idleTimeoutMs, () => this.faults.frozen);
    }
    await this.listener.listen(this.options.port ?? 0);
    return this;
  }

  /** Closes every socket (1001) and the listener, and stops every timer. */
  async stop(): Promise<void> {
    await this.unlisten(1001, 'server shutting down');
    this.clock.stopAll();
    this.sockets.close();
  }

  /**
   * Goes down and comes back on the same port; clients see a real close (1012).
   * With `downtimeMs`, the port stays closed that long first (connections are
   * refused, as with a killed process), while the simulations keep running.
   */
  async restart(options: { readonly downtimeMs?: number } = {}): Promise<void> {
    const port = this.port;
    await this.unlisten(1012, 'service restart');
    if (options.downtimeMs) await new Promise((resolve) => setTimeout(resolve, options.downtimeMs));
    await this.listener.listen(port);
  }

  /** Closes every socket with `code` (1005/1006 drop the TCP connection without a close frame). */
  dropConnections(code = 1012, reason = 'dropped by test'): void {
    this.faults.drop(code, reason);
  }

  /** Black-holes every peer: sockets stay open, nothing is sent, nothing is answered. */
  freeze(): void {
    this.faults.freeze();
  }

  /** Ends `freeze()`: held upgrades and REST requests go through. */
  thaw(): void {
    this.faults.thaw();
  }

  /** Frozen snapshots of the open sockets (of one system), with their subscriptions and counters. */
  connections(system?: SystemName): readonly ConnectionInfo[] {
    return this.registry.snapshot(system);
  }

  /**
   * Resolves when `predicate(connections())` holds; re-checked on every
   * connection or subscription change. Rejects after `timeoutMs` with what it saw.
   * @param timeoutMs long by default: a client started in a child process or a
   * browser on a loaded CI machine can take seconds to connect. @default 15000
   */
  waitForConnections(
    predicate: (connections: readonly ConnectionInfo[]) => boolean,
    timeoutMs = 15_000,
  ): Promise<readonly ConnectionInfo[]> {
    return this.registry.waitFor(predicate, timeoutMs);
  }

  /** What drift mode has varied so far, or undefined when the server does not drift. */
  driftStats(): DriftStats | undefined {
    return this.drift?.stats();
  }

  /** Validates `message` with the system's protocol schema and routes it like a simulated event. */
  emit(system: keyof Systems, message: unknown): number {
    return this.system(system).emit(message);
  }

  /**
   * Sends `frame` as it is (a string, or any value as JSON) to every socket
   * of `system`, or only those under `path`: unknown types, malformed or
   * drifted messages, exactly as a test wants them. Returns the recipients.
   */
  emitRaw(system: keyof Systems, frame: unknown, options: { readonly path?: string } = {}): number {
    const text = typeof frame === 'string' ? frame : JSON.stringify(frame);
    return this.system(system).emitRaw(text, options.path);
  }

  /**
   * One system, for what only it has: `system('helios').issueToken('admin', 2)`,
   * `system('veloflux').setPaused('all', true)`.
   */
  system<N extends keyof Systems>(name: N): Systems[N] {
    if (!Object.hasOwn(this.systems, name)) throw new TypeError(`unknown system '${name}'`);
    return this.systems[name];
  }

  private async unlisten(code: number, reason: string): Promise<void> {
    this.faults.dropHeld();
    // Stop accepting first, so nobody connects to a server that is going away.
    const closed = this.listener.close();
    await this.registry.closeAll(code, reason);
    await closed;
  }
}
