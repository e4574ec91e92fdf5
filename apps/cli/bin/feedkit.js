#!/usr/bin/env node
// For development in this repository (`pnpm feedkit ...` at the root): runs
// the CLI from its TypeScript sources in this one process. tsx compiles on
// the fly and the `@feedkit/source` condition resolves the workspace
// packages to their sources, so no build step is needed. The published
// binary is dist/feedkit.js, compiled by tsup.
import { register } from 'node:module';
import { register as registerTsx } from 'tsx/esm/api';

register('./sourceCondition.js', import.meta.url);
registerTsx();
await import('../src/main.ts');
