import type { IncomingMessage } from 'node:http';
import type { Adapter, DecodeResult, Endpoint, SystemName } from '@feedkit/protocol';
import type { Clock } from '../Clock';
import type { Connection } from '../Connection';
import type { Drift, DriftTarget } from '../drift/Drift';
import type { Schema } from '../drift/Schema';
import type { BodySchema, RestRequest, RestResponse, Route } from '../http/Router';
import type { Random } from '../Random';
import { TokenBucket } from '../TokenBucket';
import { textFrame } from '../textFrame';

/** What the server gives every system. */
export interface SystemContext {
  readonly clock: Clock;
  readonly random: Random;
  /** When false, nothing happens on its own (no elections, no new topics): only periodic feeds and `emit`. */
  readonly simulate: boolean;
  /** Requests per second allowed on each control/broadcast endpoint. */
  readonly rateLimitPerSecond: number;
  readonly log: (error: unknown) => void;
  /** Set in drift mode: every message goes out varied as a real deployment would send it. */
  readonly drift?: Drift;
}

export type Admission<State> =
  | { readonly ok: true; readonly state: State }
  | { readonly ok: false; readonly status: number; readonly body: unknown };

/** Default ceiling for a client frame where the seed sets none: generous, but bounded. */
export const DEFAULT_MAX_PAYLOAD = 1024 * 1024;

/** The part of a protocol adapter a server uses (subclasses keep their adapter's full type). */
export type ServerAdapter<In> = Pick<Adapter<In, unknown>, 'system' | 'encodeMessage'> & {
  readonly decode: (frame: string) => DecodeResult<unknown>;
  readonly decodeCommand: (frame: string) => DecodeResult<unknown>;
};

/**
 * One of the five systems: which socket paths it serves, how it admits a
 * socket, what it does with each client frame, its REST routes, and the
 * simulation that drives its feeds. Frames are validated with the protocol
 * package's adapter and sent through `broadcast`, which encodes once.
 */
export abstract class SystemServer<In extends object, State = undefined> implements DriftTarget {
  abstract readonly name: SystemName;
  abstract readonly adapter: ServerAdapter<In>;
  /** The field that names a message's type. */
  readonly typeField: string = 'type';
  /** Largest client frame (ws `maxPayload`; larger closes with 1009). */
  readonly maxPayload: number = DEFAULT_MAX_PAYLOAD;
  /** Seed-time inactivity timeout, after which a silent client is closed. */
  readonly idleTimeoutMs: number | undefined = undefined;
  readonly connections = new Set<Connection<State>>();
  /** Upgrades admitted but not yet open, so connection limits hold under a burst. */
  pendingUpgrades = 0;
  /** Lifetime counters, for the systems' stats endpoints. */
  readonly counters = {
    connections: 0,
    disconnections: 0,
    messagesSent: 0,
    messagesReceived: 0,
    broadcasts: 0,
  };

  constructor(protected readonly ctx: SystemContext) {}

  /** Does this system serve the socket path? */
  abstract handles(pathname: string): boolean;

  /** Decides on an upgrade before it happens: auth, limits, query checks. */
  abstract admit(request: IncomingMessage, url: URL): Admission<State>;

  /** Called once the socket is open: send the current state. */
  abstract onOpen(connection: Connection<State>): void;

  /** One text frame from the client. */
  abstract onMessage(connection: Connection<State>, frame: string): void;

  onClose(_connection: Connection<State>): void {}

  /** Starts the periodic feeds and the simulation. */
  abstract start(): void;

  /** The socket paths, as people should type them (for `describe()`). */
  abstract socketPaths(): readonly string[];

  /** Credentials and other hints for people (for `describe()`). */
  notes(): readonly string[] {
    return [];
  }

  /** The REST routes of this system. */
  routes(): Route[] {
    return [];
  }

  /** The protocol's schema of a server message (drift reads it to know what may vary). */
  abstract schemaOf(message: In): Schema | undefined;

