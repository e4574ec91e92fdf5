import type { ReferenceServer } from '@feedkit/reference-server';
import type { Browser, BrowserContext, Page, WebSocket } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  counts,
  type SharePage as PageSide,
  receivingAgain,
  type ShareSite,
  startShareSite,
} from './support/shareSite';

/**
 * `share: tabs()` in headless Chromium: five pages of one browser context,
 * served from one origin, against the reference server. Every case runs
 * twice: with the SharedWorker, and with `window.SharedWorker` deleted so
 * that a leader tab is elected with Web Locks and a BroadcastChannel.
 */
const TABS = 5;
const LIVENESS = { intervalMs: 100, timeoutMs: 500 };

let site: ShareSite;
let server: ReferenceServer;
let browser: Browser;
let origin: string;

beforeAll(async () => {
  site = await startShareSite();
  ({ server, browser, origin } = site);
});

afterAll(async () => {
  await site?.stop();
});

const takhinSockets = () => server.connections('takhin');

describe.each([
  ['a SharedWorker', '/shareWorker.js', false],
  ['a leader tab (SharedWorker deleted)', '/shareWorker.js', true],
  // A worker script that does not load (404, or a CSP without worker-src 'self'): a leader tab instead.
  ['a leader tab (worker script missing)', '/missing.js', false],
] as const)('share: tabs through %s', (_name, worker, deleteWorker) => {
  const withoutWorker = deleteWorker || worker === '/missing.js';
  let context: BrowserContext;
  const pages: Page[] = [];
  const share = { worker, liveness: LIVENESS };
  /** The sockets each page opened itself: only a leader tab has open ones. */
  const sockets = new Map<Page, WebSocket[]>();
  const holdsSocket = (page: Page) =>
    (sockets.get(page) ?? []).some((s) => !s.isClosed() && s.url().includes('/api/monitoring/ws'));

  beforeAll(async () => {
    context = await browser.newContext();
    await context.grantPermissions(['local-network-access']).catch(() => {});
    if (deleteWorker) {
      await context.addInitScript(() => {
        delete (globalThis as { SharedWorker?: unknown }).SharedWorker;
      });
    }
    pages.length = 0;
    // One after the other: the first tab starts the worker, or is elected leader.
    for (let i = 0; i < TABS; i++) {
      const page = await context.newPage();
      sockets.set(page, []);
      page.on('websocket', (socket) => sockets.get(page)?.push(socket));
      await page.goto(`${origin}/`);
      await page.evaluate(
        ({ url, share }) => (globalThis as unknown as PageSide).share.start(url, share),
        { url: server.wsUrl, share },
      );
      pages.push(page);
    }
  });

  afterAll(async () => {
    await context?.close();
    // The next run starts from no socket at all.
    await server.waitForConnections((cs) => cs.every((c) => c.system !== 'takhin'));
  });

  it('five tabs receive metrics over one socket per path, not five', async () => {
    for (const page of pages) {
      await page.waitForFunction(
        () => (globalThis as unknown as PageSide).share.counts.metrics > 0,
      );
    }
    expect(takhinSockets()).toHaveLength(1);
    const states = await Promise.all(pages.map(async (page) => (await counts(page)).states.at(-1)));
    expect(states).toEqual(Array(TABS).fill('open'));
    // Each tab's feed status follows the owner's socket: live, not `connecting` forever.
    const statuses = await Promise.all(
      pages.map((page) =>
        page.evaluate(() => (globalThis as unknown as PageSide).share.metricsStatus()),
      ),
    );
    expect(statuses).toEqual(Array(TABS).fill('live'));
  });

  it("a second client on a page shares through the page's owner; other tabs() options are a config error, not ignored", async () => {
    const page = pages[1] as Page;
    const another = (options: object) =>
      page.evaluate(
        ({ url, options }) => (globalThis as unknown as PageSide).share.another(url, options),
        { url: server.wsUrl, options },
      );
    expect(await another(share)).toBe('');
    const other = await another({ ...share, worker: false });
    expect(other).toMatch(/^config: share: this page already shares its sockets with tabs\(/);
    expect(other).toContain('pass the same options to every tabs() on the page');
    const slower = await another({ ...share, liveness: { intervalMs: 100, timeoutMs: 900 } });
    expect(slower).toContain('timeoutMs: 900');
  });

  it('a frame that fails validation is decoded once, in the owner, and counted as drift in every tab', async () => {
    server.emitRaw('takhin', { type: 'metrics', timestamp: 1, data: 'not an object' });
    for (const page of pages) {
      await page.waitForFunction(() => (globalThis as unknown as PageSide).share.drift() === 1);
    }
    const errors = await Promise.all(pages.map(async (page) => (await counts(page)).errors));
    for (const list of errors) expect(list.some((e) => e.includes('metrics'))).toBe(true);
  });

  it("a tab's unsubscribe removes the wire topic only when no other tab wants it", async () => {
    const [, a, b] = pages as [Page, Page, Page];
    const hold = (page: Page, topic: string) =>
      page.evaluate((t) => (globalThis as unknown as PageSide).share.hold(t), topic);
    const release = (page: Page, topic: string) =>
      page.evaluate((t) => (globalThis as unknown as PageSide).share.release(t), topic);
    const wire = (topic: string) => takhinSockets()[0]?.subscriptions.includes(topic);

    await hold(a, 'orders');
    await hold(b, 'orders');
    await server.waitForConnections(() => wire('topic:orders') === true);
    await release(a, 'orders');
    // A's next subscription arrives after its unsubscribe: once it is on the wire, the owner has both.
    await hold(a, 'marker');
    await server.waitForConnections(() => wire('topic:marker') === true);
    expect(wire('topic:orders')).toBe(true);
    await release(b, 'orders');
    await server.waitForConnections(() => wire('topic:orders') === false);
    expect(takhinSockets()).toHaveLength(1);
  });

  const wants =
    (topic: string) => (cs: readonly { system: string; subscriptions: readonly string[] }[]) =>
      cs.some((c) => c.system === 'takhin' && c.subscriptions.includes(topic));
  const hold = (page: Page, topic: string) =>
    page.evaluate((t) => (globalThis as unknown as PageSide).share.hold(t), topic);

  it('a crashed tab releases its topics within the liveness timeout', async () => {
    const crashing = pages[3] as Page;
    await hold(crashing, 'crashy');
    await server.waitForConnections(wants('topic:crashy'));
    pages.splice(3, 1);
    // No pagehide, no goodbye: the owner finds out by the freed life lock or the missed pings.
    const cdp = await context.newCDPSession(crashing);
    const crashed = new Promise<void>((resolve) => crashing.once('crash', () => resolve()));
    void cdp.send('Page.crash').catch(() => {});
    await crashed;
    await server.waitForConnections(
      (cs) => !wants('topic:crashy')(cs) && wants('topic:marker')(cs),
      LIVENESS.timeoutMs + 3 * LIVENESS.intervalMs + 2000,
    );
  });

  it('a tab closed without its unload handlers (as a crash would) releases only its own topics', async () => {
    const closing = pages[2] as Page;
    await hold(closing, 'closing');
    await server.waitForConnections(wants('topic:closing'));
    await closing.close({ runBeforeUnload: false });
    pages.splice(2, 1);
    await server.waitForConnections(
      (cs) => !wants('topic:closing')(cs) && wants('topic:marker')(cs),
      LIVENESS.timeoutMs + 3 * LIVENESS.intervalMs + 2000,
    );
  });

  it('closing the owning tab keeps the others receiving (the worker stays; without one a new leader takes over)', async () => {
    // Without a worker the owner is the tab with the socket; with one, no tab owns it: close the first.
    const owners = pages.filter(holdsSocket);
    expect(owners).toHaveLength(withoutWorker ? 1 : 0);
    const owner = withoutWorker ? owners[0] : pages[0];
    const first = owner as Page;
    const others = pages.filter((p) => p !== first);
    const before = takhinSockets()[0]?.id;
    const closedAt = Date.now();
    await first.close();
    pages.splice(pages.indexOf(first), 1);
    // Counted after the close: what arrives from here on came through the new owner (or the worker).
    await receivingAgain(others);
    const handoverMs = Date.now() - closedAt;
    // One socket again, with every tab's topics: a leader's socket went with its tab, the worker's stays.
    await server.waitForConnections((cs) => {
      const takhin = cs.filter((c) => c.system === 'takhin');
      return (
        takhin.length === 1 &&
        takhin[0]?.subscriptions.includes('topic:marker') === true &&
        (takhin[0]?.id === before) !== withoutWorker
      );
    });
    console.log(
      `${_name}: other tabs receiving again ${handoverMs} ms after the owning tab closed`,
    );
  });

  it("the owner asks a tab for tokens: a Helios client authenticates with the tab's provider", async () => {
    const token = server.system('helios').issueToken('admin');
    const results = await Promise.all(
      pages
        .slice(0, 2)
        .map((page) =>
          page.evaluate(
            ({ url, token, share }) =>
              (globalThis as unknown as PageSide).share.heliosStatus(url, token, share),
            { url: server.wsUrl, token, share },
          ),
        ),
    );
    for (const result of results) expect(result).toMatch(/^status(_update)? asked=/);
    expect(server.connections('helios')).toHaveLength(1);
    expect(server.connections('helios')[0]?.query.token).toBe(token);
  });
});
