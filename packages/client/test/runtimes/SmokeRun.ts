import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import process from 'node:process';
import { createInterface } from 'node:readline';
import { RUNTIMES_DIR, type SmokeRuntime } from './smokeRuntimes';

/** One line the probe reported (`smoke.mjs`): its step and the facts it saw. */
export interface SmokeLine {
  readonly step: string;
  readonly [fact: string]: unknown;
}

/** How the probe is configured (read by `smoke.mjs` from `FEEDKIT_SMOKE`). */
export interface SmokeConfig {
  readonly runtime: string;
  readonly socket: 'default' | 'native';
  readonly url: string;
  readonly takhinApiKey: string;
  readonly clientId: string;
  /** Refused credentials, distinctive so the test can prove they leak nowhere. */
  readonly badPassword: string;
  readonly badToken: string;
}

/** Longer than the probe's own waits, shorter than vitest's test timeout. */
const STEP_TIMEOUT_MS = 18_000;

/**
 * `smoke.mjs` running in a child process of one runtime. Its JSON lines are
 * read in order; `next(step)` takes the next line of that step. A crash or an
 * early exit fails every wait at once with the probe's stderr, so a broken
 * runtime reads as what broke, never as a timeout.
 */
export class SmokeRun {
  readonly #child: ChildProcess;
  readonly #lines: SmokeLine[] = [];
  readonly #waiters = new Set<() => void>();
  #stderr = '';
  #ended: string | undefined;
  readonly exited: Promise<number | null>;

  constructor(runtime: SmokeRuntime, config: SmokeConfig) {
    const [bin, ...args] = runtime.command(join(RUNTIMES_DIR, 'smoke.mjs'));
    this.#child = spawn(bin as string, args, {
      cwd: RUNTIMES_DIR,
      env: { ...process.env, ...runtime.env, FEEDKIT_SMOKE: JSON.stringify(config) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.#child.stderr?.on('data', (chunk: Buffer) => {
      this.#stderr = (this.#stderr + chunk.toString()).slice(-4000);
    });
    createInterface({ input: this.#child.stdout! }).on('line', (text) => {
      try {
        this.#lines.push(JSON.parse(text) as SmokeLine);
      } catch {
        this.#stderr += `\n(stdout, not JSON) ${text}`;
      }
      this.#wake();
    });
    this.exited = new Promise((resolve) => {
      this.#child.on('error', (error) => {
        this.#end(`could not start ${bin}: ${error.message}`);
        resolve(null);
      });
      this.#child.on('close', (code, signal) => {
        this.#end(`exited with ${signal ?? `code ${code}`}`);
        resolve(code);
      });
    });
  }

  /** Everything the probe wrote to stderr (its last 4000 characters). */
  get stderr(): string {
    return this.#stderr;
  }

  /** The next line of `step` not taken yet. */
  next(step: string): Promise<SmokeLine> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => fail(`no '${step}' within ${STEP_TIMEOUT_MS} ms`),
        STEP_TIMEOUT_MS,
      );
      const fail = (why: string) => {
        this.#waiters.delete(check);
        clearTimeout(timer);
        reject(new Error(`smoke probe: ${why}\nstderr: ${this.#stderr || '(empty)'}`));
      };
      const check = () => {
        const crash = this.#lines.find((l) => l.step === 'crash');
        if (crash) return fail(`crashed: ${JSON.stringify(crash)}`);
        const index = this.#lines.findIndex((l) => l.step === step);
        if (index >= 0) {
          this.#waiters.delete(check);
          clearTimeout(timer);
          resolve(this.#lines.splice(index, 1)[0] as SmokeLine);
        } else if (this.#ended !== undefined) {
          fail(`${this.#ended} before '${step}'`);
        }
      };
      this.#waiters.add(check);
      check();
    });
  }

  /** Ends the probe if it is still running (after a failed test). */
  kill(): void {
    if (this.#child.exitCode === null && this.#child.signalCode === null) this.#child.kill();
  }

  #end(why: string): void {
    this.#ended ??= why;
    this.#wake();
  }

  #wake(): void {
    for (const check of [...this.#waiters]) check();
  }
}
