import { type ReferenceServer, startReferenceServer } from '@feedkit/reference-server';
import { afterEach, describe, expect, it } from 'vitest';
import { closedPort } from './support/closedPort';
import { runCli } from './support/runCli';

let server: ReferenceServer | undefined;
afterEach(async () => {
  await server?.stop();
  server = undefined;
});

async function start(options: Parameters<typeof startReferenceServer>[0] = {}) {
  server = await startReferenceServer({ timeScale: 0.01, seed: 5, onError: () => {}, ...options });
  return server;
}

/** Runs doctor to its end: exit code, stdout, stderr. */
async function doctor(args: string[], env: Record<string, string> = {}) {
  const run = runCli(['doctor', ...args, '--duration', '1'], env);
  const code = await run.exited;
  return { code, out: run.stdout.text, err: run.stderr.text };
}

describe('feedkit doctor against the reference server', () => {
  it.each(['veloflux', 'takhin', 'plataforma-e', 'active-immune-core'])(
    '%s: healthy, exit 0',
    async (system) => {
      const { url } = await start();
      const { code, out } = await doctor([
        url,
        '--system',
        system,
        '--room',
        'agents',
        '--project',
        'PROJ-001',
      ]);
      expect(out).toMatch(/healthy \(exit 0\)/);
      expect(out).not.toMatch(/FAIL/);
      expect(code).toBe(0);
    },
  );

  it('helios: logs in, names both auth paths, and reports JSON with --json', async () => {
    const { url } = await start();
    const { code, out } = await doctor([url, '--system', 'helios', '--user', 'admin', '--json'], {
      FEEDKIT_PASSWORD: 'admin123',
    });
    const report = JSON.parse(out);
    expect(report.exitCode).toBe(0);
    expect(code).toBe(0);
    expect(report.auth.map((c: { name: string; status: string }) => [c.name, c.status])).toEqual([
      ['login POST /api/auth/login', 'ok'],
      ['socket without credentials', 'ok'],
      ['Authorization: Bearer header', 'ok'],
      ['?token= query parameter', 'ok'],
    ]);
    const status = report.feeds.find((f: { name: string }) => f.name === 'status');
    expect(status.messages).toBeGreaterThan(1);
    expect(status.cadence.documentedMs).toBe(5000);
    expect(status.ping.status).toBe('ok');
  });

  it('names a wrong password as the cause, exit 1', async () => {
    const { url } = await start();
    const { code, out } = await doctor([url, '--system', 'helios', '--user', 'admin'], {
      FEEDKIT_PASSWORD: 'wrongpw',
    });
    expect(out).toMatch(
      /login POST \/api\/auth\/login +FAIL +HTTP 401: wrong user name or password for 'admin'/,
    );
    expect(out).not.toContain('wrongpw');
    expect(code).toBe(1);
  });

  it('names refused credentials (a token the server does not accept, a non-admin), exit 1', async () => {
    const s = await start();
    const bad = await doctor([s.url, '--system', 'helios'], { FEEDKIT_TOKEN: 'not-a-token' });
    expect(bad.out).toMatch(/Authorization: Bearer header +FAIL +HTTP 401 unauthorized/);
    expect(bad.out).toMatch(/\?token= query parameter +FAIL +HTTP 401/);
    expect(bad.code).toBe(1);
    const viewer = await doctor([s.url, '--system', 'helios'], {
      FEEDKIT_TOKEN: s.system('helios').issueToken('viewer'),
    });
    expect(viewer.out).toMatch(/FAIL +HTTP 403 forbidden/);
    expect(viewer.code).toBe(1);
  });

  it('names missing credentials and the flags that give them', async () => {
    const { url } = await start();
    const { code, out } = await doctor([url, '--system', 'helios']);
    expect(out).toMatch(
      /credentials +FAIL +none given; helios requires them: pass --user <name> with FEEDKIT_PASSWORD/,
    );
    expect(code).toBe(1);
  });

  it('names a Takhin API key the server refuses', async () => {
    const { url } = await start({ takhinApiKey: 'right-key' });
    const { code, out } = await doctor([url, '--system', 'takhin'], {
      FEEDKIT_API_KEY: 'wrong-key',
    });
    expect(out).toMatch(/Authorization: Bearer header +FAIL +HTTP 401/);
    expect(out).not.toContain('wrong-key');
    expect(code).toBe(1);
  });

  it('a Takhin that wants a key none was given for: the 401 says which flag passes one', async () => {
    const { url } = await start({ takhinApiKey: 'right-key' });
    const { code, out } = await doctor([url, '--system', 'takhin']);
    expect(out).toMatch(/no credentials given; the document makes them optional/);
    expect(out).toMatch(/metrics +FAIL +upgrade refused: HTTP 401 .*: check or pass an API key/);
    expect(code).toBe(1);
  });

  it("a URL that holds the feed's path: the 404 says to give the server's base URL", async () => {
    const { url } = await start();
    const { code, out } = await doctor([`${url}/api/monitoring/ws`, '--system', 'takhin']);
    expect(out).toMatch(/metrics +FAIL +upgrade refused: HTTP 404 .*give the server's base URL/);
    expect(code).toBe(1);
  });

  it('https:// to a plain HTTP port: no TLS there, use http://, on one line', async () => {
    const { url } = await start();
    const { code, out } = await doctor([url.replace('http:', 'https:'), '--system', 'takhin']);
    expect(out).toMatch(
      /reachability +FAIL +.*no TLS on that port: it speaks plain HTTP; use http:\/\/ or ws:\/\/ \(ERR_SSL_WRONG_VERSION_NUMBER\)/,
    );
    expect(code).toBe(2);
  });

  it('a frozen server: reachable, but upgrades and requests go unanswered, exit 1', async () => {
    const s = await start();
    s.freeze();
    const { code, out } = await doctor([s.url, '--system', 'veloflux']);
    expect(out).toMatch(/reach .* ok/);
    expect(out).toMatch(/no answer to the WebSocket upgrade within \d+ ms \(server frozen/);
    expect(code).toBe(1);
    s.thaw();
  });

  it('a closed port: unreachable with its cause, exit 2', async () => {
    const port = await closedPort();
    const { code, out } = await doctor([`localhost:${port}`, '--system', 'takhin']);
    expect(out).toMatch(/connection refused: nothing listens on that port \(ECONNREFUSED\)/);
    expect(out).toMatch(/unreachable \(exit 2\)/);
    expect(code).toBe(2);
  });

  it('an unknown host: unreachable with its cause, exit 2', async () => {
    const { code, out } = await doctor([
      'http://feedkit-no-such-host.invalid:8080',
      '--system',
      'takhin',
    ]);
    expect(out).toMatch(/unknown host|DNS lookup failed/);
    expect(code).toBe(2);
  });

  it('a drifting server: drift reported, exit 1', async () => {
    const { url } = await start({ drift: { rate: 0.5, unknownTypeRate: 0.5 } });
    const { code, out } = await doctor([url, '--system', 'takhin', '--json']);
    const report = JSON.parse(out);
    const metrics = report.feeds.find((f: { name: string }) => f.name === 'metrics');
    // Types the document does not name fail the check; fields it does not name are listed.
    expect(metrics.status).toBe('fail');
    expect(metrics.drift.unknownTypes.length).toBeGreaterThan(0);
    expect(metrics.drift.unknownFields.length).toBeGreaterThan(0);
    expect(metrics.detail).toMatch(/types the document does not name: /);
    expect(code).toBe(1);
  });
});
