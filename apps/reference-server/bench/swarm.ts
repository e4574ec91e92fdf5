/**
 * The client side of the bench, in its own process so that clients and
 * server do not share one event loop (the machine has two cores). Driven by
 * IPC from server.bench.ts.
 */
import { WebSocket } from 'ws';

type Command =
  | {
      readonly cmd: 'open';
      readonly url: string;
      readonly count: number;
      readonly concurrency: number;
    }
  | { readonly cmd: 'track'; readonly messages: number }
  | { readonly cmd: 'close' };

const sockets: WebSocket[] = [];
let tracking:
  | { expected: number; perSeq: Map<number, number>; latencies: Float64Array; n: number }
  | undefined;

const reply = (message: unknown) => process.send?.(message);

function onFrame(data: Buffer): void {
  if (tracking === undefined) return;
  const now = process.hrtime.bigint();
  // The name is `b-<seq>-<hrtime ns at send>`; read it without a full JSON.parse.
  const text = data.toString();
  const at = text.indexOf('"b-');
  if (at < 0) return;
  const end = text.indexOf('"', at + 1);
  const [, seqText, sentText] = text.slice(at + 1, end).split('-');
  const seq = Number(seqText);
  const latencyMs = Number(now - BigInt(sentText as string)) / 1e6;
  if (tracking.n < tracking.latencies.length) tracking.latencies[tracking.n++] = latencyMs;
  const got = (tracking.perSeq.get(seq) ?? 0) + 1;
  tracking.perSeq.set(seq, got);
  if (got === tracking.expected) {
    tracking.perSeq.delete(seq);
    reply({ delivered: seq });
  }
}

async function open(url: string, count: number, concurrency: number): Promise<void> {
  const started = performance.now();
  let failures = 0;
  let next = 0;
  const worker = async () => {
    while (next < count) {
      next++;
      await new Promise<void>((resolve) => {
        const socket = new WebSocket(url, { perMessageDeflate: false });
        socket.on('message', onFrame);
        socket.once('open', () => {
          sockets.push(socket);
          resolve();
        });
        socket.once('error', () => {
          failures++;
          resolve();
        });
      });
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  reply({ opened: sockets.length, failures, ms: performance.now() - started });
}

process.on('message', (command: Command) => {
  if (command.cmd === 'open') void open(command.url, command.count, command.concurrency);
  if (command.cmd === 'track') {
    tracking = {
      expected: sockets.length,
      perSeq: new Map(),
      latencies: new Float64Array(command.messages * sockets.length),
      n: 0,
    };
  }
  if (command.cmd === 'close') {
    const latencies = tracking ? Array.from(tracking.latencies.subarray(0, tracking.n)) : [];
    tracking = undefined;
    let closing = sockets.length;
    const done = () => {
      if (--closing <= 0) reply({ closed: true, latencies });
    };
    if (closing === 0) reply({ closed: true, latencies });
    for (const socket of sockets.splice(0)) {
      socket.once('close', done);
      socket.terminate();
    }
  }
});
reply({ ready: true });
