import type { FeedkitClient } from '@feedkit/client';
import type { EffectScope, InjectionKey } from 'vue';

// `provide()` needs a component. Outside one, a client provided in an
// effectScope is remembered for that scope, which is where composables look
// next (see useClient).
const clients = new WeakMap<EffectScope, Map<InjectionKey<FeedkitClient>, FeedkitClient>>();

/** The client provided to `scope` under `key` by `provideClient` outside a component. */
export function scopeClient(
  scope: EffectScope,
  key: InjectionKey<FeedkitClient>,
): FeedkitClient | undefined {
  return clients.get(scope)?.get(key);
}

/** Remembers `client` under `key` for composables run in `scope`. */
export function setScopeClient(
  scope: EffectScope,
  key: InjectionKey<FeedkitClient>,
  client: FeedkitClient,
): void {
  let map = clients.get(scope);
  if (!map) {
    map = new Map();
    clients.set(scope, map);
  }
  map.set(key, client);
}
