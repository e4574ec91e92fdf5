import WebSocket from 'ws';
import { describeNetworkError } from './probeReachability';

export type SocketOutcome =
  | { readonly kind: 'open'; readonly socket: WebSocket; readonly ms: number }
  | { readonly kind: 'refused'; readonly status: number; readonly body: string }
  | { readonly kind: 'error'; readonly cause: string };

/**
 * Opens a raw `ws` socket and says exactly how the upgrade went: open, the
 * HTTP status and body of a refusal, or the network cause. An upgrade nobody
 * answers (a frozen server, a proxy holding it) times out.
 */
export function openSocket(
  url: string,
  headers: Record<string, string> = {},
  timeoutMs = 5000,
): Promise<SocketOutcome> {
  const started = performance.now();
  return new Promise((resolve) => {
    const socket = new WebSocket(url, {
      headers,
      handshakeTimeout: timeoutMs,
      perMessageDeflate: false,
    });
    let settled = false;
    const done = (outcome: SocketOutcome) => {
      if (settled) return;
      settled = true;
      if (outcome.kind !== 'open') socket.terminate();
      resolve(outcome);
    };
    socket.once('open', () =>
      done({ kind: 'open', socket, ms: Math.round(performance.now() - started) }),
    );
    socket.once('unexpected-response', (_request, response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => {
        body += chunk;
      });
      response.on('end', () =>
        done({ kind: 'refused', status: response.statusCode ?? 0, body: body.slice(0, 200) }),
      );
      response.on('error', () => done({ kind: 'refused', status: response.statusCode ?? 0, body }));
    });
    socket.once('error', (error: NodeJS.ErrnoException) => {
      const timedOut = /timed out/i.test(error.message);
      done({
        kind: 'error',
        cause: timedOut
          ? `no answer to the WebSocket upgrade within ${timeoutMs} ms (server frozen, or a proxy holding the connection)`
          : describeNetworkError(error),
      });
    });
  });
}

/** An upgrade status in words, with what it means for credentials. */
export function describeStatus(status: number): string {
  if (status === 401) return 'HTTP 401 unauthorized: credentials missing or refused';
  if (status === 403)
    return 'HTTP 403 forbidden: credentials accepted but not allowed (Helios admits admins only)';
  if (status === 404) return 'HTTP 404: no WebSocket endpoint at this path';
  return `HTTP ${status}`;
}
