import type { WebSocketConstructor } from '@feedkit/client';
import NodeWebSocket from 'ws';

/**
 * msw intercepts sockets by patching `globalThis.WebSocket` when its server
 * starts listening. Node 20 has no global WebSocket (Node 22 has), so there
 * would be nothing to patch: install `ws` there first, only while a mock
 * needs it. Counted, so several mocks can share it.
 */
let installs = 0;
let installed = false;

export function holdGlobalWebSocket(): () => void {
  if (installs++ === 0 && globalThis.WebSocket === undefined) {
    Object.defineProperty(globalThis, 'WebSocket', {
      value: NodeWebSocket,
      configurable: true,
      writable: true,
    });
    installed = true;
  }
  let released = false;
  return () => {
    if (released) return;
    released = true;
    if (--installs === 0 && installed) {
      Reflect.deleteProperty(globalThis, 'WebSocket');
      installed = false;
    }
  };
}

/**
 * The constructor to give the client under test (`createClient({ WebSocket })`).
 * It looks `globalThis.WebSocket` up at each connect, so it always gets
 * msw's patched class, whenever the mock started. The client's default
 * (`ws` in Node) would bypass msw.
 */
export const mockWebSocket = function MockedWebSocket(url: string, protocols?: string | string[]) {
  return new globalThis.WebSocket(url, protocols);
} as unknown as WebSocketConstructor;
