import { EventEmitter } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import type { SystemName } from '@feedkit/protocol';
import { WebSocketServer } from 'ws';
import { Clock } from './Clock';
import { Connection, type ConnectionHost, type ConnectionInfo } from './Connection';
import { Router } from './http/Router';
import { readJsonBody } from './http/readJsonBody';
import { refuseUpgrade } from './http/refuseUpgrade';
import { CORS_HEADERS, sendJson } from './http/sendJson';
import { Random } from './Random';
import { createSystems, type Systems } from './systems/createSystems';
import { queryOf, type SystemServer } from './systems/SystemServer';

export interface ReferenceServerOptions {
  /** TCP port; 0 picks a free one. @default 0 */
  readonly port?: number;
  /** @default '127.0.0.1' */
  readonly host?: string;
  /** Multiplier for every periodic interval of the seeds (0.01 = a hundred times faster). @default env TIME_SCALE, else 1 */
  readonly timeScale?: number;
  /** Seed of the simulations' PRNG, for reproducible runs. @default random */
  readonly seed?: number;
  /** Lifetime of a Helios token, in seconds (real time, not scaled). @default 3600 */
  readonly heliosTokenTtlSeconds?: number;
  /** When set, Takhin requires it as `Authorization: Bearer` or `?token=`. @default undefined (no auth) */
  readonly takhinApiKey?: string;
  /** Plataforma E's simultaneous connection limit (`WEBSOCKET_MAX_CONNECTIONS`). @default 1000 */
  readonly maxConnections?: number;
  /** Run the simulations (elections, new topics, ...). Periodic feeds run either way. @default true */
  readonly simulate?: boolean;
  /** Requests per second on each control/broadcast endpoint before 429. @default 20 */
  readonly rateLimitPerSecond?: number;
  /** Where internal errors go. @default console.error */
  readonly onError?: (error: unknown) => void;
}

/** A request that arrived while frozen: answered on `thaw()`, dropped on stop/restart. */
interface Held {
  readonly run: () => void;
  readonly drop: () => void;
}

/**
 * All five systems on one port. Systems are found by socket path (they do
 * not collide) and REST routes by pattern. This class owns the sockets and
 * the fault injection; everything protocol-specific lives in `systems/`.
 */
export class ReferenceServer {
  readonly systems: Systems;
  private readonly list: SystemServer<object, unknown>[];
  private readonly clock: Clock;
  private readonly router = new Router();
  private readonly events = new EventEmitter();
  private readonly wss = new Map<SystemName, WebSocketServer>();
  private readonly held: Held[] = [];
  private http: Server | undefined;
  private nextId = 1;
  private boundPort = 0;
  private readonly hostname: string;
  private readonly log: (error: unknown) => void;
  private readonly host: ConnectionHost & { frozen: boolean } = {
    frozen: false,
    changed: () => this.events.emit('change'),
  };

  constructor(private readonly options: ReferenceServerOptions = {}) {
    this.hostname = options.host ?? '127.0.0.1';
    this.log = options.onError ?? ((error) => console.error('[reference-server]', error));
    this.clock = new Clock(options.timeScale ?? timeScaleFromEnv(), this.log);
    this.events.setMaxListeners(0);
    this.systems = createSystems(
      {
        clock: this.clock,
        random: new Random(options.seed),
        simulate: options.simulate ?? true,
        rateLimitPerSecond: options.rateLimitPerSecond ?? 20,
        log: this.log,
      },
      options,
    );
    this.list = Object.values(this.systems) as SystemServer<object, unknown>[];
    for (const system of this.list) {
      for (const route of system.routes()) this.router.add(route);
      this.wss.set(
        system.name,
        new WebSocketServer({
          noServer: true,
          maxPayload: system.maxPayload,
          // Pings are answered by hand so that a frozen server can ignore them.
          autoPong: false,
          clientTracking: false,
          perMessageDeflate: false,
        }),
      );
    }
  }

  get port(): number {
    return this.boundPort;
  }

