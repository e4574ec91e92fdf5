import {
  activeImmuneCore,
  createClient,
  type FeedkitClient,
  fullJitterBackoff,
  helios,
  plataformaE,
  takhin,
  veloflux,
} from '@feedkit/client';
import type { DashboardConfig } from './readDashboardConfig';

/** The page's five clients, one per system, all on the same server. */
export interface DashboardClients {
  readonly veloflux: FeedkitClient<ReturnType<typeof veloflux>>;
  readonly plataformaE: FeedkitClient<ReturnType<typeof plataformaE>>;
  readonly helios: FeedkitClient<ReturnType<typeof helios>>;
  readonly activeImmuneCore: FeedkitClient<ReturnType<typeof activeImmuneCore>>;
  readonly takhin: FeedkitClient<ReturnType<typeof takhin>>;
  /**
   * A fresh Helios client. A refused token ends a client for good (the
   * client's documented auth rule), so signing in again after the server
   * forgot the session means a new client.
   */
  readonly newHelios: () => FeedkitClient<ReturnType<typeof helios>>;
}

export function createDashboardClients(config: DashboardConfig): DashboardClients {
  const common = {
    url: config.url,
    backoff:
      config.maxRetryMs === undefined ? undefined : fullJitterBackoff({ maxMs: config.maxRetryMs }),
  };
  return {
    veloflux: createClient({ ...common, protocol: veloflux() }),
    plataformaE: createClient({ ...common, protocol: plataformaE() }),
    // No credentials yet: the login form's `useLogin()` hands the token to this client.
    helios: createClient({ ...common, protocol: helios() }),
    newHelios: () => createClient({ ...common, protocol: helios() }),
    activeImmuneCore: createClient({
      ...common,
      protocol: activeImmuneCore({ clientId: `dashboard-${crypto.randomUUID().slice(0, 8)}` }),
    }),
    takhin: createClient({ ...common, protocol: takhin() }),
  };
}
