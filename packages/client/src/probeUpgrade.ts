import { fetchBodyChunks, refusalText } from './refusalText';

/** A refusal the probe could read: its status (credentials) and what its body said (`refusalText`). */
export interface ProbedRefusal {
  readonly status: 401 | 403;
  readonly text: string | undefined;
}

/** The plain GET was answered readably, neither refusing credentials nor missing the path. */
export interface ProbedAnswer {
  readonly answered: number;
}

/**
 * A refused upgrade's status and words when its status names credentials;
 * `answered` when the server is up, serves the path and accepts the
 * credentials, so the upgrade was refused for something else (in a browser:
 * the page's origin); `'hidden'` when the server answered but a browser page
 * may not read the answer (no CORS header for its origin); `undefined` when
 * nothing was learnt.
 */
export type UpgradeProbeAnswer = ProbedRefusal | ProbedAnswer | 'hidden' | undefined;

/** Asks the server what a refused upgrade's HTTP status was. */
export type UpgradeProbe = (socketUrl: string) => Promise<UpgradeProbeAnswer>;

export interface UpgradeProbeOptions {
  /** @default globalThis.fetch */
  readonly fetch?: typeof fetch;
  /** The probe gives up after this long. */
  readonly timeoutMs: number;
}

/**
 * Browsers, Deno, Bun and Node's own `WebSocket` report a refused upgrade as
 * 1006 (Deno: 0 or 1005) before open, exactly like a network failure, and
 * hide its HTTP status. This asks the server the same question without the
 * upgrade: a plain GET of the socket URL, credentials in its query as the
 * socket sent them, passes the same auth a gateway puts in front of its
 * socket handler. 401 and 403 name the refusal; another 4xx or 2xx (400, 426:
 * not a handshake) shows a server that let the credentials through; a 404, a
 * 5xx, a network failure or the deadline says nothing. A browser
 * fails a fetch the same way for a network error and for an answer its page
 * may not read (CORS); an opaque answer to a `no-cors` GET tells them apart.
 * A refusal's body is read as a refused `ws` upgrade's is.
 */
export function upgradeProbe(options: UpgradeProbeOptions): UpgradeProbe {
  return async (socketUrl) => {
    const fetchImpl = options.fetch ?? globalThis.fetch;
    if (typeof fetchImpl !== 'function') return undefined;
    const url = new URL(socketUrl.replace(/^ws(s?):/i, 'http$1:'));
    // fetch refuses URLs with user info; the socket's own credentials ride in the query.
    url.username = url.password = '';
    const signal = AbortSignal.timeout(options.timeoutMs);
    try {
      const response = await fetchImpl(url.toString(), { method: 'GET', signal });
      const { status, body } = response;
      if (status !== 401 && status !== 403) {
        void body?.cancel().catch(() => {});
        return status === 404 || status >= 500 ? undefined : { answered: status };
      }
      const type = response.headers.get('content-type');
      return { status, text: body ? await refusalText(fetchBodyChunks(body), type) : undefined };
    } catch {
      return fetchImpl(url.toString(), { method: 'GET', mode: 'no-cors', signal }).then(
        (response) => {
          void response.body?.cancel().catch(() => {});
          return response.type === 'opaque' ? 'hidden' : undefined;
        },
        () => undefined,
      );
    }
  };
}
