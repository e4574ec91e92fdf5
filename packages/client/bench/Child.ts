/**
 * A bench helper process (servers or client swarms), forked through tsx
 * with the same `@feedkit/source` condition, so that its work runs on its
 * own event loop and is not billed to what is being measured.
 */
import { type ChildProcess, fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export class Child<Report extends object> {
  readonly #process: ChildProcess;
  readonly #waiters: ((report: Report) => boolean)[] = [];
  /** Reports nobody waited for (e.g. a server's "sent" notice). */
  readonly unclaimed: Report[] = [];

  constructor(script: string, execArgv: readonly string[] = []) {
    this.#process = fork(fileURLToPath(new URL(script, import.meta.url)), [], {
      execArgv: ['--import', 'tsx', '--conditions=@feedkit/source', ...execArgv],
    });
    this.#process.on('message', (report: Report) => {
      const index = this.#waiters.findIndex((waiter) => waiter(report));
      if (index >= 0) this.#waiters.splice(index, 1);
      else this.unclaimed.push(report);
    });
  }

  /** Sends `command` (if any) and resolves with the first report that has `key`. */
  request<K extends string>(
    command: object | undefined,
    key: K,
  ): Promise<Extract<Report, Record<K, unknown>>> {
    return new Promise((resolve) => {
      const found = this.unclaimed.findIndex((report) => key in report);
      if (found >= 0) {
        resolve(this.unclaimed.splice(found, 1)[0] as Extract<Report, Record<K, unknown>>);
      } else {
        this.#waiters.push((report) => {
          if (!(key in report)) return false;
          resolve(report as Extract<Report, Record<K, unknown>>);
          return true;
        });
      }
      if (command !== undefined) this.#process.send(command);
    });
  }

  kill(): void {
    this.#process.kill();
  }
}
