import { EventEmitter } from 'node:events';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { SocketCloseEvent, WebSocketLike } from '../src/WebSocketLike';
import { type SocketEnd, watchSocket } from '../src/watchSocket';

/** Just what `watchSocket` uses of a `ws` socket: events, handlers, `terminate` closing with 1006. */
class EmitterSocket extends EventEmitter {
  onopen: ((event: unknown) => void) | null = null;
  onmessage: ((event: unknown) => void) | null = null;
  onclose: ((event: SocketCloseEvent) => void) | null = null;
  onerror: ((event: unknown) => void) | null = null;
  terminated = 0;
  terminate(): void {
    if (this.terminated++ === 0) this.onclose?.({ code: 1006, reason: '' });
  }
}

function watched(): { socket: EmitterSocket; end: Promise<SocketEnd> } {
  const socket = new EmitterSocket();
  const end = new Promise<SocketEnd>((closed) =>
    watchSocket(socket as unknown as WebSocketLike, {
      current: () => true,
      pong: () => {},
      alive: () => {},
      opened: () => {},
      frame: () => {},
      closed,
    }),
  );
  return { socket, end };
}

describe('watchSocket: a refused upgrade (ws `unexpected-response`)', () => {
  it('reads the body, then aborts the handshake; the end carries status and words', async () => {
    const { socket, end } = watched();
    const response = Object.assign(
      Readable.from([Buffer.from('too many '), Buffer.from('connections')]),
      {
        statusCode: 503,
        headers: { 'content-type': 'text/plain' },
      },
    );
    socket.emit('unexpected-response', {}, response);
    expect(await end).toMatchObject({
      opened: false,
      httpStatus: 503,
      httpText: 'too many connections',
    });
    expect(socket.terminated).toBe(1);
  });

  it('a response that is no stream (a ws look-alike) still ends the socket, with its status only', async () => {
    const { socket, end } = watched();
    socket.emit('unexpected-response', {}, { statusCode: 429 });
    expect(await end).toMatchObject({ httpStatus: 429, httpText: undefined });
  });
});
