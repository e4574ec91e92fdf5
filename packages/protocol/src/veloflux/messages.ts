import * as z from 'zod/mini';
import { isoTimestamp } from '../core/isoTimestamp';
import { openObject } from '../core/openObject';

/**
 * VeloFlux `/api/ws/{backends,metrics,status}`, read tolerantly: every object
 * keeps the fields a server adds (`z.looseObject`); numbers are plain numbers
 * (the seed never says "integer" or gives a range, and a Go `float64` counter
 * may arrive as `42.0`); timestamps are ISO 8601 in any common spelling. A
 * field the seed's example of a message shows is required; a field it does
 * not show for that message is optional.
 */
export const isoDateTime = isoTimestamp;

export const healthCheckSchema = openObject({
  path: z.string(),
  /** Go duration string, e.g. `"30s"`. */
  interval: z.string(),
  /** Go duration string, e.g. `"5s"`. */
  timeout: z.string(),
  expected_status: z.number(),
});

export const backendSchema = openObject({
  address: z.string(),
  pool: z.string(),
  weight: z.number(),
  /** The seed shows only `"healthy"`; the other values are not documented, so any string is kept. */
  status: z.string(),
  healthy: z.boolean(),
  connections: z.number(),
  last_used: isoDateTime,
  /** A Go `region,omitempty`: a backend without a region has none (the seed's one backend has one). */
  region: z.optional(z.string()),
  /** A Go `*HealthCheck` with `omitempty`: a backend with no health check configured has none. */
  health_check: z.optional(healthCheckSchema),
});

export const poolMetricsSchema = openObject({
  total_backends: z.number(),
  healthy_backends: z.number(),
  active_connections: z.number(),
  /** Percent, as the seed writes it: `75.0`, `83.33`. */
  health_percentage: z.number(),
});

export const metricsDataSchema = openObject({
  requests_total: z.number(),
  requests_per_second: z.number(),
  /** Milliseconds. */
  avg_response_time: z.number(),
  /** A fraction (`0.02` = 2 %). */
  error_rate: z.number(),
  active_connections: z.number(),
  healthy_backends: z.number(),
  total_backends: z.number(),
  websocket_clients: z.number(),
  pools_count: z.number(),
  /** Percent. */
  availability: z.number(),
  avg_last_used: isoDateTime,
  /** Keyed by pool name. */
  pool_metrics: z.record(z.string(), poolMetricsSchema),
  /** Share of the load per pool name, in percent. */
  load_distribution: z.record(z.string(), z.number()),
  cluster_enabled: z.boolean(),
  is_leader: z.boolean(),
  adaptive_enabled: z.boolean(),
  current_strategy: z.string(),
});

export const systemStatusDataSchema = openObject({
  status: z.string(),
  /**
   * The seed's example is an ISO instant, but the name says a duration, and
   * nothing in the seed promises either: any string is kept as sent.
   */
  uptime: z.string(),
  version: z.string(),
  websocket_clients: z.number(),
  total_backends: z.number(),
  healthy_backends: z.number(),
  /** Percent. */
  backend_health_percentage: z.number(),
  pools_count: z.number(),
  cluster_enabled: z.boolean(),
  node_id: z.string(),
  is_leader: z.boolean(),
  adaptive_balancer_enabled: z.boolean(),
  current_strategy: z.string(),
});

// ---- server -> client ----

export const backendStatusMessageSchema = openObject({
  type: z.literal('backend_status'),
  backends: z.array(backendSchema),
  timestamp: isoDateTime,
  /**
   * Shown (`false`) in the seed's example: true when pushed by `POST /api/ws/force-update`.
   * Absent means false: a Go `forced,omitempty` leaves a scheduled update without it.
   */
  forced: z.optional(z.boolean()),
});

export const metricsMessageSchema = openObject({
  type: z.literal('metrics'),
  data: metricsDataSchema,
  timestamp: isoDateTime,
  /** Not in the seed's example of this message; `true` when sent because of a force-update. */
  forced: z.nullish(z.boolean()),
});

export const systemStatusMessageSchema = openObject({
  type: z.literal('system_status'),
  data: systemStatusDataSchema,
  timestamp: isoDateTime,
  /** Not in the seed's example of this message; `true` when sent because of a force-update. */
  forced: z.nullish(z.boolean()),
});

export const serverMessageSchemas = {
  backend_status: backendStatusMessageSchema,
  metrics: metricsMessageSchema,
  system_status: systemStatusMessageSchema,
} as const;

export type Backend = z.infer<typeof backendSchema>;
export type HealthCheck = z.infer<typeof healthCheckSchema>;
export type PoolMetrics = z.infer<typeof poolMetricsSchema>;
export type MetricsData = z.infer<typeof metricsDataSchema>;
export type SystemStatusData = z.infer<typeof systemStatusDataSchema>;
export type BackendStatusMessage = z.infer<typeof backendStatusMessageSchema>;
export type MetricsMessage = z.infer<typeof metricsMessageSchema>;
export type SystemStatusMessage = z.infer<typeof systemStatusMessageSchema>;
export type ServerMessage = BackendStatusMessage | MetricsMessage | SystemStatusMessage;

// ---- client -> server ----

/**
 * VeloFlux sockets are receive-only: the seed defines no client frame at
 * all. Pausing and forcing updates go through REST (see `rest.ts`).
 */
export const clientCommandSchemas = {} as const;

export type ClientCommand = never;