  get url(): string {
    return `http://${this.hostname}:${this.boundPort}`;
  }

  get wsUrl(): string {
    return `ws://${this.hostname}:${this.boundPort}`;
  }

  get frozen(): boolean {
    return this.host.frozen;
  }

  /** What this server serves, for people: every socket path, REST route and credential. */
  describe(): string {
    const lines = [`feedkit reference server on ${this.url} (TIME_SCALE ${this.clock.timeScale})`];
    for (const system of this.list) {
      lines.push('', `  ${system.name}`);
      for (const path of system.socketPaths()) lines.push(`    WS   ${this.wsUrl}${path}`);
      for (const route of system.routes())
        lines.push(`    ${route.method.padEnd(4)} ${this.url}${route.pattern}`);
      for (const note of system.notes()) lines.push(`    ${note}`);
    }
    return lines.join('\n');
  }

  /** Starts the simulations and listens. */
  async start(): Promise<this> {
    for (const system of this.list) {
      system.start();
      if (system.idleTimeoutMs !== undefined) this.startIdleSweep(system, system.idleTimeoutMs);
    }
    await this.listen(this.options.port ?? 0);
    return this;
  }

  /** Closes every socket (1001) and the listener, and stops every timer. */
  async stop(): Promise<void> {
    await this.unlisten(1001, 'server shutting down');
    this.clock.stopAll();
    for (const wss of this.wss.values()) wss.close();
  }

  /**
   * Goes down and comes back on the same port; clients see a real close (1012).
   * With `downtimeMs`, the port stays closed that long first (connections are
   * refused, as with a killed process), while the simulations keep running.
   */
  async restart(options: { readonly downtimeMs?: number } = {}): Promise<void> {
    const port = this.boundPort;
    await this.unlisten(1012, 'service restart');
    if (options.downtimeMs) await new Promise((resolve) => setTimeout(resolve, options.downtimeMs));
    await this.listen(port);
  }

  /** Closes every socket with `code` (1005/1006 drop the TCP connection without a close frame). */
  dropConnections(code = 1012, reason = 'dropped by test'): void {
    for (const connection of this.allConnections()) connection.close(code, reason);
  }

  /** Black-holes every peer: sockets stay open, nothing is sent, nothing is answered. */
  freeze(): void {
    this.host.frozen = true;
  }

  thaw(): void {
    if (!this.host.frozen) return;
    this.host.frozen = false;
    // Time spent frozen does not count against a client's inactivity budget.
    const now = performance.now();
    for (const connection of this.allConnections()) connection.lastSeen = now;
    for (const held of this.held.splice(0)) held.run();
  }

  connections(system?: SystemName): readonly ConnectionInfo[] {
    const out: ConnectionInfo[] = [];
    for (const connection of this.allConnections()) {
      if (system === undefined || connection.system === system) out.push(connection.info());
    }
    return Object.freeze(out);
  }

  /** Resolves when `predicate(connections())` holds; re-checked on every connection or subscription change. */
  waitForConnections(
    predicate: (connections: readonly ConnectionInfo[]) => boolean,
    timeoutMs = 5000,
  ): Promise<readonly ConnectionInfo[]> {
    return new Promise((resolve, reject) => {
      const check = () => {
        const current = this.connections();
        let ok = false;
        try {
          ok = predicate(current);
        } catch (error) {
          done();
          reject(error);
          return;
        }
        if (ok) {
          done();
          resolve(current);
        }
      };
      const timer = setTimeout(() => {
        done();
        reject(
          new Error(
            `waitForConnections: predicate still false after ${timeoutMs} ms; connections: ${JSON.stringify(this.connections())}`,
          ),
        );
      }, timeoutMs);
      const done = () => {
        clearTimeout(timer);
        this.events.off('change', check);
      };
      this.events.on('change', check);
      check();
    });
  }

  /** Validates `message` with the system's protocol schema and routes it like a simulated event. */
  emit(system: SystemName, message: unknown): number {
    const target = this.list.find((s) => s.name === system);
    if (target === undefined) throw new TypeError(`emit: unknown system '${system}'`);
    return target.emit(message);
  }

