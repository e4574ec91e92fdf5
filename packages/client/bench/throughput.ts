/**
 * One throughput run: a client connects to a blast server (bench/blastServers.ts)
 * and counts until the N-th message has been delivered. The clock runs from
 * the first message to the N-th, so the handshake is not in it; CPU time is
 * this process's user + system time over the same span, which is the figure
 * that survives a machine shared with other work.
 */
import { io } from 'socket.io-client';
import { WebSocket } from 'ws';
import { createClient, plataformaE, takhin } from '../src/index';
import { type PayloadName, PROJECT_ID } from './payloads';

export type ClientKind =
  | 'bare ws + JSON.parse'
  | 'feedkit, 1 subscriber'
  | 'feedkit, 100 subscribers'
  | 'socket.io';

export interface Run {
  readonly messages: number;
  readonly wallMs: number;
  readonly cpuMs: number;
}

/** Starts the clock on the first message, stops it on the last. */
class Stopwatch {
  #wall = 0;
  #cpu: NodeJS.CpuUsage | undefined;
  #done: ((run: Run) => void) | undefined;
  readonly finished: Promise<Run>;

  constructor(readonly messages: number) {
    this.finished = new Promise((resolve) => {
      this.#done = resolve;
    });
  }

  first(): void {
    this.#wall = performance.now();
    this.#cpu = process.cpuUsage();
  }

  last(): void {
    const cpu = process.cpuUsage(this.#cpu);
    // The first message is before the clock starts: N - 1 messages in the span.
    this.#done?.({
      messages: this.messages - 1,
      wallMs: performance.now() - this.#wall,
      cpuMs: (cpu.user + cpu.system) / 1000,
    });
  }
}

export async function runBare(port: number, payload: PayloadName, n: number): Promise<Run> {
  const watch = new Stopwatch(n);
  const path = payload === 'metrics' ? '/api/monitoring/ws' : '/ws/notifications';
  const socket = new WebSocket(`ws://127.0.0.1:${port}${path}`, { perMessageDeflate: false });
  let count = 0;
  let sink: unknown;
  socket.on('message', (data: Buffer) => {
    sink = JSON.parse(data.toString());
    if (++count === 1) watch.first();
    if (count === n) watch.last();
  });
  const run = await watch.finished;
  void sink;
  socket.terminate();
  return run;
}

export async function runFeedkit(
  port: number,
  payload: PayloadName,
  n: number,
  subscribers: number,
): Promise<Run> {
  const watch = new Stopwatch(n);
  const common = { url: `ws://127.0.0.1:${port}`, lifecycle: false } as const;
  let feed: { subscribe(next: (message: unknown) => void): { unsubscribe(): void } };
  let close: () => void;
  if (payload === 'metrics') {
    const client = createClient({ ...common, protocol: takhin() });
    feed = client.feed('metrics');
    close = () => client.close();
  } else {
    const client = createClient({ ...common, protocol: plataformaE() });
    feed = client.feed('project', PROJECT_ID);
    close = () => client.close();
  }
  // Every subscriber counts; the run ends when the last one has seen message N.
  const counts = new Uint32Array(subscribers);
  let firstSeen = false;
  for (let i = 0; i < subscribers; i++) {
    const isLast = i === subscribers - 1;
    feed.subscribe(() => {
      const count = ++counts[i]!;
      if (!firstSeen) {
        firstSeen = true;
        watch.first();
      }
      if (isLast && count === n) watch.last();
    });
  }
  const run = await watch.finished;
  close();
  return run;
}

export async function runSocketIo(port: number, n: number): Promise<Run> {
  const watch = new Stopwatch(n);
  // Compression is off on the server, so the client's offer of permessage-deflate is declined.
  const socket = io(`http://127.0.0.1:${port}`, { transports: ['websocket'], reconnection: false });
  let count = 0;
  socket.on('m', () => {
    if (++count === 1) watch.first();
    if (count === n) watch.last();
  });
  const run = await watch.finished;
  socket.disconnect();
  return run;
}
