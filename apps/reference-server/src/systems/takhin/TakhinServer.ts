import type { IncomingMessage } from 'node:http';
import { Takhin } from '@feedkit/protocol';
import type { Connection } from '../../Connection';
import type { Schema } from '../../drift/Schema';
import { type Admission, bearerToken, type SystemContext, SystemServer } from '../SystemServer';
import { type ClusterEvent, TakhinCluster } from './TakhinCluster';

type Message = Takhin.ServerMessage;

/** Seed time between two simulated cluster changes (topics, groups). */
const EVENT_INTERVAL_MS = 3_000;

/**
 * Takhin Console `/api/monitoring/ws`: metrics every 2 s to everyone;
 * topic and group events to the connections subscribed to `topic:<name>` /
 * `group:<groupId>`, or to every connection that has no subscription at all
 * (the seed's own examples never subscribe and still handle these events).
 */
export class TakhinServer extends SystemServer<Message> {
  readonly name = 'takhin' as const;
  readonly adapter = Takhin.adapter;

  schemaOf(message: Message): Schema | undefined {
    return Takhin.serverMessageSchemas[message.type];
  }
  readonly cluster: TakhinCluster;

  constructor(
    ctx: SystemContext,
    /** When set, the upgrade needs it as `Authorization: Bearer` or `?<apiKeyQuery>=`. */
    private readonly apiKey: string | undefined,
    /** The query parameter for the key (the seed names none; the protocol adapter uses `token`). */
    private readonly apiKeyQuery = 'token',
  ) {
    super(ctx);
    this.cluster = new TakhinCluster(ctx.random);
  }

  handles(pathname: string): boolean {
    return pathname === Takhin.TAKHIN_PATH;
  }

  socketPaths(): readonly string[] {
    return [Takhin.TAKHIN_PATH];
  }

  override notes(): readonly string[] {
    return this.apiKey === undefined
      ? ['no API key required (set TAKHIN_API_KEY to require one)']
      : [`API key: Authorization: Bearer <key> or ?${this.apiKeyQuery}=<key> (TAKHIN_API_KEY)`];
  }

  admit(request: IncomingMessage, url: URL): Admission<undefined> {
    if (this.apiKey !== undefined && bearerToken(request, url, this.apiKeyQuery) !== this.apiKey) {
      return {
        ok: false,
        status: 401,
        body: {
          error: `missing or invalid API key; send Authorization: Bearer <key> or ?${this.apiKeyQuery}=<key>`,
        },
      };
    }
    return { ok: true, state: undefined };
  }

  start(): void {
    const interval = Takhin.TAKHIN_METRICS_INTERVAL_MS;
    this.ctx.clock.every(interval, () => {
      if (this.ctx.simulate) this.cluster.step(interval / 1000);
      this.broadcast(this.metricsMessage());
    });
    if (this.ctx.simulate) {
      this.cluster.step(interval / 1000);
      this.ctx.clock.every(EVENT_INTERVAL_MS, () => {
        const event = this.cluster.randomEvent();
        if (event !== undefined) this.route({ ...event, timestamp: nowSeconds() } as Message);
      });
    }
  }

  onOpen(connection: Connection<undefined>): void {
    this.sendTo(connection, this.metricsMessage());
  }

  onMessage(connection: Connection<undefined>, frame: string): void {
    const result = this.readCommand(frame);
    if (result.kind !== 'message') {
      // The seed: "The server will close the connection if the client sends malformed messages".
      const why =
        result.kind === 'error'
          ? result.error.message
          : `takhin: unknown command type '${String(result.message.type)}'; expected subscribe, unsubscribe or ping`;
      this.sendTo(connection, { type: 'error', timestamp: nowSeconds(), data: { message: why } });
      connection.close(1007, 'malformed message');
      return;
    }
    const command = result.message;
    switch (command.type) {
      case 'ping':
        this.sendTo(connection, { type: 'pong', timestamp: nowSeconds() });
        return;
      case 'subscribe':
        connection.subscribe(command.data);
        return;
      case 'unsubscribe':
        connection.unsubscribe(command.data);
        return;
    }
  }

  /**
   * The protocol's command decoder, except that a missing `timestamp` is no
   * reason to close: the seed's own client class sends `{ type: 'ping' }`
   * and `{ type: 'subscribe', data }` without one, so a real server takes them.
   */
  private readCommand(frame: string): ReturnType<typeof Takhin.adapter.decodeCommand> {
    const result = this.adapter.decodeCommand(frame);
    if (result.kind !== 'error' || result.error.code !== 'invalid_message') return result;
    let value: unknown;
    try {
      value = JSON.parse(frame);
    } catch {
      return result;
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return result;
    if (Object.hasOwn(value, 'timestamp')) return result;
    const stamped = this.adapter.decodeCommand(
      JSON.stringify({ ...value, timestamp: nowSeconds() }),
    );
    return stamped.kind === 'message' ? stamped : result;
  }

  protected route(message: Message): number {
    switch (message.type) {
      case 'topic_created':
      case 'topic_deleted':
      case 'group_updated': {
        this.cluster.apply(message as ClusterEvent);
        const topic =
          message.type === 'group_updated'
            ? `group:${message.data.groupId}`
            : `topic:${message.data.name}`;
        return this.broadcast(
          message,
          (c) => c.subscriptions.size === 0 || c.subscriptions.has(topic),
        );
      }
      default:
        return this.broadcast(message);
    }
  }

  private metricsMessage(): Message {
    return {
      type: 'metrics',
      timestamp: nowSeconds(),
      data: this.cluster.metrics(this.connections.size),
    };
  }
}

const nowSeconds = () => Math.floor(Date.now() / 1000);
