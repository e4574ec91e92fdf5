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
  // Only the recording format of @feedkit/testing (a few lines, no msw): bundled, so installing the CLI does not pull msw.
  noExternal: ['@feedkit/testing'],
});
