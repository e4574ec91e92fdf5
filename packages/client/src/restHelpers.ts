import type { Endpoint, SystemName } from '@feedkit/protocol';
import { callEndpoint } from './callEndpoint';
import type { Http } from './FeedkitClient';

/**
 * One function per endpoint: GETs take their path parameters
 * (`subscribers('PROJ-001')`), POSTs take their body (`broadcast({...})`).
 * Plain functions, not methods, so `useRestAction(client.rest.login)` works.
 */
export type RestHelpers<E> = {
  readonly [K in keyof E]: E[K] extends Endpoint<infer Req, infer Res, infer Params>
    ? undefined extends Req
      ? (...params: Params) => Promise<Res>
      : (...args: [...Params, body: Req]) => Promise<Res>
    : never;
};

type AnyEndpoint = Endpoint<unknown, unknown, readonly unknown[]>;

/** Builds the typed helpers of a protocol's endpoint table on one HTTP transport. */
export function restHelpers<E extends { readonly [name: string]: object }>(
  system: SystemName,
  endpoints: E,
  http: Http,
): RestHelpers<E> {
  const helpers: Record<string, (...args: unknown[]) => Promise<unknown>> = {};
  for (const [name, value] of Object.entries(endpoints)) {
    const endpoint = value as AnyEndpoint;
    helpers[name] =
      endpoint.request === undefined
        ? (...params) => callEndpoint(http, system, endpoint, params)
        : (...args) => callEndpoint(http, system, endpoint, args.slice(0, -1), args.at(-1));
  }
  return helpers as RestHelpers<E>;
}
