/**
 * The part of a WebSocket the client uses: the browser API, which Node's
 * `ws` implements too, plus `ws`'s extras where they exist (upgrade status,
 * protocol-level ping, terminate). Declared here so the package's types do
 * not depend on `@types/ws`.
 */
export interface WebSocketLike {
  readonly readyState: number;
  binaryType: string;
  onopen: ((event: unknown) => void) | null;
  onmessage: ((event: { readonly data: unknown }) => void) | null;
  onclose: ((event: { readonly code: number; readonly reason: string }) => void) | null;
  onerror: ((event: unknown) => void) | null;
  send(data: string): void;
  close(code?: number, reason?: string): void;
  /** Node `ws` only: event emitter API (`unexpected-response`, `pong`). */
  on?(event: string, listener: (...args: never[]) => void): unknown;
  /** Node `ws` only: protocol-level ping, answered by any conforming server. */
  ping?(): void;
  /** Node `ws` only: destroy the socket without a closing handshake. */
  terminate?(): void;
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
