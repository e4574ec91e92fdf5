import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Faults } from '../Faults';
import { type Route, Router } from './Router';
import { readJsonBody } from './readJsonBody';
import { CORS_HEADERS, sendJson } from './sendJson';

type Checked = { readonly ok: true; readonly body: unknown } | { readonly ok: false };

/**
 * One REST request, step by step: CORS preflight, route (404/405), rate
 * limit (429), body read (400/413), request schema (the system's invalid
 * status), handler, and a check of the server's own 2xx body against the
 * response schema (a mismatch is a 500 and a log line, never a lie on the wire).
 */
export class RestPipeline {
  private readonly router = new Router();

  constructor(
    routes: readonly Route[],
    private readonly faults: Faults,
    private readonly log: (error: unknown) => void,
  ) {
    for (const route of routes) this.router.add(route);
  }

  /** Answers one request; while frozen, holds it until `thaw()`. Never throws. */
  serve(request: IncomingMessage, response: ServerResponse): void {
    response.on('error', () => {});
    const retry = () => this.serve(request, response);
    if (this.faults.hold(retry, () => request.socket.destroy())) return;
    this.handle(request, response).catch((error) => {
      this.log(error);
      sendJson(response, 500, { detail: 'internal error' });
    });
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', 'http://localhost');
    if (request.method === 'OPTIONS') {
      response.writeHead(204, CORS_HEADERS);
      response.end();
      return;
    }
    const match = this.router.match(request.method ?? 'GET', url.pathname);
    if (match.kind !== 'found') {
      request.resume();
      const where = `${request.method} ${url.pathname}`;
      if (match.kind === 'not_found')
        sendJson(response, 404, { detail: `no endpoint at ${where}` });
      else
        sendJson(
          response,
          405,
          { detail: `${request.method} not allowed on ${url.pathname}` },
          {
            allow: match.allow.join(', '),
          },
        );
      return;
    }
    const { route, params } = match;
    if (route.rateLimit !== undefined && !route.rateLimit.take()) {
      request.resume();
      sendJson(response, 429, route.errorBody('rate limit exceeded; slow down'), {
        'retry-after': String(route.rateLimit.retryAfterSeconds()),
      });
      return;
    }
    const body = await this.body(route, request, response);
    if (!body.ok) return;
    const result = await route.handle({ params, url, body: body.body, headers: request.headers });
    if (result.status < 300 && !this.answersItsSchema(route, result.body)) {
      sendJson(response, 500, route.errorBody('internal error: response does not match schema'));
      return;
    }
    sendJson(response, result.status, result.body, result.headers);
  }

  /** The parsed, schema-checked body; on failure the error is already answered. */
  private async body(
    route: Route,
    request: IncomingMessage,
    response: ServerResponse,
  ): Promise<Checked> {
    if (route.request === undefined) {
      request.resume();
      return { ok: true, body: undefined };
    }
    const raw = await readJsonBody(request);
    if (!raw.ok) {
      const status = raw.status === 413 ? 413 : route.invalidStatus;
      sendJson(response, status, route.errorBody(raw.message));
      return { ok: false };
    }
    const parsed = route.request.safeParse(raw.value);
    if (parsed.success) return { ok: true, body: parsed.data };
    const issue = parsed.error.issues[0];
    const where = issue?.path.length ? issue.path.join('.') : '(body)';
    sendJson(
      response,
      route.invalidStatus,
      route.errorBody(`invalid request body at ${where}: ${issue?.message ?? 'does not match'}`),
    );
    return { ok: false };
  }

  private answersItsSchema(route: Route, body: unknown): boolean {
    if (route.response === undefined) return true;
    const checked = route.response.safeParse(body);
    if (checked.success) return true;
    this.log(
      new Error(
        `${route.method} ${route.pattern} answered a body its schema refuses: ${JSON.stringify(checked.error.issues)}`,
      ),
    );
    return false;
  }
}
