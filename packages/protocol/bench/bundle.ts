/**
 * What one system's decoding costs a browser page, measured as a user
 * builds it: esbuild, platform browser, ESM, minified, every dependency
 * bundled, from the **built** package through its `exports` (no source
 * condition), then gzip -9. Per system: a tiny entry that decodes a frame
 * through `@feedkit/protocol/<system>`; and, for comparison, Takhin through
 * the root entry. Each bundle is searched for every other system's message
 * names, which must not be there.
 */
import { browserBundle } from './browserBundle';

/** A message type name only that system's code contains, to spot it in a bundle. */
const markers = {
  veloflux: 'backend_status',
  'plataforma-e': 'story_created',
  helios: 'peer_change',
  'active-immune-core': 'consensus_decided',
  takhin: 'group_updated',
} as const;
type System = keyof typeof markers;

export interface BundleFigure {
  readonly entry: string;
  readonly minified: number;
  readonly gzip: number;
  /** Minified bytes esbuild attributes to zod. */
  readonly zod: number;
  /** Other systems whose code is in the bundle. */
  readonly others: readonly string[];
}

async function measure(entry: string, source: string, own: System): Promise<BundleFigure> {
  const { code, metafile, minified, gzip } = await browserBundle(source, import.meta.dirname);
  const output = Object.values(metafile.outputs)[0];
  const zod = Object.entries(output?.inputs ?? {})
    .filter(([path]) => path.includes('node_modules/zod/'))
    .reduce((sum, [, input]) => sum + input.bytesInOutput, 0);
  const others = (Object.keys(markers) as System[]).filter(
    (system) => system !== own && code.includes(markers[system]),
  );
  return { entry, minified, gzip, zod, others };
}

export async function bundleFigures(): Promise<BundleFigure[]> {
  const figures: BundleFigure[] = [];
  for (const system of Object.keys(markers) as System[]) {
    figures.push(
      await measure(
        `@feedkit/protocol/${system}`,
        `import { adapter } from '@feedkit/protocol/${system}';\nconsole.log(adapter.decode(String(globalThis.frame)));`,
        system,
      ),
    );
  }
  figures.push(
    await measure(
      '@feedkit/protocol (root), Takhin only',
      `import { Takhin } from '@feedkit/protocol';\nconsole.log(Takhin.adapter.decode(String(globalThis.frame)));`,
      'takhin',
    ),
  );
  return figures;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const kb = (bytes: number) => +(bytes / 1024).toFixed(1);
  console.log(
    '@feedkit/protocol bundle: one system decode, esbuild browser ESM minified, built package, gzip -9',
  );
  console.table(
    (await bundleFigures()).map((f) => ({
      entry: f.entry,
      'min KB': kb(f.minified),
      'gzip KB': kb(f.gzip),
      'zod min KB': kb(f.zod),
      'other systems inside': f.others.join(', ') || 'none',
    })),
  );
}
