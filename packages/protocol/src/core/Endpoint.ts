import type * as z from 'zod/mini';

/**
 * One REST endpoint of a system, as data: the client's typed helpers and the
 * reference server's handlers are both built from these.
 */
export interface Endpoint<Req, Res, Params extends readonly unknown[] = []> {
  readonly method: 'GET' | 'POST';
  /** Path (with params filled in), relative to the system's base URL. */
  readonly path: (...params: Params) => string;
  /** Route pattern with `:name` segments, for servers. */
  readonly pattern: string;
  /** Request body schema; absent for GET. */
  readonly request?: z.ZodMiniType<Req>;
  /** Response body schema (2xx). */
  readonly response: z.ZodMiniType<Res>;
}

export function defineEndpoint<Req, Res, Params extends readonly unknown[] = []>(
  endpoint: Endpoint<Req, Res, Params>,
): Endpoint<Req, Res, Params> {
  return endpoint;
}

export type EndpointRequest<E> = E extends Endpoint<infer Req, unknown, never> ? Req : never;
export type EndpointResponse<E> = E extends Endpoint<unknown, infer Res, never> ? Res : never;
