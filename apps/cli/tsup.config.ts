import { defineConfig } from 'tsup';

// The published `feedkit` binary: plain JavaScript, the workspace packages
// and everything else imported from node_modules (no tsx at run time).
export default defineConfig({
  entry: { feedkit: 'src/main.ts' },
  format: ['esm'],
  platform: 'node',
  target: 'node20',
  sourcemap: true,
  clean: true,
  banner: { js: '#!/usr/bin/env node' },
});
