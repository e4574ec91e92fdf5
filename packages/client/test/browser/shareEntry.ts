// Bundled by esbuild for the tab-sharing browser test: what a page of an app
// with `share: tabs()` runs, exposed on `window` for page.evaluate.
import type { FeedkitClient } from '../../src/index';
import { createClient, helios, takhin } from '../../src/index';
import { type ShareOptions, tabs } from '../../src/share/index';

export interface Counts {
  metrics: number;
  topics: Record<string, number>;
  gaps: number;
  states: string[];
  errors: string[];
  /** Pings sent by `sendPings` so far. */
  sent: number;
}

const counts: Counts = { metrics: 0, topics: {}, gaps: 0, states: [], errors: [], sent: 0 };
const held = new Map<string, { unsubscribe(): void }>();
let client: FeedkitClient<ReturnType<typeof takhin>> | undefined;

/** One Takhin client with `share`, holding `metrics`. */
function start(url: string, share: ShareOptions): void {
  // A SharedWorker cannot run a backoff function: only a leader tab gets the fast one.
  const backoff = share.worker === false ? { backoff: () => 0 } : {};
  client = createClient({ url, protocol: takhin(), ...backoff, share: tabs(share) });
  client.state$.subscribe((s) => counts.states.push(s.status));
  client.errors$.subscribe((e) => counts.errors.push(e.message));
  const metrics = client.feed('metrics');
  metrics.listen(() => {
    if (metrics.gap) counts.gaps++;
  });
  metrics.subscribe(() => counts.metrics++);
}

function hold(topic: string): void {
  const feed = client?.feed('topic', topic);
  if (!feed || held.has(topic)) return;
  counts.topics[topic] = 0;
  held.set(
    topic,
    feed.subscribe(() => {
      counts.topics[topic] = (counts.topics[topic] ?? 0) + 1;
    }),
  );
}

function release(topic: string): void {
  held.get(topic)?.unsubscribe();
  held.delete(topic);
}

/** A Helios client whose token provider runs in this tab: the owner must ask for it. */
function heliosStatus(url: string, token: string, share: ShareOptions): Promise<string> {
  let asked = 0;
  const h = createClient({
    url,
    protocol: helios({ getToken: () => `${token}${asked++ < 0 ? '' : ''}` }),
    share: tabs(share),
  });
  return new Promise((resolve) => {
    h.feed('status').subscribe((m) => resolve(`${m.type} asked=${asked}`));
  });
}

const drift = () => client?.drift.total ?? 0;

/** `count` Takhin pings whose timestamps are from, from+1, …: each is one frame to find on the wire. */
function sendPings(from: number, count: number, gapMs: number): void {
  const next = (i: number) => {
    if (i >= count || !client) return;
    client.send('/api/monitoring/ws', { type: 'ping', timestamp: from + i });
    counts.sent++;
    setTimeout(() => next(i + 1), gapMs);
  };
  next(0);
}

/** `feed.status` of the metrics feed: the owner's socket state reaches each feed. */
const metricsStatus = () => client?.feed('metrics').status.status;

/** A second client on this page with `share` options: '' when created, else its error's message. */
function another(url: string, share: ShareOptions): string {
  try {
    createClient({ url, protocol: takhin(), share: tabs(share) }).close();
    return '';
  } catch (error) {
    return `${(error as { code?: string }).code}: ${(error as Error).message}`;
  }
}

Object.assign(globalThis, {
  share: { counts, start, hold, release, heliosStatus, drift, sendPings, metricsStatus, another },
});
