import type { FeedkitClient } from '@feedkit/client';
import type { SystemName } from '@feedkit/protocol';
import {
  type App,
  defineComponent,
  type EffectScope,
  getCurrentInstance,
  getCurrentScope,
  type InjectionKey,
  type Plugin,
  type PropType,
  provide,
} from 'vue';

/**
 * Vue's counterpart of React's `FeedkitProvider.tsx`: the plugin, a
 * `provideClient` for a subtree or an `effectScope`, and a `FeedkitProvider`
 * component for templates that prefer markup.
 *
 * Clients are provided per system as well as "latest wins", so one app can
 * hold a VeloFlux and a Helios client at once and `useMetrics()` from each
 * entry point finds its own.
 */

// Registered symbols, so that two copies of this package in one app (its ESM
// and CJS builds, say) still find each other's clients.

/** The most recently provided client, whatever its system (what `useClient()` returns). */
export const feedkitClientKey: InjectionKey<FeedkitClient> = Symbol.for('feedkit:client');

const systemKeys = new Map<SystemName, InjectionKey<FeedkitClient>>();
/** The injection key under which the client of `system` is provided. */
export function feedkitClientKeyOf(system: SystemName): InjectionKey<FeedkitClient> {
  let key = systemKeys.get(system);
  if (!key) {
    key = Symbol.for(`feedkit:client:${system}`);
    systemKeys.set(system, key);
  }
  return key;
}

// `provide()` needs a component. Outside one, a client provided in an
// effectScope is remembered for that scope, which is where composables look
// next (see useClient).
const scopeClients = new WeakMap<EffectScope, Map<InjectionKey<FeedkitClient>, FeedkitClient>>();

/** The client provided to `scope` by `provideClient` outside a component. */
export function scopeClient(
  scope: EffectScope,
  key: InjectionKey<FeedkitClient>,
): FeedkitClient | undefined {
  return scopeClients.get(scope)?.get(key);
}

function provideTo(client: FeedkitClient, put: (key: InjectionKey<FeedkitClient>) => void) {
  put(feedkitClientKey);
  put(feedkitClientKeyOf(client.system));
}

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
  if (getCurrentInstance()) {
    provideTo(client, (key) => provide(key, client));
    return;
  }
  const scope = getCurrentScope();
  if (!scope) {
    throw new Error(
      'provideClient() must be called in a component setup() or inside effectScope().run(); ' +
        'at app level use app.use(feedkit, { client }).',
    );
  }
  let clients = scopeClients.get(scope);
  if (!clients) {
    clients = new Map();
    scopeClients.set(scope, clients);
  }
  const map = clients;
  provideTo(client, (key) => map.set(key, client));
}

export interface FeedkitPluginOptions {
  /** The client every composable of the app uses (by its system). */
  client?: FeedkitClient;
  /**
   * Several clients, one per system, for an app that speaks to more than one.
   * The last one is also what a bare `useClient()` returns.
   */
  clients?: readonly FeedkitClient[];
}

/**
 * The plugin: `app.use(feedkit, { client })`. The app owns the client; the
 * plugin closes nothing on unmount, so a client can outlive an app (tests,
 * micro-frontends).
 */
export const feedkit: Plugin<[FeedkitPluginOptions]> = {
  install(app: App, options: FeedkitPluginOptions): void {
    const clients = [...(options.clients ?? []), ...(options.client ? [options.client] : [])];
    if (clients.length === 0) {
      throw new Error('app.use(feedkit, options): pass { client } or { clients: [...] }.');
    }
    // Per system for each; the generic key once, for the last (Vue warns on a re-provide).
    for (const client of clients) app.provide(feedkitClientKeyOf(client.system), client);
    app.provide(feedkitClientKey, clients[clients.length - 1]!);
  },
};

/**
 * `<FeedkitProvider :client="client">...</FeedkitProvider>`: provides the
 * client to its default slot, like React's provider component.
 */
export const FeedkitProvider = defineComponent({
  name: 'FeedkitProvider',
  props: {
    client: { type: Object as PropType<FeedkitClient>, required: true },
  },
  setup(props, { slots }) {
    // The client is read once: swapping clients under live subscriptions is
    // a remount, as it is with React's provider (keyed by the client).
    provideClient(props.client);
    return () => slots.default?.();
  },
});
