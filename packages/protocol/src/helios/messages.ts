import * as z from 'zod/mini';
import { isoTimestamp as looseIsoTimestamp } from '../core/isoTimestamp';
import { openEnum } from '../core/openEnum';
import { openObject } from '../core/openObject';

/**
 * Helios API Gateway `/ws/cluster`, read tolerantly. Every server message is
 * `{ type, timestamp, data }`; the timestamp is ISO 8601 in any common
 * spelling (Go `time.Time` marshals with nanoseconds and an offset). Every
 * object keeps the fields a server adds; numbers are plain numbers (the
 * seed never says integer). Every field a type's example shows is required.
 */
export const isoTimestamp = looseIsoTimestamp;

/** The three Raft roles, spelled as the seed spells them. */
export const RAFT_STATES = ['Follower', 'Candidate', 'Leader'] as const;
export const raftStateSchema = z.enum(RAFT_STATES);
/**
 * A Raft role as a server sends it: the seed's three, or another a Raft
 * library has (`Shutdown`, `PreCandidate`), which must not drop the status.
 */
export const raftStateField = openEnum(RAFT_STATES);

export const clusterStatusSchema = openObject({
  node_id: z.string(),
  state: raftStateField,
  term: z.number(),
  commit_index: z.number(),
  last_applied: z.number(),
  /** Node id of the current leader; empty while none is known. */
  leader: z.string(),
  /** Go marshals a nil slice as `null`: no peers. */
  peers: z.nullable(z.array(z.string())),
});

export const stateChangeDataSchema = openObject({
  old_state: raftStateField,
  new_state: raftStateField,
  term: z.number(),
});

export const peerChangeDataSchema = openObject({
  /** `added` or `removed` in the seed's prose; any string is kept. */
  event_type: openEnum(['added', 'removed'] as const),
  peer_id: z.string(),
  peer_address: z.string(),
});

/** One latency series (`append_entries`, ...), aggregated over the window. */
export const latencyStatSchema = openObject({
  count: z.number(),
  avg_value_ms: z.number(),
  min_value_ms: z.number(),
  max_value_ms: z.number(),
});

export const latencyDataSchema = openObject({
  aggregated: z.record(z.string(), latencyStatSchema),
});

export const uptimeDataSchema = openObject({
  /** Go duration string, e.g. `24h30m0s`. */
  current_uptime: z.string(),
  total_sessions: z.number(),
  /** Go duration string, e.g. `120h15m30s`. */
  total_uptime: z.string(),
});

export const snapshotDataSchema = openObject({
  index: z.number(),
  term: z.number(),
  size_bytes: z.number(),
  duration_ms: z.number(),
});

export const customMetricSchema = openObject({
  /** The seed shows `counter`; Prometheus has `gauge`, `histogram`, `summary`, ... */
  type: openEnum(['counter', 'gauge', 'histogram'] as const),
  help: z.string(),
  value: z.number(),
});

/** Metric name to its current value. */
export const customMetricsDataSchema = z.record(z.string(), customMetricSchema);

// ---- server -> client ----

const message = <T extends string, D extends z.ZodMiniType>(type: T, data: D) =>
  openObject({ type: z.literal(type), timestamp: isoTimestamp, data });

export const statusMessageSchema = message('status', clusterStatusSchema);
/**
 * Listed by the seed, never shown. Same data as `status`: the current state,
 * sent right after connect and after every subscription change.
 */
export const statusUpdateMessageSchema = message('status_update', clusterStatusSchema);
export const stateChangeMessageSchema = message('state_change', stateChangeDataSchema);
export const peerChangeMessageSchema = message('peer_change', peerChangeDataSchema);
export const latencyMessageSchema = message('latency', latencyDataSchema);
export const uptimeMessageSchema = message('uptime', uptimeDataSchema);
export const snapshotMessageSchema = message('snapshot', snapshotDataSchema);
export const customMetricsMessageSchema = message('custom_metrics', customMetricsDataSchema);
export const errorMessageSchema = message('error', openObject({ error: z.string() }));

