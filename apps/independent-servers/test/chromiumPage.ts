import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { bundleForBrowser } from '../../../packages/client/test/support/bundleForBrowser';
// The repository's one Chromium launcher (Debian's chromium, offline flags; fails loudly when missing)
// and the client tests' browser bundler (the client from sources, isomorphic-ws as the native WebSocket).
import { launchChromium } from '../../dashboard/test/support/launchChromium';
import type { BindingName, FeedkitPage } from './browser/pageEntry';
import type { ServerProcess } from './serverProcess';

type Method = keyof FeedkitPage;

/** One WebSocket handshake as Chromium's network layer saw it. */
export interface Handshake {
  readonly url: string;
  readonly status: number;
  /** The `Sec-WebSocket-Extensions` the server accepted ('' for none). */
  readonly extensions: string;
}

/** A page of its own origin running the client in headless Chromium. */
export interface ChromiumPage {
  /** The page's origin (`http://127.0.0.1:<port>`): not the servers' origin, as in a deployment. */
  readonly origin: string;
  /** Every WebSocket handshake the page has made so far, answered ones only. */
  handshakes(): readonly Handshake[];
  /** Runs `feedkitPage[method](...args)` in the page and returns its (awaited) result. */
  call<M extends Method>(
    method: M,
    ...args: Parameters<FeedkitPage[M]>
  ): Promise<Awaited<ReturnType<FeedkitPage[M]>>>;
  /** A client of `binding(options)` at `url` in the page (`extra`: more client options), closed after `body`. */
  withClient<T>(
    [binding, url, options, extra]: readonly [BindingName, string, unknown?, object?],
    body: (id: string) => Promise<T>,
  ): Promise<T>;
  close(): Promise<void>;
}

/** The page cannot see which extensions its sockets negotiated; the DevTools protocol can. */
async function recordHandshakes(context: BrowserContext, page: Page): Promise<Handshake[]> {
  const cdp = await context.newCDPSession(page);
  const urls = new Map<string, string>();
  const handshakes: Handshake[] = [];
  cdp.on('Network.webSocketCreated', ({ requestId, url }) => urls.set(requestId, url));
  cdp.on('Network.webSocketHandshakeResponseReceived', ({ requestId, response }) => {
    const header = Object.entries(response.headers).find(
      ([name]) => name.toLowerCase() === 'sec-websocket-extensions',
    );
    const url = urls.get(requestId) ?? '';
    handshakes.push({ url, status: response.status, extensions: header?.[1] ?? '' });
  });
  await cdp.send('Network.enable');
  return handshakes;
}

/**
 * Serves the bundled page from a Node server on port 0 and opens it in
 * Chromium. The origin is known before any Python server starts, so they
 * can be told which origin their CORS headers allow.
 */
export async function openChromiumPage(): Promise<ChromiumPage> {
  const bundle = await bundleForBrowser(new URL('./browser/pageEntry.ts', import.meta.url));
  const pages = createServer((request, response) => {
    if (request.url === '/page.js') {
      response.writeHead(200, { 'content-type': 'text/javascript' }).end(bundle);
      return;
    }
    const html = '<!doctype html><title>feedkit</title><script src="/page.js"></script>';
    response.writeHead(200, { 'content-type': 'text/html' }).end(html);
  });
  await new Promise<void>((resolve) => pages.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(pages.address() as AddressInfo).port}`;
  let browser: Browser | undefined;
  try {
    browser = await launchChromium();
    const context = await browser.newContext();
    // Newer Chromium asks before a page reaches a local address.
    await context.grantPermissions(['local-network-access']).catch(() => {});
    const page = await context.newPage();
    page.on('pageerror', (error) => console.error(`page error: ${error.message}`));
    const handshakes = await recordHandshakes(context, page);
    await page.goto(`${origin}/`);
    const opened = browser;
    const call: ChromiumPage['call'] = (method, ...args) =>
      page.evaluate(
        ([m, a]) => {
          const target = (globalThis as unknown as { feedkitPage: FeedkitPage }).feedkitPage;
          return (target[m as Method] as (...x: unknown[]) => unknown)(...(a as unknown[]));
        },
        [method, args] as const,
      ) as never;
    let sessions = 0;
    return {
      origin,
      handshakes: () => handshakes.slice(),
      call,
      withClient: async ([binding, url, options, extra], body) => {
        const id = `${binding}-${++sessions}`;
        await call('open', id, binding, url, options, extra);
        try {
          return await body(id);
        } finally {
          await call('close', id);
        }
      },
      close: async () => {
        await opened.close();
        await new Promise((resolve) => pages.close(resolve));
      },
    };
  } catch (error) {
    await browser?.close();
    await new Promise((resolve) => pages.close(resolve));
    throw error;
  }
}

/** A page and the servers it talks to. */
export interface PageWithServers<N extends string, S extends ServerProcess> {
  readonly page: ChromiumPage;
  readonly servers: Readonly<Record<N, S>>;
  /** Closes the page and stops every server. */
  close(): Promise<void>;
}

/**
 * Opens the page, then starts the servers `start` names, all at once, each
 * told the page's origin through `cors` (`--cors-origin <origin>`) where it
 * passes them on. If one fails, the others and the page are closed.
 */
export async function openPageWithServers<N extends string, S extends ServerProcess>(
  start: (cors: readonly string[]) => Record<N, Promise<S>>,
): Promise<PageWithServers<N, S>> {
  const page = await openChromiumPage();
  const starting = Object.entries<Promise<S>>(start(['--cors-origin', page.origin]));
  const settled = await Promise.allSettled(starting.map(([, server]) => server));
  const started = settled.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
  const close = async () => {
    await page.close();
    await Promise.all(started.map((s) => s.stop()));
  };
  const failed = settled.find((s) => s.status === 'rejected');
  if (failed !== undefined) {
    await close();
    throw failed.reason;
  }
  // Nothing was rejected, so `started` holds every server in `starting`'s order.
  const servers = {} as Record<N, S>;
  starting.forEach(([name], i) => {
    servers[name as N] = started[i] as S;
  });
  return { page, servers, close };
}
