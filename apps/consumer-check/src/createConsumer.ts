import { cpSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from './packWorkspace';
import { describeRun, type RunResult, run } from './run';

/** Where the repository pins each third-party package the consumer projects use. */
const PINNED_IN = ['apps/dashboard', 'apps/vue-example', 'packages/client'];

/** The version range the repository itself uses for a third-party package. */
export function workspaceRange(name: string): string {
  for (const dir of PINNED_IN) {
    const manifest = JSON.parse(readFileSync(join(repoRoot, dir, 'package.json'), 'utf8'));
    const range = manifest.dependencies?.[name] ?? manifest.devDependencies?.[name];
    if (range && !range.startsWith('workspace:')) return range;
  }
  throw new Error(`no version of ${name} in ${PINNED_IN.join(', ')}`);
}

export interface ConsumerSpec {
  /** Folder under `fixtures/` copied as the project's sources (an empty project when absent). */
  readonly fixture: string;
  readonly type: 'module' | 'commonjs';
  /** feedkit packages the project installs, from the packed tarballs. */
  readonly feedkit: readonly string[];
  /** Third-party packages, at the repository's own ranges, from the npm registry. */
  readonly thirdParty: readonly string[];
  readonly scripts: Readonly<Record<string, string>>;
}

export interface Consumer {
  readonly dir: string;
  readonly install: RunResult;
}

/**
 * A fresh project in `parent/<fixture>`: the fixture's files, a package.json
 * like a user's, and `npm install` of the tarballs. feedkit's own
 * dependencies between packages are pointed at the tarballs too
 * (`overrides`), so nothing feedkit comes from the registry.
 */
export async function createConsumer(
  parent: string,
  spec: ConsumerSpec,
  tarballs: ReadonlyMap<string, string>,
): Promise<Consumer> {
  const dir = join(parent, spec.fixture);
  const sources = join(repoRoot, 'apps/consumer-check/fixtures', spec.fixture);
  if (existsSync(sources)) cpSync(sources, dir, { recursive: true });
  else mkdirSync(dir, { recursive: true });
  const all = Object.fromEntries([...tarballs].map(([name, path]) => [name, `file:${path}`]));
  const direct = Object.fromEntries(spec.feedkit.map((name) => [name, all[name]!]));
  const overrides = Object.fromEntries(
    Object.keys(all).map((name) => [name, direct[name] ? `$${name}` : all[name]!]),
  );
  const manifest = {
    name: `feedkit-consumer-${spec.fixture}`,
    private: true,
    type: spec.type,
    scripts: spec.scripts,
    dependencies: {
      ...direct,
      ...Object.fromEntries(spec.thirdParty.map((name) => [name, workspaceRange(name)])),
    },
    overrides,
  };
  writeFileSync(join(dir, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  const install = await run('npm', ['install', '--no-audit', '--no-fund', '--loglevel=warn'], {
    cwd: dir,
  });
  if (install.code !== 0) throw new Error(describeRun(`npm install in ${dir}`, install));
  return { dir, install };
}
