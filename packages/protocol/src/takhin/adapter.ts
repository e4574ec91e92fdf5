import type { Adapter, MessageRole } from '../core/Adapter';
import { createDecoder } from '../core/decoder';
import { defineFeed } from '../core/Feed';
import { readField } from '../core/readField';
import { added, removed } from '../core/topics';
import { readNilSlicesAsEmpty } from './goNilSlices';
import {
  type ClientCommand,
  clientCommandSchemas,
  type GroupUpdatedMessage,
  type MetricsMessage,
  type ServerMessage,
  serverMessageSchemas,
  type TopicEventMessage,
} from './messages';

export const TAKHIN_PATH = '/api/monitoring/ws';
/** The seed's heartbeat example pings every 30 s. */
export const TAKHIN_PING_INTERVAL_MS = 30_000;
/** Metrics arrive every 2 s. */
export const TAKHIN_METRICS_INTERVAL_MS = 2_000;

const seconds = (ms: number) => Math.floor(ms / 1000);
const typeOf = (message: unknown) => readField(message, 'type');
/** `message.data[key]`, or `undefined` when drifted data has no such object. */
const dataField = (message: unknown, key: string) => readField(readField(message, 'data'), key);

export const feeds = {
  /** Cluster metrics, every 2 s, to every connection. */
  metrics: () =>
    defineFeed<MetricsMessage>({
      key: 'takhin:metrics',
      path: TAKHIN_PATH,
      accepts: (m) => typeOf(m) === 'metrics',
      cadenceMs: TAKHIN_METRICS_INTERVAL_MS,
    }),
  /** `topic_created` / `topic_deleted` for one topic, via a `topic:<name>` subscription. */
  topic: (name: string) =>
    defineFeed<TopicEventMessage>({
      key: `takhin:topic:${name}`,
      path: TAKHIN_PATH,
      topics: [`topic:${name}`],
      accepts: (m) => {
        const t = typeOf(m);
        return (t === 'topic_created' || t === 'topic_deleted') && dataField(m, 'name') === name;
      },
    }),
  /** `group_updated` for one consumer group, via a `group:<groupId>` subscription. */
  consumerGroup: (groupId: string) =>
    defineFeed<GroupUpdatedMessage>({
      key: `takhin:group:${groupId}`,
      path: TAKHIN_PATH,
      topics: [`group:${groupId}`],
      accepts: (m) => typeOf(m) === 'group_updated' && dataField(m, 'groupId') === groupId,
    }),
} as const;

const roles: Record<ServerMessage['type'], MessageRole> = {
  metrics: 'data',
  topic_created: 'data',
  topic_deleted: 'data',
  group_updated: 'data',
  pong: 'pong',
  error: 'error',
};

const discriminate = (value: Record<string, unknown>) =>
  typeof value.type === 'string' ? value.type : undefined;

export const adapter: Adapter<ServerMessage, ClientCommand, typeof feeds> = {
  system: 'takhin',
  feeds,
  decode: createDecoder<ServerMessage>({
    system: 'takhin',
    schemas: serverMessageSchemas,
    discriminate,
    repair: readNilSlicesAsEmpty,
  }),
  decodeCommand: createDecoder<ClientCommand>({
    system: 'takhin',
    schemas: clientCommandSchemas,
    discriminate,
    // A subscription target is at most 256 characters; nothing legitimate comes near this.
    maxLength: 4096,
  }),
  encode: (command) => JSON.stringify(command),
  encodeMessage: (message) => JSON.stringify(message),
  reconcile(before, after, now = Date.now()) {
    const timestamp = seconds(now);
    return [
      ...removed(before, after).map(
        (data): ClientCommand => ({ type: 'unsubscribe', data, timestamp }),
      ),
      ...added(before, after).map(
        (data): ClientCommand => ({ type: 'subscribe', data, timestamp }),
      ),
    ];
  },
  roleOf: (message) => roles[message.type],
  heartbeat: {
    ping: (now = Date.now()) => JSON.stringify({ type: 'ping', timestamp: seconds(now) }),
    intervalMs: TAKHIN_PING_INTERVAL_MS,
  },
  // Browsers cannot send headers on a WebSocket upgrade, so the key may also
  // travel as `?token=` (the seed: "Pass API keys via query parameters or headers").
  auth: {
    query: 'token',
    bearerHeader: true,
    required: false,
    // "The server will close the connection ... Client authentication fails": no code named.
    refusedCloseCodes: [4001, 1008],
    forbiddenCloseCodes: [4003],
  },
};
