import type { SystemName } from '@feedkit/protocol';
import { errorBodyText } from './errorBodyText';
import type { Http } from './FeedkitClient';
import { FeedkitError } from './FeedkitError';
import { transportAdvice } from './transportAdvice';

export interface HttpOptions {
  /** Base URL the endpoint paths are appended to (`http://host:8080`). */
  readonly baseUrl: string;
  readonly system: SystemName;
  /** @default globalThis.fetch */
  readonly fetch?: typeof fetch;
  /** Headers sent with every request (a reverse proxy's key, a tenant id). */
  readonly headers?: Readonly<Record<string, string>>;
  /** How long a request may take, answer included, before it fails with a `rest` error. @default 10000 */
  readonly timeoutMs?: number;
}

/** The default deadline of every REST call. */
export const REST_TIMEOUT_MS = 10_000;

/**
 * The `fetch` transport of the REST helpers. Every failure becomes a
 * `FeedkitError` with code `rest`: network errors (no status), HTTP errors
 * (`status`, with the server's message when it sent one) and 2xx bodies that
 * do not match the protocol's schema.
 */
export function createHttp(options: HttpOptions): Http {
  const baseUrl = options.baseUrl.replace(/\/+$/, '');
  const { system } = options;
  return {
    baseUrl,
    async request(method, path, body, parse, init = {}) {
      const where = `${method} ${path}`;
      const { response, text } = await exchange(options, baseUrl, method, path, body, init.signal);
      let json: unknown;
      let parseFailure: unknown;
      try {
        json = text === '' ? undefined : JSON.parse(text);
      } catch (cause) {
        parseFailure = cause;
      }
      if (!response.ok) {
        throw new FeedkitError(
          'rest',
          `${where}: HTTP ${response.status}${said(errorBodyText(text, response.headers.get('content-type')))}`,
          { system, path, status: response.status },
        );
      }
      if (parseFailure !== undefined) {
        throw new FeedkitError('rest', `${where}: response is not JSON: ${text.slice(0, 120)}`, {
          system,
          path,
          status: response.status,
          cause: parseFailure,
        });
      }
      try {
        return parse(json);
      } catch (cause) {
        throw new FeedkitError(
          'rest',
          `${where}: response does not match the schema: ${describeIssues(cause)}`,
          { system, path, status: response.status, cause },
        );
      }
    },
  };
}

/** One request and its body text, within the deadline; a failure names its cause (timeout, abort, network). */
async function exchange(
  options: HttpOptions,
  baseUrl: string,
  method: string,
  path: string,
  body: unknown,
  external: AbortSignal | undefined,
): Promise<{ response: Response; text: string }> {
  const fetchImpl = options.fetch ?? globalThis.fetch;
  const timeoutMs = options.timeoutMs ?? REST_TIMEOUT_MS;
  const deadline = AbortSignal.timeout(timeoutMs);
  const signal = external ? anySignal([external, deadline]) : deadline;
  try {
    const response = await fetchImpl(`${baseUrl}${path}`, {
      method,
      headers: {
        ...options.headers,
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal,
    });
    return { response, text: await response.text() };
  } catch (cause) {
    const what = deadline.aborted
      ? `no answer within ${timeoutMs} ms (timeout)`
      : signal.aborted
        ? 'aborted'
        : `network error (${describeCause(cause)})`;
    // A browser fails a fetch to a server that allows no CORS for the page just like a network error.
    const cors = what.startsWith('network')
      ? ", and, from a browser page, does it allow the page's origin (CORS)"
      : '';
    throw new FeedkitError(
      'rest',
      `${method} ${path}: ${what}; is the server reachable at ${baseUrl}${cors}?`,
      {
        system: options.system,
        path,
        cause,
      },
    );
  }
}

const said = (line: string | undefined) => (line === undefined ? '' : `: ${line}`);

function describeIssues(cause: unknown): string {
  const issues = (cause as { issues?: { path: PropertyKey[]; message: string }[] })?.issues;
  if (Array.isArray(issues) && issues.length > 0) {
    return issues
      .slice(0, 3)
      .map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`)
      .join('; ');
  }
  return (cause as Error)?.message ?? String(cause);
}

/** `AbortSignal.any` where it exists (Node 20.3+, current browsers), else a small equivalent. */
function anySignal(signals: AbortSignal[]): AbortSignal {
  const Signal = AbortSignal as { any?: (s: AbortSignal[]) => AbortSignal };
  // Called on the class: some implementations (happy-dom) need their `this`.
  if (typeof Signal.any === 'function') return Signal.any(signals);
  const controller = new AbortController();
  for (const s of signals)
    s.addEventListener('abort', () => controller.abort(s.reason), { once: true });
  return controller.signal;
}

/** `fetch failed` says nothing: name the underlying cause (ECONNREFUSED, ENOTFOUND, a certificate). */
function describeCause(cause: unknown): string {
  const error = cause as { message?: string; cause?: { code?: string; message?: string } };
  const inner = error?.cause;
  if (inner?.code) {
    const advice = transportAdvice[inner.code];
    return `${inner.code}: ${inner.message ?? error.message}${advice ? `; ${advice}` : ''}`;
  }
  return error?.message ?? String(cause);
}