  /** A Helios token for a seed user (`admin` or `viewer`), as the login endpoint issues it. */
  issueHeliosToken(username = 'admin', ttlSeconds?: number): string {
    return this.systems.helios.issueToken(username, ttlSeconds);
  }

  /** Pauses or resumes VeloFlux streams, exactly as `POST /api/ws/control` does. */
  setPaused(
    type: 'backends' | 'metrics' | 'status' | 'all',
    paused: boolean,
  ): { backends: boolean; metrics: boolean; status: boolean } {
    return this.systems.veloflux.setPaused(type, paused);
  }

  private *allConnections(): Generator<Connection<unknown>> {
    for (const system of this.list) yield* system.connections;
  }

  private changed(): void {
    this.events.emit('change');
  }

  private listen(port: number): Promise<void> {
    const http = createServer((request, response) => this.onRequest(request, response));
    http.on('upgrade', (request, socket, head) => this.onUpgrade(request, socket, head));
    http.on('clientError', (_error, socket) => {
      if (!socket.destroyed) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n');
    });
    this.http = http;
    return new Promise((resolve, reject) => {
      http.once('error', reject);
      http.listen(port, this.hostname, () => {
        http.off('error', reject);
        this.boundPort = (http.address() as AddressInfo).port;
        resolve();
      });
    });
  }

  private async unlisten(code: number, reason: string): Promise<void> {
    const http = this.http;
    this.http = undefined;
    for (const held of this.held.splice(0)) held.drop();
    // Stop accepting first, so nobody connects to a server that is going away.
    const closed =
      http === undefined
        ? Promise.resolve()
        : new Promise<void>((resolve) => http.close(() => resolve()));
    http?.closeAllConnections();
    const closing: Promise<void>[] = [];
    for (const connection of this.allConnections()) {
      closing.push(
        new Promise((resolve) => {
          if (connection.socket.readyState === connection.socket.CLOSED) return resolve();
          connection.socket.once('close', () => resolve());
          connection.close(code, reason);
          // A peer that never answers the close frame is cut off.
          setTimeout(() => connection.socket.terminate(), 500).unref();
        }),
      );
    }
    await Promise.all(closing);
    await closed;
  }

  private startIdleSweep(system: SystemServer<object, unknown>, idleMs: number): void {
    const limit = this.clock.scaled(idleMs);
    this.clock.every(Math.max(idleMs / 20, 1), () => {
      if (this.host.frozen) return;
      const now = performance.now();
      for (const connection of system.connections) {
        if (now - connection.lastSeen > limit) connection.close(1000, 'inactivity timeout');
      }
    });
  }

