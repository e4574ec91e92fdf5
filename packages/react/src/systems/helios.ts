/**
 * `@feedkit/react/helios`: hooks for the Helios cluster gateway `/ws/cluster`
 * (one socket; each hook turns on its subscription flag while mounted).
 * The provider's client must be a Helios client.
 */
import type { FeedkitClient, helios } from '@feedkit/client';
import type { Helios } from '@feedkit/protocol';
import { useClient } from '../useClient';
import { type UseFeedOptions, useFeed } from '../useFeed';
import { type RestAction, useRestAction } from '../useRestAction';

export type HeliosClient = FeedkitClient<ReturnType<typeof helios>>;

/** The provider's client, typed for Helios; throws if it is another system's. */
export const useHeliosClient = (): HeliosClient => useClient('helios');

/** The latest cluster status (`status` every 5 s, or `status_update`). */
export function useClusterStatus<S = Helios.AnyStatusMessage>(
  options?: UseFeedOptions<Helios.AnyStatusMessage, S>,
): S | undefined {
  return useFeed(useHeliosClient().feed('status'), options);
}

/** The latest Raft role transition. */
export function useStateChanges<S = Helios.StateChangeMessage>(
  options?: UseFeedOptions<Helios.StateChangeMessage, S>,
): S | undefined {
  return useFeed(useHeliosClient().feed('stateChanges'), options);
}

/** The latest peer added to or removed from the cluster. */
export function usePeerChanges<S = Helios.PeerChangeMessage>(
  options?: UseFeedOptions<Helios.PeerChangeMessage, S>,
): S | undefined {
  return useFeed(useHeliosClient().feed('peerChanges'), options);
}

/** The latest latency report. */
export function useLatency<S = Helios.LatencyMessage>(
  options?: UseFeedOptions<Helios.LatencyMessage, S>,
): S | undefined {
  return useFeed(useHeliosClient().feed('latency'), options);
}

/** The latest uptime report. */
export function useUptime<S = Helios.UptimeMessage>(
  options?: UseFeedOptions<Helios.UptimeMessage, S>,
): S | undefined {
  return useFeed(useHeliosClient().feed('uptime'), options);
}

/** The latest snapshot taken. */
export function useSnapshots<S = Helios.SnapshotMessage>(
  options?: UseFeedOptions<Helios.SnapshotMessage, S>,
): S | undefined {
  return useFeed(useHeliosClient().feed('snapshots'), options);
}

/** The latest custom metrics. */
export function useCustomMetrics<S = Helios.CustomMetricsMessage>(
  options?: UseFeedOptions<Helios.CustomMetricsMessage, S>,
): S | undefined {
  return useFeed(useHeliosClient().feed('customMetrics'), options);
}

/**
 * `POST /api/auth/login` with pending and error state. On success the client
 * uses the token for the socket from its next (re)connect on.
 *
 * @example
 * const login = useLogin();
 * <button onClick={() => login.run({ username, password })} disabled={login.pending}>Sign in</button>
 */
export function useLogin(): RestAction<[credentials: Helios.LoginRequest], Helios.LoginResponse> {
  return useRestAction(useHeliosClient().rest.login);
}
