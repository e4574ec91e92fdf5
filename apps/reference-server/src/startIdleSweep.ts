import type { Clock } from './Clock';
import type { SystemServer } from './systems/SystemServer';

/**
 * Closes a system's sockets that have been silent longer than its seed
 * inactivity timeout (scaled), with 1000 `inactivity timeout`. Does nothing
 * while frozen: a frozen server measures no one's silence.
 */
export function startIdleSweep(
  clock: Clock,
  system: SystemServer<object, unknown>,
  idleMs: number,
  frozen: () => boolean,
): void {
  const limit = clock.scaled(idleMs);
  clock.every(Math.max(idleMs / 20, 1), () => {
    if (frozen()) return;
    const now = performance.now();
    for (const connection of system.connections) {
      if (now - connection.lastSeen > limit) connection.close(1000, 'inactivity timeout');
    }
  });
}
