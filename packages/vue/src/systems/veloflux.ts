/**
 * `@feedkit/vue/veloflux`: VeloFlux load balancer composables, one line each
 * over `useFeed`. REST actions (pause, resume, force-update) are
 * `useRestAction(useVeloFluxClient().rest.<action>)`.
 *
 * @example
 * const healthy = useBackends({ select: (m) => m.backends.filter((b) => b.healthy).length });
 */
import type { FeedkitClient, FeedOf, veloflux } from '@feedkit/client';
import { useClient } from '../useClient';
import { type UseFeedOptions, useFeed } from '../useFeed';

export type VeloFluxProtocol = ReturnType<typeof veloflux>;
export type VeloFluxClient = FeedkitClient<VeloFluxProtocol>;
type Message<K extends 'backends' | 'metrics' | 'status'> = FeedOf<VeloFluxProtocol, K>;

/** `useFeed` options plus the client to use instead of the provided one. */
export interface VeloFluxFeedOptions<M, S = M> extends UseFeedOptions<M, S> {
  /** @default the provided VeloFlux client */
  client?: VeloFluxClient;
}

/** The provided VeloFlux client; throws a clear error if the app provided another system's. */
export function useVeloFluxClient(client?: VeloFluxClient): VeloFluxClient {
  return useClient<VeloFluxProtocol>('veloflux', client);
}

/** `backend_status`: every backend with its health, on each tick and on force-update. */
export function useBackends<S = Message<'backends'>>(
  options: VeloFluxFeedOptions<Message<'backends'>, S> = {},
) {
  return useFeed(useVeloFluxClient(options.client).feed('backends'), options);
}

/** Request and pool metrics. */
export function useMetrics<S = Message<'metrics'>>(
  options: VeloFluxFeedOptions<Message<'metrics'>, S> = {},
) {
  return useFeed(useVeloFluxClient(options.client).feed('metrics'), options);
}

/** `system_status`: uptime, version, strategy. */
export function useSystemStatus<S = Message<'status'>>(
  options: VeloFluxFeedOptions<Message<'status'>, S> = {},
) {
  return useFeed(useVeloFluxClient(options.client).feed('status'), options);
}
