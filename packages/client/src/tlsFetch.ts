import type { TlsOptions } from './openSocket';

/** The few parts of `node:http(s)` this file uses (no `@types/node` in the published types). */
interface NodeResponse {
  readonly statusCode?: number;
  readonly statusMessage?: string;
  readonly rawHeaders: readonly string[];
  on(event: 'data', listener: (chunk: Uint8Array) => void): void;
  on(event: 'end', listener: () => void): void;
  on(event: 'error', listener: (error: Error) => void): void;
}
interface NodeRequest {
  on(event: 'error', listener: (error: Error) => void): void;
  end(body?: string | Uint8Array): void;
}
interface NodeHttp {
  request(
    url: URL,
    options: Record<string, unknown>,
    callback: (response: NodeResponse) => void,
  ): NodeRequest;
}

/** Statuses whose `Response` may not have a body. */
const NULL_BODY = new Set([101, 103, 204, 205, 304]);

/**
 * A `fetch` for the REST helpers that applies `tls` (a private CA,
 * `rejectUnauthorized`) the way the sockets do: the global `fetch` of Node,
 * Bun and Deno takes no CA. Built on `node:https`, reached through
 * `process.getBuiltinModule` so that browser bundles never see a Node import;
 * `undefined` where that does not exist (a browser trusts its own store).
 * Redirects are not followed: a 3xx is the answer, as the REST helpers expect none.
 */
export function tlsFetch(tls: TlsOptions): typeof fetch | undefined {
  const load = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process
    ?.getBuiltinModule;
  if (typeof load !== 'function') return undefined;
  const https = load('node:https') as NodeHttp | undefined;
  const http = load('node:http') as NodeHttp | undefined;
  if (!https || !http) return undefined;
  const secure = {
    ...(tls.ca === undefined ? {} : { ca: tls.ca }),
    ...(tls.rejectUnauthorized === undefined ? {} : { rejectUnauthorized: tls.rejectUnauthorized }),
  };
  return (input, init = {}) =>
    new Promise<Response>((resolve, reject) => {
      const url = new URL(input instanceof Request ? input.url : String(input));
      const body = init.body ?? undefined;
      if (body !== undefined && typeof body !== 'string' && !(body instanceof Uint8Array)) {
        reject(new TypeError('tlsFetch sends string or byte bodies only'));
        return;
      }
      const module = url.protocol === 'https:' ? https : http;
      const request = module.request(
        url,
        {
          method: init.method ?? 'GET',
          headers: Object.fromEntries(new Headers(init.headers)),
          ...(init.signal ? { signal: init.signal } : {}),
          ...(url.protocol === 'https:' ? secure : {}),
        },
        (response) => {
          const chunks: Uint8Array[] = [];
          response.on('data', (chunk) => chunks.push(chunk));
          response.on('error', reject);
          response.on('end', () => resolve(toResponse(response, chunks)));
        },
      );
      // Like fetch: a network failure is `TypeError('fetch failed')` with the cause (its code) kept.
      request.on('error', (cause) =>
        reject(
          init.signal?.aborted ? init.signal.reason : new TypeError('fetch failed', { cause }),
        ),
      );
      request.end(body);
    });
}

function toResponse(response: NodeResponse, chunks: readonly Uint8Array[]): Response {
  const status = response.statusCode ?? 200;
  const headers = new Headers();
  const raw = response.rawHeaders;
  for (let i = 0; i + 1 < raw.length; i += 2)
    headers.append(raw[i] as string, raw[i + 1] as string);
  let length = 0;
  for (const chunk of chunks) length += chunk.byteLength;
  const bytes = new Uint8Array(length);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return new Response(NULL_BODY.has(status) ? null : bytes, {
    status,
    statusText: response.statusMessage ?? '',
    headers,
  });
}
