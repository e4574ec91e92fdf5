import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describeRun, run } from './run';

/** The repository root. */
export const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));

/**
 * The CLI is packed even while it is private: `@feedkit/cli` is being made
 * publishable, and the check of its installed bin must not wait for that.
 */
const ALWAYS_PACKED = new Set(['@feedkit/cli']);

export interface WorkspacePackage {
  readonly name: string;
  readonly dir: string;
  readonly private: boolean;
}

/** Every workspace package that users install: not private, or always packed. */
export function publishedPackages(): WorkspacePackage[] {
  const found: WorkspacePackage[] = [];
  for (const group of ['packages', 'apps']) {
    for (const entry of readdirSync(join(repoRoot, group), { withFileTypes: true })) {
      if (!entry.isDirectory()) continue;
      const dir = join(repoRoot, group, entry.name);
      let manifest: { name: string; private?: boolean };
      try {
        manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
      } catch {
        continue;
      }
      if (!manifest.private || ALWAYS_PACKED.has(manifest.name)) {
        found.push({ name: manifest.name, dir, private: manifest.private === true });
      }
    }
  }
  return found;
}

/**
 * `pnpm pack` of every published package into `destination` (pnpm turns
 * `workspace:*` into real versions, as `pnpm publish` would).
 * @returns package name -> absolute tarball path
 */
export async function packWorkspace(destination: string): Promise<Map<string, string>> {
  const tarballs = new Map<string, string>();
  for (const pkg of publishedPackages()) {
    const result = await run('pnpm', ['pack', '--pack-destination', destination], {
      cwd: pkg.dir,
    });
    const tarball = result.stdout
      .trim()
      .split('\n')
      .reverse()
      .find((line) => line.trim().endsWith('.tgz'));
    if (result.code !== 0 || !tarball)
      throw new Error(describeRun(`pnpm pack (${pkg.name})`, result));
    const path = tarball.trim();
    tarballs.set(pkg.name, path.startsWith('/') ? path : join(destination, path));
  }
  return tarballs;
}
