/**
 * `@feedkit/react/veloflux`: hooks for VeloFlux's three sockets
 * (`/api/ws/backends`, `/api/ws/metrics`, `/api/ws/status`).
 * The provider's client must be a VeloFlux client.
 */
import type { FeedkitClient, veloflux } from '@feedkit/client';
import type { VeloFlux } from '@feedkit/protocol';
import { type ClientOption, useClient } from '../useClient';
import { type UseFeedOptions, useFeed } from '../useFeed';
import { type RestAction, useRestAction } from '../useRestAction';

export type VeloFluxProtocol = ReturnType<typeof veloflux>;
export type VeloFluxClient = FeedkitClient<VeloFluxProtocol>;

/** `useFeed` options plus the client to use instead of the provider's. */
export interface VeloFluxFeedOptions<M, S = M>
  extends UseFeedOptions<M, S>,
    ClientOption<VeloFluxClient> {}

/** The provider's (or the given) client, typed for VeloFlux; throws if it is another system's. */
export const useVeloFluxClient = (client?: VeloFluxClient): VeloFluxClient =>
  useClient<VeloFluxProtocol>('veloflux', client);

/**
 * The latest `backend_status` (every 5 s and on force-update). Select one
 * backend to re-render only when that backend changes:
 *
 * @example
 * const api1 = useBackends({ select: (m) => m.backends.find((b) => b.address === address) });
 */
export function useBackends<S = VeloFlux.BackendStatusMessage>(
  options?: VeloFluxFeedOptions<VeloFlux.BackendStatusMessage, S>,
): S | undefined {
  return useFeed(useVeloFluxClient(options?.client).feed('backends'), options);
}

/** The latest `metrics` (every 10 s and on force-update). */
export function useMetrics<S = VeloFlux.MetricsMessage>(
  options?: VeloFluxFeedOptions<VeloFlux.MetricsMessage, S>,
): S | undefined {
  return useFeed(useVeloFluxClient(options?.client).feed('metrics'), options);
}

/** The latest `system_status` (every 15 s and on force-update). */
export function useSystemStatus<S = VeloFlux.SystemStatusMessage>(
  options?: VeloFluxFeedOptions<VeloFlux.SystemStatusMessage, S>,
): S | undefined {
  return useFeed(useVeloFluxClient(options?.client).feed('status'), options);
}

/**
 * `POST /api/ws/control` with `action: 'pause'`, with pending and error state.
 *
 * @example
 * const pause = usePause();
 * <button onClick={() => pause.run('backends')} disabled={pause.pending}>Pause</button>
 */
export function usePause(
  client?: VeloFluxClient,
): RestAction<[type?: VeloFlux.UpdateTarget], VeloFlux.ControlResponse> {
  return useRestAction(useVeloFluxClient(client).rest.pause);
}

/** `POST /api/ws/control` with `action: 'resume'`, with pending and error state. */
export function useResume(
  client?: VeloFluxClient,
): RestAction<[type?: VeloFlux.UpdateTarget], VeloFlux.ControlResponse> {
  return useRestAction(useVeloFluxClient(client).rest.resume);
}

/** `POST /api/ws/force-update`: the server pushes the chosen streams at once (`forced: true`). */
export function useForceUpdate(
  client?: VeloFluxClient,
): RestAction<[body: VeloFlux.ForceUpdateRequest], VeloFlux.ForceUpdateResponse> {
  return useRestAction(useVeloFluxClient(client).rest.forceUpdate);
}
