import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type ReferenceServer, startReferenceServer } from '@feedkit/reference-server';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { closedPort } from './support/closedPort';
import { binPath, type RunningCli, runCli } from './support/runCli';

/** `HH:MM:SS.mmm  <type padded>  <summary>` */
const humanLine = (type: string) => new RegExp(`^\\d\\d:\\d\\d:\\d\\d\\.\\d{3}  ${type} +\\S`);

let server: ReferenceServer;
const running: RunningCli[] = [];
const cli = (...args: string[]) => {
  const run = runCli(args);
  running.push(run);
  return run;
};

/** Ctrl-C, then the exit code. */
async function interrupt(run: RunningCli): Promise<number> {
  run.child.kill('SIGINT');
  return run.exited;
}

beforeAll(async () => {
  server = await startReferenceServer({ timeScale: 0.1, seed: 11, onError: () => {} });
});
afterEach(() => {
  for (const run of running.splice(0)) if (run.child.exitCode === null) run.child.kill('SIGKILL');
});
afterAll(() => server.stop());

describe('feedkit tail (the real binary)', () => {
  it('prints aligned human-readable lines and closes cleanly on Ctrl-C', async () => {
    const run = cli('tail', 'takhin', 'metrics', '--url', server.url);
    await run.stderr.next(/^open ws:\/\/127\.0\.0\.1:\d+\/api\/monitoring\/ws/);
    const firstAt = await run.stdout.indexOf(humanLine('metrics'));
    await run.stdout.indexOf(humanLine('metrics'), firstAt + 1);
    const first = run.stdout.all[firstAt]!;
    expect(first).toMatch(
      /produce [\d.]+\/s {2}fetch [\d.]+\/s {2}p99 [\d.]+\/[\d.]+ ms {2}topics \d+ {2}lag \d+$/,
    );
    expect(await interrupt(run)).toBe(0);
    expect(run.stderr.text).not.toMatch(/Error|feedkit:/);
  });

  it.each([
    ['veloflux', ['backends'], 'backend_status'],
    ['plataforma-e', ['logs', '--level', 'debug'], 'log_message'],
    ['helios', ['status', '--user', 'admin', '--password', 'admin123'], 'status'],
    ['active-immune-core', ['room', '--room', 'agents'], 'agent_\\w+'],
  ])('tails %s %j', async (system, args, type) => {
    const run = cli('tail', system, ...args, '--url', server.url);
    await run.stdout.next(humanLine(type));
    expect(await interrupt(run)).toBe(0);
  });

  it('prints one JSON object per line with --json', async () => {
    const run = cli('tail', 'veloflux', 'backends', '--json', '--url', server.url);
    await run.stdout.next(/./);
    await run.stdout.next(/./, 1);
    const [a, b] = run.stdout.all.slice(0, 2).map((line) => JSON.parse(line));
    for (const message of [a, b]) {
      expect(message.type).toBe('backend_status');
      expect(Array.isArray(message.backends)).toBe(true);
    }
    expect(await interrupt(run)).toBe(0);
    // Nothing but JSON on stdout: state lines go to stderr.
    for (const line of run.stdout.all) expect(() => JSON.parse(line)).not.toThrow();
  });

  it('shows the reconnect on stderr and keeps printing after a server restart', async () => {
    const run = cli('tail', 'takhin', 'metrics', '--url', server.url);
    await run.stdout.next(humanLine('metrics'));
    const errFrom = run.stderr.all.length;
    await server.restart();
    const reconnectingAt = await run.stderr.indexOf(
      /^reconnecting( in \d+ s)?, attempt 1/,
      errFrom,
    );
    expect(await run.stderr.indexOf(/^open /, errFrom)).toBeGreaterThan(reconnectingAt);
    // One line per retry: the reconnecting line names the attempt; no separate 'connecting' line.
    expect(run.stderr.all.slice(errFrom).filter((line) => line.startsWith('connecting'))).toEqual(
      [],
    );
    const outFrom = run.stdout.all.length;
    await run.stdout.next(humanLine('metrics'), outFrom);
    expect(await interrupt(run)).toBe(0);
  });

  it('exits 3 with a clear message when Helios refuses the password', async () => {
    const run = cli(
      'tail',
      'helios',
      'status',
      '--user',
      'admin',
      '--password',
      'wrong',
      '--url',
      server.url,
    );
    expect(await run.exited).toBe(3);
    expect(run.stderr.text).toMatch(
      /feedkit: helios refused the credentials: .+\n {2}check --user and the password/,
    );
    expect(run.stdout.text).toBe('');
  });

  it('exits 2 before connecting when Helios gets no credentials, naming what to pass', async () => {
    const run = cli('tail', 'helios', 'status', '--url', server.url);
    expect(await run.exited).toBe(2);
    expect(run.stderr.text).toMatch(
      /helios needs credentials: --user <name> with FEEDKIT_PASSWORD \(or --password-file <path>\), or a token in FEEDKIT_TOKEN/,
    );
  });

  it('takes secrets from the environment and from files, and never prints them', async () => {
    const token = server.system('helios').issueToken('admin');
    const fromEnv = runCli(['tail', 'helios', 'status', '--json', '--url', server.url], {
      FEEDKIT_TOKEN: token,
    });
    running.push(fromEnv);
    await fromEnv.stdout.next(/"type":"status"/);
    expect(await interrupt(fromEnv)).toBe(0);
    expect(fromEnv.stderr.text).not.toContain('command line');

    const dir = mkdtempSync(join(tmpdir(), 'feedkit-cli-'));
    writeFileSync(join(dir, 'password'), 'admin123\n');
    const fromFile = cli(
      'tail',
      'helios',
      'status',
      '--user',
      'admin',
      '--password-file',
      join(dir, 'password'),
      '--url',
      server.url,
    );
    await fromFile.stdout.next(humanLine('status'));
    expect(await interrupt(fromFile)).toBe(0);
    for (const run of [fromEnv, fromFile]) {
      expect(run.stdout.text + run.stderr.text).not.toContain(token);
      expect(run.stdout.text + run.stderr.text).not.toContain('admin123');
    }
  });

  it('warns that a secret on the command line is visible, and still works', async () => {
    const run = cli(
      'tail',
      'helios',
      'status',
      '--user',
      'admin',
      '--password',
      'admin123',
      '--url',
      server.url,
    );
    await run.stdout.next(humanLine('status'));
    expect(await interrupt(run)).toBe(0);
    expect(run.stderr.text).toMatch(
      /--password on the command line is visible to ps and shell history; prefer FEEDKIT_PASSWORD/,
    );
  });

  it('accepts --url without a scheme', async () => {
    const run = cli('tail', 'takhin', 'metrics', '--url', `localhost:${server.port}`);
    await run.stdout.next(humanLine('metrics'));
    expect(await interrupt(run)).toBe(0);
  });

  it('exits 2 on a URL that is not one', async () => {
    const run = cli('tail', 'takhin', 'metrics', '--url', 'ftp://x');
    expect(await run.exited).toBe(2);
    expect(run.stderr.text).toMatch(/feedkit: .*scheme 'ftp:'/);
  });

  it('ends quietly when the reader of --json goes away (| head)', async () => {
    const shell = spawn(
      'sh',
      ['-c', `node "${binPath}" tail takhin metrics --json --url ${server.url} | head -n 2`],
      {
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let out = '';
    let err = '';
    shell.stdout.on('data', (chunk) => {
      out += chunk;
    });
    shell.stderr.on('data', (chunk) => {
      err += chunk;
    });
    const code = await new Promise((resolve) => shell.on('close', resolve));
    expect(code).toBe(0);
    expect(out.trim().split('\n')).toHaveLength(2);
    expect(err).not.toMatch(/EPIPE|Error|at /);
  });

  it('exits 1 when nothing listens at the URL', async () => {
    const port = await closedPort();
    const run = cli('tail', 'veloflux', 'metrics', '--url', `http://127.0.0.1:${port}`);
    expect(await run.exited).toBe(1);
    expect(run.stderr.text).toMatch(
      /feedkit: cannot connect to ws:\/\/127\.0\.0\.1:\d+\/api\/ws\/metrics: 127\.0\.0\.1:\d+: connection refused: nothing listens on that port \(ECONNREFUSED\)/,
    );
  });

  it("exits 1 on a URL that holds the feed's path, saying the host answers and what --url is", async () => {
    const run = cli('tail', 'takhin', 'metrics', '--url', `${server.url}/api/monitoring/ws`);
    expect(await run.exited).toBe(1);
    // The server's own words (its 404 body) may come between the status and the advice.
    expect(run.stderr.text).toMatch(/HTTP 404: .*nothing serves this socket at that path/);
    expect(run.stderr.text).toMatch(
      /feedkit: cannot connect to .*\/api\/monitoring\/ws\/api\/monitoring\/ws: upgrade refused: HTTP 404: no WebSocket endpoint at \S+ \(the host answers: check that --url is the server's base address and that it runs takhin\)/,
    );
  });

  it('exits 2 with usage for an unknown feed', async () => {
    const run = cli('tail', 'takhin', 'nope');
    expect(await run.exited).toBe(2);
    expect(run.stderr.text).toContain("takhin has no feed 'nope'");
  });
});
