import { filter, firstValueFrom, type Observable, timeout } from 'rxjs';
import type { ClientState, FeedkitError } from '../../src/index';

/** Resolves with the first value of `source` that satisfies `predicate` (fails after 5 s). */
export function next<T>(source: Observable<T>, predicate: (value: T) => boolean = () => true) {
  return firstValueFrom(source.pipe(filter(predicate), timeout(5000)));
}

/** Resolves when the client (or one connection) reaches `status`. */
export function status(
  client: { readonly state$: Observable<ClientState> },
  wanted: ClientState['status'],
) {
  return next(client.state$, (s) => s.status === wanted);
}

/** Every error the client reports, for assertions. */
export function collectErrors(client: { readonly errors$: Observable<FeedkitError> }) {
  const errors: FeedkitError[] = [];
  client.errors$.subscribe((e) => errors.push(e));
  return errors;
}
