import { defineConfig } from 'tsup';

export default defineConfig({
  entry: {
    index: 'src/index.ts',
    takhin: 'src/systems/takhin.ts',
    veloflux: 'src/systems/veloflux.ts',
    'plataforma-e': 'src/systems/plataformaE.ts',
    helios: 'src/systems/helios.ts',
    'active-immune-core': 'src/systems/activeImmuneCore.ts',
  },
  format: ['esm', 'cjs'],
  // Shared chunks in CJS too: otherwise each entry would carry its own
  // `FeedkitContext`, and a provider from `@feedkit/react` would be invisible
  // to hooks from `@feedkit/react/takhin`.
  splitting: true,
  dts: true,
  sourcemap: true,
  clean: true,
  target: 'es2022',
  // Every file uses hooks or context: React Server Components must treat them as client modules.
  // (No rollup treeshake pass: it drops the directive; esbuild already drops unused code.)
  // ESM only: in CJS output the directive would land after esbuild's interop prologue, where it means nothing.
  banner: (ctx) => (ctx.format === 'esm' ? { js: "'use client';" } : {}),
  external: ['react', '@feedkit/client', '@feedkit/protocol'],
});
