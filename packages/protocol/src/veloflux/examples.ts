import type { SystemMessages } from '../examples/SystemMessages';

/** Every JSON example of the VeloFlux seed, verbatim. */
export const velofluxExamples = {
  backend_status: {
    type: 'backend_status',
    backends: [
      {
        address: '192.168.1.100:8080',
        pool: 'web-servers',
        weight: 100,
        status: 'healthy',
        healthy: true,
        connections: 42,
        last_used: '2025-06-20T15:30:45Z',
        region: 'us-east-1',
        health_check: { path: '/health', interval: '30s', timeout: '5s', expected_status: 200 },
      },
    ],
    timestamp: '2025-06-20T15:30:45Z',
    forced: false,
  },
  metrics: {
    type: 'metrics',
    data: {
      requests_total: 15420,
      requests_per_second: 45.2,
      avg_response_time: 125,
      error_rate: 0.02,
      active_connections: 342,
      healthy_backends: 8,
      total_backends: 10,
      websocket_clients: 3,
      pools_count: 3,
      availability: 80.0,
      avg_last_used: '2025-06-20T15:30:40Z',
      pool_metrics: {
        'web-servers': {
          total_backends: 4,
          healthy_backends: 3,
          active_connections: 200,
          health_percentage: 75.0,
        },
        'api-servers': {
          total_backends: 6,
          healthy_backends: 5,
          active_connections: 142,
          health_percentage: 83.33,
        },
      },
      load_distribution: { 'web-servers': 58.5, 'api-servers': 41.5 },
      cluster_enabled: true,
      is_leader: true,
      adaptive_enabled: true,
      current_strategy: 'ai_optimized',
    },
    timestamp: '2025-06-20T15:30:45Z',
  },
  system_status: {
    type: 'system_status',
    data: {
      status: 'healthy',
      uptime: '2025-06-20T15:30:45Z',
      version: '1.1.0',
      websocket_clients: 3,
      total_backends: 10,
      healthy_backends: 8,
      backend_health_percentage: 80.0,
      pools_count: 3,
      cluster_enabled: true,
      node_id: 'node-001',
      is_leader: true,
      adaptive_balancer_enabled: true,
      current_strategy: 'ai_optimized',
    },
    timestamp: '2025-06-20T15:30:45Z',
  },
} as const satisfies SystemMessages['veloflux'];
