import { type ReferenceServer, startReferenceServer } from '@feedkit/reference-server';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// One launcher for every browser test in the repo (Debian's chromium, offline flags).
import { launchChromium } from '../../../apps/dashboard/test/support/launchChromium';
import { bundleForBrowser } from './support/bundleForBrowser';

/**
 * The client in a real browser: bundled for the browser (so isomorphic-ws
 * resolves to the native WebSocket), run in Debian's headless Chromium
 * against the reference server. A browser cannot send headers on an upgrade,
 * so Helios must authenticate with `?token=`.
 */
let server: ReferenceServer;
let browser: Browser;
let page: Page;

interface BrowserSide {
  feedkit: {
    createClient: typeof import('../src/index').createClient;
    takhin: typeof import('../src/index').takhin;
    helios: typeof import('../src/index').helios;
    log: {
      states: string[];
      reconnected: boolean;
      metricsAfterReconnect: number;
      gapSeen: boolean;
    };
  };
}

beforeAll(async () => {
  const bundle = await bundleForBrowser(new URL('./browser/entry.ts', import.meta.url));
  server = await startReferenceServer({ timeScale: 0.01, simulate: false });
  browser = await launchChromium();
  const context = await browser.newContext();
  // Newer Chromium asks before a page reaches a local address.
  await context.grantPermissions(['local-network-access']).catch(() => {});
  page = await context.newPage();
  await page.setContent('<!doctype html><title>feedkit client</title>');
  await page.addScriptTag({ content: bundle });
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('@feedkit/client in headless Chromium', () => {
  it('delivers typed Takhin metrics and subscribes a topic over the native WebSocket', async () => {
    const produceP99 = await page.evaluate(async (url) => {
      const { feedkit } = globalThis as unknown as BrowserSide;
      const client = feedkit.createClient({ url, protocol: feedkit.takhin(), backoff: () => 0 });
      Object.assign(globalThis, { takhinClient: client });
      client.state$.subscribe((s) => {
        feedkit.log.states.push(s.status);
        if (s.status === 'reconnecting') feedkit.log.reconnected = true;
      });
      const metrics = client.feed('metrics');
      client.feed('topic', 'orders').subscribe();
      // What a binding sees: `gap` turns true on reconnect, false with the next message.
      metrics.listen(() => {
        if (metrics.gap) feedkit.log.gapSeen = true;
      });
      return new Promise<number>((resolve) => {
        metrics.subscribe((m) => {
          if (feedkit.log.reconnected) feedkit.log.metricsAfterReconnect++;
          resolve(m.data.latency.produceP99);
        });
      });
    }, server.wsUrl);
    expect(typeof produceP99).toBe('number');
    const [connection] = await server.waitForConnections((cs) =>
      cs.some((c) => c.system === 'takhin' && c.subscriptions.includes('topic:orders')),
    );
    expect(connection?.subscriptions).toEqual(['topic:orders']);
  });

  it('authenticates Helios with ?token= (a browser cannot send the header)', async () => {
    const token = server.system('helios').issueToken('admin');
    const type = await page.evaluate(
      async ({ url, token }) => {
        const { feedkit } = globalThis as unknown as BrowserSide;
        const client = feedkit.createClient({ url, protocol: feedkit.helios({ token }) });
        const status = client.feed('status');
        const message = await new Promise<{ type: string }>((resolve) => {
          status.subscribe(resolve);
        });
        // The token travels in the query, but never shows in the client's state.
        const urls = client.state.connections.map((c) => c.url).join(' ');
        return `${message.type} ${urls.includes(token) ? 'leaked' : 'hidden'}`;
      },
      { url: server.wsUrl, token },
    );
    expect(type).toMatch(/^status(_update)? hidden$/);
    const helios = server.connections('helios');
    expect(helios).toHaveLength(1);
    expect(helios[0]?.query.token).toBe(token);
  });

  it('after restart() the browser client reconnects, replays its topic and reports the gap', async () => {
    const [before] = server.connections('takhin');
    await server.restart();
    await server.waitForConnections((cs) =>
      cs.some(
        (c) =>
          c.system === 'takhin' && c.id !== before?.id && c.subscriptions.join() === 'topic:orders',
      ),
    );
    await expect
      .poll(() =>
        page.evaluate(
          () => (globalThis as unknown as BrowserSide).feedkit.log.metricsAfterReconnect,
        ),
      )
      .toBeGreaterThan(0);
    const log = await page.evaluate(() => (globalThis as unknown as BrowserSide).feedkit.log);
    expect(log.states).toContain('reconnecting');
    expect(log.states.at(-1)).toBe('open');
    expect(log.gapSeen).toBe(true);
    expect(
      await page.evaluate(
        () =>
          (
            globalThis as unknown as { takhinClient: { feed(n: 'metrics'): { gap: boolean } } }
          ).takhinClient.feed('metrics').gap,
      ),
    ).toBe(false);
  });
});
