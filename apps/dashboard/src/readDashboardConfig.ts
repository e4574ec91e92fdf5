export interface DashboardConfig {
  /** Base socket URL of the reference server (`ws://host:port`). */
  readonly url: string;
  /** Cap of the reconnect backoff, in ms; the client's default when absent. */
  readonly maxRetryMs?: number;
}

/**
 * Where the page's five clients connect:
 * `?server=http://host:port` first, then `VITE_FEEDKIT_URL`, then the page's
 * own origin (which Vite proxies to the reference server).
 * `?maxRetryMs=` caps the reconnect backoff (the e2e test uses it to keep
 * an outage short; users keep the 30 s default).
 */
export function readDashboardConfig(
  location: Pick<Location, 'search' | 'origin'>,
  env: { readonly VITE_FEEDKIT_URL?: string },
): DashboardConfig {
  const params = new URLSearchParams(location.search);
  const server = params.get('server') || env.VITE_FEEDKIT_URL || location.origin;
  const url = new URL(server);
  // The client opens sockets on this base and derives http(s) for REST from it.
  const scheme = url.protocol === 'https:' || url.protocol === 'wss:' ? 'wss:' : 'ws:';
  const maxRetry = Number(params.get('maxRetryMs'));
  return {
    url: `${scheme}//${url.host}`,
    maxRetryMs: Number.isFinite(maxRetry) && maxRetry > 0 ? maxRetry : undefined,
  };
}
