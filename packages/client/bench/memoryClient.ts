/**
 * The memory subject: one feedkit client in its own process (started with
 * --expose-gc), so the heap it reports holds the client and nothing of the
 * server. Driven by bench/memory.ts.
 */
import { setImmediate as nextTurn } from 'node:timers/promises';
import { getHeapSpaceStatistics } from 'node:v8';
import { createClient, takhin } from '../src/index';

export type MemoryCommand =
  | { readonly cmd: 'start'; readonly url: string; readonly warmup: number }
  | {
      readonly cmd: 'cycles';
      readonly count: number;
      readonly keys: number;
      readonly prefix: string;
    }
  | { readonly cmd: 'heap' }
  /** Replies `delivered` (the count so far) once at least `until` metrics messages have reached the feed. */
  | { readonly cmd: 'delivered'; readonly until: number };

export type MemoryReport =
  | { readonly ready: true }
  /** heapUsed, and the part of it that is V8's compiled code (code space). */
  | { readonly heap: number; readonly code: number }
  | { readonly delivered: number };

const gc = (globalThis as { gc?: () => void }).gc;
const reply = (report: MemoryReport) => process.send?.(report);
let client: ReturnType<typeof createClient<ReturnType<typeof takhin>>> | undefined;
let delivered = 0;
let deliverUntil = Number.POSITIVE_INFINITY;

function onMetrics(): void {
  delivered++;
  if (delivered >= deliverUntil) {
    deliverUntil = Number.POSITIVE_INFINITY;
    reply({ delivered });
  }
}

/** Collected twice: the first pass can leave finalizable objects for the second. */
function heap(): { heap: number; code: number } {
  gc?.();
  gc?.();
  const code = getHeapSpaceStatistics().find((s) => s.space_name === 'code_space');
  return { heap: process.memoryUsage().heapUsed, code: code?.space_used_size ?? 0 };
}

/**
 * One cycle = subscribe a topic feed, let the subscribe go out on the wire
 * (the client coalesces a subscribe/unsubscribe pair within one tick), then
 * unsubscribe and let that go out too.
 */
async function cycles(count: number, keys: number, prefix: string): Promise<void> {
  if (client === undefined) throw new Error('memory bench: start first');
  for (let i = 0; i < count; i++) {
    const subscription = client.feed('topic', `${prefix}-${i % keys}`).subscribe(() => {});
    await nextTurn();
    subscription.unsubscribe();
    await nextTurn();
  }
}

process.on('message', async (command: MemoryCommand) => {
  if (command.cmd === 'start') {
    // backoff 0: the 1,000 reconnects the parent causes should not wait; stableAfterMs 0 keeps the attempt at 1.
    client = createClient({
      url: command.url,
      protocol: takhin(),
      backoff: () => 0,
      stableAfterMs: 0,
      lifecycle: false,
      // Released feeds are forgotten after the linger; with 0 a reading after
      // the cycles shows what stays for good, not what is still lingering.
      // (Two held feeds below keep the socket open throughout.)
      linger: 0,
    });
    // These two hold the socket for the whole run; the topic is replayed on every reconnect.
    client.feed('metrics').subscribe(onMetrics);
    client.feed('topic', 'held').subscribe(() => {});
    // Warm-up on the same 100 keys as the measured cycles, so both see the same cached feeds.
    await cycles(command.warmup, 100, 'cycle');
    reply(heap());
  } else if (command.cmd === 'cycles') {
    await cycles(command.count, command.keys, command.prefix);
    reply(heap());
  } else if (command.cmd === 'delivered') {
    // The frames race this command (socket vs IPC): the target is absolute, so none is missed.
    if (delivered >= command.until) reply({ delivered });
    else deliverUntil = command.until;
  } else {
    reply(heap());
  }
});
if (gc === undefined) throw new Error('memory bench: run with --expose-gc');
reply({ ready: true });