/** The seed names `pong` but shows no body: only `type` is required, `data` (if any) is opaque. */
export const pongMessageSchema = openObject({
  type: z.literal('pong'),
  timestamp: z.nullish(isoTimestamp),
  data: z.optional(z.unknown()),
});

export const serverMessageSchemas = {
  status: statusMessageSchema,
  status_update: statusUpdateMessageSchema,
  state_change: stateChangeMessageSchema,
  peer_change: peerChangeMessageSchema,
  latency: latencyMessageSchema,
  uptime: uptimeMessageSchema,
  snapshot: snapshotMessageSchema,
  custom_metrics: customMetricsMessageSchema,
  error: errorMessageSchema,
  pong: pongMessageSchema,
} as const;

export type RaftState = z.infer<typeof raftStateSchema>;
export type ClusterStatus = z.infer<typeof clusterStatusSchema>;
export type LatencyStat = z.infer<typeof latencyStatSchema>;
export type CustomMetric = z.infer<typeof customMetricSchema>;
export type StatusMessage = z.infer<typeof statusMessageSchema>;
export type StatusUpdateMessage = z.infer<typeof statusUpdateMessageSchema>;
export type StateChangeMessage = z.infer<typeof stateChangeMessageSchema>;
export type PeerChangeMessage = z.infer<typeof peerChangeMessageSchema>;
export type LatencyMessage = z.infer<typeof latencyMessageSchema>;
export type UptimeMessage = z.infer<typeof uptimeMessageSchema>;
export type SnapshotMessage = z.infer<typeof snapshotMessageSchema>;
export type CustomMetricsMessage = z.infer<typeof customMetricsMessageSchema>;
export type ErrorMessage = z.infer<typeof errorMessageSchema>;
export type PongMessage = z.infer<typeof pongMessageSchema>;
/** What the `status` feed delivers: the periodic status and the on-demand snapshot of it. */
export type AnyStatusMessage = StatusMessage | StatusUpdateMessage;
export type ServerMessage = z.infer<
  (typeof serverMessageSchemas)[keyof typeof serverMessageSchemas]
>;

// ---- client -> server ----

/**
 * The seven subscription flags, exactly the seed's names. All are required:
 * the server replaces its whole subscription with this object. Unknown keys
 * are refused so a misspelt flag (`state_change`) is an error, not a no-op.
 */
export const subscriptionFlagsSchema = z.strictObject({
  status: z.boolean(),
  latency: z.boolean(),
  uptime: z.boolean(),
  snapshot: z.boolean(),
  custom_metrics: z.boolean(),
  state_changes: z.boolean(),
  peer_changes: z.boolean(),
});

export const pingCommandSchema = z.object({ type: z.literal('ping') });
export const subscribeCommandSchema = z.object({
  type: z.literal('subscribe'),
  data: subscriptionFlagsSchema,
});
/** Unsubscribes from every message type. */
export const unsubscribeCommandSchema = z.object({ type: z.literal('unsubscribe') });

export const clientCommandSchemas = {
  ping: pingCommandSchema,
  subscribe: subscribeCommandSchema,
  unsubscribe: unsubscribeCommandSchema,
} as const;

export type SubscriptionFlags = z.infer<typeof subscriptionFlagsSchema>;
export type SubscriptionFlag = keyof SubscriptionFlags;
export type PingCommand = z.infer<typeof pingCommandSchema>;
export type SubscribeCommand = z.infer<typeof subscribeCommandSchema>;
export type UnsubscribeCommand = z.infer<typeof unsubscribeCommandSchema>;
export type ClientCommand = z.infer<
  (typeof clientCommandSchemas)[keyof typeof clientCommandSchemas]
>;

/** The flags in the seed's order; these are also the adapter's topic names. */
export const subscriptionFlags = Object.keys(
  subscriptionFlagsSchema.shape,
) as readonly SubscriptionFlag[];
