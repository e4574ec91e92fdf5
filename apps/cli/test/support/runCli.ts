import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** The published binary, compiled by tsup (the test task builds first). */
export const binPath = fileURLToPath(new URL('../../dist/feedkit.js', import.meta.url));

/** One output stream of the CLI, as lines, with a way to await the line you expect. */
export class Lines {
  readonly all: string[] = [];
  private partial = '';
  private waiters: { test: (line: string) => boolean; resolve: () => void }[] = [];

  push(chunk: string): void {
    const parts = (this.partial + chunk).split('\n');
    this.partial = parts.pop() ?? '';
    for (const line of parts) {
      this.all.push(line);
      for (const waiter of [...this.waiters]) {
        if (waiter.test(line)) {
          this.waiters.splice(this.waiters.indexOf(waiter), 1);
          waiter.resolve();
        }
      }
    }
  }

  /** Index of the first line from `from` on that matches; waits for it if it has not come yet. */
  indexOf(pattern: RegExp, from = 0): Promise<number> {
    const seen = this.all.findIndex((line, i) => i >= from && pattern.test(line));
    if (seen >= 0) return Promise.resolve(seen);
    return new Promise((resolve) =>
      this.waiters.push({
        test: (line) => pattern.test(line),
        resolve: () => resolve(this.all.length - 1),
      }),
    );
  }

  /** The first line from index `from` on that matches; waits for it if it has not come yet. */
  async next(pattern: RegExp, from = 0): Promise<string> {
    return this.all[await this.indexOf(pattern, from)]!;
  }

  get text(): string {
    return this.all.join('\n') + this.partial;
  }
}

export interface RunningCli {
  readonly child: ChildProcess;
  readonly stdout: Lines;
  readonly stderr: Lines;
  /** Resolves with the exit code (signals count as 128 + n). */
  readonly exited: Promise<number>;
}

/** Starts the real `feedkit` binary as a child process, without colour. */
export function runCli(
  args: readonly string[],
  env: Readonly<Record<string, string>> = {},
): RunningCli {
  const child = spawn(process.execPath, [binPath, ...args], {
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const stdout = new Lines();
  const stderr = new Lines();
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => stdout.push(chunk));
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => stderr.push(chunk));
  const exited = new Promise<number>((resolve) =>
    child.on('close', (code, signal) => resolve(code ?? 128 + (signal === 'SIGINT' ? 2 : 15))),
  );
  return { child, stdout, stderr, exited };
}
