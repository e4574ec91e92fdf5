import * as z from 'zod/mini';
import { defineEndpoint } from '../core/Endpoint';
import { openEnum } from '../core/openEnum';
import { openObject } from '../core/openObject';
import { isoTimestamp } from './messages';

export const loginRequestSchema = z.object({
  username: z.string().check(z.minLength(1)),
  password: z.string().check(z.minLength(1)),
});

/**
 * The seed documents only `token` (a JWT, sent without the `Bearer ` prefix
 * in `?token=`). `expires_at` and `role` are optional extras a client can use
 * to refresh before expiry and to tell viewers they cannot open the socket.
 */
export const loginResponseSchema = openObject({
  token: z.string().check(z.minLength(1)),
  expires_at: z.nullish(isoTimestamp),
  role: z.nullish(openEnum(['admin', 'viewer'] as const)),
});

/** Body of a non-2xx answer (401 on bad credentials). */
export const errorBodySchema = z.object({ error: z.string() });

export type LoginRequest = z.infer<typeof loginRequestSchema>;
export type LoginResponse = z.infer<typeof loginResponseSchema>;
export type ErrorBody = z.infer<typeof errorBodySchema>;

export const endpoints = {
  /** `POST /api/auth/login`: credentials for a bearer token. */
  login: defineEndpoint<LoginRequest, LoginResponse>({
    method: 'POST',
    path: () => '/api/auth/login',
    pattern: '/api/auth/login',
    request: loginRequestSchema,
    response: loginResponseSchema,
  }),
} as const;
