import { PlataformaE } from '@feedkit/protocol';
import type { Protocol } from '../FeedkitClient';
import { type RestHelpers, restHelpers } from '../restHelpers';

export type PlataformaERest = RestHelpers<typeof PlataformaE.endpoints>;

/**
 * Plataforma E (`/ws/notifications` with per-project subscriptions,
 * `/ws/logs?level=`). REST: `stats`, `connections`, `subscribers(projectId)`,
 * `broadcast(body)`.
 * @example createClient({ url: 'ws://localhost:9001', protocol: plataformaE() })
 */
export function plataformaE(): Protocol<typeof PlataformaE.adapter, PlataformaERest> {
  return {
    adapter: PlataformaE.adapter,
    // `subscribed` / `unsubscribed` answer every command.
    answersSubscriptions: true,
    rest: (http) => restHelpers('plataforma-e', PlataformaE.endpoints, http),
  };
}
