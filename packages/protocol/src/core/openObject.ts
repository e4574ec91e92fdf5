import * as z from 'zod/mini';

/**
 * An object schema that keeps every field it does not name (the tolerant
 * reader: a newer server's additions reach the user unchanged), typed with
 * only the fields it names. TypeScript object types are open anyway, so
 * the type stays honest, while an index signature (`[k: string]: unknown`,
 * what `z.looseObject` infers) would let typos compile and stop `'x' in m`
 * from narrowing a union.
 */
export function openObject<const S extends z.core.$ZodLooseShape>(
  shape: S,
): z.ZodMiniObject<S, z.core.$strip> {
  return z.looseObject(shape) as unknown as z.ZodMiniObject<S, z.core.$strip>;
}
