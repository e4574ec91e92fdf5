import { createServer } from 'node:net';
import { join } from 'node:path';
import { type ReferenceServer, startReferenceServer } from '@feedkit/reference-server';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { previewDashboard } from '../scripts/serveDashboard';
import { launchChromium, SCREENSHOTS } from './support/launchChromium';

const SYSTEMS = ['takhin', 'veloflux', 'helios', 'active-immune-core', 'plataforma-e'] as const;
const WAIT = { timeout: 30_000 };

/** A port with nothing listening: the page's sockets are refused and no data ever arrives. */
async function closedPort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as { port: number };
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

/** How far the page reaches past the viewport, and where each panel ends. */
const measure = (page: Page) =>
  page.evaluate(() => {
    const root = document.documentElement;
    const panels = [...document.querySelectorAll<HTMLElement>('.panel')].map((p) => {
      const box = p.getBoundingClientRect();
      return { id: p.id, left: Math.round(box.left), right: Math.round(box.right) };
    });
    return { scrollWidth: root.scrollWidth, viewport: root.clientWidth, panels };
  });

/** The root's background as relative luminance (0 black, 1 white). */
const backgroundLuminance = (page: Page) =>
  page.evaluate(() => {
    const [r, g, b] = getComputedStyle(document.documentElement)
      .backgroundColor.match(/\d+/g)!
      .map(Number);
    return (0.2126 * r! + 0.7152 * g! + 0.0722 * b!) / 255;
  });

async function waitForLiveData(page: Page): Promise<void> {
  const login = page.getByTestId('helios-login');
  await login.locator('input[name=password]').fill('admin123');
  await login.getByRole('button', { name: 'Sign in' }).click();
  for (const rows of [
    '[data-testid=takhin-topics] tbody tr td.mono',
    '[data-testid=veloflux-backends] tbody tr td.mono',
    '[data-testid=aic-agents] li[data-row]',
    '[data-testid=project-events] li:not(.muted)',
  ]) {
    await page.locator(rows).first().waitFor(WAIT);
  }
  // Helios status arrives every 5 s (0.5 s here); its events only when the simulation has one.
  await expect
    .poll(
      () => page.getByTestId('helios-cluster').locator('.stat-value').nth(3).textContent(),
      WAIT,
    )
    .toMatch(/^\d+$/);
  await expect
    .poll(() => page.getByTestId('takhin-latency').getAttribute('data-points'), WAIT)
    .not.toMatch(/^[01]$/);
  for (const system of SYSTEMS) {
    await expect
      .poll(() => page.getByTestId(system).getByTestId('badge').textContent(), WAIT)
      .toBe('open');
  }
}

describe('dashboard layout and colours in headless Chromium', () => {
  let server: ReferenceServer;
  let preview: Awaited<ReturnType<typeof previewDashboard>>;
  let browser: Browser;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    browser = await launchChromium();
    server = await startReferenceServer({ timeScale: 0.1, seed: 11, onError: () => {} });
    preview = await previewDashboard({ target: server.url, port: 0 });
  }, 180_000);

  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await preview?.close();
    await server?.stop();
  });

  async function open(
    width: number,
    options: { colorScheme?: 'light' | 'dark'; search?: string } = {},
  ): Promise<{ page: Page; errors: string[] }> {
    // One live page at a time: five pages redrawing charts at 10x speed would starve two cores.
    for (const open of contexts.splice(0)) await open.close();
    const context = await browser.newContext({
      viewport: { width, height: 900 },
      colorScheme: options.colorScheme ?? 'dark',
    });
    contexts.push(context);
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${preview.url}${options.search ?? ''}`);
    return { page, errors };
  }

  it.each([360, 390, 1280, 1440])(
    '%i px wide: live data in every panel, no horizontal overflow, two columns from 1100 px',
    async (width) => {
      const { page, errors } = await open(width);
      await waitForLiveData(page);
      const layout = await measure(page);
      expect(layout.scrollWidth, JSON.stringify(layout)).toBeLessThanOrEqual(layout.viewport);
      for (const panel of layout.panels) {
        expect(panel.right, panel.id).toBeLessThanOrEqual(layout.viewport);
      }
      const columns = new Set(
        layout.panels.filter((p) => p.id !== 'plataforma-e').map((p) => p.left),
      );
      expect(columns.size).toBe(width >= 1100 ? 2 : 1);
      // Active Immune Core ids are shown whole, never cut to `agent_d…`.
      const cut = await page
        .locator('[data-testid=aic-agents] .room-id')
        .evaluateAll((ids) => ids.filter((id) => id.scrollWidth > id.clientWidth + 1).length);
      expect(cut).toBe(0);
      await page.screenshot({ path: join(SCREENSHOTS, `dashboard-${width}.png`), fullPage: true });
      expect(errors).toEqual([]);
    },
  );

  it('before any data the charts say they are waiting instead of drawing invented axes', async () => {
    const port = await closedPort();
    const { page } = await open(1280, { search: `?server=http://127.0.0.1:${port}` });
    await expect.poll(() => page.getByTestId('chart-loading').count(), WAIT).toBe(3);
    expect(await page.locator('.chart canvas').count()).toBe(0);
    expect(await page.getByTestId('takhin-topics').textContent()).toContain('waiting for metrics');
    await page.screenshot({ path: join(SCREENSHOTS, 'dashboard-loading.png'), fullPage: true });
  });

  it('follows prefers-color-scheme, and the toggle switches and is remembered', async () => {
    const { page } = await open(1280, { colorScheme: 'light' });
    await expect
      .poll(() => page.evaluate(() => document.documentElement.dataset.theme))
      .toBe('light');
    expect(await backgroundLuminance(page)).toBeGreaterThan(0.8);
    await page.locator('[data-testid=takhin-topics] tbody tr td.mono').first().waitFor(WAIT);
    await page.screenshot({ path: join(SCREENSHOTS, 'dashboard-light.png'), fullPage: true });

    await page.getByTestId('scheme-toggle').click();
    await expect.poll(() => backgroundLuminance(page)).toBeLessThan(0.2);
    await page.reload();
    await expect
      .poll(() => page.evaluate(() => document.documentElement.dataset.theme))
      .toBe('dark');
    expect(await backgroundLuminance(page)).toBeLessThan(0.2);
    await page.locator('[data-testid=takhin-topics] tbody tr td.mono').first().waitFor(WAIT);
    await page.screenshot({ path: join(SCREENSHOTS, 'dashboard-dark.png'), fullPage: true });

    // Back to the browser's preference: the choice is forgotten.
    await page.getByTestId('scheme-toggle').click();
    await expect.poll(() => backgroundLuminance(page)).toBeGreaterThan(0.8);
    // (The Active Immune Core client id stays: every tab of the profile shares it, and so one socket.)
    const kept = await page.evaluate(() => Object.keys(localStorage));
    expect(kept.filter((key) => key !== 'feedkit-dashboard-client-id')).toEqual([]);
  });
});
