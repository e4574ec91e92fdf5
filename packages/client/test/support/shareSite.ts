import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type ReferenceServer, startReferenceServer } from '@feedkit/reference-server';
import { build } from 'esbuild';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../../../../apps/dashboard/test/support/launchChromium';
import type { Counts } from '../browser/shareEntry';

/** What `test/browser/shareEntry.ts` puts on a page's `window`. */
export interface SharePage {
  share: {
    counts: Counts;
    start(url: string, share: object): void;
    hold(topic: string): void;
    release(topic: string): void;
    heliosStatus(url: string, token: string, share: object): Promise<string>;
    drift(): number;
    sendPings(from: number, count: number, gapMs: number): void;
    metricsStatus(): string | undefined;
    another(url: string, share: object): string;
  };
}

export interface ShareSite {
  /** The pages' origin: a SharedWorker, Web Locks and BroadcastChannel are per origin. */
  readonly origin: string;
  readonly server: ReferenceServer;
  readonly browser: Browser;
  stop(): Promise<void>;
}

async function bundle(entry: string, format: 'iife' | 'esm'): Promise<string> {
  const result = await build({
    entryPoints: [new URL(entry, import.meta.url).pathname],
    bundle: true,
    write: false,
    platform: 'browser',
    format,
    target: 'es2022',
    conditions: ['@feedkit/source'],
    logLevel: 'silent',
  });
  return result.outputFiles[0]?.text ?? '';
}

/**
 * One origin serving the share test page (`/`, `/entry.js`) and the
 * SharedWorker (`/shareWorker.js`), the reference server (no simulation,
 * 100x time) and headless Chromium.
 */
export async function startShareSite(): Promise<ShareSite> {
  const [page, worker] = await Promise.all([
    bundle('../browser/shareEntry.ts', 'iife'),
    bundle('../../src/share/shareWorker.ts', 'esm'),
  ]);
  const files: Record<string, [string, string]> = {
    '/': ['text/html', '<!doctype html><title>tab</title><script src="/entry.js"></script>'],
    '/entry.js': ['text/javascript', page],
    '/shareWorker.js': ['text/javascript', worker],
  };
  const site = createServer((request, response) => {
    const file = files[request.url ?? ''];
    response.writeHead(file ? 200 : 404, { 'Content-Type': file?.[0] ?? 'text/plain' });
    response.end(file?.[1] ?? 'not found');
  });
  await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
  const server = await startReferenceServer({ timeScale: 0.01, simulate: false });
  const browser = await launchChromium();
  return {
    origin: `http://127.0.0.1:${(site.address() as AddressInfo).port}`,
    server,
    browser,
    async stop() {
      await browser.close();
      await server.stop();
      await new Promise((resolve) => site.close(resolve));
    },
  };
}

/** The counters of a page's Takhin client. */
export const counts = (page: Page) =>
  page.evaluate(() => (globalThis as unknown as SharePage).share.counts);

/** Until each of `pages` has more metrics than now: what arrives from here on came through the current owner. */
export async function receivingAgain(pages: readonly Page[], within = 3000): Promise<void> {
  const seen = await Promise.all(pages.map(async (page) => (await counts(page)).metrics));
  await Promise.all(
    pages.map((page, i) =>
      page.waitForFunction(
        (n) => (globalThis as unknown as SharePage).share.counts.metrics > n,
        seen[i] ?? 0,
        { timeout: within },
      ),
    ),
  );
}
