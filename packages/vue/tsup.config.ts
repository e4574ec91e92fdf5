import { readdirSync } from 'node:fs';
import { defineConfig } from 'tsup';

function systemEntries(): Record<string, string> {
  const files = readdirSync(new URL('./src/systems', import.meta.url)).filter((f) =>
    f.endsWith('.ts'),
  );
  return Object.fromEntries(files.map((f) => [`systems/${f.slice(0, -3)}`, `src/systems/${f}`]));
}

export default defineConfig({
  // One entry per file in src/systems, built to dist/systems/<file> and
  // exported as `@feedkit/vue/<file>` by the `./*` pattern in package.json, so
  // a new system is one new file here, and an app bundles only the systems it imports.
  entry: { index: 'src/index.ts', ...systemEntries() },
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
