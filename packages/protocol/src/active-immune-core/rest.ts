import * as z from 'zod';
import { defineEndpoint } from '../core/Endpoint';
import { fastApiErrorBodySchema } from '../core/fastApiErrorBody';
import { eventTypeSchema, roomNameSchema } from './messages';

const count = z.number().int().nonnegative();

/** `GET /ws/stats`, exactly the seed's body. */
export const statsResponseSchema = z.object({
  active_connections: count,
  total_connections: count,
  total_disconnections: count,
  total_rooms: count,
  messages_sent: count,
  messages_received: count,
  /** Room name to its member count. */
  rooms: z.record(z.string(), count),
});

/** `broadcast_custom_event(event_type, data, room, source)` over HTTP. Without a room it reaches everyone. */
export const broadcastRequestSchema = z.object({
  event_type: eventTypeSchema,
  data: z.record(z.string(), z.unknown()),
  room: roomNameSchema.nullish(),
  source: z.string().nullish(),
});

export const broadcastResponseSchema = z.object({
  success: z.literal(true),
  message: z.string(),
  data: z.object({
    event_type: eventTypeSchema,
    room: z.string().nullable(),
    /** Connections the event was sent to (after room and type filters). */
    recipients: count,
  }),
});

/** Errors come as FastAPI's body. */
export const errorBodySchema = fastApiErrorBodySchema;

export type StatsResponse = z.infer<typeof statsResponseSchema>;
export type BroadcastRequest = z.infer<typeof broadcastRequestSchema>;
export type BroadcastResponse = z.infer<typeof broadcastResponseSchema>;
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
