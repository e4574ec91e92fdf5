import WebSocket from 'ws';
import type { WebSocketLike } from '../../src/index';

/**
 * A real socket (Node's `ws` underneath) that offers only what a browser's
 * WebSocket offers: no headers, no upgrade status, no protocol ping, no
 * terminate. The client must fall back to query-parameter credentials and
 * silence-based dead-peer detection with it.
 */
export class BrowserLikeWebSocket implements WebSocketLike {
  static urls: string[] = [];
  readonly #socket: WebSocket;
  onopen: ((event: unknown) => void) | null = null;
  onmessage: ((event: { readonly data: unknown }) => void) | null = null;
  onclose: ((event: { readonly code: number; readonly reason: string }) => void) | null = null;
  onerror: ((event: unknown) => void) | null = null;

  constructor(url: string, protocols?: string | string[]) {
    BrowserLikeWebSocket.urls.push(url);
    this.#socket = new WebSocket(url, protocols);
    this.#socket.onopen = (e) => this.onopen?.(e);
    this.#socket.onmessage = (e) => this.onmessage?.({ data: e.data });
    this.#socket.onclose = (e) => this.onclose?.({ code: e.code, reason: e.reason });
    this.#socket.onerror = (e) => this.onerror?.(e);
  }

  get readyState(): number {
    return this.#socket.readyState;
  }
  get binaryType(): string {
    return this.#socket.binaryType;
  }
  set binaryType(value: string) {
    this.#socket.binaryType = value as WebSocket['binaryType'];
  }
  send(data: string): void {
    this.#socket.send(data);
  }
  close(code?: number, reason?: string): void {
    this.#socket.close(code, reason);
  }
}
