import type { FeedkitClient } from '@feedkit/client';
import { type Context, createContext, type ReactNode } from 'react';

/**
 * Holds the client for the hooks below a `FeedkitProvider`. `null` means no
 * provider, which `useClient()` turns into an error that says what to do.
 */
export const FeedkitContext: Context<FeedkitClient | null> = createContext<FeedkitClient | null>(
  null,
);

export interface FeedkitProviderProps {
  /**
   * The client the hooks below read from. Create it once, outside render
   * (module scope or `useState(() => createClient(...))`): a new client per
   * render would open a new socket per render.
   *
   * @example
   * const client = createClient({ url: 'https://lb.example.com', protocol: veloflux() });
   * <FeedkitProvider client={client}><App /></FeedkitProvider>
   */
  readonly client: FeedkitClient;
  readonly children?: ReactNode;
}

/** Makes `client` available to every feedkit hook below it. Opens nothing by itself. */
export function FeedkitProvider({ client, children }: FeedkitProviderProps) {
  return <FeedkitContext.Provider value={client}>{children}</FeedkitContext.Provider>;
}
