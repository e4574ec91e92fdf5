import type { SystemName } from '@feedkit/protocol';
import type { Http } from './FeedkitClient';
import { FeedkitError } from './FeedkitError';

export interface HttpOptions {
  /** Base URL the endpoint paths are appended to (`http://host:8080`). */
  readonly baseUrl: string;
  readonly system: SystemName;
  /** @default globalThis.fetch */
  readonly fetch?: typeof fetch;
}

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
    async request(method, path, body, parse) {
      const fetchImpl = options.fetch ?? globalThis.fetch;
      const where = `${method} ${path}`;
      let response: Response;
      try {
        response = await fetchImpl(`${baseUrl}${path}`, {
          method,
          headers: body === undefined ? undefined : { 'Content-Type': 'application/json' },
          body: body === undefined ? undefined : JSON.stringify(body),
        });
      } catch (cause) {
        throw new FeedkitError(
          'rest',
          `${where}: network error (${(cause as Error)?.message ?? String(cause)}); is the server reachable at ${baseUrl}?`,
          { system, path, cause },
        );
      }
      const text = await response.text().catch(() => '');
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
          `${where}: HTTP ${response.status}${describeBody(json, text)}`,
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

function describeBody(json: unknown, text: string): string {
  if (json && typeof json === 'object') {
    const record = json as Record<string, unknown>;
    const message = record.error ?? record.message ?? record.detail;
    if (typeof message === 'string') return `: ${message}`;
  }
  return text ? `: ${text.slice(0, 120)}` : '';
}

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
