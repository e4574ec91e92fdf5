import type { AuthPlacement } from '@feedkit/protocol';
import type { TransportError } from './transportAdvice';
import type { WebSocketConstructor, WebSocketLike, WebSocketNodeOptions } from './WebSocketLike';

/** Wire details a deployment may vary. */
export interface SocketOptions {
  /**
   * Query parameter that carries the token. By default it is used only where
   * no header can be sent (browsers); set it and the token also rides in the
   * query from Node (a server that reads only `?api_key=`).
   * @default the system's own (`token` for Helios and Takhin)
   */
  readonly authQueryParam?: string;
  /** Extra headers on the upgrade request (Node's `ws` only; browsers cannot send headers). */
  readonly headers?: Readonly<Record<string, string>>;
  /** TLS options of the upgrade request (Node's `ws` only). */
  readonly tls?: TlsOptions;
}

/** What Node's `ws` passes on to `https.request`. */
export interface TlsOptions {
  /** Certificate authorities to trust (PEM), e.g. a self-signed server's certificate. */
  readonly ca?: string | Uint8Array | readonly (string | Uint8Array)[];
  /** `false` accepts any certificate: for tests only. @default true */
  readonly rejectUnauthorized?: boolean;
}

export interface SocketRequest extends SocketOptions {
  readonly WebSocket: WebSocketConstructor;
  /** Socket URL (it may carry user info the user wrote). */
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
  /** The URL the socket was opened with (credentials in its query where they ride there). */
  url: string;
} {
  const WebSocketImpl = request.WebSocket;
  const seesUpgradeStatus = supportsNodeExtras(WebSocketImpl);
  const { url, headers } = credentials(request, seesUpgradeStatus);
  const { tls } = request;
  const all = { ...request.headers, ...headers };
  // Only `ws` takes a third argument; a browser socket gets exactly the arguments it knows.
  const nodeOptions: WebSocketNodeOptions = {
    ...(Object.keys(all).length > 0 ? { headers: all } : {}),
    ...(tls?.ca === undefined ? {} : { ca: tls.ca }),
    ...(tls?.rejectUnauthorized === undefined
      ? {}
      : { rejectUnauthorized: tls.rejectUnauthorized }),
  };
  const socket =
    seesUpgradeStatus && Object.keys(nodeOptions).length > 0
      ? new WebSocketImpl(url, undefined, nodeOptions)
      : new WebSocketImpl(url);
  socket.binaryType = 'arraybuffer';
  if (seesUpgradeStatus) reportSocketErrorsAfterUpgrade(socket);
  return { socket, seesUpgradeStatus, url };
}

/**
 * Once open, `ws` swallows its TCP socket's errors: a connection reset
 * becomes a bare 1006 "connection lost". Passing them to the socket's
 * `error` listeners (`onerror`, which keeps the cause for the close that
 * follows) makes the close name it, e.g. `ECONNRESET`.
 */
function reportSocketErrorsAfterUpgrade(socket: WebSocketLike): void {
  const emitter = socket as WebSocketLike & { emit?(event: 'error', error: unknown): boolean };
  socket.on?.(
    'upgrade',
    (response: { socket?: { once?(e: 'error', l: (error: unknown) => void): unknown } }) => {
      response.socket?.once?.('error', (error) => emitter.emit?.('error', error));
    },
  );
}

/** Node's `ws` exposes upgrade statuses and protocol pings; browser sockets do not. */
function supportsNodeExtras(WebSocketImpl: WebSocketConstructor): boolean {
  const proto = WebSocketImpl.prototype as Partial<WebSocketLike> | undefined;
  return typeof proto?.on === 'function' && typeof proto.terminate === 'function';
}

/** Where the token goes: the `Authorization` header where the socket can send one, else the query. */
function credentials(
  { url, auth, token, authQueryParam }: SocketRequest,
  canSendHeaders: boolean,
): { url: string; headers?: Record<string, string> } {
  if (token === undefined || auth === undefined) return { url };
  const header = canSendHeaders && auth.bearerHeader;
  const headers = header ? { Authorization: `Bearer ${token}` } : undefined;
  const param = header ? authQueryParam : (authQueryParam ?? auth.query);
  if (param === undefined) return { url, headers };
  const parsed = new URL(url);
  parsed.searchParams.set(param, token);
  return { url: parsed.toString(), headers };
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

/** The implementation's error behind an `error` event (`ws`: an ErrorEvent with `.error`; browsers: nothing). */
export function transportErrorOf(
  event: unknown,
): { error: TransportError; cause: unknown } | undefined {
  const cause = (event as { error?: unknown })?.error ?? event;
  const message = (cause as { message?: unknown })?.message;
  if (typeof message !== 'string' || message === '') return undefined;
  const code = (cause as { code?: unknown }).code;
  return { error: { code: typeof code === 'string' ? code : undefined, message }, cause };
}
