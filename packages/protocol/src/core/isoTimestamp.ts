import * as z from 'zod/mini';

/**
 * An ISO 8601 date-time as real servers spell it: `T`, `t` or a space
 * between date and time; seconds and any fraction optional; `Z`, an offset
 * with or without the colon (`+02:00`, `+0200`, `+02`), or no zone at all
 * (Python's naive `isoformat()`). The documents show one spelling each and
 * promise none, and feedkit never computes with the value, so refusing a
 * message over its timestamp spelling would drop data for nothing.
 */
export const ISO_TIMESTAMP =
  /^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?(?:[Zz]|[+-]\d{2}(?::?\d{2})?)?$/;

export const isoTimestamp = z
  .string()
  .check(z.regex(ISO_TIMESTAMP, 'expected an ISO 8601 date-time'));
