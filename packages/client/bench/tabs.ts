/**
 * Five tabs of one browser context reading the same feed, in headless
 * Chromium: through one shared socket (`share: tabs()`, owner in a
 * SharedWorker; each frame decoded once there and posted to every tab)
 * against five independent sockets (each tab decodes its own copy).
 *
 * - throughput: N numbered frames as fast as the socket takes them; messages
 *   delivered to the five tabs per second, from the first arrival in any tab
 *   to the last;
 * - latency: frames paced a few ms apart; server send -> tab delivery, p50 and
 *   p99 over every delivery. Both clocks are `timeOrigin + now()` of their
 *   process; an offset between them is the same in both modes, so the
 *   difference of the two is what the hop adds.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { build } from 'esbuild';
import type { Browser, Page } from 'playwright-core';
import { type WebSocket, WebSocketServer } from 'ws';
import { launchChromium } from '../../../apps/dashboard/test/support/launchChromium';
import { payloads } from './payloads';

export const TABS = 5;
export type TabsMode =
  | 'shared socket (SharedWorker)'
  | 'shared socket (leader tab)'
  | 'independent sockets';

export interface TabsRun {
  readonly delivered: number;
  readonly perSecond: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
}

const now = () => performance.timeOrigin + performance.now();

/** Frame `i` of the blast: the bench's Takhin metrics with the index as `produceRate`. */
function frame(index: number): string {
  return payloads.metrics.frame.replace('"produceRate":1500.5', `"produceRate":${index}`);
}

class Blaster {
  readonly sockets = new Set<WebSocket>();
  readonly server: WebSocketServer;
  port = 0;

  constructor() {
    this.server = new WebSocketServer({ port: 0, host: '127.0.0.1', perMessageDeflate: false });
    this.server.on('connection', (socket) => {
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
    });
  }

  async ready(): Promise<void> {
    if (this.server.address() === null) {
      await new Promise<void>((resolve) => this.server.once('listening', resolve));
    }
    this.port = (this.server.address() as AddressInfo).port;
  }

