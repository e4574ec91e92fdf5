import * as VeloFlux from '@feedkit/protocol/veloflux';
import type { Protocol } from '../FeedkitClient';
import { type RestHelpers, restHelpers } from '../restHelpers';

export type VeloFluxRest = RestHelpers<typeof VeloFlux.endpoints> & {
  /** `POST /api/ws/control {action:'pause'}`. @default type 'all' */
  readonly pause: (type?: VeloFlux.UpdateTarget) => Promise<VeloFlux.ControlResponse>;
  /** `POST /api/ws/control {action:'resume'}`. @default type 'all' */
  readonly resume: (type?: VeloFlux.UpdateTarget) => Promise<VeloFlux.ControlResponse>;
};

/**
 * VeloFlux (`/api/ws/backends`, `/api/ws/metrics`, `/api/ws/status`; one socket
 * per feed, no auth, no application heartbeat). REST: `control`, `forceUpdate`,
 * `pause`, `resume`.
 * @example createClient({ url: 'ws://localhost:8080', protocol: veloflux() })
 */
export function veloflux(): Protocol<typeof VeloFlux.adapter, VeloFluxRest> {
  return {
    adapter: VeloFlux.adapter,
    rest: (http) => {
      const rest = restHelpers('veloflux', VeloFlux.endpoints, http);
      return {
        ...rest,
        pause: (type = 'all') => rest.control({ action: 'pause', type }),
        resume: (type = 'all') => rest.control({ action: 'resume', type }),
      };
    },
  };
}

// `@feedkit/client/<this file's name>` is this file: the binding plus createClient and the shared types.
export * from '../common';
