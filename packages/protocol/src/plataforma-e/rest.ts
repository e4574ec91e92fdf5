import * as z from 'zod/mini';
import { defineEndpoint } from '../core/Endpoint';
import { fastApiErrorBodySchema } from '../core/fastApiErrorBody';
import { eventTypeSchema, projectIdSchema } from './messages';
import { type Stats, statsSchema } from './Stats';

/**
 * The seed shows only the `curl` calls of `connections`, `subscribers` and
 * `broadcast`, never their answers: any JSON a 2xx carries is the answer,
 * typed `unknown`.
 */
export const connectionsResponseSchema = z.unknown();
export const subscribersResponseSchema = z.unknown();
export const broadcastResponseSchema = z.unknown();

/**
 * The seed's `curl` body: `event_type` names one of the server's
 * `EventType` values; `data` is a free-form dict (`send_to_project(...,
 * data={...})`), so it is not checked against the event's table.
 */
export const broadcastRequestSchema = z.object({
  event_type: eventTypeSchema,
  data: z.record(z.string(), z.unknown()),
  /** Only this project's subscribers; absent or `null` means everyone. */
  project_id: z.nullish(projectIdSchema),
});

/** Errors come as FastAPI's body. */
export const errorBodySchema = fastApiErrorBodySchema;

/** Not shown by the seed: whatever JSON a 2xx carries. */
export type ConnectionsResponse = unknown;
/** Not shown by the seed: whatever JSON a 2xx carries. */
export type SubscribersResponse = unknown;
export type BroadcastRequest = z.infer<typeof broadcastRequestSchema>;
/** Not shown by the seed: whatever JSON a 2xx carries. */
export type BroadcastResponse = unknown;
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
