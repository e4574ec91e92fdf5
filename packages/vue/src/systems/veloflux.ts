/**
 * `@feedkit/vue/veloflux`: VeloFlux load balancer composables, one line each
 * over `useFeed`, plus the control endpoints over `useRestAction`.
 *
 * @example
 * const healthy = useBackends({ select: (m) => m.backends.filter((b) => b.healthy).length });
 */
import type { FeedkitClient, FeedOf, veloflux } from '@feedkit/client';
import type { VeloFlux } from '@feedkit/protocol';
import { type MaybeRefOrGetter, toValue } from 'vue';
import { type ClientOption, useClient } from '../useClient';
import { type UseFeedOptions, useFeed } from '../useFeed';
import { type RestAction, useRestAction } from '../useRestAction';

export type VeloFluxProtocol = ReturnType<typeof veloflux>;
export type VeloFluxClient = FeedkitClient<VeloFluxProtocol>;
type Message<K extends 'backends' | 'metrics' | 'status'> = FeedOf<VeloFluxProtocol, K>;

/** `useFeed` options plus the client to use instead of the provided one. */
export interface VeloFluxFeedOptions<M, S = M>
  extends UseFeedOptions<M, S>,
    ClientOption<VeloFluxClient> {}
type Options<K extends 'backends' | 'metrics' | 'status', S> = MaybeRefOrGetter<
  VeloFluxFeedOptions<Message<K>, S>
>;

/** The provided VeloFlux client; throws a clear error if the app provided another system's. */
export function useVeloFluxClient(client?: VeloFluxClient): VeloFluxClient {
  return useClient<VeloFluxProtocol>('veloflux', client);
}

/** `backend_status`: every backend with its health, on each tick and on force-update. */
export function useBackends<S = Message<'backends'>>(options: Options<'backends', S> = {}) {
  return useFeed(useVeloFluxClient(toValue(options).client).feed('backends'), options);
}

/** Request and pool metrics. */
export function useMetrics<S = Message<'metrics'>>(options: Options<'metrics', S> = {}) {
  return useFeed(useVeloFluxClient(toValue(options).client).feed('metrics'), options);
}

/** `system_status`: uptime, version, strategy. */
export function useSystemStatus<S = Message<'status'>>(options: Options<'status', S> = {}) {
  return useFeed(useVeloFluxClient(toValue(options).client).feed('status'), options);
}

/**
 * `POST /api/ws/control` with `action: 'pause'`, with `pending` / `error` / `data` refs.
 * @example
 * const pause = usePause();
 * // <button :disabled="pause.pending.value" @click="pause.run('backends')">Pause</button>
 */
export function usePause(
  client?: VeloFluxClient,
): RestAction<[type?: VeloFlux.UpdateTarget], VeloFlux.ControlResponse> {
  return useRestAction(useVeloFluxClient(client).rest.pause);
}

/** `POST /api/ws/control` with `action: 'resume'`, with `pending` / `error` / `data` refs. */
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
