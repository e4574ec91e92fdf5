import type { DecodeResult } from '../core/decoder';

/** The arrays of a metrics message, by where they sit; a Go server may send each as `null`. */
const DATA_SLICES = ['topicStats', 'consumerLags'] as const;

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** Sets `record[key]` to `[]` where it is `null`; says whether it did. */
function emptyIfNull(record: Record<string, unknown>, key: string): boolean {
  if (record[key] !== null) return false;
  record[key] = [];
  return true;
}

/**
 * Replaces every `null` where a metrics message has an array (`topicStats`,
 * `consumerLags`, each group's `topicLags`, each topic's `partitionLags`)
 * with `[]`, in place. Returns whether anything changed.
 */
export function emptyNilSlices(message: unknown): boolean {
  const data = isRecord(message) ? message.data : undefined;
  if (!isRecord(data)) return false;
  let changed = false;
  for (const key of DATA_SLICES) changed = emptyIfNull(data, key) || changed;
  for (const group of Array.isArray(data.consumerLags) ? data.consumerLags : []) {
    if (!isRecord(group)) continue;
    changed = emptyIfNull(group, 'topicLags') || changed;
    for (const topic of Array.isArray(group.topicLags) ? group.topicLags : []) {
      if (isRecord(topic)) changed = emptyIfNull(topic, 'partitionLags') || changed;
    }
  }
  return changed;
}

/**
 * Takhin's console is a Go server (its metrics count goroutines), and Go's
 * `encoding/json` marshals a nil slice as `null`: a cluster without consumer
 * groups sends `"consumerLags": null`. That means "none", so it is read as
 * `[]` and the message keeps its documented type. Only a metrics message
 * that failed validation is looked at, so the common path costs nothing.
 */
export function readingNilSlicesAsEmpty<M>(
  decode: (frame: string) => DecodeResult<M>,
): (frame: string) => DecodeResult<M> {
  return (frame) => {
    const result = decode(frame);
    if (result.kind !== 'error' || result.error.type !== 'metrics') return result;
    const value = result.error.value;
    return emptyNilSlices(value) ? decode(JSON.stringify(value)) : result;
  };
}
