/**
 * `@feedkit/vue/helios`: Helios cluster gateway composables, one line each
 * over `useFeed`, plus `useLogin` over the `POST /api/auth/login` helper.
 *
 * @example
 * const leader = useClusterStatus({ select: (m) => m.data.leader });
 */
import type { FeedkitClient, FeedOf, helios } from '@feedkit/client';
import type { Helios } from '@feedkit/protocol';
import { type MaybeRefOrGetter, toValue } from 'vue';
import { type ClientOption, useClient } from '../useClient';
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
export interface HeliosFeedOptions<M, S = M>
  extends UseFeedOptions<M, S>,
    ClientOption<HeliosClient> {}
type Options<K extends FeedKey, S> = MaybeRefOrGetter<HeliosFeedOptions<Message<K>, S>>;

/** The provided Helios client; throws a clear error if the app provided another system's. */
export function useHeliosClient(client?: HeliosClient): HeliosClient {
  return useClient<HeliosProtocol>('helios', client);
}

/** Cluster status: the 5-second `status` and on-demand `status_update`. */
export function useClusterStatus<S = Message<'status'>>(options: Options<'status', S> = {}) {
  return useFeed(useHeliosClient(toValue(options).client).feed('status'), options);
}

/** Raft role transitions. */
export function useStateChanges<S = Message<'stateChanges'>>(
  options: Options<'stateChanges', S> = {},
) {
  return useFeed(useHeliosClient(toValue(options).client).feed('stateChanges'), options);
}

/** Peers added to or removed from the cluster. */
export function usePeerChanges<S = Message<'peerChanges'>>(
  options: Options<'peerChanges', S> = {},
) {
  return useFeed(useHeliosClient(toValue(options).client).feed('peerChanges'), options);
}

export function useLatency<S = Message<'latency'>>(options: Options<'latency', S> = {}) {
  return useFeed(useHeliosClient(toValue(options).client).feed('latency'), options);
}

export function useUptime<S = Message<'uptime'>>(options: Options<'uptime', S> = {}) {
  return useFeed(useHeliosClient(toValue(options).client).feed('uptime'), options);
}

/** One message per snapshot taken. */
export function useSnapshots<S = Message<'snapshots'>>(options: Options<'snapshots', S> = {}) {
  return useFeed(useHeliosClient(toValue(options).client).feed('snapshots'), options);
}

export function useCustomMetrics<S = Message<'customMetrics'>>(
  options: Options<'customMetrics', S> = {},
) {
  return useFeed(useHeliosClient(toValue(options).client).feed('customMetrics'), options);
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
