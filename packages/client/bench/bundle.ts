/**
 * Bundle size for the browser: a tiny entry that really uses the library,
 * bundled by esbuild with every dependency (platform browser, ESM, minified,
 * production), then gzipped with zlib at level 9. The same recipe for
 * feedkit (createClient + takhin + one feed), socket.io-client (`io` + one
 * event) and centrifuge (`Centrifuge` + one subscription).
 *
 * Per package: the minified bytes esbuild's metafile attributes to it, and
 * its marginal gzip cost (gzip of the full bundle minus gzip of the bundle
 * built with that package left external), which is what removing it would
 * save.
 */
import { gzipSync } from 'node:zlib';
import { build, type Metafile } from 'esbuild';

export interface BundleSize {
  readonly name: string;
  readonly minified: number;
  readonly gzip: number;
  readonly packages: readonly {
    readonly name: string;
    readonly minified: number;
    readonly marginalGzip: number | undefined;
  }[];
}

const feedkitEntry = `
import { createClient, takhin } from '../src/index.ts';
const client = createClient({ url: location.origin.replace(/^http/, 'ws'), protocol: takhin() });
client.feed('metrics').subscribe((m) => console.log(m.data.throughput.produceRate));
`;

const entries = {
  feedkit: feedkitEntry,
  'socket.io-client': `
import { io } from 'socket.io-client';
const socket = io();
socket.on('metrics', (m) => console.log(m.data.throughput.produceRate));
`,
  centrifuge: `
import { Centrifuge } from 'centrifuge';
const client = new Centrifuge(location.origin.replace(/^http/, 'ws') + '/connection/websocket');
const sub = client.newSubscription('metrics');
sub.on('publication', (ctx) => console.log(ctx.data.throughput.produceRate));
sub.subscribe();
client.connect();
`,
} as const;

async function bundle(
  source: string,
  external: readonly string[] = [],
): Promise<{ code: Uint8Array; metafile: Metafile }> {
  const result = await build({
    stdin: { contents: source, resolveDir: import.meta.dirname, loader: 'ts' },
    bundle: true,
    write: false,
    platform: 'browser',
    format: 'esm',
    target: 'es2022',
    minify: true,
    metafile: true,
    logLevel: 'silent',
    // Workspace packages from source, as everywhere else in the repo.
    conditions: ['@feedkit/source'],
    define: { 'process.env.NODE_ENV': '"production"' },
    external: [...external],
  });
  return { code: result.outputFiles[0]?.contents as Uint8Array, metafile: result.metafile };
}

const gzipSize = (code: Uint8Array) => gzipSync(code, { level: 9 }).length;

/** `.../node_modules/.pnpm/x/node_modules/@scope/name/...` -> `@scope/name`; workspace sources by folder. */
function packageOf(path: string): string {
  const at = path.lastIndexOf('node_modules/');
  if (at >= 0) {
    const parts = path.slice(at + 'node_modules/'.length).split('/');
    return parts[0]?.startsWith('@') ? `${parts[0]}/${parts[1]}` : (parts[0] as string);
  }
  if (path.includes('protocol/src/')) return '@feedkit/protocol';
  return '@feedkit/client';
}

export async function measureBundle(name: keyof typeof entries): Promise<BundleSize> {
  const source = entries[name];
  const { code, metafile } = await bundle(source);
  const gzip = gzipSize(code);
  const byPackage = new Map<string, number>();
  for (const output of Object.values(metafile.outputs)) {
    for (const [path, input] of Object.entries(output.inputs)) {
      const pkg = packageOf(path);
      byPackage.set(pkg, (byPackage.get(pkg) ?? 0) + input.bytesInOutput);
    }
  }
  const packages = [];
  for (const [pkg, minified] of [...byPackage].sort((a, b) => b[1] - a[1])) {
    let marginalGzip: number | undefined;
    // The entry's own library cannot be left out of itself; a workspace package can (it is imported by name).
    if (pkg !== '@feedkit/client' && minified > 0) {
      const without = await bundle(source, [pkg, `${pkg}/*`]);
      marginalGzip = gzip - gzipSize(without.code);
    }
    packages.push({ name: pkg, minified, marginalGzip });
  }
  return { name, minified: code.length, gzip, packages };
}

export const bundleNames = Object.keys(entries) as (keyof typeof entries)[];
