import type { FeedkitError } from '@feedkit/client';
import type { Observable } from 'rxjs';
import { expect } from 'vitest';
import { errorsOf, type Recording, record } from './record';
import type { ServerProcess } from './serverProcess';

/**
 * Waits for the feed's first message, stops the server (SIGKILL: a crash; SIGTERM:
 * a clean shutdown), starts it on the same port, and resolves
 * at the first message after that: only the new process can have sent it.
 */
export async function resumesAfterRestart<T>(
  server: ServerProcess,
  recording: Recording<T>,
  signal: 'SIGKILL' | 'SIGTERM' = 'SIGKILL',
): Promise<void> {
  await recording.until(1);
  await server.kill(signal);
  const seen = recording.messages.length;
  await server.start();
  await recording.until(seen + 1);
}

/** What a restart test needs of a client. */
interface RestartedClient {
  readonly errors$: Observable<FeedkitError>;
  readonly drift: { readonly entries: readonly unknown[] };
  close(): void;
}

/**
 * `feed` resumes after the server restarts (`resumesAfterRestart`), with no
 * drift and no auth or fatal error on the way (a lost connection is retried,
 * nothing more). Closes the client; resolves with every error it reported.
 */
export async function replaysAfterRestart<T>(
  server: ServerProcess,
  client: RestartedClient,
  feed: Observable<T>,
  signal: 'SIGKILL' | 'SIGTERM' = 'SIGKILL',
): Promise<FeedkitError[]> {
  const errors = errorsOf(client);
  const recording = record(feed, `feed across a ${signal} restart`);
  try {
    await resumesAfterRestart(server, recording, signal);
    expect(client.drift.entries).toEqual([]);
    expect(errors.filter((e) => e.code === 'auth' || e.fatal)).toEqual([]);
    return errors;
  } finally {
    recording.stop();
    client.close();
  }
}
