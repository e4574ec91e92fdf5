import { fileURLToPath } from 'node:url';
import { createServer, type ViteDevServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dashboardRoot } from '../scripts/serveDashboard';

/**
 * `pnpm demo` runs Vite's dev server over the client's sources: the share
 * code's `new SharedWorker(new URL('./shareWorker.ts', import.meta.url))`
 * must be rewritten to a worker URL the dev server serves (the production
 * build is covered by share.e2e.test.ts, which loads the built page).
 */
const openShareWorker = fileURLToPath(
  new URL('../../../packages/client/src/share/openShareWorker.ts', import.meta.url),
);

describe('the SharedWorker under Vite dev (pnpm demo)', () => {
  let server: ViteDevServer;
  let origin: string;

  beforeAll(async () => {
    server = await createServer({
      root: dashboardRoot,
      logLevel: 'silent',
      server: { port: 0, host: '127.0.0.1', strictPort: false },
    });
    await server.listen();
    const address = server.httpServer?.address();
    origin = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  });

  afterAll(async () => {
    await server?.close();
  });

  it('rewrites the worker URL, and serves the worker script there', async () => {
    const module = await server.transformRequest(`/@fs${openShareWorker}`);
    const url = module?.code.match(/"([^"]*shareWorker\.ts\?worker_file[^"]*)"/)?.[1];
    expect(url, 'no worker URL in the transformed openShareWorker.ts').toBeDefined();
    const response = await fetch(`${origin}${url}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/javascript/);
    // The worker's own code: it answers tabs that connect.
    expect(await response.text()).toContain('onconnect');
  });
});
