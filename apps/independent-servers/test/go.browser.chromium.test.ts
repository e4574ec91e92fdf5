import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BindingName, FeedSpec } from './browser/pageEntry';
import { type ChromiumPage, openChromiumPage } from './chromiumPage';
import { GO_BUILD_TIMEOUT_MS, type GoSystem, startGoServer } from './goServer';
import type { ServerProcess } from './serverProcess';

/**
 * @feedkit/client in headless Chromium against the Go servers, from a page of
 * another origin. With `-allowed-origins <page>` the servers answer CORS and
 * their upgrader's CheckOrigin lets the page in; without it they keep
 * gorilla's default CheckOrigin, which refuses a cross-origin upgrade with
 * 403: a Go deployment's first hour with a browser.
 */
const KEY = 'go-browser-key';
type ServerName =
  | GoSystem
  | 'heliosDefault'
  | 'velofluxDefault'
  | 'takhinDefault'
  | 'heliosCorsOnly'
  | 'velofluxCorsOnly';
const servers = {} as Record<ServerName, ServerProcess>;
let page: ChromiumPage;

beforeAll(async () => {
  page = await openChromiumPage();
  const allow = ['-allowed-origins', page.origin];
  const start = async (name: ServerName, system: GoSystem, args: string[]) => {
    servers[name] = await startGoServer(system, args);
  };
  await Promise.all([
    start('helios', 'helios', allow),
    start('takhin', 'takhin', [...allow, '-api-key', KEY]),
    start('veloflux', 'veloflux', allow),
    start('heliosDefault', 'helios', []),
    start('velofluxDefault', 'veloflux', []),
    start('takhinDefault', 'takhin', ['-api-key', KEY]),
    start('heliosCorsOnly', 'helios', [...allow, '-cors-only']),
    start('velofluxCorsOnly', 'veloflux', [...allow, '-cors-only']),
  ]);
}, GO_BUILD_TIMEOUT_MS);

afterAll(async () => {
  await page?.close();
  await Promise.all(Object.values(servers).map((s) => s.stop()));
});

const ADMIN = { username: 'admin', password: 'admin123' };
const TAKHIN = { apiKey: KEY };
// The Go server reads the key from `?api_key=`; a page cannot send the header.
const TAKHIN_QUERY = { authQueryParam: 'api_key' };

/** A client in the page, closed after `body` whatever happens. */
const inPage = <T>(
  [binding, server, options, extra]: readonly [BindingName, ServerName, unknown?, object?],
  body: (id: string) => Promise<T>,
): Promise<T> => page.withClient([binding, servers[server].wsUrl, options, extra], body);

describe('@feedkit/client in Chromium against the Go servers, the page origin allowed', () => {
  it.each<[string, BindingName, GoSystem, unknown, object, [FeedSpec, number][]]>([
    [
      'VeloFlux',
      'veloflux',
      'veloflux',
      undefined,
      {},
      [
        [['backends'], 2],
        [['metrics'], 1],
        [['status'], 1],
      ],
    ],
    [
      'Helios (token in ?token=)',
      'helios',
      'helios',
      ADMIN,
      {},
      [
        [['status'], 2],
        [['stateChanges'], 1],
        [['peerChanges'], 1],
        [['latency'], 1],
        [['uptime'], 1],
        [['snapshots'], 1],
        [['customMetrics'], 1],
      ],
    ],
    [
      'Takhin (key in ?api_key=)',
      'takhin',
      'takhin',
      TAKHIN,
      TAKHIN_QUERY,
      [
        [['metrics'], 2],
        [['topic', 'topic-1'], 1],
        [['consumerGroup', 'consumer-group-1'], 1],
      ],
    ],
  ])(
    '%s: every feed delivers typed messages without drift or errors',
    (_n, binding, server, options, extra, feeds) =>
      inPage([binding, server, options, extra], async (id) => {
        for (const [spec] of feeds) await page.call('record', id, spec.join('/'), spec);
        for (const [spec, count] of feeds)
          await page.call('until', id, spec.join('/'), count, 8000);
        const report = await page.call('report', id);
        expect(report.drift).toBe(0);
        expect(report.errors).toEqual([]);
        // gorilla's Upgrader leaves compression off unless told: no permessage-deflate.
        const port = String(servers[server].port);
        const sockets = page.handshakes().filter((h) => new URL(h.url).port === port);
        expect(sockets.length).toBeGreaterThan(0);
        for (const h of sockets) expect(h).toMatchObject({ status: 101, extensions: '' });
      }),
  );

  it.each<[string, unknown, number]>([
    [
      'a forged token: the upgrade 401 (a gin JSON body), learnt by the probe',
      { token: 'a.b.c' },
      401,
    ],
    ['a wrong password: the login 401', { username: 'admin', password: 'wrong' }, 401],
    [
      'a viewer: the upgrade 403, learnt by the probe',
      { username: 'viewer', password: 'viewer123' },
      403,
    ],
  ])('Helios, %s', (_name, credentials, status) =>
    inPage(['helios', 'helios', credentials], async (id) => {
      const error = await page.call('failure', id, ['status']);
      expect(error).toMatchObject({ code: 'auth', status, fatal: true });
      expect((await page.call('report', id)).errors).toEqual([error]);
    }),
  );

  it('Takhin, a wrong key: the upgrade 401 (http.Error), learnt by the probe', () =>
    inPage(['takhin', 'takhin', { apiKey: 'wrong' }, TAKHIN_QUERY], async (id) => {
      const error = await page.call('failure', id, ['metrics']);
      expect(error).toMatchObject({ code: 'auth', status: 401, fatal: true });
    }));

  it('a SIGKILL restart on the same port: reconnect, the Helios event feed resumes', () =>
    inPage(['helios', 'helios', ADMIN], async (id) => {
      await page.call('record', id, 'feed', ['stateChanges']);
      await page.call('until', id, 'feed', 1, 8000);
      await servers.helios.kill();
      const seen = await page.call('count', id, 'feed');
      await servers.helios.start();
      await page.call('until', id, 'feed', seen + 1, 8000);
      const report = await page.call('report', id);
      expect(report.states).toContain('reconnecting');
      expect(report.drift).toBe(0);
      expect(report.errors.every((e) => e.code === 'connection' && !e.fatal)).toBe(true);
    }));

  it('REST from the page: Helios login and VeloFlux control', async () => {
    const login = await inPage(['helios', 'helios', {}], (id) =>
      page.call('rest', id, 'login', [ADMIN]),
    );
    expect(login.answer).toMatchObject({ token: expect.any(String), user: { role: 'admin' } });
    const control = await inPage(['veloflux', 'veloflux'], (id) =>
      page.call('rest', id, 'control', [{ action: 'resume', type: 'all' }]),
    );
    expect(control.answer).toMatchObject({ success: true });
  });
});

