import type { Endpoint } from '@feedkit/protocol';
import type { Check } from './DoctorReport';
import { fetchWithTimeout } from './fetchWithTimeout';

type AnyEndpoint = Endpoint<unknown, unknown, readonly never[]>;

/**
 * Every REST endpoint of the document: a GET must answer 200 with the
 * document's body; a POST is sent an empty body, which a live endpoint
 * refuses as invalid (400/422), so nothing is controlled or broadcast.
 */
export async function probeRest(
  httpUrl: string,
  endpoints: Readonly<Record<string, AnyEndpoint>>,
  params: { readonly project?: string },
  headers: Record<string, string>,
  timeoutMs: number,
): Promise<Check[]> {
  return Promise.all(
    Object.values(endpoints).map(async (endpoint): Promise<Check> => {
      const needsProject = endpoint.pattern.includes(':');
      if (needsProject && params.project === undefined) {
        return {
          name: `${endpoint.method} ${endpoint.pattern}`,
          status: 'skip',
          detail: 'pass --project <id> to check it',
        };
      }
      const path = (endpoint.path as (...args: string[]) => string)(
        ...(needsProject ? [params.project as string] : []),
      );
      const name = `${endpoint.method} ${path}`;
      const isGet = endpoint.method === 'GET';
      const response = await fetchWithTimeout(
        `${httpUrl}${path}`,
        isGet
          ? { headers }
          : {
              method: 'POST',
              headers: { ...headers, 'content-type': 'application/json' },
              body: '{}',
            },
        timeoutMs,
      );
      if ('cause' in response) return { name, status: 'fail', detail: response.cause };
      const { status } = response;
      if (status === 404 || status === 405)
        return { name, status: 'fail', detail: `HTTP ${status}: the endpoint is not there` };
      if (status === 401 || status === 403)
        return { name, status: 'warn', detail: `HTTP ${status}: needs credentials` };
      if (!isGet) {
        return status === 400 || status === 422
          ? {
              name,
              status: 'ok',
              detail: `reachable (refused an empty body with ${status}, as it should)`,
            }
          : {
              name,
              status: status < 300 ? 'warn' : 'fail',
              detail: `HTTP ${status} for an empty body (expected 400 or 422)`,
            };
      }
      if (status !== 200)
        return { name, status: 'fail', detail: `HTTP ${status}: ${response.text.slice(0, 120)}` };
      const body = endpoint.response.safeParse(response.json);
      if (body.success)
        return { name, status: 'ok', detail: 'HTTP 200, body matches the document' };
      const issue = body.error.issues[0];
      return {
        name,
        status: 'fail',
        detail: `body differs from the document at ${issue?.path.join('.') || '(root)'}: ${issue?.message}`,
      };
    }),
  );
}
