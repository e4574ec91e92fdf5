import type { ClientState, FeedkitClient } from '@feedkit/client';
import { type ShallowRef, shallowReadonly, shallowRef } from 'vue';
import { isServer } from './isServer';
import { tryOnScopeDispose } from './tryOnScopeDispose';
import { useClient } from './useClient';

/**
 * The client's connection state (`status`, `attempt`, `nextRetryAt`,
 * `reason`) as a readonly ref, for a "reconnecting in 4 s" badge.
 * Watching the state opens no socket: it only observes.
 *
 * @param client the client to watch. @default the provided client (`useClient()`)
 */
export function useConnectionState(client?: FeedkitClient): Readonly<ShallowRef<ClientState>> {
  const source = client ?? useClient();
  const state = shallowRef(source.state);
  if (isServer()) return shallowReadonly(state);
  const subscription = source.state$.subscribe((next) => {
    state.value = next;
  });
  tryOnScopeDispose(() => subscription.unsubscribe());
  return shallowReadonly(state);
}