  private onUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): void {
    socket.on('error', () => socket.destroy());
    if (this.host.frozen) {
      this.held.push({
        run: () => this.onUpgrade(request, socket, head),
        drop: () => socket.destroy(),
      });
      return;
    }
    try {
      const url = new URL(request.url ?? '/', 'http://localhost');
      const system = this.list.find((s) => s.handles(url.pathname));
      if (system === undefined) {
        refuseUpgrade(socket, 404, { detail: `no WebSocket endpoint at ${url.pathname}` });
        return;
      }
      const admission = system.admit(request, url);
      if (!admission.ok) {
        refuseUpgrade(socket, admission.status, admission.body);
        return;
      }
      const wss = this.wss.get(system.name) as WebSocketServer;
      // Counted until the socket opens or dies, so limits hold under a burst of upgrades.
      let pending = true;
      const settle = () => {
        if (!pending) return;
        pending = false;
        system.pendingUpgrades--;
      };
      system.pendingUpgrades++;
      socket.once('close', settle);
      wss.handleUpgrade(request, socket, head, (ws) => {
        settle();
        const connection = new Connection(
          `c${this.nextId++}`,
          system.name,
          url.pathname,
          queryOf(url),
          ws,
          socket,
          this.host,
          admission.state,
        );
        this.accept(system, connection);
      });
    } catch (error) {
      this.log(error);
      refuseUpgrade(socket, 500, { detail: 'internal error' });
    }
  }

  private accept(system: SystemServer<object, unknown>, connection: Connection<unknown>): void {
    const ws = connection.socket;
    ws.on('error', () => {});
    ws.on('ping', (data) => {
      if (!this.host.frozen) ws.pong(data);
    });
    ws.on('message', (data, isBinary) => {
      if (this.host.frozen) return;
      connection.messagesIn++;
      system.counters.messagesReceived++;
      connection.lastSeen = performance.now();
      try {
        const frame = Array.isArray(data)
          ? Buffer.concat(data).toString('utf8')
          : Buffer.from(data as ArrayBuffer).toString('utf8');
        void isBinary;
        system.onMessage(connection, frame);
      } catch (error) {
        this.log(error);
      }
    });
    ws.on('close', () => {
      if (!system.connections.delete(connection)) return;
      system.counters.disconnections++;
      try {
        system.onClose(connection);
      } catch (error) {
        this.log(error);
      }
      this.changed();
    });
    system.connections.add(connection);
    system.counters.connections++;
    try {
      system.onOpen(connection);
    } catch (error) {
      this.log(error);
    }
    this.changed();
  }

  private onRequest(request: IncomingMessage, response: ServerResponse): void {
    response.on('error', () => {});
    if (this.host.frozen) {
      this.held.push({
        run: () => this.onRequest(request, response),
        drop: () => request.socket.destroy(),
      });
      return;
    }
    this.handleRequest(request, response).catch((error) => {
      this.log(error);
      sendJson(response, 500, { detail: 'internal error' });
    });
  }

  private async handleRequest(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', 'http://localhost');
    if (request.method === 'OPTIONS') {
      response.writeHead(204, CORS_HEADERS);
      response.end();
      return;
    }
    const match = this.router.match(request.method ?? 'GET', url.pathname);
    if (match.kind === 'not_found') {
      request.resume();
      sendJson(response, 404, { detail: `no endpoint at ${request.method} ${url.pathname}` });
      return;
    }
    if (match.kind === 'method_not_allowed') {
      request.resume();
      sendJson(
        response,
        405,
        { detail: `${request.method} not allowed on ${url.pathname}` },
        { allow: match.allow.join(', ') },
      );
      return;
    }
    const { route, params } = match;
    if (route.rateLimit !== undefined && !route.rateLimit.take()) {
      request.resume();
      sendJson(response, 429, route.errorBody('rate limit exceeded; slow down'), {
        'retry-after': String(route.rateLimit.retryAfterSeconds()),
      });
      return;
    }
    let body: unknown;
    if (route.request !== undefined) {
      const raw = await readJsonBody(request);
      if (!raw.ok) {
        sendJson(
          response,
          raw.status === 413 ? 413 : route.invalidStatus,
          route.errorBody(raw.message),
        );
        return;
      }
      const parsed = route.request.safeParse(raw.value);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        const where = issue?.path.length ? issue.path.join('.') : '(body)';
        sendJson(
          response,
          route.invalidStatus,
          route.errorBody(
            `invalid request body at ${where}: ${issue?.message ?? 'does not match'}`,
          ),
        );
        return;
      }
      body = parsed.data;
    } else {
      request.resume();
    }
    const result = await route.handle({ params, url, body, headers: request.headers });
    if (result.status < 300 && route.response !== undefined) {
      const checked = route.response.safeParse(result.body);
      if (!checked.success) {
        this.log(
          new Error(
            `${route.method} ${route.pattern} answered a body its schema refuses: ${JSON.stringify(checked.error.issues)}`,
          ),
        );
        sendJson(response, 500, route.errorBody('internal error: response does not match schema'));
        return;
      }
    }
    sendJson(response, result.status, result.body, result.headers);
  }
}

function timeScaleFromEnv(): number {
  const value = Number(process.env.TIME_SCALE);
  return process.env.TIME_SCALE && Number.isFinite(value) && value > 0 ? value : 1;
}
