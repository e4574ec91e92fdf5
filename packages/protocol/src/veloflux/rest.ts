import * as z from 'zod/mini';
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
 * The seed shows no response body for `control` or `force-update`: a 2xx
 * answer is the success, and whatever JSON it carries is kept as `unknown`.
 */
export const controlResponseSchema = z.unknown();

export const forceUpdateRequestSchema = z.object({
  type: updateTargetSchema,
});

/** Not shown by the seed either; see `controlResponseSchema`. */
export const forceUpdateResponseSchema = z.unknown();

/** Body of every 4xx (bad JSON, unknown action or type) and 429 (rate limited) answer. */
export const errorBodySchema = z.object({ error: z.string() });

export type UpdateKind = z.infer<typeof updateKindSchema>;
export type UpdateTarget = z.infer<typeof updateTargetSchema>;
export type ControlRequest = z.infer<typeof controlRequestSchema>;
/** Whatever JSON a 2xx answer carries: the seed shows none. */
export type ControlResponse = unknown;
export type ForceUpdateRequest = z.infer<typeof forceUpdateRequestSchema>;
/** Whatever JSON a 2xx answer carries: the seed shows none. */
export type ForceUpdateResponse = unknown;
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
  /** `POST /api/ws/force-update`: push one stream (or all) now. */
  forceUpdate: defineEndpoint<ForceUpdateRequest, ForceUpdateResponse>({
    method: 'POST',
    path: () => '/api/ws/force-update',
    pattern: '/api/ws/force-update',
    request: forceUpdateRequestSchema,
    response: forceUpdateResponseSchema,
  }),
} as const;
