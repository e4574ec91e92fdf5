/**
 * The reference server: all five systems on one port with live simulated
 * data, auth and limits, and a fault handle for integration tests
 * (`restart`, `dropConnections`, `freeze`/`thaw`, `emit`). Node only.
 *
 * @example
 * const server = await startReferenceServer({ timeScale: 0.01, seed: 1 });
 * const client = createClient({ url: server.wsUrl, protocol: takhin(), backoff: () => 0 });
 * server.freeze(); // the client's heartbeat finds the peer dead
 * await server.stop();
 */
export {
  type ConnectionInfo,
  type DriftOptions,
  type DriftStats,
  ReferenceServer,
  type ReferenceServerOptions,
  startReferenceServer,
} from '@feedkit/reference-server';
