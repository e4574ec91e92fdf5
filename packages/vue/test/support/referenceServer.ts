import { startReferenceServer } from '@feedkit/reference-server';
import { afterAll, beforeAll } from 'vitest';

type Server = Awaited<ReturnType<typeof startReferenceServer>>;

/**
 * One reference server per test file, on a free port. Periodic feeds run a
 * hundred times faster than the seeds say (Takhin metrics every 20 ms) so
 * tests wait for real messages without waiting long; the simulations are
 * off so nothing but the test itself changes topics, groups or backends.
 */
export function useReferenceServer(): { readonly current: Server } {
  const holder: { current?: Server } = {};
  beforeAll(async () => {
    holder.current = await startReferenceServer({ timeScale: 0.01, simulate: false, seed: 1 });
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
