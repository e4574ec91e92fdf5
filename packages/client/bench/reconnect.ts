/**
 * Reconnect: one client holding 100 Takhin topic feeds (100 wire
 * subscriptions on one socket), zero backoff, against the reference server
 * in this process. Each round restarts the server and measures, from the
 * moment `restart()` resolves (the server is listening again):
 *   - replayed: the server's view of the new connection holds all 100 topics;
 *   - delivered: one `topic_created` per topic, emitted as soon as the
 *     replay is seen, has reached every feed.
 */
import { startReferenceServer } from '@feedkit/reference-server';
import { createClient, takhin } from '../src/index';

export interface ReconnectRound {
  readonly replayedMs: number;
  readonly deliveredMs: number;
}

export async function measureReconnect(topics: number, rounds: number): Promise<ReconnectRound[]> {
  // Periodic feeds slowed right down: only the messages this bench emits arrive.
  const server = await startReferenceServer({ simulate: false, timeScale: 1000 });
  const client = createClient({
    url: server.wsUrl,
    protocol: takhin(),
    backoff: () => 0,
    lifecycle: false,
    // The attempt counter must not matter here: every restart starts at zero backoff anyway.
    stableAfterMs: 0,
  });
  const names = Array.from({ length: topics }, (_, i) => `bench-${i}`);
  let pending = new Set<string>();
  let allDelivered: () => void = () => {};
  const subscriptions = names.map((name) =>
    client.feed('topic', name).subscribe((message) => {
      if (pending.delete(message.data.name) && pending.size === 0) allDelivered();
    }),
  );
  const replayed = (connections: readonly { subscriptions: readonly string[] }[]) =>
    connections.length === 1 && connections[0]?.subscriptions.length === topics;

  try {
    await server.waitForConnections(replayed, 10_000);
    const results: ReconnectRound[] = [];
    for (let round = 0; round < rounds; round++) {
      await server.restart();
      const back = performance.now();
      await server.waitForConnections(replayed, 10_000);
      const replayedMs = performance.now() - back;
      pending = new Set(names);
      const delivered = new Promise<void>((resolve) => {
        allDelivered = resolve;
      });
      const timestamp = Math.floor(Date.now() / 1000);
      for (const name of names) {
        server.emit('takhin', { type: 'topic_created', timestamp, data: { name, partitions: 1 } });
      }
      await delivered;
      results.push({ replayedMs, deliveredMs: performance.now() - back });
    }
    return results;
  } finally {
    for (const subscription of subscriptions) subscription.unsubscribe();
    client.close();
    await server.stop();
  }
}