/**
 * The first hour: the Go servers as a Go developer first runs them, gorilla's
 * default CheckOrigin and no CORS, and a page of another origin. The upgrade
 * is refused with 403; the page sees only a 1006 and may not read the probe's
 * answer. The error must name the page's origin as the likely cause, not a
 * lost connection or the credentials alone.
 */
describe("the first hour: gorilla's default CheckOrigin refuses the page's origin", () => {
  it('VeloFlux (no credentials): the error says the server is up and names the origin', () =>
    inPage(['veloflux', 'velofluxDefault'], async (id) => {
      await page.call('record', id, 'feed', ['backends']);
      const error = await page.call('firstError', id);
      expect(error).toMatchObject({ code: 'connection', closeCode: 1006, fatal: false });
      expect(error.message).toContain('upgrade refused by a server that is up');
      expect(error.message).toContain("no credentials were sent: most likely the page's origin");
      expect(error.message).toContain('CheckOrigin');
    }));

  it('Takhin (the right key): the error names the origin among the causes, never a fatal auth', () =>
    inPage(['takhin', 'takhinDefault', TAKHIN, TAKHIN_QUERY], async (id) => {
      await page.call('record', id, 'feed', ['metrics']);
      const error = await page.call('firstError', id);
      expect(error).toMatchObject({ code: 'connection', closeCode: 1006, fatal: false });
      expect(error.message).toContain('upgrade refused by a server that is up');
      expect(error.message).toContain("the page's origin");
    }));

  it('Helios: the login is blocked first, and the error asks whether the page origin is allowed', () =>
    inPage(['helios', 'heliosDefault', ADMIN], async (id) => {
      await page.call('record', id, 'feed', ['status']);
      const error = await page.call('firstError', id);
      expect(error).toMatchObject({ code: 'connection', fatal: false });
      expect(error.message).toContain('POST /api/auth/login: network error');
      expect(error.message).toContain("does it allow the page's origin (CORS)");
    }));

  // A CORS middleware added for the REST calls, the Upgrader left as it was: the page reads the
  // probe's answer, gorilla's 400 to a plain GET (not a handshake), so credentials passed.
  it.each<[string, BindingName, ServerName, unknown, FeedSpec]>([
    ['VeloFlux', 'veloflux', 'velofluxCorsOnly', undefined, ['backends']],
    ['Helios (the login allowed by CORS)', 'helios', 'heliosCorsOnly', ADMIN, ['status']],
  ])(
    '%s with CORS but the default CheckOrigin: the probe reads a 400, the error names the origin',
    (_n, binding, server, options, spec) =>
      inPage([binding, server, options], async (id) => {
        await page.call('record', id, 'feed', spec);
        const error = await page.call('firstError', id);
        expect(error).toMatchObject({ code: 'connection', closeCode: 1006, fatal: false });
        expect(error.message).toContain('a plain GET of the socket path is answered (HTTP 400)');
        expect(error.message).toContain("most likely the page's origin");
        expect(error.message).toContain('Upgrader.CheckOrigin');
      }),
  );
});
