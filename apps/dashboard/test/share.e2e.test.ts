import { join } from 'node:path';
import { type ReferenceServer, startReferenceServer } from '@feedkit/reference-server';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { previewDashboard } from '../scripts/serveDashboard';
import { launchChromium, SCREENSHOTS } from './support/launchChromium';
import { signIn } from './support/signIn';

/**
 * The production build with `share: tabs()`: several dashboard pages in one
 * browser context share one socket per path (the SharedWorker the build
 * emits holds them), and every page reads every feed live.
 */
const SYSTEMS = ['takhin', 'veloflux', 'helios', 'active-immune-core', 'plataforma-e'] as const;
const PAGES = 3;
const TIME_SCALE = 0.1;
const WAIT = { timeout: 30_000 };

describe('dashboard pages sharing their sockets (headless Chromium)', () => {
  let server: ReferenceServer;
  let preview: Awaited<ReturnType<typeof previewDashboard>>;
  let browser: Browser;
  let context: BrowserContext;
  const pages: Page[] = [];
  const pageErrors: string[] = [];
  /** Socket URLs the pages opened themselves: none, the worker holds them. */
  const pageSockets: string[] = [];

  beforeAll(async () => {
    browser = await launchChromium();
    server = await startReferenceServer({ timeScale: TIME_SCALE, seed: 11, onError: () => {} });
    preview = await previewDashboard({ target: server.url, port: 0 });
    context = await browser.newContext({ viewport: { width: 1440, height: 1800 } });
    for (let i = 0; i < PAGES; i++) {
      const page = await context.newPage();
      page.on('pageerror', (error) => pageErrors.push(error.message));
      page.on('websocket', (socket) => pageSockets.push(socket.url()));
      await page.goto(preview.url);
      pages.push(page);
    }
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await preview?.close();
    await server?.stop();
  });

  it('every page reads every feed live, and the server holds one socket per path, not one per page', async () => {
    for (const page of pages) await signIn(page, 'admin123');
    for (const page of pages) {
      for (const system of SYSTEMS) {
        await expect
          .poll(() => page.getByTestId(system).getByTestId('badge').textContent(), {
            ...WAIT,
            message: `page ${pages.indexOf(page)}: ${system} badge`,
          })
          .toBe('open');
      }
      for (const [system, label] of [
        ['takhin', 'metrics'],
        ['veloflux', 'backends'],
        ['veloflux', 'metrics'],
        ['veloflux', 'status'],
        ['helios', 'status'],
      ] as const) {
        const freshness = page.getByTestId(system).getByTestId(`freshness-${label}`);
        await expect
          .poll(() => freshness.getAttribute('data-status'), {
            ...WAIT,
            message: `page ${pages.indexOf(page)}: ${system} ${label} freshness`,
          })
          .toBe('live');
      }
      await page.locator('[data-testid=aic-agents] li[data-row] .mono').first().waitFor(WAIT);
      await page.locator('[data-testid=project-events] li:not(.muted)').first().waitFor(WAIT);
    }
    const paths = server.connections().map((c) => `${c.system} ${c.path}`);
    expect(paths.length).toBeGreaterThanOrEqual(SYSTEMS.length);
    // Each path once, however many pages read it.
    expect(paths.filter((p, i) => paths.indexOf(p) !== i)).toEqual([]);
    expect(new Set(server.connections().map((c) => c.system))).toEqual(new Set(SYSTEMS));
    // The build served the SharedWorker: no page opened a socket of its own.
    expect(pageSockets).toEqual([]);
    await pages[0]?.screenshot({ path: join(SCREENSHOTS, 'dashboard-shared.png'), fullPage: true });
    expect(pageErrors, pageErrors.join(' | ')).toEqual([]);
  });
});
