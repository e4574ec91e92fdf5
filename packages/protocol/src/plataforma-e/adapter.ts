import type { Adapter, MessageRole } from '../core/Adapter';
import { createDecoder } from '../core/decoder';
import { defineFeed } from '../core/Feed';
import { readField } from '../core/readField';
import { added, removed } from '../core/topics';
import { type LogLevel, levelAtLeast } from './LogLevel';
import {
  type ClientCommand,
  clientCommandSchemas,
  type LogMessage,
  type MessageOf,
  type ServerMessage,
  serverMessageSchemas,
} from './messages';

export const PLATAFORMA_E_PATHS = {
  notifications: '/ws/notifications',
  /** The seed's per-project socket; feeds use subscriptions on `notifications` instead. */
  project: (projectId: string) => `/ws/project/${encodeURIComponent(projectId)}`,
  logs: (level: LogLevel) => `/ws/logs?level=${level}`,
} as const;

/** `WEBSOCKET_HEARTBEAT_INTERVAL`: the server's `heartbeat` period, and ours for `ping`. */
export const PLATAFORMA_E_HEARTBEAT_INTERVAL_MS = 30_000;
/** `WEBSOCKET_TIMEOUT`: the server drops a socket silent for this long. */
export const PLATAFORMA_E_TIMEOUT_MS = 90_000;
/** `WEBSOCKET_MAX_CONNECTIONS`: simultaneous sockets the server accepts. */
export const PLATAFORMA_E_MAX_CONNECTIONS = 1000;
/** `WEBSOCKET_MAX_MESSAGE_SIZE`, in bytes. */
export const PLATAFORMA_E_MAX_MESSAGE_BYTES = 65_536;

const PROJECT_TOPIC_PREFIX = 'project:';
/** The topic a project feed needs: `project:<projectId>`. */
export const projectTopic = (projectId: string) => `${PROJECT_TOPIC_PREFIX}${projectId}`;

/** Every server message type, with the part it plays for the connection. */
const roles = {
  connection: 'control',
  heartbeat: 'heartbeat',
  // Client-only in the seed; if a server sends one it is bookkeeping, not feed data.
  ping: 'control',
  pong: 'pong',
  subscribed: 'ack',
  unsubscribed: 'ack',
  error: 'error',
  stats: 'control',
  story_created: 'data',
  story_updated: 'data',
  story_moved: 'data',
  story_deleted: 'data',
  task_created: 'data',
  task_updated: 'data',
  task_completed: 'data',
  task_deleted: 'data',
  chat_message: 'data',
  job_started: 'data',
  job_progress: 'data',
  job_completed: 'data',
  job_failed: 'data',
  notification: 'data',
  log_message: 'data',
} as const satisfies Record<ServerMessage['type'], MessageRole>;

type Roles = typeof roles;
/**
 * Message types the feeds deliver: every event of the document's tables
 * (stories, tasks, chat, jobs, notifications, logs) and its system `error`
 * event ("Erro no sistema", `{message, code}`), which is also reported on
 * `errors$` because it may answer a command of ours.
 */
export type DataMessageType =
  | {
      [K in keyof Roles]: Roles[K] extends 'data' ? K : never;
    }[keyof Roles]
  | 'error';
export type DataMessage = MessageOf<DataMessageType>;

const typeOf = (message: unknown) => readField(message, 'type');

function isData(message: unknown): message is DataMessage {
  const type = typeOf(message);
  if (type === 'error') return true;
  return (
    typeof type === 'string' && Object.hasOwn(roles, type) && roles[type as keyof Roles] === 'data'
  );
}

function belongsTo(message: unknown, projectId: string): boolean {
  if (readField(message, 'project_id') === projectId) return true;
  // Chat and story events also name their project inside `data`.
  return readField(readField(message, 'data'), 'project_id') === projectId;
}

