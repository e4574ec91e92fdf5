import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BindingName, FeedSpec } from './browser/pageEntry';
import { type ChromiumPage, openPageWithServers, type PageWithServers } from './chromiumPage';
import { type PythonServer, startPythonServer } from './pythonServer';

/**
 * @feedkit/client in headless Chromium against the five Python servers: the
 * browser's own WebSocket (no upgrade headers, so credentials ride in the
 * query; a refused upgrade's status unseen; compression negotiated by the
 * browser) and the browser's fetch, subject to CORS. The page has its own
 * origin, as a deployed frontend does; the servers run with `--cors-origin`
 * set to it (the documents advise configuring CORS), except `heliosNoCors`.
 */
const KEY = 'browser-key';
type ServerName = 'veloflux' | 'plataformaE' | 'helios' | 'aic' | 'takhin' | 'heliosNoCors';
let opened: PageWithServers<ServerName, PythonServer> | undefined;
let servers: PageWithServers<ServerName, PythonServer>['servers'];
let page: ChromiumPage;

beforeAll(async () => {
  opened = await openPageWithServers((cors) => ({
    veloflux: startPythonServer('veloflux', cors),
    plataformaE: startPythonServer('plataforma_e', cors),
    helios: startPythonServer('helios', cors),
    aic: startPythonServer('active_immune_core', cors),
    takhin: startPythonServer('takhin', [...cors, '--api-key', KEY]),
    heliosNoCors: startPythonServer('helios', []),
  }));
  ({ page, servers } = opened);
}, 30_000);

afterAll(() => opened?.close());

const ADMIN = { username: 'admin', password: 'admin123' };
// The document names no query parameter for Takhin's key; this server reads `api_key`
// and feedkit's default is `token`, so a browser page must say which (it cannot send the header).
const TAKHIN = { apiKey: KEY };
const TAKHIN_QUERY = { authQueryParam: 'api_key' };

/** A client in the page, closed after `body` whatever happens. */
const inPage = <T>(
  [binding, server, options, extra]: readonly [BindingName, ServerName, unknown?, object?],
  body: (id: string) => Promise<T>,
): Promise<T> => page.withClient([binding, servers[server].wsUrl, options, extra], body);

type Check = (messages: readonly Record<string, unknown>[]) => void;
/** Every message matches `shape` (asymmetric matchers allowed). */
const everyMatches =
  (shape: object): Check =>
  (messages) => {
    for (const m of messages) expect(m).toMatchObject(shape);
  };
const allOfType =
  (...types: string[]): Check =>
  (messages) => {
    for (const m of messages) expect(types).toContain(m.type);
  };

const feedTable: [string, BindingName, ServerName, unknown, object, [FeedSpec, number, Check][]][] =
  [
    [
      'VeloFlux',
      'veloflux',
      'veloflux',
      undefined,
      {},
      [
        [['backends'], 2, allOfType('backend_status')],
        [['metrics'], 1, allOfType('metrics')],
        [['status'], 1, allOfType('system_status')],
      ],
    ],
    [
      'Plataforma E',
      'plataformaE',
      'plataformaE',
      undefined,
      {},
      [
        [['notifications'], 3, everyMatches({ type: expect.any(String) })],
        [['project', 'PROJ-001'], 3, everyMatches({ project_id: 'PROJ-001' })],
        [['logs', { level: 'warning' }], 2, allOfType('log_message')],
      ],
    ],
    [
      'Helios (token in ?token=)',
      'helios',
      'helios',
      ADMIN,
      {},
      [
        [['status'], 2, allOfType('status', 'status_update')],
        [['stateChanges'], 1, allOfType('state_change')],
        [['peerChanges'], 1, allOfType('peer_change')],
        [['latency'], 1, allOfType('latency')],
        [['uptime'], 1, allOfType('uptime')],
        [['snapshots'], 1, allOfType('snapshot')],
        [['customMetrics'], 1, allOfType('custom_metrics')],
      ],
    ],
    [
      'Active Immune Core',
      'activeImmuneCore',
      'aic',
      { clientId: 'browser-feeds' },
      {},
      [
        [['room', 'agents'], 2, everyMatches({ room: 'agents' })],
        [['eventType', 'leader_elected'], 1, everyMatches({ event_type: 'leader_elected' })],
        [['all'], 4, everyMatches({ event_type: expect.any(String) })],
      ],
    ],
    [
      'Takhin (key in ?api_key=)',
      'takhin',
      'takhin',
      TAKHIN,
      TAKHIN_QUERY,
      [
        [
          ['metrics'],
          2,
          // Every other tick the server sends Go's nil slice, null; the client reads it as [].
          everyMatches({ data: { consumerLags: expect.any(Array) } }),
        ],
        [['topic', 'topic-1'], 1, everyMatches({ data: { name: 'topic-1' } })],
        [['consumerGroup', 'consumer-group-1'], 1, allOfType('group_updated')],
      ],
    ],
  ];

