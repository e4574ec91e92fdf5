import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { type ServerProcess, startServerProcess } from './serverProcess';

/** The Debian python3 with python3-aiohttp; the PATH python3 may be a build without it. */
export const PYTHON = process.env.FEEDKIT_PYTHON ?? '/usr/bin/python3';

export type SystemServer = 'veloflux' | 'plataforma_e' | 'helios' | 'active_immune_core' | 'takhin';

/** Every documented cadence divided by this, so a 5 s status comes every 0.25 s. */
export const SPEED = 20;

const serversDir = fileURLToPath(new URL('../servers/', import.meta.url));

let checked = false;

/** Fails loudly (never skips) when the interpreter or aiohttp is missing. */
export function requirePythonWithAiohttp(): void {
  if (checked) return;
  const probe = spawnSync(PYTHON, ['-c', 'import aiohttp; print(aiohttp.__version__)'], {
    encoding: 'utf8',
  });
  if (probe.error !== undefined || probe.status !== 0) {
    throw new Error(
      `The independent servers need ${PYTHON} with aiohttp (Debian: apt-get install python3-aiohttp; ` +
        `or set FEEDKIT_PYTHON to an interpreter that has it). ` +
        `Probe said: ${probe.error?.message ?? probe.stderr.trim()}`,
    );
  }
  checked = true;
}

/** One Python server process (see `ServerProcess`). */
export type PythonServer = ServerProcess;

export async function startPythonServer(
  system: SystemServer,
  args: readonly string[] = [],
): Promise<PythonServer> {
  requirePythonWithAiohttp();
  return startServerProcess({
    label: `${system}.py`,
    file: PYTHON,
    args: (port) => [
      '-B',
      `${serversDir}${system}.py`,
      '--port',
      String(port),
      '--speed',
      String(SPEED),
      ...args,
    ],
    cwd: serversDir,
  });
}