  /** Sends frames 0..n-1 to every socket; `gapMs` 0 sends as fast as the sockets drain. Returns send times. */
  async blast(n: number, gapMs: number): Promise<Float64Array> {
    const sent = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const text = frame(i);
      sent[i] = now();
      for (const socket of this.sockets) socket.send(text);
      if (gapMs > 0) await new Promise((resolve) => setTimeout(resolve, gapMs));
      else await this.#drain();
    }
    return sent;
  }

  async #drain(): Promise<void> {
    while ([...this.sockets].some((s) => s.bufferedAmount > 1 << 20)) {
      await new Promise((resolve) => setImmediate(resolve));
    }
  }

  close(): Promise<void> {
    for (const socket of this.sockets) socket.terminate();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

interface Side {
  tabsBench: {
    start(url: string, share: object | false): void;
    take(): { arrivals: number[]; warm: number };
    stop(): void;
    count(): number;
    warm(): number;
  };
}

export class TabsBench {
  #browser: Browser | undefined;
  #site: Server | undefined;
  #origin = '';
  readonly #blaster = new Blaster();

  async start(): Promise<void> {
    const bundle = async (entry: string, format: 'iife' | 'esm') =>
      (
        await build({
          entryPoints: [new URL(entry, import.meta.url).pathname],
          bundle: true,
          write: false,
          minify: true,
          platform: 'browser',
          format,
          target: 'es2022',
          conditions: ['@feedkit/source'],
          logLevel: 'silent',
        })
      ).outputFiles[0]?.text ?? '';
    const files: Record<string, string> = {
      '/': '<!doctype html><title>tab</title><script src="/page.js"></script>',
      '/page.js': await bundle('./tabsPage.ts', 'iife'),
      '/shareWorker.js': await bundle('../src/share/shareWorker.ts', 'esm'),
    };
    this.#site = createServer((request, response) => {
      const body = files[request.url ?? ''];
      response.writeHead(body === undefined ? 404 : 200, {
        'Content-Type': request.url === '/' ? 'text/html' : 'text/javascript',
      });
      response.end(body ?? '');
    });
    await new Promise<void>((resolve) => this.#site?.listen(0, '127.0.0.1', resolve));
    this.#origin = `http://127.0.0.1:${(this.#site.address() as AddressInfo).port}`;
    await this.#blaster.ready();
    this.#browser = await launchChromium();
  }

  /** One measurement: five fresh tabs in a fresh context, `n` frames with `gapMs` between them. */
  async run(mode: TabsMode, n: number, gapMs: number): Promise<TabsRun> {
    const browser = this.#browser as Browser;
    const context = await browser.newContext();
    await context.grantPermissions(['local-network-access']).catch(() => {});
    const share: object | false =
      mode === 'independent sockets'
        ? false
        : { worker: mode === 'shared socket (leader tab)' ? false : '/shareWorker.js' };
    const pages: Page[] = [];
    for (let i = 0; i < TABS; i++) {
      const page = await context.newPage();
      await page.goto(`${this.#origin}/`);
      await page.evaluate(
        ({ url, share }) => (globalThis as unknown as Side).tabsBench.start(url, share),
        { url: `ws://127.0.0.1:${this.#blaster.port}`, share },
      );
      pages.push(page);
    }
    await this.#warmUp(pages, mode === 'independent sockets' ? TABS : 1);
    const sent = await this.#blaster.blast(n, gapMs);
    // Everything sent is delivered to every tab before it counts.
    for (const page of pages) {
      await page.waitForFunction((n) => (globalThis as unknown as Side).tabsBench.count() >= n, n, {
        timeout: 120_000,
        polling: 50,
      });
    }
    const results = await Promise.all(
      pages.map((page) => page.evaluate(() => (globalThis as unknown as Side).tabsBench.take())),
    );
    await context.close();
    return summarize(
      results.map((r) => r.arrivals),
      sent,
    );
  }

  /** Sends numbered-below-zero frames until every tab has one: all tabs hold the feed. */
  async #warmUp(pages: readonly Page[], sockets: number): Promise<void> {
    while (this.#blaster.sockets.size < sockets) await new Promise((r) => setTimeout(r, 10));
    for (;;) {
      for (const socket of this.#blaster.sockets) socket.send(frame(-1));
      const warm = await Promise.all(
        pages.map((page) => page.evaluate(() => (globalThis as unknown as Side).tabsBench.warm())),
      );
      if (warm.every((w) => w > 0)) break;
      await new Promise((r) => setTimeout(r, 20));
    }
    await Promise.all(
      pages.map((page) => page.evaluate(() => (globalThis as unknown as Side).tabsBench.take())),
    );
  }

  async stop(): Promise<void> {
    await this.#browser?.close();
    await this.#blaster.close();
    await new Promise((resolve) => this.#site?.close(resolve));
  }
}

function summarize(perTab: readonly number[][], sent: Float64Array): TabsRun {
  let first = Infinity;
  let last = -Infinity;
  let delivered = 0;
  const latencies: number[] = [];
  for (const arrivals of perTab) {
    for (let i = 0; i < arrivals.length; i += 2) {
      const index = arrivals[i] as number;
      const at = arrivals[i + 1] as number;
      first = Math.min(first, at);
      last = Math.max(last, at);
      delivered++;
      latencies.push(at - (sent[index] as number));
    }
  }
  latencies.sort((a, b) => a - b);
  const pick = (q: number) =>
    latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? NaN;
  return {
    delivered,
    perSecond: delivered / ((last - first) / 1000),
    p50Ms: pick(0.5),
    p99Ms: pick(0.99),
  };
}

const MODES: readonly TabsMode[] = [
  'independent sockets',
  'shared socket (SharedWorker)',
  'shared socket (leader tab)',
];

/** Best of `rounds` per mode, modes alternating within a round so each sees the same machine load. */
export async function measureTabs(
  options: { readonly rounds: number; readonly messages: number; readonly paced: number },
  progress: (what: string) => void,
): Promise<Map<TabsMode, { throughput: TabsRun; latency: TabsRun }>> {
  const bench = new TabsBench();
  await bench.start();
  const best = new Map<TabsMode, { throughput: TabsRun; latency: TabsRun }>();
  try {
    for (let round = 1; round <= options.rounds; round++) {
      for (const mode of MODES) {
        const throughput = await bench.run(mode, options.messages, 0);
        const latency = await bench.run(mode, options.paced, 3);
        progress(`tabs round ${round}: ${mode}`);
        const previous = best.get(mode);
        best.set(mode, {
          throughput:
            previous && previous.throughput.perSecond > throughput.perSecond
              ? previous.throughput
              : throughput,
          latency: previous && previous.latency.p50Ms < latency.p50Ms ? previous.latency : latency,
        });
      }
    }
  } finally {
    await bench.stop();
  }
  return best;
}
