/**
 * `@feedkit/react/veloflux`: hooks for VeloFlux's three sockets
 * (`/api/ws/backends`, `/api/ws/metrics`, `/api/ws/status`).
 * The provider's client must be a VeloFlux client.
 */
import type { FeedkitClient, veloflux } from '@feedkit/client';
import type { VeloFlux } from '@feedkit/protocol';
import { useClient } from '../useClient';
import { type UseFeedOptions, useFeed } from '../useFeed';
import { type RestAction, useRestAction } from '../useRestAction';

export type VeloFluxClient = FeedkitClient<ReturnType<typeof veloflux>>;

/** The provider's client, typed for VeloFlux; throws if it is another system's. */
export const useVeloFluxClient = (): VeloFluxClient => useClient('veloflux');

/**
 * The latest `backend_status` (every 5 s and on force-update). Select one
 * backend to re-render only when that backend changes:
 *
 * @example
 * const api1 = useBackends({ select: (m) => m.backends.find((b) => b.address === address) });
 */
export function useBackends<S = VeloFlux.BackendStatusMessage>(
  options?: UseFeedOptions<VeloFlux.BackendStatusMessage, S>,
): S | undefined {
  return useFeed(useVeloFluxClient().feed('backends'), options);
}

/** The latest `metrics` (every 10 s and on force-update). */
export function useMetrics<S = VeloFlux.MetricsMessage>(
  options?: UseFeedOptions<VeloFlux.MetricsMessage, S>,
): S | undefined {
  return useFeed(useVeloFluxClient().feed('metrics'), options);
}

/** The latest `system_status` (every 15 s and on force-update). */
export function useSystemStatus<S = VeloFlux.SystemStatusMessage>(
  options?: UseFeedOptions<VeloFlux.SystemStatusMessage, S>,
): S | undefined {
  return useFeed(useVeloFluxClient().feed('status'), options);
}

/**
 * `POST /api/ws/control` with `action: 'pause'`, with pending and error state.
 *
 * @example
 * const pause = usePause();
 * <button onClick={() => pause.run('backends')} disabled={pause.pending}>Pause</button>
 */
export function usePause(): RestAction<[type?: VeloFlux.UpdateTarget], VeloFlux.ControlResponse> {
  return useRestAction(useVeloFluxClient().rest.pause);
}

/** `POST /api/ws/control` with `action: 'resume'`, with pending and error state. */
export function useResume(): RestAction<[type?: VeloFlux.UpdateTarget], VeloFlux.ControlResponse> {
  return useRestAction(useVeloFluxClient().rest.resume);
}

/** `POST /api/ws/force-update`: the server pushes the chosen streams at once (`forced: true`). */
export function useForceUpdate(): RestAction<
  [body: VeloFlux.ForceUpdateRequest],
  VeloFlux.ForceUpdateResponse
> {
  return useRestAction(useVeloFluxClient().rest.forceUpdate);
}
