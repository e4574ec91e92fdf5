import { defineConfig, type Options } from 'tsup';

const common: Options = {
  format: ['esm', 'cjs'],
  dts: true,
  sourcemap: true,
  // `pnpm build` empties dist first: the two builds below run side by side.
  clean: false,
  target: 'es2022',
};

export default defineConfig([
  {
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
    },
    // Shared chunks in CJS too, so the root and a system entry share one core.
    splitting: true,
    ...common,
  },
  {
    // Example messages for tests and mocks (`@feedkit/testing` re-exports them): no system
    // entry imports them. Built on their own: sharing declaration chunks with the system
    // entries made the bundler declare type-only names as values (TS2693 in the d.cts).
    entry: { examples: 'src/examples/index.ts' },
    splitting: false,
    ...common,
  },
]);
