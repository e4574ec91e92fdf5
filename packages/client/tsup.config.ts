import { readdirSync } from 'node:fs';
import { defineConfig } from 'tsup';

/** One entry per file in src/protocols, built to dist/systems/<file>: `@feedkit/client/<file>`. */
function systemEntries(): Record<string, string> {
  const files = readdirSync(new URL('./src/protocols', import.meta.url)).filter((f) =>
    f.endsWith('.ts'),
  );
  return Object.fromEntries(files.map((f) => [`systems/${f.slice(0, -3)}`, `src/protocols/${f}`]));
}

export default defineConfig({
  // A system's entry imports `@feedkit/protocol/<system>` and `/core` only, so
  // an app that imports `@feedkit/client/takhin` bundles no other system; a new
  // system is one new file in src/protocols.
  entry: { index: 'src/index.ts', ...systemEntries() },
  format: ['esm', 'cjs'],
  // Shared chunks in CJS too: otherwise each entry would carry its own
  // `FeedkitError` class, and `instanceof` would fail across entries.
  splitting: true,
  dts: true,
  sourcemap: true,
  clean: true,
  treeshake: true,
  target: 'es2022',
});