/** A log line at or above `minimum`; never throws on a drifted one (`data: null`, a numeric level). */
function isLogAtLeast(message: unknown, minimum: LogLevel): boolean {
  if (typeOf(message) !== 'log_message') return false;
  const level = readField(readField(message, 'data'), 'level');
  return typeof level !== 'string' || levelAtLeast(level, minimum);
}

export interface LogsFeedOptions {
  /**
   * Minimum level: `warning` streams warning, error and critical.
   * @default 'info'
   */
  readonly level?: LogLevel;
}

export const feeds = {
  /** Every event the server pushes on `/ws/notifications`, its system `error` events included. */
  notifications: () =>
    defineFeed<DataMessage>({
      key: 'plataforma-e:notifications',
      path: PLATAFORMA_E_PATHS.notifications,
      accepts: isData,
    }),
  /**
   * One project's events. Shares the notifications socket and subscribes with
   * `{action:'subscribe', project_id}`, so any number of projects costs one socket.
   */
  project: (projectId: string) =>
    defineFeed<DataMessage>({
      key: `plataforma-e:project:${projectId}`,
      path: PLATAFORMA_E_PATHS.notifications,
      topics: [projectTopic(projectId)],
      accepts: (m) => isData(m) && belongsTo(m, projectId),
    }),
  /** `log_message` at or above `level`, from `/ws/logs?level=<level>`. */
  logs: ({ level = 'info' }: LogsFeedOptions = {}) =>
    defineFeed<LogMessage>({
      key: `plataforma-e:logs:${level}`,
      path: PLATAFORMA_E_PATHS.logs(level),
      // The server filters already; checking again keeps the feed honest if it does not.
      accepts: (m) => isLogAtLeast(m, level),
    }),
} as const;

/** Project ids of the `project:<id>` topics in `topics`; other topics are not ours. */
const projectIds = (topics: readonly string[]) =>
  topics
    .filter((topic) => topic.startsWith(PROJECT_TOPIC_PREFIX))
    .map((topic) => topic.slice(PROJECT_TOPIC_PREFIX.length));

const TEXT_PING = 'ping';

export const adapter: Adapter<ServerMessage, ClientCommand, typeof feeds> = {
  system: 'plataforma-e',
  feeds,
  decode: createDecoder<ServerMessage>({
    system: 'plataforma-e',
    schemas: serverMessageSchemas,
    discriminate: (value) => (typeof value.type === 'string' ? value.type : undefined),
    maxLength: PLATAFORMA_E_MAX_MESSAGE_BYTES,
  }),
  decodeCommand: createDecoder<ClientCommand>({
    system: 'plataforma-e',
    schemas: clientCommandSchemas,
    discriminate: (value) => (typeof value.action === 'string' ? value.action : undefined),
    // Characters, not bytes: a cheap first gate; the server also checks bytes (close 1009).
    maxLength: PLATAFORMA_E_MAX_MESSAGE_BYTES,
    text: { [TEXT_PING]: TEXT_PING },
  }),
  encode: (command) => (command === TEXT_PING ? TEXT_PING : JSON.stringify(command)),
  encodeMessage: (message) => JSON.stringify(message),
  reconcile: (before, after) => [
    ...projectIds(removed(before, after)).map(
      (project_id): ClientCommand => ({ action: 'unsubscribe', project_id }),
    ),
    ...projectIds(added(before, after)).map(
      (project_id): ClientCommand => ({ action: 'subscribe', project_id }),
    ),
  ],
  roleOf: (message) => roles[message.type],
  heartbeat: {
    ping: () => TEXT_PING,
    intervalMs: PLATAFORMA_E_HEARTBEAT_INTERVAL_MS,
  },
  // The seed's own client answers every server `heartbeat` with the text `ping`.
  answerHeartbeat: (message) => (message.type === 'heartbeat' ? TEXT_PING : undefined),
  maxMessageBytes: PLATAFORMA_E_MAX_MESSAGE_BYTES,
};
