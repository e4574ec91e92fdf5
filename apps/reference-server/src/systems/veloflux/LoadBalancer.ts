import type { VeloFlux } from '@feedkit/protocol';
import type { Random } from '../../Random';

interface SimBackend {
  readonly address: string;
  readonly pool: string;
  readonly region: string;
  weight: number;
  healthy: boolean;
  connections: number;
  lastUsed: number;
}

const POOLS: readonly { name: string; size: number; subnet: string; region: string }[] = [
  { name: 'web-servers', size: 4, subnet: '192.168.1', region: 'us-east-1' },
  { name: 'api-servers', size: 6, subnet: '192.168.2', region: 'us-west-2' },
  { name: 'static-assets', size: 2, subnet: '192.168.3', region: 'eu-west-1' },
];

/**
 * Backends in pools that go unhealthy and recover and take connections;
 * every metric is computed from them, so `healthy_backends` never exceeds
 * `total_backends`, pool figures add up and `load_distribution` sums to 100.
 */
export class LoadBalancer {
  readonly startedAt = new Date();
  private readonly backends: SimBackend[] = [];
  private requestsTotal = 15_000;
  private requestsPerSecond = 45;
  private responseTime = 120;
  private errorRate = 0.02;

  constructor(private readonly random: Random) {
    for (const pool of POOLS) {
      for (let i = 0; i < pool.size; i++) {
        this.backends.push({
          address: `${pool.subnet}.${100 + i}:8080`,
          pool: pool.name,
          region: pool.region,
          weight: 100,
          healthy: i !== 0 || pool.name !== 'api-servers',
          connections: random.int(5, 60),
          lastUsed: Date.now(),
        });
      }
    }
  }

  /** Advances `seconds` of seed time: health flaps, connections move, requests are served. */
  step(seconds: number): void {
    const now = Date.now();
    for (const backend of this.backends) {
      if (this.random.chance(backend.healthy ? 0.05 : 0.3)) backend.healthy = !backend.healthy;
      if (backend.healthy) {
        backend.connections = Math.max(0, backend.connections + this.random.int(-8, 8));
        if (backend.connections > 0) backend.lastUsed = now;
      } else {
        backend.connections = 0;
      }
    }
    this.requestsPerSecond = Math.max(1, this.requestsPerSecond * this.random.between(0.85, 1.15));
    this.requestsTotal += Math.round(this.requestsPerSecond * seconds);
    this.responseTime = Math.max(10, this.responseTime * this.random.between(0.9, 1.1));
    this.errorRate = Math.min(1, Math.max(0, this.errorRate + this.random.between(-0.005, 0.005)));
  }

  backendsList(): VeloFlux.Backend[] {
    return this.backends.map((b) => ({
      address: b.address,
      pool: b.pool,
      weight: b.weight,
      status: b.healthy ? 'healthy' : 'unhealthy',
      healthy: b.healthy,
      connections: b.connections,
      last_used: new Date(b.lastUsed).toISOString(),
      region: b.region,
      health_check: { path: '/health', interval: '30s', timeout: '5s', expected_status: 200 },
    }));
  }

  metrics(websocketClients: number): VeloFlux.MetricsData {
    const total = this.backends.length;
    const healthy = this.healthyCount();
    const activeConnections = this.backends.reduce((sum, b) => sum + b.connections, 0);
    const pool_metrics: Record<string, VeloFlux.PoolMetrics> = {};
    const connectionsPerPool: Record<string, number> = {};
    for (const pool of POOLS) {
      const members = this.backends.filter((b) => b.pool === pool.name);
      const healthyMembers = members.filter((b) => b.healthy).length;
      const connections = members.reduce((sum, b) => sum + b.connections, 0);
      connectionsPerPool[pool.name] = connections;
      pool_metrics[pool.name] = {
        total_backends: members.length,
        healthy_backends: healthyMembers,
        active_connections: connections,
        health_percentage: percent(healthyMembers, members.length),
      };
    }
    return {
      requests_total: this.requestsTotal,
      requests_per_second: round(this.requestsPerSecond),
      avg_response_time: Math.round(this.responseTime),
      error_rate: round(this.errorRate, 4),
      active_connections: activeConnections,
      healthy_backends: healthy,
      total_backends: total,
      websocket_clients: websocketClients,
      pools_count: POOLS.length,
      availability: percent(healthy, total),
      avg_last_used: new Date(
        this.backends.reduce((sum, b) => sum + b.lastUsed, 0) / total,
      ).toISOString(),
      pool_metrics,
      load_distribution: distribution(connectionsPerPool),
      cluster_enabled: true,
      is_leader: true,
      adaptive_enabled: true,
      current_strategy: 'ai_optimized',
    };
  }

  status(websocketClients: number): VeloFlux.SystemStatusData {
    const total = this.backends.length;
    const healthy = this.healthyCount();
    const health = percent(healthy, total);
    return {
      status: health >= 75 ? 'healthy' : health > 0 ? 'degraded' : 'unhealthy',
      uptime: this.startedAt.toISOString(),
      version: '1.1.0',
      websocket_clients: websocketClients,
      total_backends: total,
      healthy_backends: healthy,
      backend_health_percentage: health,
      pools_count: POOLS.length,
      cluster_enabled: true,
      node_id: 'node-001',
      is_leader: true,
      adaptive_balancer_enabled: true,
      current_strategy: 'ai_optimized',
    };
  }

  private healthyCount(): number {
    return this.backends.filter((b) => b.healthy).length;
  }
}

const round = (n: number, digits = 2) => Math.round(n * 10 ** digits) / 10 ** digits;
const percent = (part: number, whole: number) => (whole === 0 ? 0 : round((part / whole) * 100));

/**
 * Shares in percent with two decimals that add up to exactly 100 (largest
 * remainder), equal shares when nothing has any load.
 */
export function distribution(weights: Record<string, number>): Record<string, number> {
  const names = Object.keys(weights);
  if (names.length === 0) return {};
  const sum = names.reduce((s, n) => s + (weights[n] as number), 0);
  const exact = names.map((n) =>
    sum === 0 ? 10_000 / names.length : ((weights[n] as number) / sum) * 10_000,
  );
  const floors = exact.map(Math.floor);
  let left = 10_000 - floors.reduce((s, n) => s + n, 0);
  const order = exact.map((e, i) => ({ i, r: e - Math.floor(e) })).sort((a, b) => b.r - a.r);
  for (const { i } of order) {
    if (left <= 0) break;
    floors[i] = (floors[i] as number) + 1;
    left--;
  }
  return Object.fromEntries(names.map((n, i) => [n, (floors[i] as number) / 100]));
}
