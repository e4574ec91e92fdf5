import { defineConfig, mergeConfig } from 'vitest/config';
import shared from '../../vitest.shared.ts';

// Component tests need a DOM; the SSR test opts back into `node` with a
// per-file `@vitest-environment` comment, because "no window" is how the
// composables know they run on a server.
export default mergeConfig(
  shared,
  defineConfig({
    test: { environment: 'happy-dom' },
  }),
);
