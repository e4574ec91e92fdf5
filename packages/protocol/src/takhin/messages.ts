import * as z from 'zod/mini';
import { openObject } from '../core/openObject';

/**
 * Takhin Console `/api/monitoring/ws`, read tolerantly: every object keeps
 * the fields a server adds (`z.looseObject`), and numbers are plain numbers
 * (the seed never says "integer"; a Go `float64` counter or a rate may
 * arrive as `3.0` or `2.5`). Every field the seed's examples show for a
 * message type is required: the examples are the only shape it gives.
 */

/**
 * Unix seconds. Integers in every server example, but the seed's own
 * heartbeat sends `Date.now() / 1000`, so a fraction is accepted everywhere.
 */
export const unixSeconds = z.number();
const clientSeconds = z.number().check(z.nonnegative());

export const throughputSchema = openObject({
  produceRate: z.number(),
  fetchRate: z.number(),
  produceBytes: z.number(),
  fetchBytes: z.number(),
});

export const latencySchema = openObject({
  produceP50: z.number(),
  produceP95: z.number(),
  produceP99: z.number(),
  fetchP50: z.number(),
  fetchP95: z.number(),
  fetchP99: z.number(),
});

export const topicStatSchema = openObject({
  name: z.string(),
  partitions: z.number(),
  totalMessages: z.number(),
  totalBytes: z.number(),
  produceRate: z.number(),
  fetchRate: z.number(),
});

export const partitionLagSchema = openObject({
  partition: z.number(),
  currentOffset: z.number(),
  logEndOffset: z.number(),
  lag: z.number(),
});

export const topicLagSchema = openObject({
  topic: z.string(),
  totalLag: z.number(),
  partitionLags: z.array(partitionLagSchema),
});

export const consumerLagSchema = openObject({
  groupId: z.string(),
  totalLag: z.number(),
  topicLags: z.array(topicLagSchema),
});

export const clusterHealthSchema = openObject({
  activeConnections: z.number(),
  totalTopics: z.number(),
  totalPartitions: z.number(),
  totalConsumers: z.number(),
  diskUsageBytes: z.number(),
  memoryUsageBytes: z.number(),
  goroutineCount: z.number(),
});

export const metricsDataSchema = openObject({
  throughput: throughputSchema,
  latency: latencySchema,
  topicStats: z.array(topicStatSchema),
  consumerLags: z.array(consumerLagSchema),
  clusterHealth: clusterHealthSchema,
});

// ---- server -> client ----

export const metricsMessageSchema = openObject({
  type: z.literal('metrics'),
  timestamp: unixSeconds,
  data: metricsDataSchema,
});

export const topicCreatedMessageSchema = openObject({
  type: z.literal('topic_created'),
  timestamp: unixSeconds,
  data: openObject({ name: z.string(), partitions: z.number() }),
});

export const topicDeletedMessageSchema = openObject({
  type: z.literal('topic_deleted'),
  timestamp: unixSeconds,
  data: openObject({ name: z.string() }),
});

export const groupUpdatedMessageSchema = openObject({
  type: z.literal('group_updated'),
  timestamp: unixSeconds,
  data: openObject({
    groupId: z.string(),
    /** Kafka's group states (`Stable`, `PreparingRebalance`, ...); only `Stable` is shown. */
    state: z.string(),
    members: z.number(),
  }),
});

export const pongMessageSchema = openObject({
  type: z.literal('pong'),
  timestamp: unixSeconds,
});

/**
 * Not in the seed: the reference server tells a client why it is about to
 * close the socket ("The server will close the connection ... when the client
 * sends malformed messages"). Clients treat it as an in-band error. Every
 * field but `type` is feedkit's invention, so all of them are optional.
 */
export const errorMessageSchema = openObject({
  type: z.literal('error'),
  timestamp: z.nullish(unixSeconds),
  data: z.nullish(openObject({ message: z.nullish(z.string()) })),
});

export const serverMessageSchemas = {
  metrics: metricsMessageSchema,
  topic_created: topicCreatedMessageSchema,
  topic_deleted: topicDeletedMessageSchema,
  group_updated: groupUpdatedMessageSchema,
  pong: pongMessageSchema,
  error: errorMessageSchema,
} as const;

export type MetricsData = z.infer<typeof metricsDataSchema>;
export type MetricsMessage = z.infer<typeof metricsMessageSchema>;
export type TopicCreatedMessage = z.infer<typeof topicCreatedMessageSchema>;
export type TopicDeletedMessage = z.infer<typeof topicDeletedMessageSchema>;
export type GroupUpdatedMessage = z.infer<typeof groupUpdatedMessageSchema>;
export type PongMessage = z.infer<typeof pongMessageSchema>;
export type ErrorMessage = z.infer<typeof errorMessageSchema>;
export type TopicEventMessage = TopicCreatedMessage | TopicDeletedMessage;
export type ServerMessage =
  | MetricsMessage
  | TopicCreatedMessage
  | TopicDeletedMessage
  | GroupUpdatedMessage
  | PongMessage
  | ErrorMessage;

// ---- client -> server ----

/** `topic:<name>` or `group:<groupId>`. */
export const subscriptionTargetSchema = z
  .string()
  .check(
    z.maxLength(256),
    z.regex(/^(topic|group):.+$/, "expected 'topic:<name>' or 'group:<groupId>'"),
  );

export const subscribeCommandSchema = z.object({
  type: z.literal('subscribe'),
  data: subscriptionTargetSchema,
  timestamp: clientSeconds,
});

export const unsubscribeCommandSchema = z.object({
  type: z.literal('unsubscribe'),
  data: subscriptionTargetSchema,
  timestamp: clientSeconds,
});

export const pingCommandSchema = z.object({
  type: z.literal('ping'),
  timestamp: clientSeconds,
});

export const clientCommandSchemas = {
  subscribe: subscribeCommandSchema,
  unsubscribe: unsubscribeCommandSchema,
  ping: pingCommandSchema,
} as const;

export type SubscribeCommand = z.infer<typeof subscribeCommandSchema>;
export type UnsubscribeCommand = z.infer<typeof unsubscribeCommandSchema>;
export type PingCommand = z.infer<typeof pingCommandSchema>;
export type ClientCommand = SubscribeCommand | UnsubscribeCommand | PingCommand;
