import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';

/** One server process; `restart()` kills it and starts it again on the same port. */
export interface ServerProcess {
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

/** How to start the server on a port (0: a free one); it prints `{"port": N, ...}` as its first stdout line. */
export interface ServerCommand {
  /** Names the server in errors (`takhin.py`, `go/takhin`). */
  readonly label: string;
  readonly file: string;
  args(port: number): string[];
  readonly cwd: string;
  readonly env?: NodeJS.ProcessEnv;
}

async function launch(
  command: ServerCommand,
  port: number,
): Promise<{ child: ChildProcess; port: number }> {
  const { label } = command;
  const child = spawn(command.file, command.args(port), {
    cwd: command.cwd,
    env: command.env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
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
            new Error(`${label} printed ${JSON.stringify(line)}, not its port`, {
              cause: error,
            }),
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
