/**
 * Bundle size for the browser, as users get it: the protocol's recipe
 * (`browserBundle`: esbuild, platform browser, ESM, minified, production,
 * every dependency inside, gzip -9) over a tiny entry that really uses the
 * library, resolved through the packages' `exports` from their **built**
 * `dist` (no source condition). The same recipe for feedkit through
 * `@feedkit/client/<system>` (one per file in src/protocols) and through the
 * root entry, socket.io-client (`io` + one event) and centrifuge
 * (`Centrifuge` + one subscription).
 *
 * Per package: the minified bytes esbuild's metafile attributes to it, and
 * its marginal gzip cost (gzip of the full bundle minus gzip of the bundle
 * built with that package left external), which is what removing it would
 * save.
 */
import { readdirSync } from 'node:fs';
import type { Metafile } from 'esbuild';
import { browserBundle } from '../../protocol/bench/browserBundle';
import { type BundleFigure, measure, type System } from '../../protocol/bench/bundle';

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

/** The systems a package has an entry for: one per file in `dir`. */
export const systemsIn = (dir: URL): System[] =>
  readdirSync(dir)
    .filter((f) => f.endsWith('.ts'))
    .map((f) => f.slice(0, -3) as System);

export const clientSystems = systemsIn(new URL('../src/protocols', import.meta.url));

/** `plataforma-e` -> `plataformaE`: each system's binding is named after its file. */
export const bindingName = (system: string) =>
  system.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());

/** createClient + the system's binding + one feed (its name unknown to the bundler, so every feed's code stays). */
export function clientEntry(system: string, from = `@feedkit/client/${system}`): string {
  return `
import { createClient, ${bindingName(system)} } from '${from}';
export const client = createClient({ url: location.origin.replace(/^http/, 'ws'), protocol: ${bindingName(system)}() });
client.feed(globalThis.feedName).subscribe((m) => console.log(m));
`;
}

/** Strings only the share code (`@feedkit/client/share`) contains. */
export const shareMarkers = ['SharedWorker', 'BroadcastChannel', '.locks', 'feedkit-share'];

/** `clientEntry` with `share: tabs()` from `@feedkit/client/share`. */
export function clientShareEntry(system: string): string {
  return `
import { createClient, ${bindingName(system)} } from '@feedkit/client/${system}';
import { tabs } from '@feedkit/client/share';
export const client = createClient({ url: location.origin.replace(/^http/, 'ws'), protocol: ${bindingName(system)}(), share: tabs() });
client.feed(globalThis.feedName).subscribe((m) => console.log(m));
`;
}

/** Takhin through its own entry, sharing its sockets across tabs. */
export const clientShareFigure = (): Promise<BundleFigure> =>
  measure(
    '@feedkit/client/takhin + tabs() from @feedkit/client/share',
    clientShareEntry('takhin'),
    'takhin',
    import.meta.dirname,
  );

/** One system through its own entry, with the other systems found in it. */
export const clientSystemFigure = (system: System): Promise<BundleFigure> =>
  measure(`@feedkit/client/${system}`, clientEntry(system), system, import.meta.dirname);

/** How a binding package (React, Vue) is measured: see `bindingFigures`. */
export interface BindingBundles {
  /** `@feedkit/react` */
  readonly name: string;
  /** The package's bench folder: entries resolve from there. */
  readonly dir: string;
  /** The framework, left out of every bundle. */
  readonly external: readonly string[];
  /** An app around `hooks`: a client from `@feedkit/client/<system>` given to the package's provider. */
  readonly app: (system: string, hooks: string) => string;
  /** The goal's component: one that renders Takhin's `useMetrics`. */
  readonly useMetrics: string;
}

/**
 * A binding package's figures: the `useMetrics` app, then one app per file
 * in its src/systems with every hook of that system, each searched for the
 * other systems' code.
 */
export async function bindingFigures(b: BindingBundles): Promise<BundleFigure[]> {
  const figures = [
    await measure(
      `useMetrics from ${b.name}/takhin`,
      b.app('takhin', b.useMetrics),
      'takhin',
      b.dir,
      b.external,
    ),
  ];
  for (const system of systemsIn(new URL(`file://${b.dir}/../src/systems/`))) {
    const hooks = `export * from '${b.name}/${system}';`;
    figures.push(
      await measure(
        `${b.name}/${system} (every hook)`,
        b.app(system, hooks),
        system,
        b.dir,
        b.external,
      ),
    );
  }
  return figures;
}

const entries = {
  'feedkit (@feedkit/client/takhin)': `
import { createClient, takhin } from '@feedkit/client/takhin';
const client = createClient({ url: location.origin.replace(/^http/, 'ws'), protocol: takhin() });
client.feed('metrics').subscribe((m) => console.log(m.data.throughput.produceRate));
`,
  'feedkit (@feedkit/client root)': `
import { createClient, takhin } from '@feedkit/client';
const client = createClient({ url: location.origin.replace(/^http/, 'ws'), protocol: takhin() });
client.feed('metrics').subscribe((m) => console.log(m.data.throughput.produceRate));
`,
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

/** `.../node_modules/.pnpm/x/node_modules/@scope/name/...` -> `@scope/name`; workspace packages by folder. */
function packageOf(path: string): string {
  const at = path.lastIndexOf('node_modules/');
  if (at >= 0) {
    const parts = path.slice(at + 'node_modules/'.length).split('/');
    return parts[0]?.startsWith('@') ? `${parts[0]}/${parts[1]}` : (parts[0] as string);
  }
  if (path.includes('protocol/')) return '@feedkit/protocol';
  return '@feedkit/client';
}

function bytesByPackage(metafile: Metafile): Map<string, number> {
  const byPackage = new Map<string, number>();
  for (const output of Object.values(metafile.outputs)) {
    for (const [path, input] of Object.entries(output.inputs)) {
      const pkg = packageOf(path);
      byPackage.set(pkg, (byPackage.get(pkg) ?? 0) + input.bytesInOutput);
    }
  }
  return byPackage;
}

export async function measureBundle(name: keyof typeof entries): Promise<BundleSize> {
  const source = entries[name];
  const { metafile, minified, gzip } = await browserBundle(source, import.meta.dirname);
  const packages = [];
  for (const [pkg, bytes] of [...bytesByPackage(metafile)].sort((a, b) => b[1] - a[1])) {
    let marginalGzip: number | undefined;
    // The entry's own library cannot be left out of itself; a workspace package can (it is imported by name).
    if (pkg !== '@feedkit/client' && bytes > 0) {
      const without = await browserBundle(source, import.meta.dirname, [pkg, `${pkg}/*`]);
      marginalGzip = gzip - without.gzip;
    }
    packages.push({ name: pkg, minified: bytes, marginalGzip });
  }
  return { name, minified, gzip, packages };
}

export const bundleNames = Object.keys(entries) as (keyof typeof entries)[];