  decode(frame: string): DecodeResult<unknown> {
    return this.adapter.decode(frame);
  }

  /** Routes a message exactly as a simulated event of the same kind would be; returns the recipients. */
  protected abstract route(message: In): number;

  /**
   * Validates `message` with the protocol schema and routes it. Throws a
   * TypeError naming the first bad field: this is the test handle, and a test
   * that emits a message the seed does not allow has a bug.
   */
  emit(message: unknown): number {
    const result = this.adapter.decode(JSON.stringify(message));
    if (result.kind === 'message') return this.route(result.message as In);
    const why =
      result.kind === 'error'
        ? result.error.message
        : `${this.name}: '${String(result.message.type)}' is not a message type of this system`;
    throw new TypeError(`emit(${this.name}): ${why}`);
  }

  /**
   * Sends `text` exactly as given to every open socket (or those whose path
   * starts with `pathPrefix`): no schema, no routing. Returns the recipients.
   */
  emitRaw(text: string, pathPrefix = ''): number {
    let sent = 0;
    for (const connection of this.connections) {
      if (connection.path.startsWith(pathPrefix) && connection.send(text)) sent++;
    }
    this.counters.messagesSent += sent;
    return sent;
  }

  /** Encodes and frames once, and writes the same bytes to every connection `accept` lets through. */
  protected broadcast(message: In, accept?: (connection: Connection<State>) => boolean): number {
    this.counters.broadcasts++;
    if (this.connections.size === 0) return 0;
    const frames = this.encode(message).map(textFrame);
    let sent = 0;
    for (const connection of this.connections) {
      if (accept !== undefined && !accept(connection)) continue;
      let reached = false;
      for (const frame of frames) reached = connection.sendFrame(frame) || reached;
      if (reached) sent++;
    }
    this.counters.messagesSent += sent;
    return sent;
  }

  protected sendTo(connection: Connection<State>, message: In): boolean {
    let sent = false;
    for (const text of this.encode(message)) sent = connection.send(text) || sent;
    if (sent) this.counters.messagesSent++;
    return sent;
  }

  /** The text frames for one message: one, or in drift mode the varied message and maybe an unknown type. */
  private encode(message: In): string[] {
    const text = this.adapter.encodeMessage(message);
    return this.ctx.drift === undefined ? [text] : this.ctx.drift.frames(this, message, text);
  }

  /** A REST route built from the protocol's endpoint definition. */
  protected endpoint<Req, Res>(
    endpoint: Endpoint<Req, Res, never>,
    handle: (request: RestRequest<Req>) => RestResponse | Promise<RestResponse>,
    options: { readonly rateLimited?: boolean } = {},
  ): Route {
    return {
      method: endpoint.method,
      pattern: endpoint.pattern,
      request: endpoint.request as BodySchema | undefined,
      response: endpoint.response as BodySchema,
      rateLimit: options.rateLimited
        ? new TokenBucket(this.ctx.rateLimitPerSecond, this.ctx.rateLimitPerSecond)
        : undefined,
      errorBody: (message) => this.errorBody(message),
      invalidStatus: this.invalidStatus,
      handle: handle as (request: RestRequest) => RestResponse | Promise<RestResponse>,
    };
  }

  /** The system's REST error body. */
  errorBody(message: string): unknown {
    return { detail: message };
  }

  /** Status for an invalid REST body: FastAPI answers 422. */
  protected readonly invalidStatus: number = 422;
}

/** Query string as a plain record (the last value wins for repeated keys). */
export function queryOf(url: URL): Record<string, string> {
  return Object.fromEntries(url.searchParams);
}

/** `Authorization: Bearer <token>` or `?<param>=<token>`; the header wins. */
export function bearerToken(
  request: IncomingMessage,
  url: URL,
  param = 'token',
): string | undefined {
  const header = request.headers.authorization;
  if (typeof header === 'string') {
    const match = /^Bearer\s+(.+)$/i.exec(header.trim());
    if (match) return match[1];
  }
  return url.searchParams.get(param) ?? undefined;
}
