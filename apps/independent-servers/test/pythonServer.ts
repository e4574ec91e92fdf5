import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';

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

/** One Python server process; `restart()` kills it and starts it again on the same port. */
export interface PythonServer {
  readonly port: number;
  readonly wsUrl: string;
  readonly httpUrl: string;
  /** SIGKILL by default, as a crash: no close frames reach the clients. SIGTERM shuts down cleanly (close 1001). */
  kill(signal?: 'SIGKILL' | 'SIGTERM'): Promise<void>;
  /** Start again on the same port (after `kill`). */
  start(): Promise<void>;
  /** Kill and start on the same port. */
  restart(): Promise<void>;
  /** SIGKILL and wait; safe to call twice. */
  stop(): Promise<void>;
}

async function launch(
  system: SystemServer,
  port: number,
  args: readonly string[],
): Promise<{ child: ChildProcess; port: number }> {
  const child = spawn(
    PYTHON,
    ['-B', `${serversDir}${system}.py`, '--port', String(port), '--speed', String(SPEED), ...args],
    { cwd: serversDir, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const bound = await new Promise<number>((resolve, reject) => {
    let stdout = '';
    const onData = (chunk: Buffer) => {
      stdout += chunk.toString();
      const line = stdout.split('\n')[0];
      if (stdout.includes('\n') && line !== undefined) {
        child.stdout?.off('data', onData);
        try {
          resolve((JSON.parse(line) as { port: number }).port);
        } catch (error) {
          reject(
            new Error(`${system}.py printed ${JSON.stringify(line)}, not its port`, {
              cause: error,
            }),
          );
        }
      }
    };
    child.stdout?.on('data', onData);
    child.once('exit', (code) =>
      reject(new Error(`${system}.py exited with ${code} before printing its port:\n${stderr}`)),
    );
    child.once('error', reject);
  });
  return { child, port: bound };
}

export async function startPythonServer(
  system: SystemServer,
  args: readonly string[] = [],
): Promise<PythonServer> {
  requirePythonWithAiohttp();
  let { child, port } = await launch(system, 0, args);
  const kill = async (signal: 'SIGKILL' | 'SIGTERM' = 'SIGKILL') => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = once(child, 'exit');
    child.kill(signal);
    await exited;
  };
  const start = async () => {
    ({ child } = await launch(system, port, args));
  };
  return {
    port,
    wsUrl: `ws://127.0.0.1:${port}`,
    httpUrl: `http://127.0.0.1:${port}`,
    kill,
    start,
    restart: async () => {
      await kill();
      await start();
    },
    stop: () => kill(),
  };
}
