/**
 * `@feedkit/react/helios`: hooks for the Helios cluster gateway `/ws/cluster`
 * (one socket; each hook turns on its subscription flag while mounted).
 * The provider's client must be a Helios client.
 */
import type { FeedkitClient, helios } from '@feedkit/client';
import type { Helios } from '@feedkit/protocol';
import { type ClientOption, useClient } from '../useClient';
import { type UseFeedOptions, useFeed } from '../useFeed';
import { type RestAction, useRestAction } from '../useRestAction';

export type HeliosProtocol = ReturnType<typeof helios>;
export type HeliosClient = FeedkitClient<HeliosProtocol>;

/** `useFeed` options plus the client to use instead of the provider's. */
export interface HeliosFeedOptions<M, S = M>
  extends UseFeedOptions<M, S>,
    ClientOption<HeliosClient> {}

/** The provider's (or the given) client, typed for Helios; throws if it is another system's. */
export const useHeliosClient = (client?: HeliosClient): HeliosClient =>
  useClient<HeliosProtocol>('helios', client);

/** The latest cluster status (`status` every 5 s, or `status_update`). */
export function useClusterStatus<S = Helios.AnyStatusMessage>(
  options?: HeliosFeedOptions<Helios.AnyStatusMessage, S>,
): S | undefined {
  return useFeed(useHeliosClient(options?.client).feed('status'), options);
}

/** The latest Raft role transition. */
export function useStateChanges<S = Helios.StateChangeMessage>(
  options?: HeliosFeedOptions<Helios.StateChangeMessage, S>,
): S | undefined {
  return useFeed(useHeliosClient(options?.client).feed('stateChanges'), options);
}

/** The latest peer added to or removed from the cluster. */
export function usePeerChanges<S = Helios.PeerChangeMessage>(
  options?: HeliosFeedOptions<Helios.PeerChangeMessage, S>,
): S | undefined {
  return useFeed(useHeliosClient(options?.client).feed('peerChanges'), options);
}

/** The latest latency report. */
export function useLatency<S = Helios.LatencyMessage>(
  options?: HeliosFeedOptions<Helios.LatencyMessage, S>,
): S | undefined {
  return useFeed(useHeliosClient(options?.client).feed('latency'), options);
}

/** The latest uptime report. */
export function useUptime<S = Helios.UptimeMessage>(
  options?: HeliosFeedOptions<Helios.UptimeMessage, S>,
): S | undefined {
  return useFeed(useHeliosClient(options?.client).feed('uptime'), options);
}

/** The latest snapshot taken. */
export function useSnapshots<S = Helios.SnapshotMessage>(
  options?: HeliosFeedOptions<Helios.SnapshotMessage, S>,
): S | undefined {
  return useFeed(useHeliosClient(options?.client).feed('snapshots'), options);
}

/** The latest custom metrics. */
export function useCustomMetrics<S = Helios.CustomMetricsMessage>(
  options?: HeliosFeedOptions<Helios.CustomMetricsMessage, S>,
): S | undefined {
  return useFeed(useHeliosClient(options?.client).feed('customMetrics'), options);
}

/**
 * `POST /api/auth/login` with pending and error state. On success the client
 * uses the token for the socket from its next (re)connect on.
 *
 * @example
 * const login = useLogin();
 * <button onClick={() => login.run({ username, password })} disabled={login.pending}>Sign in</button>
 */
export function useLogin(
  client?: HeliosClient,
): RestAction<[credentials: Helios.LoginRequest], Helios.LoginResponse> {
  return useRestAction(useHeliosClient(client).rest.login);
}
