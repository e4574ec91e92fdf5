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
import { tabs } from '@feedkit/client/share';
import type { DashboardConfig } from './readDashboardConfig';

/**
 * The page's five clients, one per system, all on the same server, sharing
 * their sockets with the dashboard's other tabs (one socket per path in all).
 */
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
  const backoff =
    config.maxRetryMs === undefined ? undefined : fullJitterBackoff({ maxMs: config.maxRetryMs });
  const common = {
    url: config.url,
    backoff,
    // The SharedWorker cannot run a backoff function: with `?maxRetryMs=` a leader tab owns the sockets.
    share: tabs(backoff ? { worker: false } : {}),
  };
  return {
    veloflux: createClient({ ...common, protocol: veloflux() }),
    plataformaE: createClient({ ...common, protocol: plataformaE() }),
    // No credentials yet: the login form's `useLogin()` hands the token to this client.
    helios: createClient({ ...common, protocol: helios() }),
    newHelios: () => createClient({ ...common, protocol: helios() }),
    activeImmuneCore: createClient({
      ...common,
      protocol: activeImmuneCore({ clientId: dashboardClientId(globalThis.localStorage) }),
    }),
    takhin: createClient({ ...common, protocol: takhin() }),
  };
}

const CLIENT_ID_KEY = 'feedkit-dashboard-client-id';

/**
 * The Active Immune Core `client_id` of this browser profile: every tab uses
 * the same one, so the tabs share one socket (a socket URL differs by it).
 */
export function dashboardClientId(
  storage: Pick<Storage, 'getItem' | 'setItem'> | undefined,
): string {
  const known = storage?.getItem(CLIENT_ID_KEY);
  if (known) return known;
  const id = `dashboard-${crypto.randomUUID().slice(0, 8)}`;
  storage?.setItem(CLIENT_ID_KEY, id);
  return id;
}
