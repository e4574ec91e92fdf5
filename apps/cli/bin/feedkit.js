#!/usr/bin/env node
// Runs the CLI from its TypeScript sources in this one process: tsx compiles
// on the fly, and the `@feedkit/source` condition resolves the workspace
// packages to their sources too, so `feedkit` works without a build step and
// Ctrl-C reaches the CLI itself (no wrapper process to relay signals).
import { register } from 'node:module';
import { register as registerTsx } from 'tsx/esm/api';

register('./sourceCondition.js', import.meta.url);
registerTsx();
await import('../src/main.ts');
