import { startReferenceServer } from '@feedkit/reference-server';
import { afterAll, beforeAll } from 'vitest';

type Server = Awaited<ReturnType<typeof startReferenceServer>>;

/**
 * One reference server per test file, on a free port. Periodic feeds run a
 * hundred times faster than the seeds say (Takhin metrics every 20 ms) so
 * tests wait for real messages without waiting long; the simulations are
 * off so nothing but the test itself changes topics, groups or backends.
 * `quiet` stops the periodic feeds too, for tests that count triggers.
 */
export function useReferenceServer(options: { readonly quiet?: boolean } = {}): {
  readonly current: Server;
} {
  const holder: { current?: Server } = {};
  beforeAll(async () => {
    holder.current = await startReferenceServer({
      // Quiet: periodic ticks a thousand times slower, i.e. never during a test,
      // so the only messages are the ones the test emits.
      timeScale: options.quiet ? 1000 : 0.01,
      simulate: false,
      seed: 1,
    });
  });
  afterAll(async () => {
    await holder.current?.stop();
  });
  return {
    get current() {
      if (!holder.current) throw new Error('the reference server starts in beforeAll');
      return holder.current;
    },
  };
}
