import * as z from 'zod';

/**
 * Takhin Console `/api/monitoring/ws`. Timestamps are integer unix seconds
 * on server messages; client commands may carry fractional seconds (the
 * seed's own heartbeat example sends `Date.now() / 1000`).
 */
export const unixSeconds = z.number().int().nonnegative();
const clientSeconds = z.number().nonnegative();

export const throughputSchema = z.object({
  produceRate: z.number(),
  fetchRate: z.number(),
  produceBytes: z.number(),
  fetchBytes: z.number(),
});

export const latencySchema = z.object({
  produceP50: z.number(),
  produceP95: z.number(),
  produceP99: z.number(),
  fetchP50: z.number(),
  fetchP95: z.number(),
  fetchP99: z.number(),
});

export const topicStatSchema = z.object({
  name: z.string(),
  partitions: z.number().int(),
  totalMessages: z.number(),
  totalBytes: z.number(),
  produceRate: z.number(),
  fetchRate: z.number(),
});

export const partitionLagSchema = z.object({
  partition: z.number().int(),
  currentOffset: z.number(),
  logEndOffset: z.number(),
  lag: z.number(),
});

export const topicLagSchema = z.object({
  topic: z.string(),
  totalLag: z.number(),
  partitionLags: z.array(partitionLagSchema),
});

export const consumerLagSchema = z.object({
  groupId: z.string(),
  totalLag: z.number(),
  topicLags: z.array(topicLagSchema),
});

export const clusterHealthSchema = z.object({
  activeConnections: z.number().int(),
  totalTopics: z.number().int(),
  totalPartitions: z.number().int(),
  totalConsumers: z.number().int(),
  diskUsageBytes: z.number(),
  memoryUsageBytes: z.number(),
  goroutineCount: z.number().int(),
});

export const metricsDataSchema = z.object({
  throughput: throughputSchema,
  latency: latencySchema,
  topicStats: z.array(topicStatSchema),
  consumerLags: z.array(consumerLagSchema),
  clusterHealth: clusterHealthSchema,
});

// ---- server -> client ----

export const metricsMessageSchema = z.object({
  type: z.literal('metrics'),
  timestamp: unixSeconds,
  data: metricsDataSchema,
});

export const topicCreatedMessageSchema = z.object({
  type: z.literal('topic_created'),
  timestamp: unixSeconds,
  data: z.object({ name: z.string().min(1), partitions: z.number().int().positive() }),
});

export const topicDeletedMessageSchema = z.object({
  type: z.literal('topic_deleted'),
  timestamp: unixSeconds,
  data: z.object({ name: z.string().min(1) }),
});

export const groupUpdatedMessageSchema = z.object({
  type: z.literal('group_updated'),
  timestamp: unixSeconds,
  data: z.object({
    groupId: z.string().min(1),
    state: z.string(),
    members: z.number().int().nonnegative(),
  }),
});

export const pongMessageSchema = z.object({
  type: z.literal('pong'),
  timestamp: unixSeconds,
});

/**
 * Not in the seed: the reference server tells a client why it is about to
 * close the socket ("The server will close the connection ... when the client
 * sends malformed messages"). Clients treat it as an in-band error.
 */
export const errorMessageSchema = z.object({
  type: z.literal('error'),
  timestamp: unixSeconds,
  data: z.object({ message: z.string() }),
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
  .max(256)
  .regex(/^(topic|group):.+$/, "expected 'topic:<name>' or 'group:<groupId>'");

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
