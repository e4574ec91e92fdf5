/** The arrays of a metrics message (at any depth); a Go server may send each as `null`. */
const SLICES = new Set(['topicStats', 'consumerLags', 'topicLags', 'partitionLags']);

/**
 * Replaces, in place, every `null` under a key of `SLICES` with `[]`.
 * Returns whether anything changed.
 */
export function emptyNilSlices(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return false;
  let changed = false;
  const record = value as Record<string, unknown>;
  for (const key in record) {
    if (record[key] === null && SLICES.has(key)) {
      record[key] = [];
      changed = true;
    } else if (emptyNilSlices(record[key])) changed = true;
  }
  return changed;
}

/**
 * Takhin's console is a Go server (its metrics count goroutines), and Go's
 * `encoding/json` marshals a nil slice as `null`: a cluster without consumer
 * groups sends `"consumerLags": null`. That means "none", so it is read as
 * `[]` and the message keeps its documented type. The decoder's `repair`:
 * only a metrics message that failed the check is looked at, so the common
 * path costs nothing.
 */
export function readNilSlicesAsEmpty(value: Record<string, unknown>, type: string): boolean {
  return type === 'metrics' && emptyNilSlices(value);
}
