import * as z from 'zod';
import { logLevelSchema } from './LogLevel';
import { statsSchema } from './Stats';

/**
 * Plataforma E `/ws/notifications`, `/ws/project/{project_id}`, `/ws/logs`.
 * Timestamps are ISO 8601 strings; Python's `isoformat()` may omit the
 * offset and carry microseconds, so both are accepted.
 */
export const isoDateTime = z.iso.datetime({ offset: true, local: true });

/** A project id as commands carry it; longer ids are refused rather than stored. */
export const projectIdSchema = z.string().min(1).max(128);

/** 0 to 100, as `task_updated.progress` and `job_progress.progress` report it. */
const percent = z.number().min(0).max(100);

/**
 * The envelope every server message shares (the seed's "Estrutura de
 * Mensagem"). `project_id` / `story_id` are optional; `null` is accepted too
 * because a Python server serialises an unset `Optional[str]` as `null`.
 */
const envelopeShape = {
  timestamp: isoDateTime,
  message_id: z.string(),
  project_id: z.string().nullish(),
  story_id: z.string().nullish(),
};

function event<T extends string, D extends z.ZodType>(type: T, data: D) {
  return z.object({ type: z.literal(type), data, ...envelopeShape });
}

// `data` bodies: the fields of the seed's tables are required; `.loose()`
// keeps whatever else the server adds, so a newer server does not break us.

const empty = z.object({}).loose();
const jobStatus = z.object({ job_id: z.string(), status: z.string() }).loose();

/** The `data` schema of every event type the seed's tables list, by type. */
export const eventDataSchemas = {
  connection: z.object({ connection_id: z.string(), message: z.string().optional() }).loose(),
  heartbeat: empty,
  ping: empty,
  pong: empty,
  subscribed: z.object({ project_id: z.string() }).loose(),
  unsubscribed: z.object({ project_id: z.string() }).loose(),
  story_created: z
    .object({ story_id: z.string(), title: z.string(), project_id: z.string() })
    .loose(),
  story_updated: z.object({ story_id: z.string(), title: z.string() }).loose(),
  story_moved: z.object({ story_id: z.string(), title: z.string(), to: z.string() }).loose(),
  story_deleted: z.object({ story_id: z.string() }).loose(),
  task_created: z.object({ task_id: z.string(), title: z.string(), story_id: z.string() }).loose(),
  task_updated: z.object({ task_id: z.string(), title: z.string(), progress: percent }).loose(),
  task_completed: z
    .object({ task_id: z.string(), title: z.string(), story_id: z.string() })
    .loose(),
  task_deleted: z.object({ task_id: z.string() }).loose(),
  chat_message: z
    .object({ preview: z.string(), project_id: z.string(), story_id: z.string() })
    .loose(),
  job_started: jobStatus,
  job_progress: z
    .object({
      job_id: z.string(),
      progress: percent,
      status: z.string(),
      output: z.string().optional(),
    })
    .loose(),
  job_completed: jobStatus,
  job_failed: z.object({ job_id: z.string(), status: z.string(), error: z.string() }).loose(),
  notification: z
    .object({ title: z.string(), message: z.string(), level: z.string().optional() })
    .loose(),
  /** `code` is undocumented: a machine-readable string or an HTTP-like number. */
  error: z
    .object({ message: z.string(), code: z.union([z.string(), z.number()]).optional() })
    .loose(),
  log_message: z
    .object({ level: logLevelSchema, message: z.string(), source: z.string().optional() })
    .loose(),
} as const;

/** The event types of the seed's tables (the server's `EventType`). */
export type EventType = keyof typeof eventDataSchemas;
export const eventTypeSchema = z.enum(Object.keys(eventDataSchemas) as [EventType, ...EventType[]]);

// ---- server -> client ----

export const serverMessageSchemas = {
  connection: event('connection', eventDataSchemas.connection),
  heartbeat: event('heartbeat', eventDataSchemas.heartbeat),
  /**
   * The seed lists `ping` as client-only; should a server ever send one it
   * still decodes, and its `data` may be left out.
   */
  ping: event('ping', eventDataSchemas.ping.optional()),
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
