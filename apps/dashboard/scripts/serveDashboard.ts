import { fileURLToPath } from 'node:url';
import { build, type PreviewServer, preview } from 'vite';
import { quietProxyLogger } from './quietProxyLogger';

/** The dashboard app's folder (where vite.config.ts is). */
export const dashboardRoot = fileURLToPath(new URL('..', import.meta.url));

/** Builds the page into `outDir` (relative to the app). @default 'dist' */
export async function buildDashboard(outDir = 'dist'): Promise<void> {
  await build({ root: dashboardRoot, logLevel: 'warn', build: { outDir } });
}

export interface ServeOptions {
  /** The reference server the page's same-origin proxy forwards to, e.g. `http://127.0.0.1:8080`. */
  readonly target: string;
  /** Port of the page; 0 picks a free one. @default 5173 */
  readonly port?: number;
  /** @default 'dist' */
  readonly outDir?: string;
}

/** Serves the built page with Vite's preview server, proxying the five systems to `target`. */
export async function previewDashboard(
  options: ServeOptions,
): Promise<{ url: string; close: () => Promise<void> }> {
  // vite.config.ts reads the proxy target from here when preview() loads it.
  process.env.FEEDKIT_SERVER = options.target;
  const server: PreviewServer = await preview({
    root: dashboardRoot,
    logLevel: 'warn',
    customLogger: quietProxyLogger('warn'),
    build: { outDir: options.outDir ?? 'dist' },
    preview: { port: options.port ?? 5173, strictPort: true, host: '127.0.0.1' },
  });
  const address = server.httpServer.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  return { url: `http://127.0.0.1:${port}/`, close: () => server.close() };
}
