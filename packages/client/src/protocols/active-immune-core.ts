import * as ActiveImmuneCore from '@feedkit/protocol/active-immune-core';
import type { Protocol } from '../FeedkitClient';
import { type RestHelpers, restHelpers } from '../restHelpers';

export interface ActiveImmuneCoreOptions {
  /** Sent as `?client_id=` on the socket; the server makes one up when absent. */
  readonly clientId?: string;
  /**
   * Whether the server answers `join`, `leave`, `subscribe` and `unsubscribe`
   * with `{success, message, data}`. The document shows an answer to `ping`
   * only, and a server may leave the others unanswered: then waiting for an
   * answer would replace a healthy socket after every `ackTimeoutMs`. Set it
   * for a server that answers, and an unanswered command is sent once more,
   * then the socket is replaced.
   * @default false
   */
  readonly answersCommands?: boolean;
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
    answersSubscriptions: options.answersCommands ?? false,
    query:
      options.clientId === undefined
        ? undefined
        : { [ActiveImmuneCore.AIC_CLIENT_ID_PARAM]: options.clientId },
    rest: (http) => restHelpers('active-immune-core', ActiveImmuneCore.endpoints, http),
  };
}

// `@feedkit/client/<this file's name>` is this file: the binding plus createClient and the shared types.
export * from '../common';
