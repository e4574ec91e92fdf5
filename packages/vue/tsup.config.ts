import { defineConfig } from 'tsup';

export default defineConfig({
  // One entry per system, named like its subpath, so `@feedkit/vue/takhin`
  // pulls in no other system's schemas. Same layout as @feedkit/react.
  entry: {
    index: 'src/index.ts',
    takhin: 'src/systems/takhin.ts',
    veloflux: 'src/systems/veloflux.ts',
    'plataforma-e': 'src/systems/plataformaE.ts',
    helios: 'src/systems/helios.ts',
    'active-immune-core': 'src/systems/activeImmuneCore.ts',
  },
  format: ['esm', 'cjs'],
  // Shared chunks in CJS too: without them each CJS entry would carry its own
  // copy of the provide/inject registry, and `@feedkit/vue/takhin` would not
  // see a client provided through `@feedkit/vue`.
  splitting: true,
  dts: true,
  sourcemap: true,
  clean: true,
  treeshake: true,
  target: 'es2022',
  external: ['vue', '@feedkit/client', '@feedkit/protocol'],
});
