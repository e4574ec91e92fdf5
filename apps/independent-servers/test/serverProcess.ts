import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';

/** One server process; `restart()` kills it and starts it again on the same port. */
export interface ServerProcess {
  readonly port: number;
  readonly wsUrl: string;
  readonly httpUrl: string;
  /** SIGKILL by default, as a crash: no close frames reach the clients. SIGTERM asks for a clean shutdown. */
  kill(signal?: 'SIGKILL' | 'SIGTERM'): Promise<void>;
  /** Start again on the same port (after `kill`). */
  start(): Promise<void>;
  /** Kill and start on the same port. */
  restart(): Promise<void>;
  /** SIGKILL and wait; safe to call twice. */
  stop(): Promise<void>;
}

/** How to run one server: `args(port)` must make it print `{"port": N}` as its first stdout line once listening. */
export interface ServerCommand {
  /** Names the server in errors (`takhin.py`, `go/takhin`). */
  readonly label: string;
  readonly command: string;
  readonly args: (port: number) => readonly string[];
  readonly cwd: string;
  /** The process's environment (a Go server's `TZ`); the test's own by default. */
  readonly env?: NodeJS.ProcessEnv;
}

async function launch(
  { label, command, args, cwd, env }: ServerCommand,
  port: number,
): Promise<{ child: ChildProcess; port: number }> {
  const child = spawn(command, args(port), { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
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
            new Error(`${label} printed ${JSON.stringify(line)}, not its port`, { cause: error }),
          );
        }
      }
    };
    child.stdout?.on('data', onData);
    child.once('exit', (code) =>
      reject(new Error(`${label} exited with ${code} before printing its port:\n${stderr}`)),
    );
    child.once('error', reject);
  });
  return { child, port: bound };
}

/** Starts the server on port 0 and keeps that port for every later `start()`. */
export async function startServerProcess(command: ServerCommand): Promise<ServerProcess> {
  let { child, port } = await launch(command, 0);
  const kill = async (signal: 'SIGKILL' | 'SIGTERM' = 'SIGKILL') => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = once(child, 'exit');
    child.kill(signal);
    await exited;
  };
  const start = async () => {
    ({ child } = await launch(command, port));
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
