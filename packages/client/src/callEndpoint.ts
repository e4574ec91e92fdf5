import type { Endpoint, SystemName } from '@feedkit/protocol';
import type { Http } from './FeedkitClient';
import { FeedkitError } from './FeedkitError';

/**
 * Calls one REST endpoint of a protocol: checks the body against the
 * endpoint's request schema (a bad body never leaves the client), fills in
 * the path and validates the response with the response schema (a mismatch
 * is a `rest` error, never an unchecked value).
 */
export async function callEndpoint<Req, Res, Params extends readonly unknown[]>(
  http: Http,
  system: SystemName,
  endpoint: Endpoint<Req, Res, Params>,
  params: Params,
  body?: Req,
  init?: { readonly signal?: AbortSignal },
): Promise<Res> {
  const path = endpoint.path(...params);
  if (endpoint.request !== undefined) {
    const checked = endpoint.request.safeParse(body);
    if (!checked.success) {
      const issue = checked.error.issues[0];
      throw new FeedkitError(
        'rest',
        `${endpoint.method} ${path}: request body is invalid at ${issue?.path.join('.') || '(root)'}: ${issue?.message ?? 'does not match the schema'}`,
        { system, path, cause: checked.error },
      );
    }
    body = checked.data;
  }
  return http.request(endpoint.method, path, body, (json) => endpoint.response.parse(json), init);
}
