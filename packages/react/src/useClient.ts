import type { FeedkitClient, Protocol } from '@feedkit/client';
import { useContext } from 'react';
import { FeedkitContext } from './FeedkitProvider';

/** The option every per-system hook takes besides its feed options. */
export interface ClientOption<C> {
  /**
   * The client to use instead of the provider's: for a second client of the
   * same system on one page, or a component rendered outside any provider.
   * @default the `FeedkitProvider`'s client
   */
  readonly client?: C | undefined;
}

/**
 * The client of the nearest `FeedkitProvider`, or `explicit` when given.
 *
 * With `system`, also checks that the client speaks that system, so a
 * per-system hook under the wrong provider fails with a clear message instead
 * of subscribing to feeds the server does not have. The type parameter is
 * what the per-system entry points use to hand back a fully typed client.
 *
 * @example
 * const client = useClient(); // FeedkitClient
 */
export function useClient<P extends Protocol = Protocol>(
  system?: FeedkitClient['system'],
  explicit?: FeedkitClient<P>,
): FeedkitClient<P> {
  const fromContext = useContext(FeedkitContext);
  const client = (explicit as FeedkitClient | undefined) ?? fromContext;
  if (client === null) {
    // Named after the entry point and the system, as Vue's message is.
    const where = system === undefined ? 'feedkit' : `@feedkit/react/${system}`;
    const which = system === undefined ? '' : ` (a client of the ${system} protocol)`;
    throw new Error(
      `${where}: no client found. Wrap your components in ` +
        `<FeedkitProvider client={createClient(...)}>${which}, or pass { client } to the hook.`,
    );
  }
  if (system !== undefined && client.system !== system) {
    throw new Error(
      `feedkit: this hook reads a '${system}' feed, but the FeedkitProvider's client speaks '${client.system}'. ` +
        `Give it a client created with the ${system} protocol, or nest a second FeedkitProvider for ${system}.`,
    );
  }
  // The runtime check above is what makes this narrowing true.
  return client as unknown as FeedkitClient<P>;
}
