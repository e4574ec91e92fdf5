import { gzipSync } from 'node:zlib';
import { build, type Metafile } from 'esbuild';

export interface BrowserBundle {
  readonly code: string;
  readonly metafile: Metafile;
  /** Minified bytes. */
  readonly minified: number;
  /** gzip -9 bytes. */
  readonly gzip: number;
}

/**
 * `source` bundled as a user's build would for a browser page: esbuild,
 * platform browser, ESM, minified, production, every dependency inside,
 * resolved from `resolveDir` through the packages' `exports` (no source
 * condition, so workspace packages come from their built `dist`).
 */
export async function browserBundle(source: string, resolveDir: string): Promise<BrowserBundle> {
  const result = await build({
    stdin: { contents: source, resolveDir, loader: 'ts' },
    bundle: true,
    write: false,
    platform: 'browser',
    format: 'esm',
    target: 'es2022',
    minify: true,
    metafile: true,
    logLevel: 'silent',
    define: { 'process.env.NODE_ENV': '"production"' },
  });
  const code = result.outputFiles[0]?.text ?? '';
  return {
    code,
    metafile: result.metafile,
    minified: Buffer.byteLength(code),
    gzip: gzipSync(code, { level: 9 }).length,
  };
}
