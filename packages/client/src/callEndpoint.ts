import type { Endpoint } from '@feedkit/protocol';
import type { Http } from './FeedkitClient';

/**
 * Calls one REST endpoint of a protocol: fills in its path, sends the body
 * and validates the response with the endpoint's zod schema (a mismatch is a
 * `rest` error, never an unchecked value).
 */
export function callEndpoint<Req, Res, Params extends readonly unknown[]>(
  http: Http,
  endpoint: Endpoint<Req, Res, Params>,
  params: Params,
  body?: Req,
): Promise<Res> {
  return http.request(endpoint.method, endpoint.path(...params), body, (json) =>
    endpoint.response.parse(json),
  );
}