describe('@feedkit/client in Chromium against the independent servers', () => {
  it.each(feedTable)(
    '%s: every feed delivers typed messages without drift or errors',
    (_name, binding, server, options, extra, feeds) =>
      inPage([binding, server, options, extra], async (id) => {
        for (const [spec] of feeds) await page.call('record', id, spec.join('/'), spec);
        for (const [spec, count, check] of feeds) {
          const messages = await page.call('until', id, spec.join('/'), count, 8000);
          check(messages as Record<string, unknown>[]);
        }
        const report = await page.call('report', id);
        expect(report.drift).toBe(0);
        expect(report.errors).toEqual([]);
        // Chromium offered permessage-deflate and aiohttp accepted: every message above was compressed.
        const sockets = page
          .handshakes()
          .filter((h) => new URL(h.url).port === String(servers[server].port));
        expect(sockets.length).toBeGreaterThan(0);
        for (const h of sockets)
          expect(h).toMatchObject({
            status: 101,
            extensions: expect.stringContaining('permessage-deflate'),
          });
      }),
  );
});

describe('credentials refused, as the browser learns it', () => {
  it.each<[string, ServerName, unknown, number]>([
    [
      'a forged token: the upgrade 401, learnt by the plain-GET probe',
      'helios',
      { token: 'a.b.c' },
      401,
    ],
    ['a wrong password: the login 401', 'helios', { username: 'admin', password: 'wrong' }, 401],
    [
      'a viewer: the upgrade 403, learnt by the probe',
      'helios',
      { username: 'viewer', password: 'viewer123' },
      403,
    ],
  ])('Helios with CORS, %s', (_name, server, credentials, status) =>
    inPage(['helios', server, credentials], async (id) => {
      const error = await page.call('failure', id, ['status']);
      expect(error).toMatchObject({ code: 'auth', status, fatal: true });
      // One fatal error, nothing else: no connection error before the probe answered.
      expect((await page.call('report', id)).errors).toEqual([error]);
    }),
  );

  // The page may not read the 401: the probe's no-cors GET shows only that the server answered.
  // Not a network failure, not provably credentials (a Go server's CheckOrigin refuses with 403
  // too), so the client names what it knows and keeps retrying with a fresh token.
  it('Helios without CORS: the probe cannot read the 401; the error says the status is hidden by CORS', () =>
    inPage(['helios', 'heliosNoCors', { token: 'a.b.c' }], async (id) => {
      await page.call('record', id, 'status', ['status']);
      const error = await page.call('firstError', id);
      expect(error).toMatchObject({ code: 'connection', closeCode: 1006, fatal: false });
      expect(error.message).toContain('its HTTP status is hidden from this page (no CORS header');
      expect(error.message).toContain('Access-Control-Allow-Origin');
    }));

  it('Helios without CORS: the login itself is blocked, a retried connection error, not a 401', () =>
    inPage(['helios', 'heliosNoCors', { username: 'admin', password: 'wrong' }], async (id) => {
      await page.call('record', id, 'status', ['status']);
      const error = await page.call('firstError', id);
      expect(error).toMatchObject({ code: 'connection', fatal: false });
      expect(error.message).toContain('POST /api/auth/login: network error');
      expect(error.message).toContain("does it allow the page's origin (CORS)");
      expect(error.status).toBeUndefined();
    }));

  it.each<[string, unknown, object]>([
    ['a wrong key', { apiKey: 'wrong' }, TAKHIN_QUERY],
    // The right key under feedkit's default parameter (`token`), which this server does not read.
    ['the right key in ?token=', TAKHIN, {}],
  ])('Takhin, %s: the socket opens and is closed with 1008, an auth error', (_n, key, extra) =>
    inPage(['takhin', 'takhin', key, extra], async (id) => {
      const error = await page.call('failure', id, ['metrics']);
      expect(error).toMatchObject({ code: 'auth', closeCode: 1008, fatal: true });
      // Both look alike on the wire; the advice names the parameter as a suspect.
      expect(error?.message).toContain('the `authQueryParam` option');
    }),
  );
});

