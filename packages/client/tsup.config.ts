import { readFile } from 'node:fs/promises';
import { defineConfig, type Options } from 'tsup';

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
    entry: ['src/index.ts'],
    format: ['esm', 'cjs'],
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
