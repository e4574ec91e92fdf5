import type { ReferenceServer } from '@feedkit/reference-server';
import type { BrowserContext, Page, WebSocket } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  counts,
  receivingAgain,
  type SharePage,
  type ShareSite,
  startShareSite,
} from './support/shareSite';

/**
 * Handovers of a leader tab (`tabs({ worker: false })`), in headless
 * Chromium: four pages of one browser context. A `send()` made while the
 * leader closes reaches the server once, through the next leader; a leader
 * that is frozen resigns, a follower takes over, and the frozen tab rejoins
 * as a follower when it resumes.
 */
const TABS = 4;
const share = { worker: false, liveness: { intervalMs: 100, timeoutMs: 500 } };

let site: ShareSite;
let server: ReferenceServer;
let context: BrowserContext;
const pages: Page[] = [];
const sockets = new Map<Page, WebSocket[]>();
/** How often each marker ping (timestamp < 1e6) went out on any page's socket. */
const pings = new Map<number, number>();

const takhinSockets = () => server.connections('takhin');
const isOpen = (s: WebSocket) => !s.isClosed() && s.url().includes('/api/monitoring/ws');
const holdsSocket = (page: Page) => (sockets.get(page) ?? []).some(isOpen);
const leader = () => pages.find(holdsSocket) as Page;

function watch(page: Page): void {
  sockets.set(page, []);
  page.on('websocket', (socket) => {
    sockets.get(page)?.push(socket);
    socket.on('framesent', ({ payload }) => {
      const frame = JSON.parse(String(payload)) as { type: string; timestamp?: number };
      if (frame.type === 'ping' && (frame.timestamp ?? 1e9) < 1e6)
        pings.set(frame.timestamp as number, (pings.get(frame.timestamp as number) ?? 0) + 1);
    });
  });
}

const allReceiving = (within?: number) => receivingAgain(pages, within);

beforeAll(async () => {
  site = await startShareSite();
  server = site.server;
  context = await site.browser.newContext();
  await context.grantPermissions(['local-network-access']).catch(() => {});
  for (let i = 0; i < TABS; i++) {
    const page = await context.newPage();
    watch(page);
    await page.goto(`${site.origin}/`);
    await page.evaluate(
      ({ url, share }) => (globalThis as unknown as SharePage).share.start(url, share),
      { url: server.wsUrl, share },
    );
    pages.push(page);
  }
  await allReceiving(10_000);
});

afterAll(async () => {
  await context?.close();
  await site?.stop();
});

/** The tab that resumed last, so stood in line last. */
let resumedLast: Page | undefined;

/** Freezes or resumes a page as Chromium would. */
async function lifecycle(page: Page, state: 'frozen' | 'active'): Promise<void> {
  const cdp = await context.newCDPSession(page);
  await cdp.send('Page.setWebLifecycleState', { state });
  // Headless Chromium does not send the event to a visible page (see lifecycle.chromium.test.ts).
  const event = state === 'frozen' ? 'freeze' : 'resume';
  await page.evaluate((type) => document.dispatchEvent(new Event(type)), event);
  await cdp.detach();
}

describe('leader tab handover', () => {
  it('a send() made while the leader tab closes reaches the server once, through the next leader', async () => {
    const first = leader();
    const sender = pages.find((p) => p !== first) as Page;
    const COUNT = 60;
    // A ping every 5 ms from before the close until well after the next leader is up.
    await sender.evaluate(
      (n) => (globalThis as unknown as SharePage).share.sendPings(1, n, 5),
      COUNT,
    );
    await sender.waitForFunction(() => (globalThis as unknown as SharePage).share.counts.sent >= 5);
    await first.close();
    pages.splice(pages.indexOf(first), 1);
    await expect.poll(() => pings.size, { timeout: 5000 }).toBe(COUNT);
    // One more, after all of them: a copy of any earlier one would have gone out before it.
    await sender.evaluate(() => (globalThis as unknown as SharePage).share.sendPings(1000, 1, 0));
    await expect.poll(() => pings.get(1000), { timeout: 5000 }).toBe(1);
    expect([...pings.entries()].filter(([, n]) => n !== 1)).toEqual([]);
    expect((await counts(sender)).errors.filter((e) => e.includes('not sent'))).toEqual([]);
    expect(holdsSocket(sender) || holdsSocket(pages.find((p) => p !== sender) as Page)).toBe(true);
  });

  it('a frozen leader resigns: a follower takes over within about a second, and the tab rejoins as a follower on resume', async () => {
    await allReceiving();
    const frozen = leader();
    resumedLast = frozen;
    const before = takhinSockets()[0]?.id;
    const frozenAt = Date.now();
    await lifecycle(frozen, 'frozen');
    const awake = pages.filter((p) => p !== frozen);
    // About a second: the poll gives up after two.
    await expect.poll(() => awake.some(holdsSocket), { timeout: 2000 }).toBe(true);
    const handoverMs = Date.now() - frozenAt;
    // The frozen tab closed its socket cleanly; the server holds the new leader's one.
    expect(holdsSocket(frozen)).toBe(false);
    await server.waitForConnections((cs) => {
      const takhin = cs.filter((c) => c.system === 'takhin');
      return takhin.length === 1 && takhin[0]?.id !== before;
    });
    await receivingAgain(awake);
    console.log(`frozen leader: a follower holds the socket ${handoverMs} ms after freeze`);

    await lifecycle(frozen, 'active');
    await allReceiving();
    // Its feed lives on, served by the new leader; it does not take the lead back.
    expect(holdsSocket(frozen)).toBe(false);
    expect(takhinSockets()).toHaveLength(1);
    expect((await counts(frozen)).states.at(-1)).toBe('open');
  });

  it('a frozen tab leaves the line: when the leader closes, a tab that is awake takes over', async () => {
    // The tab that resumed last stood again last; the one ahead of it in line is frozen now.
    const first = leader();
    const last = resumedLast as Page;
    const ahead = pages.find((p) => p !== first && p !== last) as Page;
    await lifecycle(ahead, 'frozen');
    await first.close();
    pages.splice(pages.indexOf(first), 1);
    await expect.poll(() => holdsSocket(last), { timeout: 3000 }).toBe(true);
    expect(holdsSocket(ahead)).toBe(false);
    await lifecycle(ahead, 'active');
    await allReceiving();
    expect(takhinSockets()).toHaveLength(1);
  });
});
