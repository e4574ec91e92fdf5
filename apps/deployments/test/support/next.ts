import type { FeedkitError } from '@feedkit/client';
import { filter, firstValueFrom, type Observable, timeout } from 'rxjs';

/** The first value of `source` that satisfies `predicate`; fails after `timeoutMs`. */
export function next<T>(
  source: Observable<T>,
  predicate: (value: T) => boolean = () => true,
  timeoutMs = 8000,
): Promise<T> {
  return firstValueFrom(source.pipe(filter(predicate), timeout(timeoutMs)));
}

/** Every error the client reports, in order. */
export function collectErrors(client: { readonly errors$: Observable<FeedkitError> }) {
  const errors: FeedkitError[] = [];
  client.errors$.subscribe((e) => errors.push(e));
  return errors;
}
