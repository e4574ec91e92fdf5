import type { FeedkitError } from '@feedkit/client';
import {
  filter,
  firstValueFrom,
  type Observable,
  Subject,
  startWith,
  throwError,
  timeout,
} from 'rxjs';

/** Waits no longer than this for anything a server does at the sped-up cadence. */
export const WAIT_MS = 8000;

/** Holds a subscription and keeps what it delivers, so a test can await the n-th message. */
export interface Recording<T> {
  readonly messages: readonly T[];
  /** Resolves once `count` messages in total have arrived (rejects on the feed's error or after `ms`). */
  until(count: number, ms?: number): Promise<readonly T[]>;
  /** Resolves with the first message (already arrived or still to come) that matches. */
  find(predicate: (message: T) => boolean, ms?: number): Promise<T>;
  stop(): void;
}

export function record<T>(source: Observable<T>, label = 'feed'): Recording<T> {
  const messages: T[] = [];
  const arrived = new Subject<void>();
  const subscription = source.subscribe({
    next: (message) => {
      messages.push(message);
      arrived.next();
    },
    error: (error: unknown) => arrived.error(error),
  });
  const when = (ready: () => boolean, ms: number, what: () => string) =>
    firstValueFrom(
      arrived.pipe(
        startWith(undefined),
        filter(ready),
        timeout({ first: ms, with: () => throwError(() => new Error(`${label}: ${what()}`)) }),
      ),
    );
  return {
    messages,
    until: (count, ms = WAIT_MS) =>
      when(
        () => messages.length >= count,
        ms,
        () => `${messages.length} of ${count} messages within ${ms} ms`,
      ).then(() => messages.slice()),
    find: (predicate, ms = WAIT_MS) =>
      when(
        () => messages.some(predicate),
        ms,
        () => `no matching message among ${messages.length} within ${ms} ms`,
      ).then(() => messages.find(predicate) as T),
    stop: () => subscription.unsubscribe(),
  };
}

/** Everything a client reports, as `code: message` lines a failing assertion prints whole. */
export function describeErrors(errors: readonly { code: string; message: string }[]): string[] {
  return errors.map((e) => `${e.code}: ${e.message}`);
}

/** Every error a client reports from now on. */
export function errorsOf(client: { readonly errors$: Observable<FeedkitError> }): FeedkitError[] {
  const errors: FeedkitError[] = [];
  client.errors$.subscribe((e) => errors.push(e));
  return errors;
}

/** The error a promise rejects with, or `undefined` when it resolves. */
export const failureOf = (promise: Promise<unknown>): Promise<FeedkitError | undefined> =>
  promise.then(
    () => undefined,
    (e: FeedkitError) => e,
  );
