import { defineConfig, mergeConfig } from 'vitest/config';
import shared from '../../vitest.shared.ts';

export default mergeConfig(
  shared,
  defineConfig({
    test: {
      // npm installs from the registry and two vite builds: generous, but every wait is on an event.
      testTimeout: 120_000,
      hookTimeout: 240_000,
      fileParallelism: false,
    },
  }),
);
