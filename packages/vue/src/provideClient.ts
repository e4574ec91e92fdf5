import type { FeedkitClient } from '@feedkit/client';
import { getCurrentInstance, getCurrentScope, type InjectionKey, provide } from 'vue';
import { feedkitClientKey, feedkitClientKeyOf } from './feedkitClientKey';
import { setScopeClient } from './scopeClients';

/**
 * Makes `client` available to the composables of the current component's
 * descendants (call it in `setup`), or, outside a component, to composables
 * run in the current `effectScope`.
 *
 * @example
 * const scope = effectScope();
 * scope.run(() => {
 *   provideClient(client);
 *   const metrics = useMetrics();
 * });
 */
export function provideClient(client: FeedkitClient): void {
  const keys: InjectionKey<FeedkitClient>[] = [feedkitClientKey, feedkitClientKeyOf(client.system)];
  if (getCurrentInstance()) {
    for (const key of keys) provide(key, client);
    return;
  }
  const scope = getCurrentScope();
  if (!scope) {
    throw new Error(
      'provideClient() must be called in a component setup() or inside effectScope().run(); ' +
        'at app level use app.use(feedkit, { client }).',
    );
  }
  for (const key of keys) setScopeClient(scope, key, client);
}
