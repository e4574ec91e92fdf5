import { defineConfig, mergeConfig } from 'vitest/config';
import shared from '../../vitest.shared.ts';

export default mergeConfig(
  shared,
  defineConfig({
    test: {
      // A vite build, a browser and a server restart: generous, but every wait is on an event.
      testTimeout: 120_000,
      hookTimeout: 180_000,
      // One browser at a time on a 2-core machine.
      fileParallelism: false,
      // Built once here; each browser test file serves the same dist/.
      globalSetup: ['./test/support/buildOnce.ts'],
    },
  }),
);
