import type { Adapter, MessageRole } from '../core/Adapter';
import { createDecoder } from '../core/decoder';
import { defineFeed } from '../core/Feed';
import { readField } from '../core/readField';
import { added, removed } from '../core/topics';
import {
  agentEventTypes,
  type ClientCommand,
  type CommandResponse,
  clientCommandSchemas,
  coordinationEventTypes,
  type EventOf,
  type EventType,
  eventTypeSchema,
  type ServerEvent,
  type ServerMessage,
  serverMessageSchemas,
  systemEventTypes,
  taskEventTypes,
} from './messages';

/** The socket path; the client appends `?client_id=<id>` itself. */
export const AIC_PATH = '/ws';
/** Query parameter naming the connection (optional; the server makes one up otherwise). */
export const AIC_CLIENT_ID_PARAM = 'client_id';
/** The seed gives no interval; 25 s is far inside the 300 s inactivity timeout and common 30-60 s proxy idle timeouts. */
export const AIC_PING_INTERVAL_MS = 25_000;
/** The server drops a connection silent for this long (seed: `inactivity_timeout = 300`). */
export const AIC_INACTIVITY_TIMEOUT_MS = 300_000;

/** Topic of a joined room. */
export const roomTopic = (name: string) => `room:${name}`;
/** Topic of one entry of the connection's event-type filter. */
export const eventTopic = (type: EventType) => `event:${type}`;
/** Topic meaning "this connection needs every event type" (an empty server filter). */
export const ALL_EVENTS_TOPIC = 'event:*';

/**
 * The room the seed's "Rooms disponíveis" table broadcasts each event type
 * to (`agent_*` to `agents`, ...); connection events belong to none.
 */
const roomOfType: Partial<Record<EventType, string>> = Object.fromEntries(
  (
    [
      [agentEventTypes, 'agents'],
      [taskEventTypes, 'tasks'],
      [coordinationEventTypes, 'coordination'],
      [systemEventTypes, 'system'],
    ] as const
  ).flatMap(([types, room]) => types.map((type) => [type, room])),
);

const isEvent = (m: unknown): m is ServerEvent => typeof readField(m, 'event_type') === 'string';

export const feeds = {
  /**
   * Every event broadcast to one room. Joining needs every type, so the
   * connection's type filter is cleared while this feed is live.
   */
  room: (name: string) =>
    defineFeed<ServerEvent>({
      key: `active-immune-core:room:${name}`,
      path: AIC_PATH,
      topics: [roomTopic(name), ALL_EVENTS_TOPIC],
      accepts: (m) => isEvent(m) && readField(m, 'room') === name,
    }),
  /**
   * Events of one type. A server sends a room's events to its members only,
   * so the feed also joins the room the seed's table gives the type
   * (`agent_created` joins `agents`); room-less broadcasts reach it as well.
   */
  eventType: <T extends EventType>(type: T) =>
    defineFeed<EventOf<T>>({
      key: `active-immune-core:event:${type}`,
      path: AIC_PATH,
      topics: [eventTopic(type), ...(roomOfType[type] ? [roomTopic(roomOfType[type])] : [])],
      accepts: (m) => readField(m, 'event_type') === type,
    }),
  /** Every event the connection receives. */
  all: () =>
    defineFeed<ServerEvent>({
      key: 'active-immune-core:all',
      path: AIC_PATH,
      topics: [ALL_EVENTS_TOPIC],
      accepts: isEvent,
    }),
} as const;

const eventRoles: Partial<Record<EventType, MessageRole>> = {
  connected: 'control',
  disconnected: 'control',
  error: 'error',
};

function roleOf(message: ServerMessage): MessageRole {
  if ('event_type' in message) return eventRoles[message.event_type] ?? 'data';
  const response: CommandResponse = message;
  if (response.message === 'pong') return 'pong';
  return response.success ? 'ack' : 'error';
}

// Events carry `event_type`; answers to commands carry a boolean `success` and nothing else to tell them by.
const discriminateServer = (value: Record<string, unknown>) => {
  if (typeof value.event_type === 'string') return value.event_type;
  if (typeof value.success === 'boolean') return 'response';
  return undefined;
};

const discriminateCommand = (value: Record<string, unknown>) =>
  typeof value.action === 'string' ? value.action : undefined;

const ROOM_PREFIX = 'room:';
const EVENT_PREFIX = 'event:';

const roomsIn = (topics: ReadonlySet<string>) =>
  new Set(
    [...topics].filter((t) => t.startsWith(ROOM_PREFIX)).map((t) => t.slice(ROOM_PREFIX.length)),
  );

/** The server filter a topic set needs: empty (every type) as soon as anyone wants all. */
const filterOf = (topics: ReadonlySet<string>): Set<string> => {
  if (topics.has(ALL_EVENTS_TOPIC)) return new Set();
  return new Set(
    [...topics]
      .filter((t) => t.startsWith(EVENT_PREFIX))
      .map((t) => t.slice(EVENT_PREFIX.length))
      .filter((t) => eventTypeSchema.safeParse(t).success),
  );
};

export const adapter: Adapter<ServerMessage, ClientCommand, typeof feeds> = {
  system: 'active-immune-core',
  feeds,
  decode: createDecoder<ServerMessage>({
    system: 'active-immune-core',
    schemas: serverMessageSchemas,
    discriminate: discriminateServer,
  }),
  decodeCommand: createDecoder<ClientCommand>({
    system: 'active-immune-core',
    schemas: clientCommandSchemas,
    discriminate: discriminateCommand,
    // Subscribing to all 21 types is ~600 characters; a room name is at most 64.
    maxLength: 8192,
  }),
  encode: (command) => JSON.stringify(command),
  encodeMessage: (message) => JSON.stringify(message),
  reconcile(before, after) {
    const commands: ClientCommand[] = [];
    const roomsBefore = roomsIn(before);
    const roomsAfter = roomsIn(after);
    for (const room of added(roomsBefore, roomsAfter)) commands.push({ action: 'join', room });
    for (const room of removed(roomsBefore, roomsAfter)) commands.push({ action: 'leave', room });
    const filterBefore = filterOf(before);
    const filterAfter = filterOf(after);
    // Subscribe before unsubscribing: an empty filter means "every type", so
    // emptying it for a moment would flood the connection.
    const subscribe = added(filterBefore, filterAfter) as EventType[];
    const unsubscribe = removed(filterBefore, filterAfter) as EventType[];
    if (subscribe.length > 0)
      commands.push({ action: 'subscribe', data: { event_types: subscribe } });
    if (unsubscribe.length > 0)
      commands.push({ action: 'unsubscribe', data: { event_types: unsubscribe } });
    return commands;
  },
  roleOf,
  heartbeat: {
    ping: () => JSON.stringify({ action: 'ping' }),
    intervalMs: AIC_PING_INTERVAL_MS,
  },
  // The seed's endpoint has no authentication (JWT is listed as future work).
  auth: { bearerHeader: false, required: false },
};
