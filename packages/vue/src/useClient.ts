import type { FeedkitClient, Protocol } from '@feedkit/client';
import { getCurrentScope, hasInjectionContext, type InjectionKey, inject } from 'vue';
import { feedkitClientKey, feedkitClientKeyOf } from './feedkitClientKey';
import { scopeClient } from './scopeClients';

/** The option every per-system composable takes besides its feed options. */
export interface ClientOption<C> {
  /**
   * The client to use instead of the provided one: outside a component
   * there is no injection, so an `effectScope` can pass its client directly.
   * Read once, at setup.
   * @default the provided client of the composable's system
   */
  readonly client?: C | undefined;
}

function lookup(key: InjectionKey<FeedkitClient>): FeedkitClient | undefined {
  const scope = getCurrentScope();
  const fromScope = scope ? scopeClient(scope, key) : undefined;
  if (fromScope) return fromScope;
  return hasInjectionContext() ? inject(key, undefined) : undefined;
}

const notProvided = (which: string) =>
  `no feedkit client was provided. Install the plugin (app.use(feedkit, { client }))${which}, ` +
  'call provideClient(client) in a parent setup() or the current effectScope, ' +
  'or pass { client } to the composable.';

/**
 * The client provided by `app.use(feedkit, ...)`, `provideClient` or
 * `<FeedkitProvider>`. With `system`, the client of that system, checked at
 * runtime: a Takhin composable under a VeloFlux-only app throws an error
 * that says which client is missing instead of subscribing to nonsense.
 *
 * `explicit` short-circuits injection (composables outside components and
 * outside any provide), and is checked the same way.
 */
export function useClient(): FeedkitClient;
export function useClient<P extends Protocol = Protocol>(
  system: FeedkitClient['system'],
  explicit?: FeedkitClient<P>,
): FeedkitClient<P>;
export function useClient(
  system?: FeedkitClient['system'],
  explicit?: FeedkitClient,
): FeedkitClient {
  if (!system) {
    const client = explicit ?? lookup(feedkitClientKey);
    if (!client) throw new Error(`useClient(): ${notProvided('')}`);
    return client;
  }
  const client = explicit ?? lookup(feedkitClientKeyOf(system)) ?? lookup(feedkitClientKey);
  if (!client)
    throw new Error(
      `@feedkit/vue/${system}: ${notProvided(` (a client of the ${system} protocol)`)}`,
    );
  if (client.system !== system) {
    throw new Error(
      `@feedkit/vue/${system}: this composable needs a '${system}' client, but the client ` +
        `it found speaks '${client.system}'. Provide a ${system} client too, e.g. ` +
        `app.use(feedkit, { clients: [${client.system}Client, ${system}Client] }).`,
    );
  }
  return client;
}
