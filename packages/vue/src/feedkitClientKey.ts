import type { FeedkitClient } from '@feedkit/client';
import type { InjectionKey } from 'vue';

// Registered symbols, so that two copies of this package in one app (its ESM
// and CJS builds, say) still find each other's clients.

/** The most recently provided client, whatever its system (what `useClient()` returns). */
export const feedkitClientKey: InjectionKey<FeedkitClient> = Symbol.for('feedkit:client');

const systemKeys = new Map<string, InjectionKey<FeedkitClient>>();

/**
 * The injection key under which the client of `system` is provided. Clients
 * are provided per system as well as "latest wins", so one app can hold a
 * VeloFlux and a Helios client at once and each entry point finds its own.
 */
export function feedkitClientKeyOf(system: FeedkitClient['system']): InjectionKey<FeedkitClient> {
  let key = systemKeys.get(system);
  if (!key) {
    key = Symbol.for(`feedkit:client:${system}`);
    systemKeys.set(system, key);
  }
  return key;
}
