import * as z from 'zod';

/**
 * VeloFlux `/api/ws/{backends,metrics,status}`. Every timestamp is an ISO
 * 8601 string (the seed shows `2025-06-20T15:30:45Z`); an offset-less local
 * time is accepted too, since Go servers are not the only ones to emit them.
 */
export const isoDateTime = z.iso.datetime({ offset: true, local: true });

const count = z.number().int().nonnegative();
/** A percentage as the seed writes it: `75.0`, `83.33`. */
const percentage = z.number().min(0).max(100);

export const healthCheckSchema = z.object({
  path: z.string(),
  /** Go duration string, e.g. `"30s"`. */
  interval: z.string(),
  /** Go duration string, e.g. `"5s"`. */
  timeout: z.string(),
  expected_status: z.number().int().min(100).max(599),
});

export const backendSchema = z.object({
  address: z.string(),
  pool: z.string(),
  weight: z.number().nonnegative(),
  /** The seed shows only `"healthy"`; the other values are not documented, so any string is kept. */
  status: z.string(),
  healthy: z.boolean(),
  connections: count,
  last_used: isoDateTime,
  region: z.string(),
  health_check: healthCheckSchema,
});

export const poolMetricsSchema = z.object({
  total_backends: count,
  healthy_backends: count,
  active_connections: count,
  health_percentage: percentage,
});

export const metricsDataSchema = z.object({
  requests_total: count,
  requests_per_second: z.number().nonnegative(),
  /** Milliseconds. */
  avg_response_time: z.number().nonnegative(),
  /** A fraction (`0.02` = 2 %). */
  error_rate: z.number().nonnegative(),
  active_connections: count,
  healthy_backends: count,
  total_backends: count,
  websocket_clients: count,
  pools_count: count,
  availability: percentage,
  avg_last_used: isoDateTime,
  /** Keyed by pool name. */
  pool_metrics: z.record(z.string(), poolMetricsSchema),
  /** Share of the load per pool name, in percent. */
  load_distribution: z.record(z.string(), percentage),
  cluster_enabled: z.boolean(),
  is_leader: z.boolean(),
  adaptive_enabled: z.boolean(),
  current_strategy: z.string(),
});

export const systemStatusDataSchema = z.object({
  status: z.string(),
  /** The seed gives an ISO instant (the start time), not a duration. */
  uptime: isoDateTime,
  version: z.string(),
  websocket_clients: count,
  total_backends: count,
  healthy_backends: count,
  backend_health_percentage: percentage,
  pools_count: count,
  cluster_enabled: z.boolean(),
  node_id: z.string(),
  is_leader: z.boolean(),
  adaptive_balancer_enabled: z.boolean(),
  current_strategy: z.string(),
});

// ---- server -> client ----

export const backendStatusMessageSchema = z.object({
  type: z.literal('backend_status'),
  backends: z.array(backendSchema),
  timestamp: isoDateTime,
  /** True when sent because of `POST /api/ws/force-update`, false on the regular tick. */
  forced: z.boolean(),
});

export const metricsMessageSchema = z.object({
  type: z.literal('metrics'),
  data: metricsDataSchema,
  timestamp: isoDateTime,
  /** Absent on the regular tick; `true` when sent because of a force-update. */
  forced: z.boolean().optional(),
});

export const systemStatusMessageSchema = z.object({
  type: z.literal('system_status'),
  data: systemStatusDataSchema,
  timestamp: isoDateTime,
  /** Absent on the regular tick; `true` when sent because of a force-update. */
  forced: z.boolean().optional(),
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
