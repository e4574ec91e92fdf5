const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:?\d{2})?$/;
const HOUR = 3_600_000;

/** Is this string an ISO 8601 date-time (with or without fraction and zone)? */
export const isIsoTimestamp = (value: string) => ISO.test(value);

/** Does this number look like unix seconds (2001..2286) under a key that names a time? */
export const isUnixSeconds = (key: string | number, value: number) =>
  typeof key === 'string' && /time|_at$|At$/.test(key) && value >= 1e9 && value < 1e10;

/**
 * The same instant spelled as other real servers spell it: `+00:00` instead
 * of `Z`, microseconds (Python), no fraction (Go's RFC 3339), a local time
 * with its offset, and a naive UTC time (Python's `utcnow().isoformat()`).
 */
export function isoSpellings(value: string): string[] {
  const zoned = /(Z|[+-]\d{2}:?\d{2})$/.test(value) ? value : `${value}Z`;
  const ms = Date.parse(zoned);
  if (Number.isNaN(ms)) return [];
  const iso = new Date(ms).toISOString();
  const shifted = (offsetHours: number, sign: string) =>
    new Date(ms + offsetHours * HOUR).toISOString().replace('Z', `${sign}`);
  return [
    iso.replace('Z', '+00:00'),
    iso.replace(/\.(\d{3})Z$/, '.$1417Z'),
    iso.replace(/\.\d{3}Z$/, 'Z'),
    shifted(2, '+02:00'),
    shifted(-5, '-05:00').replace(/\.\d{3}-/, '-'),
    iso.replace(/\.(\d{3})Z$/, '.$1417'),
  ].filter((spelling) => spelling !== value);
}
