import * as z from 'zod/mini';
import { defineEndpoint } from '../core/Endpoint';
import { fastApiErrorBodySchema } from '../core/fastApiErrorBody';
import { openObject } from '../core/openObject';
import { roomNameSchema } from './messages';

/** `GET /ws/stats`: the seed's body; every field required, unknown ones kept, plain numbers. */
export const statsResponseSchema = openObject({
  active_connections: z.number(),
  total_connections: z.number(),
  total_disconnections: z.number(),
  total_rooms: z.number(),
  messages_sent: z.number(),
  messages_received: z.number(),
  /** Room name to its member count. */
  rooms: z.record(z.string(), z.number()),
});

/**
 * `broadcast_custom_event(event_type, data, room, source)` over HTTP: the
 * seed calls its cURL example a "custom event", and `WSEvent.data` is a
 * free-form dict, so `event_type` is any name and `data` any object.
 * Without a room it reaches everyone.
 */
export const broadcastRequestSchema = z.object({
  event_type: z.string().check(z.minLength(1), z.maxLength(64)),
  data: z.record(z.string(), z.unknown()),
  room: z.nullish(roomNameSchema),
  source: z.nullish(z.string()),
});

/** The seed shows no answer to `POST /ws/broadcast`: any JSON a 2xx carries, typed `unknown`. */
export const broadcastResponseSchema = z.unknown();

/** Errors come as FastAPI's body. */
export const errorBodySchema = fastApiErrorBodySchema;

export type StatsResponse = z.infer<typeof statsResponseSchema>;
export type BroadcastRequest = z.infer<typeof broadcastRequestSchema>;
/** Not shown by the seed: whatever JSON a 2xx carries. */
export type BroadcastResponse = unknown;
export type ErrorBody = z.infer<typeof errorBodySchema>;

export const endpoints = {
  /** `GET /ws/stats`: connection and message counters, members per room. */
  stats: defineEndpoint<undefined, StatsResponse>({
    method: 'GET',
    path: () => '/ws/stats',
    pattern: '/ws/stats',
    response: statsResponseSchema,
  }),
  /** `POST /ws/broadcast`: emit one event, to a room or to everyone. */
  broadcast: defineEndpoint<BroadcastRequest, BroadcastResponse>({
    method: 'POST',
    path: () => '/ws/broadcast',
    pattern: '/ws/broadcast',
    request: broadcastRequestSchema,
    response: broadcastResponseSchema,
  }),
} as const;
