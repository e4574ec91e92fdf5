import { defineConfig } from 'tsup';

// The library only: `pnpm server` runs src/main.ts through tsx, so it needs no build.
export default defineConfig({
  entry: ['src/index.ts'],
  format: ['esm', 'cjs'],
  dts: true,
  sourcemap: true,
  clean: true,
  target: 'es2022',
  platform: 'node',
});
