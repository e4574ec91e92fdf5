import type { IncomingMessage } from 'node:http';
import { ActiveImmuneCore } from '@feedkit/protocol';
import type { Connection } from '../../Connection';
import type { Schema } from '../../drift/Schema';
import type { Route } from '../../http/Router';
import { type Admission, type SystemContext, SystemServer } from '../SystemServer';
import { ImmuneSystem } from './ImmuneSystem';

type Message = ActiveImmuneCore.ServerMessage;
type Event = ActiveImmuneCore.ServerEvent;

interface State {
  readonly clientId: string;
  /** Size of the event-type filter; 0 means every type. */
  filterSize: number;
}

/** Seed time between two simulated happenings. */
const EVENT_INTERVAL_MS = 2_000;
const ROOM = 'room:';
const EVENT = 'event:';

/**
 * Active Immune Core `/ws?client_id=`: rooms and an event-type filter per
 * connection. An event with a room reaches that room's members only, one
 * without reaches everyone; the filter (empty = all) applies on top. Every
 * command is answered with `{success, message, data}`.
 */
export class ActiveImmuneCoreServer extends SystemServer<Message, State> {
  readonly name = 'active-immune-core' as const;
  readonly adapter = ActiveImmuneCore.adapter;
  override readonly typeField = 'event_type';

  schemaOf(message: Message): Schema | undefined {
    const schemas = ActiveImmuneCore.serverMessageSchemas;
    return 'event_type' in message ? schemas[message.event_type] : schemas.response;
  }
  override readonly maxPayload = 64 * 1024;
  override readonly idleTimeoutMs = ActiveImmuneCore.AIC_INACTIVITY_TIMEOUT_MS;
  readonly immune: ImmuneSystem;

  constructor(ctx: SystemContext) {
    super(ctx);
    this.immune = new ImmuneSystem(ctx.random);
  }

  handles(pathname: string): boolean {
    return pathname === ActiveImmuneCore.AIC_PATH;
  }

  socketPaths(): readonly string[] {
    return [`${ActiveImmuneCore.AIC_PATH}?client_id=<optional>`];
  }

  override notes(): readonly string[] {
    return ['rooms: agents, tasks, coordination, system; no auth; rate limit on broadcast'];
  }

  admit(_request: IncomingMessage, url: URL): Admission<State> {
    const given = url.searchParams.get(ActiveImmuneCore.AIC_CLIENT_ID_PARAM);
    const clientId =
      given !== null && given !== '' ? given.slice(0, 128) : `client_${this.ctx.random.hex(12)}`;
    return { ok: true, state: { clientId, filterSize: 0 } };
  }

  start(): void {
    if (!this.ctx.simulate) return;
    this.ctx.clock.every(EVENT_INTERVAL_MS, () => {
      for (const event of this.immune.next()) {
        this.route({
          ...event,
          timestamp: new Date().toISOString(),
          source: 'api_server',
        } as Event);
      }
    });
  }

  onOpen(connection: Connection<State>): void {
    this.sendTo(connection, {
      event_type: 'connected',
      timestamp: new Date().toISOString(),
      data: { connection_id: connection.id, client_id: connection.state.clientId },
      source: 'api_server',
      room: null,
    });
  }

  onMessage(connection: Connection<State>, frame: string): void {
    const result = this.adapter.decodeCommand(frame);
    if (result.kind !== 'message') {
      const message =
        result.kind === 'error'
          ? result.error.message
          : `unknown action '${String((result.message.value as { action?: unknown }).action)}'; use ping, subscribe, unsubscribe, join, leave or info`;
      this.reply(connection, false, message, null);
      return;
    }
    const command = result.message;
    switch (command.action) {
      case 'ping':
        this.reply(connection, true, 'pong', { timestamp: new Date().toISOString() });
        return;
      case 'join':
        connection.subscribe(`${ROOM}${command.room}`);
        this.reply(connection, true, `Joined room '${command.room}'`, { room: command.room });
        return;
      case 'leave':
        connection.unsubscribe(`${ROOM}${command.room}`);
        this.reply(connection, true, `Left room '${command.room}'`, { room: command.room });
        return;
      case 'subscribe':
      case 'unsubscribe': {
        const topics = command.data.event_types.map((t) => `${EVENT}${t}`);
        if (command.action === 'subscribe') connection.subscribe(...topics);
        else connection.unsubscribe(...topics);
        const types = this.eventTypes(connection);
        connection.state.filterSize = types.length;
        this.reply(
          connection,
          true,
          `${command.action === 'subscribe' ? 'Subscribed to' : 'Unsubscribed from'} ${command.data.event_types.length} event types`,
          { event_types: types },
        );
        return;
      }
      case 'info':
        this.reply(connection, true, 'Connection info', {
          connection_id: connection.id,
          client_id: connection.state.clientId,
          rooms: this.rooms(connection),
          event_types: this.eventTypes(connection),
          connected_at: new Date(connection.connectedAt).toISOString(),
          messages_sent: connection.messagesOut,
          messages_received: connection.messagesIn,
        });
        return;
    }
  }

  stats(): ActiveImmuneCore.StatsResponse {
    const rooms: Record<string, number> = {};
    for (const connection of this.connections) {
      for (const room of this.rooms(connection)) rooms[room] = (rooms[room] ?? 0) + 1;
    }
    return {
      active_connections: this.connections.size,
      total_connections: this.counters.connections,
      total_disconnections: this.counters.disconnections,
      total_rooms: Object.keys(rooms).length,
      messages_sent: this.counters.messagesSent,
      messages_received: this.counters.messagesReceived,
      rooms,
    };
  }

  override routes(): Route[] {
    const { stats, broadcast } = ActiveImmuneCore.endpoints;
    return [
      this.endpoint(stats, () => ({ status: 200, body: this.stats() })),
      this.endpoint(
        broadcast,
        ({ body }) => {
          const room = body.room ?? null;
          const event = {
            event_type: body.event_type,
            timestamp: new Date().toISOString(),
            data: body.data,
            source: body.source ?? 'api_server',
            room,
          };
          // `WSEvent.data` is a free-form dict and the seed's cURL example is a
          // "custom event": the server sends what it was given, as the real one does.
          const recipients = this.route(event as Message);
          return {
            status: 200,
            body: {
              success: true,
              message: `Broadcast ${body.event_type} to ${recipients} connections`,
              data: { event_type: body.event_type, room, recipients },
            },
          };
        },
        { rateLimited: true },
      ),
    ];
  }

  protected route(message: Message): number {
    if (!('event_type' in message)) return this.broadcast(message);
    const room = message.room ? `${ROOM}${message.room}` : undefined;
    const type = `${EVENT}${message.event_type}`;
    return this.broadcast(
      message,
      (c) =>
        (room === undefined || c.subscriptions.has(room)) &&
        (c.state.filterSize === 0 || c.subscriptions.has(type)),
    );
  }

  private reply(
    connection: Connection<State>,
    success: boolean,
    message: string,
    data: Record<string, unknown> | null,
  ): void {
    this.sendTo(connection, { success, message, data });
  }

  private rooms(connection: Connection<State>): string[] {
    return [...connection.subscriptions]
      .filter((t) => t.startsWith(ROOM))
      .map((t) => t.slice(ROOM.length));
  }

  private eventTypes(connection: Connection<State>): string[] {
    return [...connection.subscriptions]
      .filter((t) => t.startsWith(EVENT))
      .map((t) => t.slice(EVENT.length));
  }
}
