import { defineConfig, mergeConfig } from 'vitest/config';
import shared from '../../vitest.shared.ts';

// jest/ holds the Jest check of the built package; Jest runs it, not vitest.
export default mergeConfig(shared, defineConfig({ test: { include: ['test/**/*.test.ts'] } }));
