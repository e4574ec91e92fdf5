import { build } from 'esbuild';

/**
 * A test entry bundled as a page would load the client: for the browser
 * (so isomorphic-ws resolves to the native WebSocket), one IIFE, from sources.
 */
export async function bundleForBrowser(entry: URL): Promise<string> {
  const bundle = await build({
    entryPoints: [entry.pathname],
    bundle: true,
    write: false,
    platform: 'browser',
    format: 'iife',
    target: 'es2022',
    conditions: ['@feedkit/source'],
    logLevel: 'silent',
  });
  return bundle.outputFiles[0]?.text ?? '';
}
