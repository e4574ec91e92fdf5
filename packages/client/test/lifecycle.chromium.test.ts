import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type ReferenceServer, startReferenceServer } from '@feedkit/reference-server';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { launchChromium } from '../../../apps/dashboard/test/support/launchChromium';
import { bundleForBrowser } from './support/bundleForBrowser';

/**
 * The page lifecycle in a real headless Chromium against the reference
 * server: offline emulation, the back/forward cache, and freeze/resume
 * through the DevTools protocol. The page is served over HTTP (the cache
 * only keeps http(s) pages); sockets are counted on both sides: the server
 * numbers every socket it accepts, the page counts every socket it builds.
 */
interface Log {
  attempts: number;
  messages: number;
  states: string[];
  shown: boolean[];
  events: string[];
  onlineAt?: number;
  dataAfterOnlineMs?: number;
}
interface PageSide {
  lifecycle: { start(url: string): void; log: Log; nextMessage(): Promise<void> };
}

let server: ReferenceServer;
let pages: Server;
let origin: string;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let bundle = '';

const html = (body: string) =>
  `<!doctype html><html><head><title>feedkit</title></head><body>${body}</body></html>`;

beforeAll(async () => {
  bundle = await bundleForBrowser(new URL('./browser/lifecycleEntry.ts', import.meta.url));
  server = await startReferenceServer({ timeScale: 0.01, simulate: false });
  pages = createServer((request, response) => {
    if (request.url === '/bundle.js') {
      response.writeHead(200, { 'content-type': 'text/javascript' }).end(bundle);
    } else if (request.url === '/app') {
      const start = `<script src="/bundle.js"></script><script>lifecycle.start(${JSON.stringify(server.wsUrl)})</script>`;
      response.writeHead(200, { 'content-type': 'text/html' }).end(html(start));
    } else {
      response.writeHead(200, { 'content-type': 'text/html' }).end(html('<p>elsewhere</p>'));
    }
  });
  await new Promise<void>((resolve) => pages.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(pages.address() as AddressInfo).port}`;
  // Playwright's own `--disable-back-forward-cache` is left out: the cache is what is tested.
  browser = await launchChromium({ ignoreDefaultArgs: ['--disable-back-forward-cache'] });
});

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => pages?.close(resolve));
  await server?.stop();
});

beforeEach(async () => {
  context = await browser.newContext();
  await context.grantPermissions(['local-network-access']).catch(() => {});
  page = await context.newPage();
  await page.goto(`${origin}/app`);
  await page.evaluate(() => (globalThis as unknown as PageSide).lifecycle.nextMessage());
});

afterEach(async () => {
  await context?.close();
  await server.waitForConnections((cs) => cs.length === 0);
});

const log = () => page.evaluate(() => (globalThis as unknown as PageSide).lifecycle.log);
const nextMessage = () =>
  page.evaluate(() => (globalThis as unknown as PageSide).lifecycle.nextMessage());
/** The server's sequence number of a socket: it numbers every socket it accepts. */
const seq = (id: string) => Number(id.replace(/\D/g, ''));
const takhinSockets = () => server.connections('takhin');

describe('page lifecycle in headless Chromium', () => {
  it('offline: the socket closes, no attempt is made while offline; data is back within 1 s of online', async () => {
    const [before] = takhinSockets();
    await context.setOffline(true);
    const offline = await log();
    expect(offline.events).toEqual(['offline']);
    expect(offline.states.at(-1)).toBe('offline');
    // An observation window: with zero backoff, a client that ignored `offline` would retry dozens of times in it.
    await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 500)));
    expect((await log()).attempts).toBe(offline.attempts);

    await context.setOffline(false);
    await nextMessage();
    const after = await log();
    expect(after.dataAfterOnlineMs).toBeLessThan(1000);
    expect(after.attempts).toBe(offline.attempts + 1);
    // The server accepted exactly one socket since the one before going offline, and holds only it.
    const sockets = await server.waitForConnections((cs) => {
      const takhin = cs.filter((c) => c.system === 'takhin');
      return takhin.length === 1 && takhin[0]?.id !== before?.id;
    });
    expect(seq(sockets[0]?.id ?? '')).toBe(seq(before?.id ?? '') + 1);
    expect(sockets[0]?.subscriptions).toEqual(['topic:orders']);
  });

  it('back/forward cache: closed on pagehide, replayed on pageshow, no duplicate subscription', async () => {
    const [before] = takhinSockets();
    await page.goto(`${origin}/elsewhere`);
    await server.waitForConnections((cs) => !cs.some((c) => c.system === 'takhin'));
    // A page restored from the cache fires no `load`.
    await page.goBack({ waitUntil: 'commit' });
    await nextMessage();
    const after = await log();
    // Restored from the cache (not reloaded): the same page, with its counters.
    expect(after.shown).toEqual([false, true]);
    expect(after.events).toEqual(['pagehide', 'freeze', 'resume']);
    expect(after.states).toContain('offline');
    expect(after.attempts).toBe(2);
    const sockets = await server.waitForConnections((cs) =>
      cs.some((c) => c.system === 'takhin' && c.subscriptions.includes('topic:orders')),
    );
    expect(sockets.filter((c) => c.system === 'takhin')).toHaveLength(1);
    expect(seq(sockets[0]?.id ?? '')).toBe(seq(before?.id ?? '') + 1);
    expect(sockets[0]?.subscriptions).toEqual(['topic:orders']);
  });

  it('freeze and resume (Page.setWebLifecycleState): released while frozen, data again, one socket', async () => {
    const cdp = await context.newCDPSession(page);
    const [before] = takhinSockets();
    const lifecycle = async (state: 'frozen' | 'active', event: 'freeze' | 'resume') => {
      await cdp.send('Page.setWebLifecycleState', { state });
      // Headless Chromium never hides a page, and only a hidden page is really frozen and told so
      // (the back/forward cache test above sees Chromium's own freeze/resume); the event is what it would send.
      await page.evaluate((type) => document.dispatchEvent(new Event(type)), event);
    };
    await lifecycle('frozen', 'freeze');
    await server.waitForConnections((cs) => !cs.some((c) => c.system === 'takhin'));
    expect((await log()).states.at(-1)).toBe('offline');
    await lifecycle('active', 'resume');
    await nextMessage();
    const sockets = await server.waitForConnections((cs) =>
      cs.some((c) => c.system === 'takhin' && c.subscriptions.includes('topic:orders')),
    );
    expect(sockets.filter((c) => c.system === 'takhin')).toHaveLength(1);
    expect(seq(sockets[0]?.id ?? '')).toBe(seq(before?.id ?? '') + 1);
    expect((await log()).attempts).toBe(2);
  });
});
