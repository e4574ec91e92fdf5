import * as z from 'zod/mini';
import { isoTimestamp } from '../core/isoTimestamp';
import { openObject } from '../core/openObject';
import { logLevelField } from './LogLevel';
import { statsSchema } from './Stats';

/**
 * Plataforma E `/ws/notifications`, `/ws/project/{project_id}`, `/ws/logs`,
 * read tolerantly: every object keeps the fields a server adds. Timestamps
 * are ISO 8601 in any common spelling (Python's `isoformat()` may omit the
 * offset and carry microseconds).
 */
export const isoDateTime = isoTimestamp;

/** A project id as commands carry it; longer ids are refused rather than stored. */
export const projectIdSchema = z.string().check(z.minLength(1), z.maxLength(128));

/**
 * The envelope every server message shares (the seed's "Estrutura de
 * Mensagem", which "todas as mensagens seguem"): `type`, `data` and
 * `timestamp` are required. `message_id`, `project_id` and `story_id`
 * appear in that one example only, and nothing routes on `message_id`, so
 * all three are optional; `null` is accepted because a Python server
 * serialises an unset `Optional[str]` as `null`.
 */
const envelopeShape = {
  timestamp: isoDateTime,
  message_id: z.nullish(z.string()),
  project_id: z.nullish(z.string()),
  story_id: z.nullish(z.string()),
};

function event<T extends string, D extends z.ZodMiniType>(type: T, data: D) {
  return openObject({ type: z.literal(type), data, ...envelopeShape });
}

// `data` bodies: the fields a table's "Dados" column lists are required (the
// seed's guarantee); fields no table lists are optional. `.looseObject`
// keeps whatever else the server adds, so a newer server does not break us.

const text = z.string();
/** The connection events' table has no "Dados" column: no field is promised, `data` may be absent. */
const noFields = z.nullish(openObject({}));
const jobStatus = openObject({ job_id: text, status: text });

/** The `data` schema of every event type the seed's tables list, by type. */
export const eventDataSchemas = {
  connection: z.nullish(openObject({ connection_id: z.nullish(text), message: z.nullish(text) })),
  heartbeat: noFields,
  ping: noFields,
  pong: noFields,
  subscribed: z.nullish(openObject({ project_id: z.nullish(text) })),
  unsubscribed: z.nullish(openObject({ project_id: z.nullish(text) })),
  story_created: openObject({ story_id: text, title: text, project_id: text }),
  story_updated: openObject({ story_id: text, title: text }),
  story_moved: openObject({ story_id: text, title: text, to: text }),
  story_deleted: openObject({ story_id: text }),
  task_created: openObject({ task_id: text, title: text, story_id: text }),
  /** `progress`: a number (0-100 in practice; no range is promised). */
  task_updated: openObject({ task_id: text, title: text, progress: z.number() }),
  task_completed: openObject({ task_id: text, title: text, story_id: text }),
  task_deleted: openObject({ task_id: text }),
  /**
   * A chat may belong to the project rather than to one story: its table
   * lists `story_id`, so the key is required, but a Python server dumps an
   * unset `Optional[str]` as `null` (as it does for the envelope's `story_id`).
   */
  chat_message: openObject({ preview: text, project_id: text, story_id: z.nullable(text) }),
  job_started: jobStatus,
  job_progress: openObject({
    job_id: text,
    progress: z.number(),
    status: text,
    output: z.nullish(text),
  }),
  job_completed: jobStatus,
  job_failed: openObject({ job_id: text, status: text, error: text }),
  /** The seed's own broadcast example sends `{title, message}` without `level`. */
  notification: openObject({ title: text, message: text, level: z.nullish(text) }),
  /** `code` is undocumented: a machine-readable string or an HTTP-like number. */
  error: openObject({ message: text, code: z.nullish(z.union([text, z.number()])) }),
  /** `notify_log("info", "Build iniciado", source="CI/CD")`: `source` is a keyword argument. */
  log_message: openObject({ level: logLevelField, message: text, source: z.nullish(text) }),
} as const;

/** The event types of the seed's tables (the server's `EventType`). */
export type EventType = keyof typeof eventDataSchemas;
export const eventTypeSchema = z.enum(Object.keys(eventDataSchemas) as [EventType, ...EventType[]]);

// ---- server -> client ----

