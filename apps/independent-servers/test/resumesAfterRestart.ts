import type { ServerProcess } from './serverProcess';
import type { Recording } from './record';

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
