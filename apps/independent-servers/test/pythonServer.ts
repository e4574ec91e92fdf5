import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { type ServerCommand, type ServerProcess, startServerProcess } from './serverProcess';

/** The Debian python3 with python3-aiohttp; the PATH python3 may be a build without it. */
export const PYTHON = process.env.FEEDKIT_PYTHON ?? '/usr/bin/python3';

export type SystemServer = 'veloflux' | 'plataforma_e' | 'helios' | 'active_immune_core' | 'takhin';

/** Every documented cadence divided by this, so a 5 s status comes every 0.25 s. */
export const SPEED = 20;

const serversDir = fileURLToPath(new URL('../servers/', import.meta.url));

const checked = new Set<string>();

/**
 * Fails loudly (never skips) when the interpreter or one of `modules` is missing.
 * `debian` names the packages that provide them.
 */
export function requirePythonModules(modules: readonly string[], debian: string): void {
  const key = modules.join(', ');
  if (checked.has(key)) return;
  const probe = spawnSync(PYTHON, ['-c', `import ${key}`], { encoding: 'utf8' });
  if (probe.error !== undefined || probe.status !== 0) {
    throw new Error(
      `The independent servers need ${PYTHON} with ${modules.join(' and ')} (Debian: apt-get install ${debian}; ` +
        `or set FEEDKIT_PYTHON to an interpreter that has it). ` +
        `Probe said: ${probe.error?.message ?? probe.stderr.trim()}`,
    );
  }
  checked.add(key);
}

/** `<dir><script>.py --port N --speed SPEED ...args` run by PYTHON in `dir` (a later `--speed` wins). */
export function pythonScript(dir: string, script: string, args: readonly string[]): ServerCommand {
  return {
    label: `${script}.py`,
    command: PYTHON,
    args: (port) => [
      '-B',
      `${dir}${script}.py`,
      '--port',
      String(port),
      '--speed',
      String(SPEED),
      ...args,
    ],
    cwd: dir,
  };
}

/** One Python server process. SIGTERM shuts it down cleanly (close 1001). */
export type PythonServer = ServerProcess;

export async function startPythonServer(
  system: SystemServer,
  args: readonly string[] = [],
): Promise<PythonServer> {
  requirePythonModules(['aiohttp'], 'python3-aiohttp');
  return startServerProcess(pythonScript(serversDir, system, args));
}
