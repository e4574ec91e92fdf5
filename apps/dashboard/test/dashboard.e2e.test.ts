import { join } from 'node:path';
import { type ReferenceServer, startReferenceServer } from '@feedkit/reference-server';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { previewDashboard } from '../scripts/serveDashboard';
import { launchChromium, SCREENSHOTS } from './support/launchChromium';
import { signIn } from './support/signIn';

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

const badge = (page: Page, system: string) =>
  page.getByTestId(system).getByTestId('badge').textContent();

/** Timestamp (unix seconds) of the newest Takhin metrics point on the chart. */
const lastMetricsSecond = async (page: Page) =>
  Number(await page.getByTestId('takhin-throughput').getAttribute('data-last'));

describe('dashboard in headless Chromium', () => {
  let server: ReferenceServer;
  let preview: Awaited<ReturnType<typeof previewDashboard>>;
  let browser: Browser;
  let page: Page;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    browser = await launchChromium();
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
    await signIn(page, 'wrong-password');
    await expect
      .poll(() => page.getByTestId('helios-login-error').textContent(), WAIT)
      .toMatch(/Sign-in failed/);
    await page.screenshot({ path: join(SCREENSHOTS, 'dashboard-helios-wrong-password.png') });

    // A viewer may log in but is refused the cluster socket (403): the panel says so at once
    // and opens no socket, instead of looping "reconnecting".
    await signIn(page, 'viewer123', 'viewer');
    await expect
      .poll(() => page.getByTestId('helios-role-error').textContent(), WAIT)
      .toMatch(/lacks the admin role/);
    expect(await badge(page, 'helios')).toBe('idle');
    expect(server.connections().filter((c) => c.system === 'helios')).toEqual([]);

    await signIn(page, 'admin123');
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
    await page.locator('[data-testid=aic-agents] li[data-row] .mono').first().waitFor(WAIT);
    await page.locator('[data-testid=aic-tasks] li[data-row] .mono').first().waitFor(WAIT);
    await page.locator('[data-testid=helios-timeline] li:not(.muted)').first().waitFor(WAIT);
    for (const system of SYSTEMS) {
      await expect
        .poll(() => page.getByTestId(system).getByTestId('badge').textContent(), WAIT)
        .toBe('open');
    }
    // Each periodic feed says it is live, with the time of its last message.
    for (const [system, label] of [
      ['takhin', 'metrics'],
      ['veloflux', 'backends'],
      ['veloflux', 'metrics'],
      ['veloflux', 'status'],
      ['helios', 'status'],
    ]) {
      const freshness = page.getByTestId(system as string).getByTestId(`freshness-${label}`);
      await expect.poll(() => freshness.getAttribute('data-status'), WAIT).toBe('live');
      await expect.poll(() => freshness.textContent(), WAIT).toMatch(/live, \d\d:\d\d:\d\d$/);
    }
    await page.screenshot({ path: join(SCREENSHOTS, 'dashboard-live.png'), fullPage: true });
    expect(pageErrors, pageErrors.join(' | ')).toEqual([]);
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

  it('says reconnecting while the server is down; after it is back every subscription is replayed', async () => {
    const before = subscriptionView(server);
    expect(new Set(before.map((line) => line.split(' ')[0]))).toEqual(new Set(SYSTEMS));
    const port = server.port;

    await server.stop();
    for (const system of SYSTEMS) {
      await expect
        .poll(() => badge(page, system), WAIT)
        .toMatch(/^reconnecting( in \d+ s)?, attempt \d+$/);
    }
    await page.screenshot({
      path: join(SCREENSHOTS, 'dashboard-reconnecting.png'),
      fullPage: true,
    });
    const lastBefore = await lastMetricsSecond(page);

    // A new server process on the same port, as after a deploy. Its Helios
    // signs tokens with a new key, so the old session is refused. The browser
    // cannot see the upgrade's 401, so the client asks with a plain GET, learns
    // it, and ends the session: the panel asks for a new sign-in at once while
    // the four other systems replay on their own.
    server = await startReferenceServer({
      port,
      timeScale: TIME_SCALE,
      seed: 8,
      onError: () => {},
    });
    await page.getByTestId('helios-notice').waitFor(WAIT);
    expect(await page.getByTestId('helios-notice').textContent()).toMatch(/401/);
    await signIn(page, 'admin123');

    await server.waitForConnections(
      () => JSON.stringify(subscriptionView(server)) === JSON.stringify(before),
      30_000,
    );
    for (const system of SYSTEMS) {
      await expect.poll(() => badge(page, system), { ...WAIT, message: system }).toBe('open');
    }
    await expect.poll(() => lastMetricsSecond(page), WAIT).toBeGreaterThan(lastBefore);
    await page.screenshot({ path: join(SCREENSHOTS, 'dashboard-recovered.png'), fullPage: true });
    expect(pageErrors, pageErrors.join(' | ')).toEqual([]);
  });

  it('after restart() of the same server every subscription is replayed without signing in again', async () => {
    const before = subscriptionView(server);
    const ids = new Set(server.connections().map((c) => c.id));
    const lastBefore = await lastMetricsSecond(page);
    await server.restart();
    // Only new connections count: every socket of the page was closed and reopened.
    await server.waitForConnections(
      (all) =>
        all.every((c) => !ids.has(c.id)) &&
        JSON.stringify(subscriptionView(server)) === JSON.stringify(before),
      30_000,
    );
    for (const system of SYSTEMS) {
      await expect.poll(() => badge(page, system), { ...WAIT, message: system }).toBe('open');
    }
    await expect.poll(() => lastMetricsSecond(page), WAIT).toBeGreaterThan(lastBefore);
    expect(await page.getByTestId('helios-cluster').count()).toBe(1);
    expect(pageErrors, pageErrors.join(' | ')).toEqual([]);
  });
});
