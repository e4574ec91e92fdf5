import { defineConfig } from 'tsup';

export default defineConfig({
  // One entry per system, so a bundler that imports `@feedkit/protocol/takhin`
  // reads Takhin's code and the core, and no other system's.
  entry: {
    index: 'src/index.ts',
    core: 'src/core/index.ts',
    veloflux: 'src/veloflux/index.ts',
    'plataforma-e': 'src/plataforma-e/index.ts',
    helios: 'src/helios/index.ts',
    'active-immune-core': 'src/active-immune-core/index.ts',
    takhin: 'src/takhin/index.ts',
    // Example messages for tests and mocks (`@feedkit/testing` re-exports them): no system entry imports them.
    examples: 'src/examples/index.ts',
  },
  format: ['esm', 'cjs'],
  // Shared chunks in CJS too, so the root and a system entry share one core.
  splitting: true,
  dts: true,
  sourcemap: true,
  clean: true,
  target: 'es2022',
});
