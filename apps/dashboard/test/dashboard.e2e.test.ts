import { join } from 'node:path';
import { type ReferenceServer, startReferenceServer } from '@feedkit/reference-server';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDashboard, previewDashboard } from '../scripts/serveDashboard';
import { launchChromium, SCREENSHOTS } from './support/launchChromium';

const SYSTEMS = ['takhin', 'veloflux', 'helios', 'active-immune-core', 'plataforma-e'] as const;
/** Simulated time runs 10x faster: every feed ticks well within the test's patience. */
const TIME_SCALE = 0.1;
const WAIT = { timeout: 30_000 };

/** What the server knows about the page's subscriptions, independent of connection ids. */
const subscriptionView = (server: ReferenceServer) =>
  server
    .connections()
    .map((c) => `${c.system} ${c.path} [${[...c.subscriptions].sort().join(',')}]`)
    .sort();

describe('dashboard in headless Chromium', () => {
  let server: ReferenceServer;
  let preview: Awaited<ReturnType<typeof previewDashboard>>;
  let browser: Browser;
  let page: Page;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    browser = await launchChromium();
    await buildDashboard();
    server = await startReferenceServer({ timeScale: TIME_SCALE, seed: 7, onError: () => {} });
    preview = await previewDashboard({ target: server.url, port: 0 });
    const context = await browser.newContext({ viewport: { width: 1440, height: 1800 } });
    page = await context.newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
    // A 1 s backoff cap keeps the outage below short; users keep the 30 s default.
    await page.goto(`${preview.url}?maxRetryMs=1000`);
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await preview?.close();
    await server?.stop();
  });

  it('refuses a wrong Helios password with an error, then signs in', async () => {
    const login = page.getByTestId('helios-login');
    await login.locator('input[name=password]').fill('wrong-password');
    await login.getByRole('button', { name: 'Sign in' }).click();
    await expect
      .poll(() => page.getByTestId('helios-login-error').textContent(), WAIT)
      .toMatch(/Sign-in failed/);
    await page.screenshot({ path: join(SCREENSHOTS, 'dashboard-helios-wrong-password.png') });

    await login.locator('input[name=password]').fill('admin123');
    await login.getByRole('button', { name: 'Sign in' }).click();
    await page.getByTestId('helios-cluster').waitFor(WAIT);
    await expect
      .poll(
        () => page.getByTestId('helios-cluster').locator('.stat-value').nth(3).textContent(),
        WAIT,
      )
      .toMatch(/^\d+$/);
  });

  it('shows live data from all five systems', async () => {
    await page.locator('[data-testid=takhin-topics] tbody tr').first().waitFor(WAIT);
    await page.locator('[data-testid=takhin-lag] tbody tr').first().waitFor(WAIT);
    await expect
      .poll(() => page.getByTestId('takhin-throughput').getAttribute('data-points'), WAIT)
      .not.toMatch(/^[01]$/);
    await page.locator('[data-testid=veloflux-backends] tbody tr').first().waitFor(WAIT);
    await page.locator('[data-testid=veloflux-pools] tbody tr').first().waitFor(WAIT);
    await page.locator('[data-testid=project-events] li:not(.muted)').first().waitFor(WAIT);
    await page.locator('[data-testid=log-tail] li:not(.muted)').first().waitFor(WAIT);
    await page.locator('[data-testid=aic-agents] td.mono').first().waitFor(WAIT);
    await page.locator('[data-testid=aic-tasks] td.mono').first().waitFor(WAIT);
    await page.locator('[data-testid=helios-timeline] li:not(.muted)').first().waitFor(WAIT);
    for (const system of SYSTEMS) {
      await expect
        .poll(() => page.getByTestId(system).getByTestId('badge').textContent(), WAIT)
        .toBe('open');
    }
    await page.screenshot({ path: join(SCREENSHOTS, 'dashboard-live.png'), fullPage: true });
    expect(pageErrors).toEqual([]);
  });

  it('VeloFlux buttons pause, resume and force an update', async () => {
    const panel = page.getByTestId('veloflux');
    await panel.getByRole('button', { name: 'Pause' }).click();
    await expect
      .poll(() => panel.getByTestId('veloflux-control').textContent(), WAIT)
      .toBe('updates paused');
    await panel.getByRole('button', { name: 'Resume' }).click();
    await expect
      .poll(() => panel.getByTestId('veloflux-control').textContent(), WAIT)
      .toBe('updates running');
    await panel.getByRole('button', { name: 'Force update' }).click();
    await expect
      .poll(() => panel.getByTestId('veloflux-control').textContent(), WAIT)
      .toMatch(/^forced /);
  });

  it('says reconnecting while the server is down, then replays every subscription', async () => {
    const before = subscriptionView(server);
    expect(before.map((line) => line.split(' ')[0])).toEqual(expect.arrayContaining([...SYSTEMS]));
    const port = server.port;

    await server.stop();
    for (const system of SYSTEMS) {
      await expect
        .poll(() => page.getByTestId(system).getByTestId('badge').textContent(), WAIT)
        .toMatch(/^reconnecting( in \d+ s)?, attempt \d+$/);
    }
    await page.screenshot({
      path: join(SCREENSHOTS, 'dashboard-reconnecting.png'),
      fullPage: true,
    });
    const lastBefore = Number(
      await page.getByTestId('takhin-throughput').getAttribute('data-last'),
    );

    // The same server coming back on the same port, as after a deploy.
    server = await startReferenceServer({
      port,
      timeScale: TIME_SCALE,
      seed: 8,
      onError: () => {},
    });
    await server.waitForConnections(() => {
      const after = subscriptionView(server);
      return JSON.stringify(after) === JSON.stringify(before);
    }, 30_000);
    for (const system of SYSTEMS) {
      await expect
        .poll(() => page.getByTestId(system).getByTestId('badge').textContent(), WAIT)
        .toBe('open');
    }
    await expect
      .poll(
        async () => Number(await page.getByTestId('takhin-throughput').getAttribute('data-last')),
        WAIT,
      )
      .toBeGreaterThan(lastBefore);
    await page.screenshot({ path: join(SCREENSHOTS, 'dashboard-recovered.png'), fullPage: true });
    expect(pageErrors).toEqual([]);
  });
});
