/**
 * `@feedkit/vue/helios`: Helios cluster gateway composables, one line each
 * over `useFeed`, plus `useLogin` over the `POST /api/auth/login` helper.
 *
 * @example
 * const leader = useClusterStatus({ select: (m) => m.data.leader });
 */
import type { FeedkitClient, FeedOf, helios } from '@feedkit/client';
import type { Helios } from '@feedkit/protocol';
import { useClient } from '../useClient';
import { type UseFeedOptions, useFeed } from '../useFeed';
import { type RestAction, useRestAction } from '../useRestAction';

export type HeliosProtocol = ReturnType<typeof helios>;
export type HeliosClient = FeedkitClient<HeliosProtocol>;
type FeedKey =
  | 'status'
  | 'stateChanges'
  | 'peerChanges'
  | 'latency'
  | 'uptime'
  | 'snapshots'
  | 'customMetrics';
type Message<K extends FeedKey> = FeedOf<HeliosProtocol, K>;

/** `useFeed` options plus the client to use instead of the provided one. */
export interface HeliosFeedOptions<M, S = M> extends UseFeedOptions<M, S> {
  /** @default the provided Helios client */
  client?: HeliosClient;
}

/** The provided Helios client; throws a clear error if the app provided another system's. */
export function useHeliosClient(client?: HeliosClient): HeliosClient {
  return useClient<HeliosProtocol>('helios', client);
}

/** Cluster status: the 5-second `status` and on-demand `status_update`. */
export function useClusterStatus<S = Message<'status'>>(
  options: HeliosFeedOptions<Message<'status'>, S> = {},
) {
  return useFeed(useHeliosClient(options.client).feed('status'), options);
}

/** Raft role transitions. */
export function useStateChanges<S = Message<'stateChanges'>>(
  options: HeliosFeedOptions<Message<'stateChanges'>, S> = {},
) {
  return useFeed(useHeliosClient(options.client).feed('stateChanges'), options);
}

/** Peers added to or removed from the cluster. */
export function usePeerChanges<S = Message<'peerChanges'>>(
  options: HeliosFeedOptions<Message<'peerChanges'>, S> = {},
) {
  return useFeed(useHeliosClient(options.client).feed('peerChanges'), options);
}

/** The latest latency report. */
export function useLatency<S = Message<'latency'>>(
  options: HeliosFeedOptions<Message<'latency'>, S> = {},
) {
  return useFeed(useHeliosClient(options.client).feed('latency'), options);
}

/** The latest uptime report. */
export function useUptime<S = Message<'uptime'>>(
  options: HeliosFeedOptions<Message<'uptime'>, S> = {},
) {
  return useFeed(useHeliosClient(options.client).feed('uptime'), options);
}

/** One message per snapshot taken. */
export function useSnapshots<S = Message<'snapshots'>>(
  options: HeliosFeedOptions<Message<'snapshots'>, S> = {},
) {
  return useFeed(useHeliosClient(options.client).feed('snapshots'), options);
}

/** The latest custom metrics. */
export function useCustomMetrics<S = Message<'customMetrics'>>(
  options: HeliosFeedOptions<Message<'customMetrics'>, S> = {},
) {
  return useFeed(useHeliosClient(options.client).feed('customMetrics'), options);
}

/**
 * `POST /api/auth/login` with `pending` / `error` / `data` refs.
 * @example
 * const login = useLogin();
 * await login.run({ username, password }); // login.data.value?.token
 */
export function useLogin(
  client?: HeliosClient,
): RestAction<[credentials: Helios.LoginRequest], Helios.LoginResponse> {
  return useRestAction(useHeliosClient(client).rest.login);
}
