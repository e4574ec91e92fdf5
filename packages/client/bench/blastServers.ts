/**
 * The traffic source of the throughput cases, in its own process so that
 * its work is not billed to the client being measured. Two servers:
 *
 * - a minimal `ws` server that, on each connection, writes N pre-encoded
 *   frames straight to the TCP socket in 256-frame chunks, waiting for
 *   `drain` between chunks (no per-message work at all, so the server is
 *   not the bottleneck, and the bare client and feedkit get identical bytes);
 * - a socket.io server that `emit`s the same message N times, waiting for
 *   the TCP socket to drain when more than 1 MB is queued. socket.io has no
 *   way to send pre-encoded packets, so it stringifies each one; the time
 *   it spends is reported so a slow server would show.
 *
 * The parent arms a blast (`{ cmd: 'arm', payload, n }`) before a client
 * connects; the next connection on either server gets it.
 */
import { createServer } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { Server as SocketIoServer } from 'socket.io';
import { WebSocketServer } from 'ws';
import { type PayloadName, payloads } from './payloads';

export type BlastCommand =
  | { readonly cmd: 'arm'; readonly payload: PayloadName; readonly n: number }
  | { readonly cmd: 'stop' };

export type BlastReport =
  | { readonly ready: { readonly wsPort: number; readonly socketIoPort: number } }
  | { readonly armed: true }
  | { readonly sent: { readonly server: 'ws' | 'socket.io'; readonly ms: number } };

const CHUNK_FRAMES = 256;
const HIGH_WATER_BYTES = 1024 * 1024;

let armed: { payload: PayloadName; n: number } | undefined;
const reply = (report: BlastReport) => process.send?.(report);

/** An unmasked server-to-client text frame (RFC 6455 §5.2). */
function textFrame(text: string): Buffer {
  const length = Buffer.byteLength(text);
  const headerLength = length < 126 ? 2 : length < 65_536 ? 4 : 10;
  const frame = Buffer.allocUnsafe(headerLength + length);
  frame[0] = 0x81;
  if (length < 126) frame[1] = length;
  else if (length < 65_536) {
    frame[1] = 126;
    frame.writeUInt16BE(length, 2);
  } else {
    frame[1] = 127;
    frame.writeBigUInt64BE(BigInt(length), 2);
  }
  frame.write(text, headerLength, 'utf8');
  return frame;
}

const drained = (socket: Socket) =>
  new Promise<void>((resolve) => {
    const done = () => {
      socket.off('drain', done);
      socket.off('close', done);
      resolve();
    };
    socket.on('drain', done);
    socket.on('close', done);
  });

async function blastRaw(socket: Socket, payload: PayloadName, n: number): Promise<void> {
  const started = performance.now();
  const frame = textFrame(payloads[payload].frame);
  const chunk = Buffer.concat(Array.from({ length: CHUNK_FRAMES }, () => frame));
  let left = n;
  while (left > 0 && !socket.destroyed) {
    const frames = Math.min(left, CHUNK_FRAMES);
    const ok = socket.write(
      frames === CHUNK_FRAMES ? chunk : chunk.subarray(0, frames * frame.length),
    );
    left -= frames;
    if (!ok) await drained(socket);
  }
  reply({ sent: { server: 'ws', ms: performance.now() - started } });
}

async function blastSocketIo(
  emit: (value: object) => void,
  raw: Socket,
  payload: PayloadName,
  n: number,
): Promise<void> {
  const started = performance.now();
  const { value } = payloads[payload];
  for (let sent = 0; sent < n && !raw.destroyed; sent++) {
    emit(value);
    if (raw.writableLength > HIGH_WATER_BYTES) await drained(raw);
  }
  reply({ sent: { server: 'socket.io', ms: performance.now() - started } });
}

function takeArmed(): { payload: PayloadName; n: number } | undefined {
  const blast = armed;
  armed = undefined;
  return blast;
}

async function main(): Promise<void> {
  // The minimal ws server: any path (the client appends the system's own), compression off like the reference server.
  const wsHttp = createServer();
  const wss = new WebSocketServer({ noServer: true, perMessageDeflate: false });
  wsHttp.on('upgrade', (request, socket, head) => {
    wss.handleUpgrade(request, socket, head, (ws) => {
      ws.on('error', () => {});
      const blast = takeArmed();
      // Commands the client sends (subscribe, ping) are read by ws and ignored.
      if (blast) void blastRaw(socket as Socket, blast.payload, blast.n);
    });
  });
  await new Promise<void>((resolve) => wsHttp.listen(0, '127.0.0.1', resolve));

  const ioHttp = createServer();
  const io = new SocketIoServer(ioHttp, { transports: ['websocket'], perMessageDeflate: false });
  io.on('connection', (socket) => {
    const blast = takeArmed();
    if (blast) {
      void blastSocketIo(
        (value) => socket.emit('m', value),
        socket.conn.request.socket as Socket,
        blast.payload,
        blast.n,
      );
    }
  });
  await new Promise<void>((resolve) => ioHttp.listen(0, '127.0.0.1', resolve));

  process.on('message', (command: BlastCommand) => {
    if (command.cmd === 'arm') {
      armed = { payload: command.payload, n: command.n };
      reply({ armed: true });
    } else {
      io.close();
      wss.close();
      wsHttp.closeAllConnections();
      wsHttp.close();
      process.exit(0);
    }
  });
  reply({
    ready: {
      wsPort: (wsHttp.address() as AddressInfo).port,
      socketIoPort: (ioHttp.address() as AddressInfo).port,
    },
  });
}

void main();
