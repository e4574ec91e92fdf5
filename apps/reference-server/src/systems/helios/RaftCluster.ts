import type { Helios } from '@feedkit/protocol';
import type { Random } from '../../Random';

/** What a simulated change produced, as Helios message type + data. */
export type RaftEvent =
  | { readonly type: 'state_change'; readonly data: Helios.StateChangeMessage['data'] }
  | { readonly type: 'peer_change'; readonly data: Helios.PeerChangeMessage['data'] }
  | { readonly type: 'snapshot'; readonly data: Helios.SnapshotMessage['data'] }
  | { readonly type: 'latency'; readonly data: Helios.LatencyMessage['data'] }
  | { readonly type: 'uptime'; readonly data: Helios.UptimeMessage['data'] }
  | { readonly type: 'custom_metrics'; readonly data: Helios.CustomMetricsMessage['data'] };

/** The node the gateway runs on: `status` is its view of the cluster. */
export const SELF = 'node1';

/**
 * A Raft cluster as seen from `node1`: terms only go up, a new leader comes
 * with a new term, commit index grows with the log and `last_applied` never
 * passes it, snapshots are taken at applied indexes, peers join and leave.
 */
export class RaftCluster {
  state: Helios.RaftState = 'Leader';
  term = 5;
  leader = SELF;
  commitIndex = 1000;
  lastApplied = 1000;
  readonly peers = new Map<string, string>([
    ['node2', 'localhost:8002'],
    ['node3', 'localhost:8003'],
  ]);
  private nextPeer = 4;
  private readonly startedAt = Date.now();
  private readonly latency = new Map<string, Helios.LatencyStat>();
  private readonly metrics: Record<string, Helios.CustomMetric> = {
    request_count: { type: 'counter', help: 'Total number of requests', value: 1500 },
    queue_depth: { type: 'gauge', help: 'Entries waiting to be replicated', value: 3 },
  };

  constructor(private readonly random: Random) {}

  status(): Helios.ClusterStatus {
    return {
      node_id: SELF,
      state: this.state,
      term: this.term,
      commit_index: this.commitIndex,
      last_applied: this.lastApplied,
      leader: this.leader,
      peers: [...this.peers.keys()],
    };
  }

  /** The log grows; entries are applied behind the commit index. */
  append(): void {
    this.commitIndex += this.random.int(1, 25);
    this.lastApplied = Math.min(this.commitIndex, this.lastApplied + this.random.int(1, 30));
  }

  /** One simulated change (an election may produce two state changes). */
  next(): RaftEvent[] {
    const roll = this.random.next();
    if (roll < 0.2) return this.election();
    if (roll < 0.32) return [this.peerChange()];
    if (roll < 0.47) return [this.snapshot()];
    if (roll < 0.67) return [this.latencyStats()];
    if (roll < 0.77) return [this.uptime()];
    return [this.customMetrics()];
  }

  private election(): RaftEvent[] {
    this.term += 1;
    const candidates = [SELF, ...this.peers.keys()];
    const winner = this.random.pick(candidates);
    const events: RaftEvent[] = [];
    const move = (to: Helios.RaftState) => {
      if (this.state === to) return;
      events.push({
        type: 'state_change',
        data: { old_state: this.state, new_state: to, term: this.term },
      });
      this.state = to;
    };
    if (winner === SELF) {
      move('Candidate');
      move('Leader');
    } else {
      move('Follower');
    }
    this.leader = winner;
    return events.length > 0 ? events : [this.uptime()];
  }

  private peerChange(): RaftEvent {
    const removable = [...this.peers.keys()].filter((id) => id !== this.leader);
    if (this.peers.size > 2 && removable.length > 0 && this.random.chance(0.5)) {
      const peer_id = this.random.pick(removable);
      const peer_address = this.peers.get(peer_id) as string;
      this.peers.delete(peer_id);
      return { type: 'peer_change', data: { event_type: 'removed', peer_id, peer_address } };
    }
    const n = this.nextPeer++;
    const peer_id = `node${n}`;
    const peer_address = `localhost:${8000 + n}`;
    this.peers.set(peer_id, peer_address);
    return { type: 'peer_change', data: { event_type: 'added', peer_id, peer_address } };
  }

  private snapshot(): RaftEvent {
    return {
      type: 'snapshot',
      data: {
        index: this.lastApplied,
        term: this.term,
        size_bytes: this.lastApplied * 1024 + this.random.int(0, 4096),
        duration_ms: this.random.int(50, 400),
      },
    };
  }

  private latencyStats(): RaftEvent {
    for (const series of ['append_entries', 'request_vote', 'heartbeat']) {
      const sample = this.random.between(0.5, series === 'append_entries' ? 10 : 4);
      const previous = this.latency.get(series);
      const count = (previous?.count ?? 0) + this.random.int(10, 200);
      this.latency.set(series, {
        count,
        avg_value_ms: round(previous ? (previous.avg_value_ms * 3 + sample) / 4 : sample),
        min_value_ms: round(Math.min(previous?.min_value_ms ?? sample, sample)),
        max_value_ms: round(Math.max(previous?.max_value_ms ?? sample, sample)),
      });
    }
    return { type: 'latency', data: { aggregated: Object.fromEntries(this.latency) } };
  }

  private uptime(): RaftEvent {
    const current = Date.now() - this.startedAt;
    return {
      type: 'uptime',
      data: {
        current_uptime: goDuration(current),
        total_sessions: 5,
        // Four earlier sessions of a day each, plus this one.
        total_uptime: goDuration(4 * 86_400_000 + current),
      },
    };
  }

  private customMetrics(): RaftEvent {
    const requests = this.metrics.request_count as Helios.CustomMetric;
    requests.value += this.random.int(1, 100);
    (this.metrics.queue_depth as Helios.CustomMetric).value = this.random.int(0, 20);
    return { type: 'custom_metrics', data: { ...this.metrics } };
  }
}

const round = (n: number) => Math.round(n * 100) / 100;

/** Go's `time.Duration.String()` for whole seconds: `24h30m0s`, `5m3s`, `7s`. */
export function goDuration(ms: number): string {
  const total = Math.floor(ms / 1000);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  if (h > 0) return `${h}h${m}m${s}s`;
  if (m > 0) return `${m}m${s}s`;
  return `${s}s`;
}
