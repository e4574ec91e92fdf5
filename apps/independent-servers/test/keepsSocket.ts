import type { FeedkitError } from '@feedkit/client';
import type { Observable } from 'rxjs';
import { expect } from 'vitest';
import { describeErrors, errorsOf, record } from './record';

/** What the check needs of a client. */
interface KeptClient {
  readonly errors$: Observable<FeedkitError>;
  readonly state$: Observable<{ readonly status: string }>;
  readonly drift: { readonly entries: readonly unknown[] };
  close(): void;
}

/**
 * Waits for `beats` heartbeat messages and `count` messages of `feed`, then
 * asserts the socket was kept all along: no reconnect, no drift, no error.
 * Closes the client.
 */
export async function keepsSocket(
  client: KeptClient,
  [heartbeats, beats]: readonly [Observable<unknown>, number],
  [feed, count]: readonly [Observable<unknown>, number],
): Promise<void> {
  const errors = errorsOf(client);
  const states: string[] = [];
  client.state$.subscribe((s) => states.push(s.status));
  const beating = record(heartbeats, 'heartbeats');
  const feeding = record(feed, 'feed');
  try {
    await beating.until(beats);
    await feeding.until(count);
    expect(states).not.toContain('reconnecting');
    expect(client.drift.entries).toEqual([]);
    expect(describeErrors(errors)).toEqual([]);
  } finally {
    client.close();
  }
}
