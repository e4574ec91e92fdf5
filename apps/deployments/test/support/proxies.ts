import type { ProxyProcess } from '../../src/ProxyProcess';
import type { ReverseProxyOptions } from '../../src/ReverseProxyOptions';
import { startHaproxy } from '../../src/startHaproxy';
import { startNginx } from '../../src/startNginx';
import type { useDeployment } from './useDeployment';

type Start = (dir: string, options: ReverseProxyOptions) => Promise<ProxyProcess>;

/** Both reverse proxies, for `describe.each`. */
export const proxies = [
  ['nginx', startNginx],
  ['haproxy', startHaproxy],
] as const satisfies readonly (readonly [string, Start])[];

/**
 * Starts `start` in front of the deployment's reference server (stopped
 * after the test) and returns its `ws://` and `http://` base URLs.
 */
export async function inFront(
  deployment: ReturnType<typeof useDeployment>,
  start: Start,
  options: Omit<ReverseProxyOptions, 'upstreamPort'> & { readonly upstreamPort?: number } = {},
) {
  const proxy = await start(deployment.dir, {
    upstreamPort: deployment.server.port,
    ...options,
  });
  deployment.defer(() => proxy.stop());
  return {
    proxy,
    wsUrl: `ws://127.0.0.1:${proxy.port}`,
    httpUrl: `http://127.0.0.1:${proxy.port}`,
  };
}
