/**
 * Starts (or joins) the SharedWorker and returns its port; `undefined` when
 * the browser refuses (a CSP without `worker-src 'self'`, a bad URL).
 * `onFailed` is called when the script does not load after all.
 *
 * The default is written as `new SharedWorker(new URL(..., import.meta.url))`
 * so that bundlers (Vite, webpack 5, Parcel) see the worker and emit it; the
 * build points it at `dist/shareWorker.js`. A Blob URL would need no file,
 * but every page gets its own Blob URL, so no two tabs would ever share the
 * worker (and a strict CSP blocks `blob:` workers).
 */
export function openShareWorker(
  worker: string | URL | undefined,
  name: string,
  onFailed: () => void,
): MessagePort | undefined {
  let shared: SharedWorker;
  try {
    shared =
      worker === undefined
        ? new SharedWorker(new URL('./shareWorker.ts', import.meta.url), {
            type: 'module',
            name: 'feedkit-share',
          })
        : new SharedWorker(worker, { type: 'module', name });
  } catch {
    return undefined;
  }
  shared.onerror = () => onFailed();
  return shared.port;
}
