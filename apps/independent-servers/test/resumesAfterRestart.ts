import type { FeedkitError } from '@feedkit/client';
import type { Observable } from 'rxjs';
import { expect } from 'vitest';
import { errorsOf, type Recording, record } from './record';
import type { ServerProcess } from './serverProcess';

/**
 * Waits for the feed's first message, stops the server (SIGKILL: a crash; SIGTERM:
 * a clean shutdown with close 1001), starts it on the same port, and resolves
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

/** What `checkResumes` needs of a client of any system. */
interface RestartedClient {
  readonly drift: { readonly entries: readonly unknown[] };
  readonly errors$: Observable<FeedkitError>;
  close(): void;
}

/**
 * `feed` resumes after the server restarts (`resumesAfterRestart`), with no
 * drift and no auth or fatal error on the way (a lost connection is retried,
 * nothing more). Closes the client.
 */
export async function checkResumes<T>(
  server: ServerProcess,
  client: RestartedClient,
  feed: Observable<T>,
  signal: 'SIGKILL' | 'SIGTERM' = 'SIGKILL',
): Promise<void> {
  const errors = errorsOf(client);
  const recording = record(feed, `feed across a ${signal} restart`);
  try {
    await resumesAfterRestart(server, recording, signal);
    expect(client.drift.entries).toEqual([]);
    expect(errors.filter((e) => e.code === 'auth' || e.fatal)).toEqual([]);
  } finally {
    recording.stop();
    client.close();
  }
}
