import type { AuthPlacement } from '@feedkit/protocol';
import type { WebSocketConstructor, WebSocketLike } from './WebSocketLike';

export interface SocketRequest {
  readonly WebSocket: WebSocketConstructor;
  /** Socket URL without credentials. */
  readonly url: string;
  readonly auth: AuthPlacement | undefined;
  readonly token: string | undefined;
}

/**
 * Creates the socket of one attempt, with the token where the system and
 * the implementation allow it. Throws what the constructor throws (a
 * malformed URL). `seesUpgradeStatus`: the implementation reports the HTTP
 * status of a refused upgrade (Node's `ws`).
 */
export function openSocket(request: SocketRequest): {
  socket: WebSocketLike;
  seesUpgradeStatus: boolean;
} {
  const WebSocketImpl = request.WebSocket;
  const seesUpgradeStatus = supportsNodeExtras(WebSocketImpl);
  const { url, headers } = credentials(request, seesUpgradeStatus);
  const socket = headers ? new WebSocketImpl(url, undefined, { headers }) : new WebSocketImpl(url);
  socket.binaryType = 'arraybuffer';
  return { socket, seesUpgradeStatus };
}

/** Node's `ws` exposes upgrade statuses and protocol pings; browser sockets do not. */
function supportsNodeExtras(WebSocketImpl: WebSocketConstructor): boolean {
  const proto = WebSocketImpl.prototype as Partial<WebSocketLike> | undefined;
  return typeof proto?.on === 'function' && typeof proto.terminate === 'function';
}

/** Where the token goes: the `Authorization` header where the socket can send one, else the query. */
function credentials(
  { url, auth, token }: SocketRequest,
  canSendHeaders: boolean,
): { url: string; headers?: Record<string, string> } {
  if (token === undefined || auth === undefined) return { url };
  if (canSendHeaders && auth.bearerHeader)
    return { url, headers: { Authorization: `Bearer ${token}` } };
  if (auth.query === undefined) return { url };
  const parsed = new URL(url);
  parsed.searchParams.set(auth.query, token);
  return { url: parsed.toString() };
}

const decoder = /* @__PURE__ */ new TextDecoder();

/** A frame as text, whatever the implementation delivered it as. */
export function frameText(data: unknown): string {
  if (data instanceof ArrayBuffer || ArrayBuffer.isView(data)) {
    return decoder.decode(data as ArrayBuffer);
  }
  if (Array.isArray(data)) {
    // `ws` fragments: an array of Buffers.
    return data.map((part) => decoder.decode(part as ArrayBuffer)).join('');
  }
  return String(data);
}
