import { afterAll, afterEach, expect } from 'vitest';

/**
 * Nothing a fault does may surface as an unhandled rejection or an uncaught
 * exception in the process that runs the client: each one is collected here
 * and fails the test it happened in.
 */
const unhandled: unknown[] = [];
const collect = (reason: unknown) => unhandled.push(reason);
process.on('unhandledRejection', collect);
process.on('uncaughtException', collect);

afterEach(() => {
  const seen = unhandled.splice(0);
  expect(seen, 'unhandled rejections / uncaught exceptions').toEqual([]);
});

afterAll(() => {
  process.off('unhandledRejection', collect);
  process.off('uncaughtException', collect);
});
