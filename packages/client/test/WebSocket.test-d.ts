// biome-ignore-all lint/suspicious/noExplicitAny: the declarations below are copied as Bun and Deno write them
import { expectTypeOf, it } from 'vitest';
import WsWebSocket from 'ws';
import { type ClientOptions, createClient, takhin, type WebSocketConstructor } from '../src/index';

/**
 * The `WebSocket` option takes `ws`, the browser's, Bun's and Deno's
 * WebSocket without a cast. Bun's and Deno's globals cannot be loaded next
 * to the DOM lib, so their declarations are copied here as their packages
 * write them (bun-types 1.4 `Bun.WebSocket` and its two constructors; Deno's
 * `ext/websocket` lib, which declares the DOM's shape).
 */
interface BunWebSocket extends EventTarget {
  readonly url: string;
  readonly readyState: 0 | 1 | 2 | 3;
  readonly bufferedAmount: number;
  readonly protocol: string;
  readonly extensions: string;
  binaryType: 'arraybuffer' | 'blob' | 'nodebuffer';
  onopen: ((this: BunWebSocket, ev: Event) => any) | null;
  onmessage: ((this: BunWebSocket, ev: MessageEvent) => any) | null;
  onerror: ((this: BunWebSocket, ev: ErrorEvent) => any) | null;
  onclose: ((this: BunWebSocket, ev: CloseEvent) => any) | null;
  send(data: string | ArrayBufferLike | ArrayBufferView | Blob): void;
  close(code?: number, reason?: string): void;
  ping(data?: string | ArrayBufferLike | ArrayBufferView | Blob): void;
  pong(data?: string | ArrayBufferLike | ArrayBufferView | Blob): void;
  terminate(): void;
}
interface BunWebSocketOptions {
  protocols?: string | string[];
  headers?: Record<string, string>;
}
declare const BunWebSocketClass: {
  prototype: BunWebSocket;
  new (url: string | URL, options?: BunWebSocketOptions): BunWebSocket;
  new (url: string | URL, protocols?: string | string[]): BunWebSocket;
  readonly CONNECTING: 0;
  readonly OPEN: 1;
  readonly CLOSING: 2;
  readonly CLOSED: 3;
};
interface DenoWebSocket extends EventTarget {
  binaryType: BinaryType;
  readonly bufferedAmount: number;
  readonly extensions: string;
  onclose: ((this: DenoWebSocket, ev: CloseEvent) => any) | null;
  onerror: ((this: DenoWebSocket, ev: Event | ErrorEvent) => any) | null;
  onmessage: ((this: DenoWebSocket, ev: MessageEvent) => any) | null;
  onopen: ((this: DenoWebSocket, ev: Event) => any) | null;
  readonly protocol: string;
  readonly readyState: number;
  readonly url: string;
  close(code?: number, reason?: string): void;
  send(data: string | ArrayBufferLike | Blob | ArrayBufferView): void;
}
declare const DenoWebSocketClass: {
  readonly prototype: DenoWebSocket;
  new (url: string | URL, protocols?: string | string[]): DenoWebSocket;
  readonly CLOSED: number;
  readonly CLOSING: number;
  readonly CONNECTING: number;
  readonly OPEN: number;
};

const url = 'ws://localhost:8080';

it('accepts ws, the browser WebSocket, Bun and Deno without a cast', () => {
  createClient({ url, protocol: takhin(), WebSocket: WsWebSocket });
  createClient({ url, protocol: takhin(), WebSocket: globalThis.WebSocket });
  createClient({ url, protocol: takhin(), WebSocket: BunWebSocketClass });
  createClient({ url, protocol: takhin(), WebSocket: DenoWebSocketClass });
  expectTypeOf(WsWebSocket).toExtend<WebSocketConstructor>();
  expectTypeOf(BunWebSocketClass).toExtend<WebSocketConstructor>();
});

it('still refuses what is not a WebSocket', () => {
  // @ts-expect-error a Date is not a WebSocket
  createClient({ url, protocol: takhin(), WebSocket: Date });
  expectTypeOf<typeof Date>().not.toExtend<ClientOptions<ReturnType<typeof takhin>>['WebSocket']>();
});
