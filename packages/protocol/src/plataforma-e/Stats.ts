import * as z from 'zod/mini';
import { openObject } from '../core/openObject';

/**
 * The WebSocket manager's statistics, as the seed's `GET /api/ws/stats`
 * shows them: every field required, unknown ones kept, numbers plain
 * numbers. The same body answers the socket command `{action: 'stats'}`.
 */
export const statsSchema = openObject({
  active_connections: z.number(),
  active_projects: z.number(),
  total_connections: z.number(),
  total_messages_sent: z.number(),
  total_broadcasts: z.number(),
  /** Subscribers per project id. */
  connections_per_project: z.record(z.string(), z.number()),
});

export type Stats = z.infer<typeof statsSchema>;
