import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { type ReferenceServer, startReferenceServer } from '@feedkit/reference-server';
import type { Browser, Page } from 'playwright-core';
import { type PreviewServer, preview } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// One launcher for every browser test in the repo (Debian's chromium, offline flags).
import { launchChromium, SCREENSHOTS } from '../../dashboard/test/support/launchChromium';

const root = fileURLToPath(new URL('..', import.meta.url));
const WAIT = { timeout: 30_000 };

describe('Vue example in headless Chromium', () => {
  let server: ReferenceServer;
  let site: PreviewServer;
  let browser: Browser;
  let page: Page;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    browser = await launchChromium();
    // In a child process: @vue/compiler-sfc's CommonJS imports break under vitest's module runner.
    const viteBin = join(root, 'node_modules/vite/bin/vite.js');
    await promisify(execFile)(process.execPath, [viteBin, 'build', '--logLevel', 'warn'], {
      cwd: root,
    });
    server = await startReferenceServer({ timeScale: 0.1, seed: 3, onError: () => {} });
    // vite.config.ts reads the proxy target when preview() loads it.
    process.env.FEEDKIT_SERVER = server.url;
    site = await preview({ root, logLevel: 'warn', preview: { port: 0, host: '127.0.0.1' } });
    const address = site.httpServer.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.goto(`http://127.0.0.1:${port}/`);
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await site?.close();
    await server?.stop();
  });

  it('shows live Takhin metrics and Plataforma E events from the composables', async () => {
    await page.locator('[data-testid=takhin-topics] tr').first().waitFor(WAIT);
    await page.locator('[data-testid=project-events] li:not(.muted)').first().waitFor(WAIT);
    for (const system of ['takhin', 'plataforma-e']) {
      await expect
        .poll(() => page.getByTestId(system).getByTestId('badge').textContent(), WAIT)
        .toBe('open');
    }
    expect(server.connections('plataforma-e').flatMap((c) => c.subscriptions)).toContain(
      'project:PROJ-001',
    );
    await page.screenshot({ path: join(SCREENSHOTS, 'vue-example.png'), fullPage: true });
  });

  it('switches project: the server sees the new subscription and events follow', async () => {
    await page.getByTestId('project-picker').selectOption('PROJ-002');
    await server.waitForConnections((all) => {
      const topics = all.filter((c) => c.system === 'plataforma-e').flatMap((c) => c.subscriptions);
      return topics.includes('project:PROJ-002') && !topics.includes('project:PROJ-001');
    }, 30_000);
    await page.locator('[data-testid=project-events] li:not(.muted)').first().waitFor(WAIT);
    expect(pageErrors).toEqual([]);
  });
});
