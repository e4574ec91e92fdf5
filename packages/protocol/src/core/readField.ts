/**
 * `value[key]` when `value` is an object, otherwise `undefined`. Feeds test
 * messages with it, so `accepts` never throws on drifted data (`data: null`,
 * a number where an object was expected).
 */
export function readField(value: unknown, key: string): unknown {
  return typeof value === 'object' && value !== null
    ? (value as Record<string, unknown>)[key]
    : undefined;
}
