import { type WatchSource, watch } from 'vue';

/**
 * Resolves with the first value of `source` that satisfies `predicate`
 * (checked now and on every change, synchronously), so a test awaits the
 * event itself instead of sleeping. The timeout only turns a hang into a
 * readable failure.
 */
export function until<T>(
  source: WatchSource<T>,
  predicate: (value: T) => boolean,
  timeoutMs = 5000,
): Promise<T> {
  return new Promise((resolve, reject) => {
    let last: T | undefined;
    let stop: (() => void) | undefined;
    const timer = setTimeout(() => {
      stop?.();
      reject(
        new Error(
          `until: still unsatisfied after ${timeoutMs} ms; last value ${JSON.stringify(last)}`,
        ),
      );
    }, timeoutMs);
    stop = watch(
      source,
      (value) => {
        last = value;
        if (!predicate(value)) return;
        clearTimeout(timer);
        // The first, immediate call runs before `watch` returns its handle.
        queueMicrotask(() => stop?.());
        resolve(value);
      },
      { immediate: true, flush: 'sync' },
    );
  });
}
