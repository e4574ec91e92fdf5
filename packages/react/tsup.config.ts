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
  // exported as `@feedkit/react/<file>` by the `./*` pattern in package.json, so
  // a new system is one new file here, and an app bundles only the systems it imports.
  entry: { index: 'src/index.ts', ...systemEntries() },
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
