import { activeImmuneCore, createClient } from '@feedkit/client/active-immune-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BindingName, FeedSpec } from './browser/pageEntry';
import { type ChromiumPage, openPageWithServers, type PageWithServers } from './chromiumPage';
import { type FastapiServer, startFastapiServer } from './fastapiServer';
import { record } from './record';

/**
 * @feedkit/client in headless Chromium against the FastAPI apps, from a page
 * of its own origin: with Starlette's CORSMiddleware allowing that origin
 * (`--cors-origin`), and without it (`aicNoCors`), where the page's sockets
 * still work (a WebSocket is not subject to CORS) but its fetches do not.
 */
type ServerName = 'plataformaE' | 'aic' | 'aicNoCors';
let opened: PageWithServers<ServerName, FastapiServer> | undefined;
let servers: PageWithServers<ServerName, FastapiServer>['servers'];
let page: ChromiumPage;

beforeAll(async () => {
  opened = await openPageWithServers((cors) => ({
    plataformaE: startFastapiServer('plataforma_e', cors),
    aic: startFastapiServer('active_immune_core', cors),
    aicNoCors: startFastapiServer('active_immune_core', []),
  }));
  ({ page, servers } = opened);
}, 30_000);

afterAll(() => opened?.close());

/** A client in the page, closed after `body` whatever happens. */
const inPage = <T>(
  binding: BindingName,
  server: ServerName,
  options: unknown,
  body: (id: string) => Promise<T>,
): Promise<T> => page.withClient([binding, servers[server].wsUrl, options], body);

const feeds: [string, BindingName, ServerName, unknown, [FeedSpec, number, object][]][] = [
  [
    'Plataforma E',
    'plataformaE',
    'plataformaE',
    undefined,
    [
      [['notifications'], 5, { type: expect.any(String) }],
      [['project', 'PROJ-001'], 3, { project_id: 'PROJ-001' }],
      [['logs', { level: 'error' }], 2, { type: 'log_message' }],
    ],
  ],
  [
    'Active Immune Core, without CORS',
    'activeImmuneCore',
    'aicNoCors',
    { clientId: 'browser-feeds' },
    [
      [['room', 'agents'], 2, { room: 'agents' }],
      [['eventType', 'leader_elected'], 1, { event_type: 'leader_elected' }],
      [['all'], 4, { event_type: expect.any(String) }],
    ],
  ],
];

describe('@feedkit/client in Chromium against the FastAPI servers', () => {
  it.each(feeds)(
    '%s: every feed typed, without drift or errors',
    (_name, binding, server, options, specs) =>
      inPage(binding, server, options, async (id) => {
        for (const [spec] of specs) await page.call('record', id, spec.join('/'), spec);
        for (const [spec, count, shape] of specs) {
          const messages = await page.call('until', id, spec.join('/'), count, 8000);
          for (const m of messages) expect(m).toMatchObject(shape);
        }
        const report = await page.call('report', id);
        expect(report.drift).toBe(0);
        expect(report.errors).toEqual([]);
        // uvicorn accepts the permessage-deflate Chromium offers (ws_per_message_deflate).
        const port = String(servers[server].port);
        const sockets = page.handshakes().filter((h) => new URL(h.url).port === port);
        expect(sockets.length).toBeGreaterThan(0);
        for (const h of sockets) expect(h.extensions).toContain('permessage-deflate');
      }),
  );

  it.each<[string, BindingName, ServerName, unknown, FeedSpec]>([
    ['Plataforma E', 'plataformaE', 'plataformaE', undefined, ['project', 'PROJ-002']],
    [
      'Active Immune Core',
      'activeImmuneCore',
      'aic',
      { clientId: 'browser-restart' },
      ['room', 'tasks'],
    ],
  ])(
    '%s: a SIGKILL restart, then reconnect with the subscription replayed',
    (_n, binding, server, options, spec) =>
      inPage(binding, server, options, async (id) => {
        await page.call('record', id, 'feed', spec);
        await page.call('until', id, 'feed', 1, 8000);
        await servers[server].kill();
        const seen = await page.call('count', id, 'feed');
        await servers[server].start();
        // Only the new process can have sent it, and only to a replayed subscription.
        await page.call('until', id, 'feed', seen + 1, 8000);
        const report = await page.call('report', id);
        expect(report.states.at(-1)).toBe('open');
        expect(report.drift).toBe(0);
        expect(report.errors.filter((e) => e.code !== 'connection' || e.fatal)).toEqual([]);
      }),
  );

  it("a client_id already connected: the page cannot see uvicorn's 403, and keeps retrying until the id is free", async () => {
    const holder = createClient({
      url: servers.aic.wsUrl,
      protocol: activeImmuneCore({ clientId: 'browser-taken' }),
      backoff: () => 0,
    });
    const held = record(holder.feed('room', 'agents'), 'holder room(agents)');
    try {
      await held.until(1);
      await inPage('activeImmuneCore', 'aic', { clientId: 'browser-taken' }, async (id) => {
        await page.call('record', id, 'feed', ['room', 'system']);
        const error = await page.call('firstError', id);
        expect(error).toMatchObject({ code: 'connection', closeCode: 1006, fatal: false });
        // No credentials, so no probe (its GET would get FastAPI's 404 anyway): refused or unreachable.
        expect(error.message).toContain(
          'closed before it opened (1006): upgrade refused or server unreachable',
        );
        holder.close();
        await page.call('until', id, 'feed', 1, 8000);
      });
    } finally {
      holder.close();
    }
  });
});

describe('REST from the page', () => {
  it('with CORSMiddleware: Plataforma E stats and a broadcast (a JSON POST after a preflight)', () =>
    inPage('plataformaE', 'plataformaE', undefined, async (id) => {
      const { answer: stats } = await page.call('rest', id, 'stats');
      expect(stats).toMatchObject({ active_connections: expect.any(Number) });
      const body = { event_type: 'notification', data: { title: 'Aviso', message: 'ok' } };
      const { answer } = await page.call('rest', id, 'broadcast', [body]);
      expect(answer).toMatchObject({ success: true, sent_to: expect.any(Number) });
    }));

  it("with CORSMiddleware: Active Immune Core's 422 reaches the page with FastAPI's detail", () =>
    inPage('activeImmuneCore', 'aic', {}, async (id) => {
      const { error } = await page.call('rest', id, 'broadcast', [
        { event_type: 'deploy_started', data: {} },
      ]);
      expect(error).toMatchObject({ code: 'rest', status: 422 });
      expect(error?.message).toMatch(/event_type.*not a valid enumeration member/);
    }));

  it('without it the browser blocks the answer: a rest error with no status that names CORS', () =>
    inPage('activeImmuneCore', 'aicNoCors', {}, async (id) => {
      const { error } = await page.call('rest', id, 'stats');
      expect(error).toMatchObject({ code: 'rest', status: undefined });
      expect(error?.message).toContain("does it allow the page's origin (CORS)");
    }));
});
