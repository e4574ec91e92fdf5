/**
 * Drift as real deployments produce it, applied to the seed's vectors: the
 * protocol tests decode every variant and expect the message, unknown fields
 * included, to come through unchanged.
 */

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/**
 * Adds an unknown field to every object, at every level (a newer server's
 * additions). Objects under a key in `records` are maps keyed by name (a new
 * key there is a new entry, not an extra field), so they are only descended.
 */
export function withExtraFields<T>(value: T, records: readonly string[] = []): T {
  const visit = (v: Json, isRecord = false): Json => {
    if (Array.isArray(v)) return v.map((item) => visit(item));
    if (v === null || typeof v !== 'object') return v;
    const out: { [key: string]: Json } = {};
    for (const [k, child] of Object.entries(v)) out[k] = visit(child, records.includes(k));
    if (!isRecord) out.x_added_by_server = { since: 'v2', list: [1, 'two'] };
    return out;
  };
  return visit(value as Json) as T;
}

/** Every integer becomes a float with a fraction (a Go `float64` or a Python division). */
export function withFloats<T>(value: T): T {
  const visit = (v: Json): Json => {
    if (Array.isArray(v)) return v.map(visit);
    if (typeof v === 'number') return Number.isInteger(v) ? v + 0.5 : v;
    if (v === null || typeof v !== 'object') return v;
    return Object.fromEntries(Object.entries(v).map(([k, child]) => [k, visit(child)]));
  };
  return visit(value as Json) as T;
}

/** `value` with the fields at `paths` (dot-separated) set to `replacement`, or removed when it is `undefined`. */
export function withFields<T>(value: T, paths: readonly string[], replacement: unknown): T {
  const copy = structuredClone(value) as Record<string, unknown>;
  for (const path of paths) {
    const keys = path.split('.');
    const last = keys.pop() as string;
    let target: Record<string, unknown> = copy;
    for (const key of keys) target = target[key] as Record<string, unknown>;
    if (replacement === undefined) delete target[last];
    else target[last] = replacement;
  }
  return copy as T;
}

/** The ISO 8601 spellings servers emit for the instant the seeds write as `...Z`. */
export const isoSpellings = [
  '2025-06-20T15:30:45Z',
  '2025-06-20T15:30:45.123Z',
  '2025-06-20T15:30:45.123456',
  '2025-06-20T15:30:45.123456789+00:00',
  '2025-06-20T17:30:45+02:00',
  '2025-06-20T17:30:45+0200',
  '2025-06-20T15:30:45',
  '2025-06-20 15:30:45.123456+00:00',
] as const;

/** Non-object values and drifted shapes a feed's `accepts` may be handed. */
export const oddMessages: readonly unknown[] = [
  null,
  undefined,
  0,
  'metrics',
  [],
  {},
  { type: null },
  { type: 'metrics', data: null },
  { type: 'topic_created', data: 'x' },
  { event_type: 'agent_created', data: null, room: null },
  { type: 'log_message', data: { level: 42 } },
  { type: 'story_created', data: null, project_id: null },
];
