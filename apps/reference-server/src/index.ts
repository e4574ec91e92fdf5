import { ReferenceServer } from './ReferenceServer';
import type { ReferenceServerOptions } from './ReferenceServerOptions';

export type { ConnectionInfo } from './Connection';
export type { DriftOptions, DriftStats } from './drift/DriftOptions';
export { EXTRA_FIELD_NAMES } from './drift/varyMessage';
export { ReferenceServer } from './ReferenceServer';
export type { ReferenceServerOptions } from './ReferenceServerOptions';
export type { SystemOptions, Systems } from './systems/createSystems';

/**
 * Starts all five systems on one port (a free one by default) and returns
 * the handle tests drive it with.
 *
 * @example
 * const server = await startReferenceServer({ timeScale: 0.01, seed: 1 });
 * const ws = new WebSocket(`${server.wsUrl}/api/monitoring/ws`);
 * // ...
 * await server.stop();
 */
export function startReferenceServer(
  options: ReferenceServerOptions = {},
): Promise<ReferenceServer> {
  return new ReferenceServer(options).start();
}
