import * as z from 'zod/mini';

/**
 * A string field whose documented values are `values`, open to the ones a
 * newer or different server adds. Any string validates; the type keeps
 * editor completion for the documented ones (`'Leader' | (string & {})`).
 */
export function openEnum<const V extends readonly string[]>(
  _values: V,
): z.ZodMiniType<V[number] | (string & {}), string> {
  return z.string();
}
