import type { RequestHandler, WebSocketHandler } from 'msw';
import { type SetupServer, setupServer } from 'msw/node';
import { holdGlobalWebSocket } from './mockWebSocket';

type Handler = RequestHandler | WebSocketHandler;

/**
 * One msw server for every mock in the process: two servers would patch
 * `WebSocket` and `fetch` twice, and each would see the other's sockets.
 * It listens while at least one mock is running.
 */
const active = new Map<object, readonly Handler[]>();
let server: SetupServer | undefined;
let releaseGlobal: (() => void) | undefined;

function all(): Handler[] {
  return [...active.values()].flat();
}

export function addMockHandlers(owner: object, handlers: readonly Handler[]): void {
  active.set(owner, handlers);
  if (server === undefined) {
    releaseGlobal = holdGlobalWebSocket();
    const created = setupServer(...all());
    created.listen({ onUnhandledRequest: 'bypass' });
    server = created;
  } else {
    server.resetHandlers(...all());
  }
}

export function removeMockHandlers(owner: object): void {
  if (!active.delete(owner) || server === undefined) return;
  if (active.size > 0) {
    server.resetHandlers(...all());
    return;
  }
  server.close();
  server = undefined;
  releaseGlobal?.();
  releaseGlobal = undefined;
}
