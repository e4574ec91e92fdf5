import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type ReferenceServer, startReferenceServer } from '@feedkit/reference-server';
import { build } from 'esbuild';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../../../apps/dashboard/test/support/launchChromium';

/**
 * The no-eval path in a real browser: a page served with a strict
 * Content-Security-Policy (`script-src 'self'`, no `unsafe-eval`), so
 * `new Function` and `eval` throw, loads the client bundled from the built
 * per-system entries, and every system's feed still decodes its messages
 * off a real socket to the reference server.
 */
const POLICY = "default-src 'self'; script-src 'self'; connect-src ws: http:";

let server: ReferenceServer;
let http: Server;
let browser: Browser;
let page: Page;

interface BrowserSide {
  evalRefused: boolean;
  cspViolations: string[];
  feedkit: {
    createClient: typeof import('../src/index').createClient;
    activeImmuneCore: typeof import('../src/index').activeImmuneCore;
    helios: typeof import('../src/index').helios;
    plataformaE: typeof import('../src/index').plataformaE;
    takhin: typeof import('../src/index').takhin;
    veloflux: typeof import('../src/index').veloflux;
    seen: Record<string, string>;
  };
}

async function servePage(bundle: string): Promise<string> {
  const probe = readFileSync(new URL('./browser/evalProbe.js', import.meta.url), 'utf8');
  const scripts: Record<string, string> = { '/probe.js': probe, '/feedkit.js': bundle };
  http = createServer((req, res) => {
    const script = scripts[req.url ?? ''];
    if (script !== undefined) {
      res.writeHead(200, { 'content-type': 'text/javascript' }).end(script);
      return;
    }
    res
      .writeHead(200, { 'content-type': 'text/html', 'content-security-policy': POLICY })
      .end(
        '<!doctype html><title>feedkit, strict CSP</title><script src="/probe.js"></script><script src="/feedkit.js"></script>',
      );
  });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(http.address() as AddressInfo).port}/`;
}

beforeAll(async () => {
  const bundle = await build({
    entryPoints: [new URL('./browser/cspEntry.ts', import.meta.url).pathname],
    bundle: true,
    write: false,
    platform: 'browser',
    format: 'iife',
    target: 'es2022',
    minify: true,
    logLevel: 'silent',
  });
  const url = await servePage(bundle.outputFiles[0]?.text ?? '');
  server = await startReferenceServer({ timeScale: 0.01, simulate: false });
  browser = await launchChromium();
  const context = await browser.newContext();
  await context.grantPermissions(['local-network-access']).catch(() => {});
  page = await context.newPage();
  await page.goto(url);
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  await new Promise((resolve) => http?.close(resolve));
});

const seen = () => page.evaluate(() => (globalThis as unknown as BrowserSide).feedkit.seen);

describe('@feedkit/client under a strict CSP (no eval) in headless Chromium', () => {
  it('the page really refuses code generation from strings', async () => {
    expect(await page.evaluate(() => (globalThis as unknown as BrowserSide).evalRefused)).toBe(
      true,
    );
  });

  it('every system decodes its first message off the socket', async () => {
    const token = server.system('helios').issueToken('admin');
    await page.evaluate(
      ({ url, token }) => {
        const { feedkit } = globalThis as unknown as BrowserSide;
        const record = (system: string) => (m: { type?: string; event_type?: string }) => {
          feedkit.seen[system] ??= String(m.type ?? m.event_type);
        };
        const failed = (system: string) => (e: Error) => {
          feedkit.seen[system] ??= `error: ${e.message}`;
        };
        const open = <P extends Parameters<typeof feedkit.createClient>[0]['protocol']>(
          protocol: P,
        ) => feedkit.createClient({ url, protocol, backoff: () => 0 });
        const watch = (
          system: string,
          feed: {
            subscribe(o: { next(m: object): void; error(e: Error): void }): unknown;
          },
        ) => feed.subscribe({ next: record(system), error: failed(system) });
        watch('veloflux', open(feedkit.veloflux()).feed('status'));
        watch('plataformaE', open(feedkit.plataformaE()).feed('project', 'PROJ-001'));
        watch('helios', open(feedkit.helios({ token })).feed('status'));
        watch('activeImmuneCore', open(feedkit.activeImmuneCore()).feed('room', 'agents'));
        watch('takhin', open(feedkit.takhin()).feed('metrics'));
      },
      { url: server.wsUrl, token },
    );
    // The two systems that push nothing on their own: events, once the topics are subscribed.
    await server.waitForConnections(
      (cs) =>
        cs.some((c) => c.subscriptions.includes('project:PROJ-001')) &&
        cs.some((c) => c.subscriptions.includes('room:agents')),
    );
    server.emit('plataforma-e', {
      type: 'story_created',
      data: { story_id: 'S-1', title: 'CSP', project_id: 'PROJ-001' },
      timestamp: new Date().toISOString(),
      message_id: 'csp-1',
    });
    server.emit('active-immune-core', {
      event_type: 'agent_created',
      timestamp: new Date().toISOString(),
      data: { agent_id: 'agent_neutrophil_001', agent_type: 'neutrophil', status: 'active' },
      source: 'api_server',
      room: 'agents',
    });
    await expect.poll(async () => Object.keys(await seen()).length, { timeout: 15_000 }).toBe(5);
    expect(await seen()).toEqual({
      veloflux: 'system_status',
      plataformaE: 'story_created',
      helios: expect.stringMatching(/^status/),
      activeImmuneCore: 'agent_created',
      takhin: 'metrics',
    });
  });

  it("the client's code asked the page for no eval (no CSP violation from its script)", async () => {
    const violations = await page.evaluate(
      () => (globalThis as unknown as BrowserSide).cspViolations,
    );
    expect(violations.filter((v) => v.includes('/feedkit.js'))).toEqual([]);
    // The probe's own refusal was reported: the listener works.
    expect(violations.some((v) => v.includes('/probe.js'))).toBe(true);
  });
});
