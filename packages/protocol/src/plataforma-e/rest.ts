import * as z from 'zod';
import { defineEndpoint } from '../core/Endpoint';
import { fastApiErrorBodySchema } from '../core/fastApiErrorBody';
import { eventDataSchemas, eventTypeSchema, projectIdSchema } from './messages';
import { type Stats, statsSchema } from './Stats';

const count = z.number().int().nonnegative();

/** Not in the seed (it shows only the curl call); the count alone, named as in stats. */
export const connectionsResponseSchema = z.object({ active_connections: count });

/** Not in the seed; echoes the project so responses can be matched to requests. */
export const subscribersResponseSchema = z.object({
  project_id: z.string(),
  subscribers: count,
});

/**
 * `data` must match the `data` schema of `event_type`, so a broadcast can
 * never put a message on the wire that clients would fail to decode.
 */
export const broadcastRequestSchema = z
  .object({
    event_type: eventTypeSchema,
    data: z.record(z.string(), z.unknown()),
    /** Only this project's subscribers; absent or `null` means everyone. */
    project_id: projectIdSchema.nullish(),
  })
  .superRefine((body, ctx) => {
    const result = eventDataSchemas[body.event_type].safeParse(body.data);
    if (result.success) return;
    for (const issue of result.error.issues) {
      ctx.addIssue({
        code: 'custom',
        message: `${issue.message} (data of '${body.event_type}')`,
        path: ['data', ...issue.path],
      });
    }
  });

/** Not in the seed; says who got the broadcast. */
export const broadcastResponseSchema = z.object({
  success: z.literal(true),
  event_type: eventTypeSchema,
  project_id: z.string().nullable(),
  recipients: count,
});

/** Errors come as FastAPI's body. */
export const errorBodySchema = fastApiErrorBodySchema;

export type ConnectionsResponse = z.infer<typeof connectionsResponseSchema>;
export type SubscribersResponse = z.infer<typeof subscribersResponseSchema>;
export type BroadcastRequest = z.infer<typeof broadcastRequestSchema>;
export type BroadcastResponse = z.infer<typeof broadcastResponseSchema>;
export type ErrorBody = z.infer<typeof errorBodySchema>;

export const endpoints = {
  /** `GET /api/ws/stats`: the WebSocket manager's statistics. */
  stats: defineEndpoint<undefined, Stats>({
    method: 'GET',
    path: () => '/api/ws/stats',
    pattern: '/api/ws/stats',
    response: statsSchema,
  }),
  /** `GET /api/ws/connections`: how many sockets are open. */
  connections: defineEndpoint<undefined, ConnectionsResponse>({
    method: 'GET',
    path: () => '/api/ws/connections',
    pattern: '/api/ws/connections',
    response: connectionsResponseSchema,
  }),
  /** `GET /api/ws/project/{project_id}/subscribers`: how many sockets follow one project. */
  subscribers: defineEndpoint<undefined, SubscribersResponse, [projectId: string]>({
    method: 'GET',
    path: (projectId) => `/api/ws/project/${encodeURIComponent(projectId)}/subscribers`,
    pattern: '/api/ws/project/:project_id/subscribers',
    response: subscribersResponseSchema,
  }),
  /** `POST /api/ws/broadcast`: push an event to everyone or to one project. */
  broadcast: defineEndpoint<BroadcastRequest, BroadcastResponse>({
    method: 'POST',
    path: () => '/api/ws/broadcast',
    pattern: '/api/ws/broadcast',
    request: broadcastRequestSchema,
    response: broadcastResponseSchema,
  }),
} as const;
