import { defineConfig } from 'tsup';

export default defineConfig({
  entry: ['src/index.ts', 'src/server.ts', 'src/recording.ts'],
  format: ['esm', 'cjs'],
  dts: { resolve: ['@feedkit/reference-server'] },
  sourcemap: true,
  clean: true,
  treeshake: true,
  target: 'es2022',
  // The reference server is a private workspace app: its code ships inside this package.
  noExternal: ['@feedkit/reference-server'],
});
