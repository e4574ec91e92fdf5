import { ActiveImmuneCore } from '@feedkit/protocol';
import type { Protocol } from '../FeedkitClient';
import { type RestHelpers, restHelpers } from '../restHelpers';

export interface ActiveImmuneCoreOptions {
  /** Sent as `?client_id=` on the socket; the server makes one up when absent. */
  readonly clientId?: string;
}

export type ActiveImmuneCoreRest = RestHelpers<typeof ActiveImmuneCore.endpoints>;

/**
 * Active Immune Core (`/ws?client_id=`: rooms and event-type filters on one
 * socket). REST: `stats`, `broadcast(body)`.
 * @example createClient({ url: 'ws://localhost:8000', protocol: activeImmuneCore({ clientId: 'ops' }) })
 */
export function activeImmuneCore(
  options: ActiveImmuneCoreOptions = {},
): Protocol<typeof ActiveImmuneCore.adapter, ActiveImmuneCoreRest> {
  return {
    adapter: ActiveImmuneCore.adapter,
    // Every command is answered with `{success, message, data}`.
    answersSubscriptions: true,
    query:
      options.clientId === undefined
        ? undefined
        : { [ActiveImmuneCore.AIC_CLIENT_ID_PARAM]: options.clientId },
    rest: (http) => restHelpers('active-immune-core', ActiveImmuneCore.endpoints, http),
  };
}
