import { type ChildProcess, spawn } from 'node:child_process';
import { connect } from 'node:net';

/** How long nginx or haproxy may take to accept connections after it was started. */
const READY_TIMEOUT_MS = 10_000;

/**
 * A reverse proxy (nginx, haproxy) run in the foreground as a child process,
 * ready once its port accepts a TCP connection. `stop()` ends it (SIGTERM,
 * then SIGKILL) and resolves when it has exited, so no test leaves one behind.
 */
export class ProxyProcess {
  private readonly exited: Promise<void>;
  private output = '';

  private constructor(
    readonly name: string,
    private readonly child: ChildProcess,
    /** The port it listens on. */
    readonly port: number,
  ) {
    child.stdout?.on('data', (chunk: Buffer) => this.record(chunk));
    child.stderr?.on('data', (chunk: Buffer) => this.record(chunk));
    this.exited = new Promise((resolve) => {
      child.once('exit', () => resolve());
      // Not installed (ENOENT): say so instead of an unhandled 'error' event.
      child.once('error', (error) => {
        this.output += `${name} could not be started: ${error.message} (is it installed?)\n`;
        resolve();
      });
    });
  }

  /** Starts `command args` and resolves when `port` accepts connections; rejects with its output if it exits first. */
  static async start(
    name: string,
    command: string,
    args: readonly string[],
    port: number,
  ): Promise<ProxyProcess> {
    const child = spawn(command, args, {
      stdio: ['ignore', 'pipe', 'pipe'],
      // Debian installs nginx and haproxy in sbin, which a non-root PATH may lack.
      env: { ...process.env, PATH: `${process.env.PATH ?? ''}:/usr/local/sbin:/usr/sbin:/sbin` },
    });
    const proxy = new ProxyProcess(name, child, port);
    try {
      await proxy.ready();
    } catch (error) {
      await proxy.stop();
      throw error;
    }
    return proxy;
  }

  /** What the process printed (its configuration errors), for failure messages. */
  get log(): string {
    return this.output;
  }

  async stop(): Promise<void> {
    if (this.child.exitCode === null && this.child.signalCode === null) {
      this.child.kill('SIGTERM');
      const timer = setTimeout(() => this.child.kill('SIGKILL'), 3000);
      await this.exited;
      clearTimeout(timer);
    }
  }

  private record(chunk: Buffer): void {
    // The tail is enough to show why it did not start.
    this.output = (this.output + chunk.toString()).slice(-4000);
  }

  private async ready(): Promise<void> {
    const deadline = Date.now() + READY_TIMEOUT_MS;
    let exited = false;
    void this.exited.then(() => {
      exited = true;
    });
    while (!(await accepts(this.port))) {
      if (exited) throw new Error(`${this.name} exited before it listened:\n${this.output}`);
      if (Date.now() > deadline)
        throw new Error(
          `${this.name} did not listen on ${this.port} within ${READY_TIMEOUT_MS} ms:\n${this.output}`,
        );
      // Readiness of another process has no event to await: poll its port.
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }
}

function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}
