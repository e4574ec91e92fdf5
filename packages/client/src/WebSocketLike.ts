/**
 * The part of a WebSocket the client uses: the browser API, which Node's
 * `ws` implements too, plus `ws`'s extras where they exist (upgrade status,
 * protocol-level ping, terminate). Declared here so the package's types do
 * not depend on `@types/ws`.
 */
export interface WebSocketLike {
  readonly readyState: number;
  binaryType: string;
  // Handler parameters are `never` so that every implementation's own event
  // types (DOM's MessageEvent, ws's, Bun's) fit; the client assigns handlers
  // that take the `Socket*Event` shapes below, which all of them deliver.
  onopen: ((event: never) => unknown) | null;
  onmessage: ((event: never) => unknown) | null;
  onclose: ((event: never) => unknown) | null;
  onerror: ((event: never) => unknown) | null;
  send(data: string): void;
  close(code?: number, reason?: string): void;
  /** Node `ws` only: event emitter API (`unexpected-response`, `pong`). */
  on?(event: string, listener: (...args: never[]) => void): unknown;
  /** Node `ws` only: protocol-level ping, answered by any conforming server. */
  ping?(): void;
  /** Node `ws` only: destroy the socket without a closing handshake. */
  terminate?(): void;
}

/** What every implementation's message event carries. */
export interface SocketMessageEvent {
  readonly data: unknown;
}

/** What every implementation's close event carries. */
export interface SocketCloseEvent {
  readonly code: number;
  readonly reason: string;
}

/** Options only Node's `ws` understands; browsers ignore the third argument. */
export interface WebSocketNodeOptions {
  readonly headers?: Readonly<Record<string, string>>;
  readonly ca?: string | Uint8Array | readonly (string | Uint8Array)[];
  readonly rejectUnauthorized?: boolean;
}

export type WebSocketConstructor = new (
  url: string,
  protocols?: string | string[],
  options?: WebSocketNodeOptions,
) => WebSocketLike;

/** `WebSocket.OPEN`, the same in every implementation. */
export const OPEN = 1;
