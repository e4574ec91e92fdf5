import * as z from 'zod/mini';

/**
 * FastAPI's error body, shared by the two FastAPI systems (Plataforma E,
 * Active Immune Core): `detail` is a string for an `HTTPException` and a list
 * of issues for a 422 request-validation error.
 */
export const fastApiErrorBodySchema = z.object({
  detail: z.union([
    z.string(),
    z.array(
      z.looseObject({
        loc: z.array(z.union([z.string(), z.number()])),
        msg: z.string(),
        type: z.string(),
      }),
    ),
  ]),
});