export const serverMessageSchemas = {
  connection: event('connection', eventDataSchemas.connection),
  heartbeat: event('heartbeat', eventDataSchemas.heartbeat),
  /** The seed lists `ping` as client-only; should a server ever send one it still decodes. */
  ping: event('ping', eventDataSchemas.ping),
  pong: event('pong', eventDataSchemas.pong),
  subscribed: event('subscribed', eventDataSchemas.subscribed),
  unsubscribed: event('unsubscribed', eventDataSchemas.unsubscribed),
  story_created: event('story_created', eventDataSchemas.story_created),
  story_updated: event('story_updated', eventDataSchemas.story_updated),
  story_moved: event('story_moved', eventDataSchemas.story_moved),
  story_deleted: event('story_deleted', eventDataSchemas.story_deleted),
  task_created: event('task_created', eventDataSchemas.task_created),
  task_updated: event('task_updated', eventDataSchemas.task_updated),
  task_completed: event('task_completed', eventDataSchemas.task_completed),
  task_deleted: event('task_deleted', eventDataSchemas.task_deleted),
  chat_message: event('chat_message', eventDataSchemas.chat_message),
  job_started: event('job_started', eventDataSchemas.job_started),
  job_progress: event('job_progress', eventDataSchemas.job_progress),
  job_completed: event('job_completed', eventDataSchemas.job_completed),
  job_failed: event('job_failed', eventDataSchemas.job_failed),
  notification: event('notification', eventDataSchemas.notification),
  error: event('error', eventDataSchemas.error),
  log_message: event('log_message', eventDataSchemas.log_message),
  /** The answer to `{action: 'stats'}`: the same body as `GET /api/ws/stats`. */
  stats: event('stats', statsSchema),
} as const;

export type ServerMessage = z.infer<
  (typeof serverMessageSchemas)[keyof typeof serverMessageSchemas]
>;
/** The server message of one type: `MessageOf<'story_created'>`. */
export type MessageOf<T extends ServerMessage['type']> = Extract<ServerMessage, { type: T }>;

export type ConnectionMessage = MessageOf<'connection'>;
export type HeartbeatMessage = MessageOf<'heartbeat'>;
export type PingMessage = MessageOf<'ping'>;
export type PongMessage = MessageOf<'pong'>;
export type SubscribedMessage = MessageOf<'subscribed'>;
export type UnsubscribedMessage = MessageOf<'unsubscribed'>;
export type StoryCreatedMessage = MessageOf<'story_created'>;
export type StoryUpdatedMessage = MessageOf<'story_updated'>;
export type StoryMovedMessage = MessageOf<'story_moved'>;
export type StoryDeletedMessage = MessageOf<'story_deleted'>;
export type TaskCreatedMessage = MessageOf<'task_created'>;
export type TaskUpdatedMessage = MessageOf<'task_updated'>;
export type TaskCompletedMessage = MessageOf<'task_completed'>;
export type TaskDeletedMessage = MessageOf<'task_deleted'>;
export type ChatMessage = MessageOf<'chat_message'>;
export type JobStartedMessage = MessageOf<'job_started'>;
export type JobProgressMessage = MessageOf<'job_progress'>;
export type JobCompletedMessage = MessageOf<'job_completed'>;
export type JobFailedMessage = MessageOf<'job_failed'>;
export type NotificationMessage = MessageOf<'notification'>;
export type ErrorMessage = MessageOf<'error'>;
export type LogMessage = MessageOf<'log_message'>;
export type StatsMessage = MessageOf<'stats'>;

// ---- client -> server ----

/** The bare text frame `ping` (`ws.send('ping')`), the seed's simplest heartbeat. */
export const textPingCommandSchema = z.literal('ping');

export const pingCommandSchema = z.object({ action: z.literal('ping') });

export const subscribeCommandSchema = z.object({
  action: z.literal('subscribe'),
  project_id: projectIdSchema,
});

export const unsubscribeCommandSchema = z.object({
  action: z.literal('unsubscribe'),
  project_id: projectIdSchema,
});

export const statsCommandSchema = z.object({ action: z.literal('stats') });

/** JSON commands, keyed by `action`. */
export const clientCommandSchemas = {
  ping: pingCommandSchema,
  subscribe: subscribeCommandSchema,
  unsubscribe: unsubscribeCommandSchema,
  stats: statsCommandSchema,
} as const;

export type TextPingCommand = z.infer<typeof textPingCommandSchema>;
export type PingCommand = z.infer<typeof pingCommandSchema>;
export type SubscribeCommand = z.infer<typeof subscribeCommandSchema>;
export type UnsubscribeCommand = z.infer<typeof unsubscribeCommandSchema>;
export type StatsCommand = z.infer<typeof statsCommandSchema>;
export type ClientCommand =
  | TextPingCommand
  | PingCommand
  | SubscribeCommand
  | UnsubscribeCommand
  | StatsCommand;
