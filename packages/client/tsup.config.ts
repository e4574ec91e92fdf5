import { readdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { defineConfig, type Options } from 'tsup';

/** One entry per file in src/protocols, built to dist/systems/<file>: `@feedkit/client/<file>`. */
function systemEntries(): Record<string, string> {
  const files = readdirSync(new URL('./src/protocols', import.meta.url)).filter((f) =>
    f.endsWith('.ts'),
  );
  return Object.fromEntries(files.map((f) => [`systems/${f.slice(0, -3)}`, `src/protocols/${f}`]));
}
/**
 * The client points its SharedWorker at `./shareWorker.ts` beside its source
 * (what Vite serves from the workspace); built, it sits beside `dist/index.js`
 * as `shareWorker.js`. Rewriting the literal keeps the
 * `new SharedWorker(new URL('…', import.meta.url))` shape bundlers detect.
 */
const workerUrlInDist: NonNullable<Options['esbuildPlugins']>[number] = {
  name: 'share-worker-url',
  setup(build) {
    build.onLoad({ filter: /share[\\/]openShareWorker\.ts$/ }, async (args) => ({
      contents: (await readFile(args.path, 'utf8')).replace(
        "'./shareWorker.ts'",
        "'./shareWorker.js'",
      ),
      loader: 'ts',
    }));
  },
};

/**
 * Inside the worker nothing opens a worker (its clients never `share`); the
 * stub also keeps a bundler that scans `dist/shareWorker.js` from looking for
 * a worker inside the worker.
 */
const noWorkerInWorker: NonNullable<Options['esbuildPlugins']>[number] = {
  name: 'no-worker-in-worker',
  setup(build) {
    build.onLoad({ filter: /share[\\/]openShareWorker\.ts$/ }, () => ({
      contents: 'export function openShareWorker() { return undefined; }',
      loader: 'ts',
    }));
  },
};

export default defineConfig([
  {
    // A system's entry imports `@feedkit/protocol/<system>` and `/core` only, so
    // an app that imports `@feedkit/client/takhin` bundles no other system; a new
    // system is one new file in src/protocols. `share` (tabs()) is its own entry:
    // the core only knows the ShareStrategy interface.
    entry: { index: 'src/index.ts', share: 'src/share/index.ts', ...systemEntries() },
    format: ['esm', 'cjs'],
    // Shared chunks in CJS too: otherwise each entry would carry its own
    // `FeedkitError` class, and `instanceof` would fail across entries. The
    // shared code (openShareWorker among it) lands in dist/, beside shareWorker.js.
    splitting: true,
    dts: true,
    sourcemap: true,
    // Both builds write to dist/ at once: `pnpm build` empties it first.
    clean: false,
    treeshake: true,
    target: 'es2022',
    esbuildPlugins: [workerUrlInDist],
  },
  {
    // Self-contained (protocol, zod, rxjs inlined): a browser can load it as is, from any origin path.
    entry: { shareWorker: 'src/share/shareWorker.ts' },
    format: ['esm'],
    platform: 'browser',
    noExternal: [/.*/],
    // The workspace's protocol sources, whether or not its dist is built yet.
    esbuildOptions(options) {
      options.conditions = ['@feedkit/source', 'browser', 'module', 'import', 'default'];
    },
    splitting: false,
    minify: true,
    esbuildPlugins: [noWorkerInWorker],
    dts: true,
    sourcemap: true,
    clean: false,
    treeshake: true,
    target: 'es2022',
  },
]);
