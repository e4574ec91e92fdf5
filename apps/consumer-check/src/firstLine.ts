import { spawn } from 'node:child_process';

/**
 * Starts a long-running command (a `tail`), resolves with the first line it
 * prints on stdout and stops it. Rejects with its stderr if it exits first.
 */
export function firstLine(
  command: string,
  args: readonly string[],
  options: { readonly cwd: string },
): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: options.cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk;
    });
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk;
      const end = stdout.indexOf('\n');
      if (end >= 0) {
        child.kill('SIGTERM');
        resolve(stdout.slice(0, end));
      }
    });
    child.on('error', reject);
    child.on('close', (code) =>
      reject(new Error(`${command} exited ${code} before a line\n${stderr}`)),
    );
  });
}