describe('a server restart (SIGKILL), then reconnect with replayed subscriptions', () => {
  // Each feed is one the server sends only to a subscriber (VeloFlux: a socket per feed).
  it.each<[string, BindingName, ServerName, unknown, object, FeedSpec]>([
    ['VeloFlux', 'veloflux', 'veloflux', undefined, {}, ['status']],
    ['Plataforma E', 'plataformaE', 'plataformaE', undefined, {}, ['project', 'PROJ-002']],
    ['Helios', 'helios', 'helios', ADMIN, {}, ['stateChanges']],
    [
      'Active Immune Core',
      'activeImmuneCore',
      'aic',
      { clientId: 'browser-restart' },
      {},
      ['room', 'tasks'],
    ],
    ['Takhin', 'takhin', 'takhin', TAKHIN, TAKHIN_QUERY, ['consumerGroup', 'consumer-group-2']],
  ])('%s', (_name, binding, server, options, extra, spec) =>
    inPage([binding, server, options, extra], async (id) => {
      await page.call('record', id, 'feed', spec);
      await page.call('until', id, 'feed', 1, 8000);
      await servers[server].kill();
      const seen = await page.call('count', id, 'feed');
      await servers[server].start();
      // Only the new process can have sent this one, and only to a replayed subscription.
      await page.call('until', id, 'feed', seen + 1, 8000);
      const report = await page.call('report', id);
      expect(report.states).toContain('reconnecting');
      expect(report.states.at(-1)).toBe('open');
      expect(report.drift).toBe(0);
      expect(report.errors.every((e) => e.code === 'connection' && !e.fatal)).toBe(true);
    }),
  );
});

describe('REST from the page (another origin: the servers allow it with CORS)', () => {
  it('Helios login, a JSON POST after a preflight', () =>
    inPage(['helios', 'helios', {}], async (id) => {
      const { answer } = await page.call('rest', id, 'login', [ADMIN]);
      expect(answer).toMatchObject({ token: expect.any(String), user: { role: 'admin' } });
    }));

  it('Plataforma E stats and VeloFlux control', async () => {
    const stats = await inPage(['plataformaE', 'plataformaE'], (id) =>
      page.call('rest', id, 'stats'),
    );
    expect(stats.answer).toEqual(expect.any(Object));
    const control = await inPage(['veloflux', 'veloflux'], (id) =>
      page.call('rest', id, 'control', [{ action: 'resume', type: 'all' }]),
    );
    expect(control.answer).toMatchObject({ status: 'success' });
  });

  it('without CORS the browser blocks the answer: a rest error with no status', () =>
    inPage(['helios', 'heliosNoCors', {}], async (id) => {
      const { error } = await page.call('rest', id, 'login', [ADMIN]);
      expect(error).toMatchObject({ code: 'rest', status: undefined });
      expect(error?.message).toContain('network error (Failed to fetch); is the server reachable');
      expect(error?.message).toContain("does it allow the page's origin (CORS)");
    }));
});
