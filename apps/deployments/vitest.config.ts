import { defineConfig, mergeConfig } from 'vitest/config';
import shared from '../../vitest.shared.ts';

export default mergeConfig(
  shared,
  defineConfig({
    // Every test file fails on an unhandled rejection or uncaught exception (test/setup.ts).
    test: { setupFiles: ['./test/setup.ts'] },
  }),
);
