import type { Observable } from 'rxjs';

/** The first value of `source` that passes `test`. */
export function next<T>(
  source: Observable<T>,
  test: (value: T) => boolean = () => true,
): Promise<T> {
  return new Promise((resolve, reject) => {
    const subscription = source.subscribe({
      next: (value) => {
        if (!test(value)) return;
        queueMicrotask(() => subscription.unsubscribe());
        resolve(value);
      },
      error: reject,
    });
  });
}
