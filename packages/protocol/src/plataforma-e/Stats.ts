import * as z from 'zod';

const count = z.number().int().nonnegative();

/**
 * The WebSocket manager's statistics, exactly as the seed's `GET /api/ws/stats`
 * shows them. The same body answers the socket command `{action: 'stats'}`.
 */
export const statsSchema = z.object({
  active_connections: count,
  active_projects: count,
  total_connections: count,
  total_messages_sent: count,
  total_broadcasts: count,
  /** Subscribers per project id. */
  connections_per_project: z.record(z.string(), count),
});

export type Stats = z.infer<typeof statsSchema>;
