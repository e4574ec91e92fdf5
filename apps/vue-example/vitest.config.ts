import { defineConfig, mergeConfig } from 'vitest/config';
import shared from '../../vitest.shared.ts';

export default mergeConfig(
  shared,
  defineConfig({
    // A vite build and a browser: generous, but every wait is on an event.
    test: { testTimeout: 120_000, hookTimeout: 180_000 },
  }),
);
