import { type ChildProcess, spawn } from 'node:child_process';
import { createServer, type Server } from 'node:net';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { choosePort } from '../scripts/choosePort';
import { isPortFree } from '../scripts/isPortFree';
import { quietProxyLogger } from '../scripts/quietProxyLogger';

const dashboardDir = fileURLToPath(new URL('..', import.meta.url));
/** A line of a Node stack trace. */
const STACK_LINE = /^\s+at .+[:(]/m;

describe('choosePort', () => {
  const free =
    (...busy: number[]) =>
    async (port: number) =>
      !busy.includes(port);

  it.each([
    [{ value: undefined }, free(), { kind: 'use', port: 8080 }],
    [{ value: '' }, free(), { kind: 'use', port: 8080 }],
    [{ value: '9000' }, free(), { kind: 'use', port: 9000 }],
    [{ value: '0' }, free(0), { kind: 'use', port: 0 }],
    [
      { value: undefined },
      free(8080),
      {
        kind: 'use',
        port: 0,
        note: 'port 8080 is in use, so a free port is used instead (set PORT to choose one)',
      },
    ],
    [
      { value: '9000' },
      free(9000),
      {
        kind: 'refuse',
        message:
          'port 9000 (PORT) is in use by another program: stop it, or choose another port, e.g. PORT=9001 pnpm demo',
      },
    ],
    [
      { value: 'eighty' },
      free(),
      { kind: 'refuse', message: 'PORT=eighty is not a port number (0-65535).' },
    ],
  ])('PORT=%j', async ({ value }, isFree, expected) => {
    expect(await choosePort({ variable: 'PORT', value, fallback: 8080 }, isFree)).toEqual(expected);
  });
});

describe('quietProxyLogger', () => {
  it('turns a proxy error with its stack into one line naming the cause', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const failure = Object.assign(new Error('write EPIPE'), { code: 'EPIPE' });
    const logger = quietProxyLogger('warn');
    logger.error(`\x1b[31mws proxy socket error:\x1b[39m\n${failure.stack}`, { error: failure });
    logger.error('\x1b[31mhttp proxy error: /api/ws/metrics\x1b[39m\nError: connect ECONNREFUSED', {
      error: Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }),
    });
    logger.error('Build failed', {});
    const lines = warn.mock.calls.map(([line]) => String(line));
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/ws proxy socket error: EPIPE \(is the reference server down\?\)$/);
    expect(lines[1]).toMatch(/http proxy error: \/api\/ws\/metrics ECONNREFUSED/);
    for (const line of lines) expect(line).not.toContain('\n');
    expect(error.mock.calls.map(([line]) => String(line))).toEqual([
      expect.stringContaining('Build failed'),
    ]);
    warn.mockRestore();
    error.mockRestore();
  });
});

/** `pnpm demo`, as a user runs it, in its own process group (as a terminal would). */
function startDemo(env: Record<string, string>): ChildProcess & { output: () => string } {
  const child = spawn('pnpm', ['run', '--silent', 'demo'], {
    cwd: dashboardDir,
    env: { ...process.env, ...env, FORCE_COLOR: '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => {
    output += chunk;
  });
  child.stderr!.on('data', (chunk: Buffer) => {
    output += chunk;
  });
  return Object.assign(child, { output: () => output });
}

const exited = (child: ChildProcess) =>
  new Promise<number | null>((resolve) => {
    if (child.exitCode !== null) resolve(child.exitCode);
    else child.once('exit', (code) => resolve(code));
  });

/** Resolves when the output matches; rejects with the output if the process ends first. */
function waitForOutput(
  child: ReturnType<typeof startDemo>,
  pattern: RegExp,
): Promise<RegExpMatchArray> {
  return new Promise((resolve, reject) => {
    const check = () => {
      const match = child.output().match(pattern);
      if (match) {
        child.stdout!.off('data', check);
        resolve(match);
      }
    };
    child.stdout!.on('data', check);
    child.once('exit', () =>
      reject(new Error(`demo exited before ${pattern}:\n${child.output()}`)),
    );
    check();
  });
}

describe('pnpm demo', () => {
  let holder: Server | undefined;
  afterEach(async () => {
    await new Promise((resolve) => (holder ? holder.close(resolve) : resolve(undefined)));
    holder = undefined;
  });

  /** Listens on a free port, as another program would, and returns it. */
  async function occupyPort(): Promise<number> {
    holder = createServer();
    await new Promise<void>((resolve) => holder!.listen(0, '127.0.0.1', resolve));
    return (holder.address() as { port: number }).port;
  }

  it.each(['PORT', 'DASHBOARD_PORT'])(
    'with %s on a busy port: a one-line hint naming the variable, no stack trace',
    async (variable) => {
      const busy = await occupyPort();
      const demo = startDemo({ PORT: '0', DASHBOARD_PORT: '0', [variable]: String(busy) });
      const code = await exited(demo);
      const output = demo.output();
      expect(code).not.toBe(0);
      expect(output).toContain(
        `feedkit demo: port ${busy} (${variable}) is in use by another program: stop it, or choose another port, e.g. ${variable}=${busy + 1} pnpm demo`,
      );
      expect(output).not.toMatch(STACK_LINE);
      expect(output).not.toContain('building the dashboard');
    },
  );

  it('Ctrl-C stops the server and the page and leaves nothing running', async () => {
    const demo = startDemo({ PORT: '0', DASHBOARD_PORT: '0' });
    try {
      const [, pageUrl] = await waitForOutput(demo, /Dashboard: +(http:\S+)/);
      const [, serverUrl] = await waitForOutput(demo, /--url (http:\S+)/);
      expect((await fetch(pageUrl!)).status).toBe(200);
      const ports = [pageUrl!, serverUrl!].map((url) => Number(new URL(url).port));

      process.kill(-demo.pid!, 'SIGINT'); // what a terminal's Ctrl-C does: the whole group
      await exited(demo);
      expect(demo.output()).toContain('stopped: the server and the page are closed.');
      expect(demo.output()).not.toMatch(STACK_LINE);
      for (const port of ports) expect(await isPortFree(port)).toBe(true);
      expect(() => process.kill(-demo.pid!, 0)).toThrow(); // no process of the group is left
    } finally {
      // pnpm may end by the signal itself (exitCode null, signalCode SIGINT): nothing is left to kill.
      if (demo.exitCode === null && demo.signalCode === null) killGroup(demo.pid!);
    }
  });
});

/** SIGKILL to a process group that may have ended meanwhile (ESRCH is that, not a failure). */
function killGroup(pid: number): void {
  try {
    process.kill(-pid, 'SIGKILL');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ESRCH') throw error;
  }
}
