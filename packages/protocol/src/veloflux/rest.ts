import * as z from 'zod';
import { defineEndpoint } from '../core/Endpoint';

/** One update stream, as the REST control endpoints name it. */
export const updateKindSchema = z.enum(['backends', 'metrics', 'status']);
/** What a control or force-update request targets: one stream or `all`. */
export const updateTargetSchema = z.enum(['backends', 'metrics', 'status', 'all']);

export const controlRequestSchema = z.object({
  action: z.enum(['pause', 'resume']),
  type: updateTargetSchema,
});

/**
 * Not documented by the seed; chosen so a dashboard can show the resulting
 * pause state of every stream without a second call.
 */
export const controlResponseSchema = z.object({
  success: z.literal(true),
  action: z.enum(['pause', 'resume']),
  type: updateTargetSchema,
  paused: z.object({ backends: z.boolean(), metrics: z.boolean(), status: z.boolean() }),
});

export const forceUpdateRequestSchema = z.object({
  type: updateTargetSchema,
});

/** Not documented by the seed; `forced` lists the streams that were pushed. */
export const forceUpdateResponseSchema = z.object({
  success: z.literal(true),
  type: updateTargetSchema,
  forced: z.array(updateKindSchema),
});

/** Body of every 4xx (bad JSON, unknown action or type) and 429 (rate limited) answer. */
export const errorBodySchema = z.object({ error: z.string() });

export type UpdateKind = z.infer<typeof updateKindSchema>;
export type UpdateTarget = z.infer<typeof updateTargetSchema>;
export type ControlRequest = z.infer<typeof controlRequestSchema>;
export type ControlResponse = z.infer<typeof controlResponseSchema>;
export type ForceUpdateRequest = z.infer<typeof forceUpdateRequestSchema>;
export type ForceUpdateResponse = z.infer<typeof forceUpdateResponseSchema>;
export type ErrorBody = z.infer<typeof errorBodySchema>;

export const endpoints = {
  /** `POST /api/ws/control`: pause or resume one stream or all of them. */
  control: defineEndpoint<ControlRequest, ControlResponse>({
    method: 'POST',
    path: () => '/api/ws/control',
    pattern: '/api/ws/control',
    request: controlRequestSchema,
    response: controlResponseSchema,
  }),
  /** `POST /api/ws/force-update`: push one stream (or all) now, with `forced: true`. */
  forceUpdate: defineEndpoint<ForceUpdateRequest, ForceUpdateResponse>({
    method: 'POST',
    path: () => '/api/ws/force-update',
    pattern: '/api/ws/force-update',
    request: forceUpdateRequestSchema,
    response: forceUpdateResponseSchema,
  }),
} as const;
