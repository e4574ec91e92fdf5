import type { IncomingHttpHeaders } from 'node:http';
import type { TokenBucket } from '../TokenBucket';

export interface RestRequest<Body = unknown> {
  /** `:name` segments of the pattern, URL-decoded. */
  readonly params: Readonly<Record<string, string>>;
  readonly url: URL;
  /** The parsed and validated JSON body (undefined for GET). */
  readonly body: Body;
  readonly headers: IncomingHttpHeaders;
}

export interface RestResponse {
  readonly status: number;
  readonly body: unknown;
  readonly headers?: Readonly<Record<string, string>>;
}

/** The slice of a zod schema the router needs (keeps zod out of this file's imports). */
export interface BodySchema {
  safeParse(
    value: unknown,
  ):
    | { success: true; data: unknown }
    | { success: false; error: { issues: readonly { path: PropertyKey[]; message: string }[] } };
}

export interface Route {
  readonly method: 'GET' | 'POST';
  /** Path with `:name` segments, e.g. `/api/ws/project/:project_id/subscribers`. */
  readonly pattern: string;
  /** Request body schema: a body that fails it never reaches `handle`. */
  readonly request?: BodySchema;
  /** Response body schema: the server checks itself, a mismatch is a 500 and a log line. */
  readonly response?: BodySchema;
  readonly rateLimit?: TokenBucket;
  /** The system's error body (`{error}` for VeloFlux, `{detail}` for the FastAPI systems). */
  readonly errorBody: (message: string) => unknown;
  /** Status for a body that is not JSON or fails the schema (FastAPI says 422, Go servers 400). */
  readonly invalidStatus: number;
  handle(request: RestRequest): RestResponse | Promise<RestResponse>;
}

export type RouteMatch =
  | { readonly kind: 'found'; readonly route: Route; readonly params: Record<string, string> }
  | { readonly kind: 'method_not_allowed'; readonly allow: readonly string[] }
  | { readonly kind: 'not_found' };

/** Matches a method and path against `:param` patterns; nothing else. */
export class Router {
  private readonly routes: { route: Route; segments: string[] }[] = [];

  add(route: Route): void {
    this.routes.push({ route, segments: route.pattern.split('/') });
  }

  match(method: string, pathname: string): RouteMatch {
    const parts = pathname.split('/');
    const allow: string[] = [];
    for (const { route, segments } of this.routes) {
      const params = matchSegments(segments, parts);
      if (params === undefined) continue;
      if (route.method === method) return { kind: 'found', route, params };
      allow.push(route.method);
    }
    return allow.length > 0 ? { kind: 'method_not_allowed', allow } : { kind: 'not_found' };
  }
}

function matchSegments(segments: string[], parts: string[]): Record<string, string> | undefined {
  if (segments.length !== parts.length) return undefined;
  const params: Record<string, string> = {};
  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i] as string;
    const part = parts[i] as string;
    if (segment.startsWith(':')) {
      if (part === '') return undefined;
      try {
        params[segment.slice(1)] = decodeURIComponent(part);
      } catch {
        return undefined;
      }
    } else if (segment !== part) {
      return undefined;
    }
  }
  return params;
}
