// Every JSON example of the seed (002_15d8aba955bc89e4.txt), verbatim.
export const seedStatus = `{
    "type": "status",
    "timestamp": "2024-01-15T10:30:00Z",
    "data": {
        "node_id": "node1",
        "state": "Leader",
        "term": 5,
        "commit_index": 1000,
        "last_applied": 1000,
        "leader": "node1",
        "peers": ["node2", "node3"]
    }
}`;
export const seedStateChange = `{
    "type": "state_change",
    "timestamp": "2024-01-15T10:31:00Z",
    "data": {
        "old_state": "Follower",
        "new_state": "Leader",
        "term": 6
    }
}`;
export const seedPeerChange = `{
    "type": "peer_change",
    "timestamp": "2024-01-15T10:32:00Z",
    "data": {
        "event_type": "added",
        "peer_id": "node4",
        "peer_address": "localhost:8004"
    }
}`;
export const seedLatency = `{
    "type": "latency",
    "timestamp": "2024-01-15T10:33:00Z",
    "data": {
        "aggregated": {
            "append_entries": {
                "count": 1000,
                "avg_value_ms": 2.5,
                "min_value_ms": 1.0,
                "max_value_ms": 10.0
            }
        }
    }
}`;
export const seedUptime = `{
    "type": "uptime",
    "timestamp": "2024-01-15T10:34:00Z",
    "data": {
        "current_uptime": "24h30m0s",
        "total_sessions": 5,
        "total_uptime": "120h15m30s"
    }
}`;
export const seedSnapshot = `{
    "type": "snapshot",
    "timestamp": "2024-01-15T10:35:00Z",
    "data": {
        "index": 1000,
        "term": 5,
        "size_bytes": 1048576,
        "duration_ms": 150
    }
}`;
export const seedCustomMetrics = `{
    "type": "custom_metrics",
    "timestamp": "2024-01-15T10:36:00Z",
    "data": {
        "request_count": {
            "type": "counter",
            "help": "Total number of requests",
            "value": 1500
        }
    }
}`;
export const seedError = `{
    "type": "error",
    "timestamp": "2024-01-15T10:37:00Z",
    "data": {
        "error": "Failed to retrieve cluster status"
    }
}`;
// The login body of the JavaScript, Python and bash examples.
export const seedLogin = `{"username":"admin","password":"admin123"}`;

/** Each server message type the seed shows, with its JSON as the seed writes it. */
export const seedVectors = [
  ['status', seedStatus],
  ['state_change', seedStateChange],
  ['peer_change', seedPeerChange],
  ['latency', seedLatency],
  ['uptime', seedUptime],
  ['snapshot', seedSnapshot],
  ['custom_metrics', seedCustomMetrics],
  ['error', seedError],
] as const;
