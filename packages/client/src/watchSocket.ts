import { frameText, transportErrorOf } from './openSocket';
import { nodeBodyChunks, refusalText } from './refusalText';
import type { SocketCloseEvent, SocketMessageEvent, WebSocketLike } from './WebSocketLike';

/** How one socket ended: what `closeRule` needs to know about it. */
export interface SocketEnd {
  readonly event: SocketCloseEvent;
  /** The socket opened before it closed. */
  readonly opened: boolean;
  /** A refused upgrade's HTTP status, where the socket sees it (`ws`). */
  readonly httpStatus: number | undefined;
  /** What the refused upgrade's response body said, as one line (`refusalText`). */
  readonly httpText?: string | undefined;
  /** The transport's error before the close (ECONNREFUSED, a certificate, a bad frame). */
  readonly failure: ReturnType<typeof transportErrorOf>;
}

/** What a watched socket tells its connection. */
export interface SocketHooks {
  /** False once the connection abandoned the socket: its late events are ignored. */
  readonly current: () => boolean;
  /** The peer answered a protocol-level ping. */
  readonly pong: () => void;
  /** Any sign of life (a message, the peer's protocol-level ping). */
  readonly alive: () => void;
  readonly opened: () => void;
  /** A text frame (binary and fragmented frames already turned into text). */
  readonly frame: (frame: string) => void;
  readonly closed: (end: SocketEnd) => void;
}

/** Wires one socket's events to its connection; `alreadyOpen` for a socket adopted after its open. */
export function watchSocket(socket: WebSocketLike, hooks: SocketHooks, alreadyOpen = false): void {
  let opened = alreadyOpen;
  let httpStatus: number | undefined;
  let httpText: string | undefined;
  let failure: ReturnType<typeof transportErrorOf>;
  const { current } = hooks;

  socket.on?.('unexpected-response', ((_request: unknown, response: UpgradeResponse) => {
    httpStatus = response.statusCode;
    // With a listener attached, `ws` leaves aborting the handshake to us: after reading why.
    const type = response.headers?.['content-type'];
    // A `ws` look-alike may hand over a response that is no stream: nothing to read then.
    const readable = typeof response[Symbol.asyncIterator] === 'function';
    const text = readable
      ? refusalText(nodeBodyChunks(response), type)
      : Promise.resolve(undefined);
    void text.then((said) => {
      httpText = said;
      socket.terminate?.();
    });
  }) as never);
  socket.on?.('pong', (() => hooks.pong()) as never);
  socket.on?.('ping', (() => hooks.alive()) as never);
  socket.onopen = () => {
    if (!current()) return;
    opened = true;
    hooks.opened();
  };
  socket.onmessage = (event: SocketMessageEvent) => {
    if (!current()) return;
    hooks.alive();
    hooks.frame(typeof event.data === 'string' ? event.data : frameText(event.data));
  };
  socket.onerror = (event: unknown) => {
    // Followed by a close event; keep the cause (ECONNREFUSED, a certificate, a bad frame) for it.
    failure ??= transportErrorOf(event);
  };
  socket.onclose = (event: SocketCloseEvent) => {
    if (!current()) return;
    hooks.closed({ event, opened, httpStatus, httpText, failure });
  };
}

/** The refused upgrade's `http.IncomingMessage`, as far as it is read. */
interface UpgradeResponse extends AsyncIterable<Uint8Array> {
  readonly statusCode?: number;
  readonly headers?: { readonly 'content-type'?: string };
}

/** Detaches a socket's handlers, so nothing it does later reaches its connection. */
export function unwatchSocket(socket: WebSocketLike): void {
  socket.onopen = socket.onmessage = socket.onclose = null;
  // Keep an error handler: `ws` throws on an 'error' event nobody listens to.
  socket.onerror = () => {};
}

/** Closes a socket with `code`, or destroys it without a closing handshake (`terminate`: a dead peer never answers one). */
export function closeSocket(
  socket: WebSocketLike,
  code: number,
  reason: string,
  terminate: boolean,
): void {
  try {
    if (terminate && socket.terminate) socket.terminate();
    else socket.close(code, reason);
  } catch {
    // Closing a socket that is still connecting throws in some implementations; it is gone either way.
    socket.terminate?.();
  }
}
