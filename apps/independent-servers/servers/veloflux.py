"""VeloFlux, written from 000_8e0df167106ff533.txt only.

Three feeds (/api/ws/backends every 5 s, /api/ws/metrics every 10 s,
/api/ws/status every 15 s) and two control endpoints (POST /api/ws/control,
POST /api/ws/force-update). No authentication (the document says so).
"""

import random
import time

from aiohttp import web

from common import every, go_frames, go_rfc3339_nano, open_socket, parse_args, read_texts, run, send_json

FEEDS = {"backends": 5, "metrics": 10, "status": 15}
ZERO_TIME = "0001-01-01T00:00:00Z"  # Go's time.Time{} marshalled: a backend never used


def now():
    return go_rfc3339_nano(-3)


class Balancer:
    def __init__(self):
        self.clients = {feed: set() for feed in FEEDS}
        self.paused = {feed: False for feed in FEEDS}
        self.started = now()
        self.requests = 15000
        self.backends = [
            self._backend("192.168.1.100:8080", "web-servers", "us-east-1"),
            self._backend("192.168.1.101:8080", "web-servers", None),
            self._backend("10.0.0.5:9000", "api-servers", "eu-west-1"),
            self._backend("10.0.0.6:9000", "api-servers", "eu-west-1"),
        ]

    @staticmethod
    def _backend(address, pool, region):
        backend = {
            "address": address,
            "pool": pool,
            "weight": 100,
            "status": "healthy",
            "healthy": True,
            "connections": 0,
            "last_used": ZERO_TIME,
            "health_check": {
                "path": "/health",
                "interval": "30s",
                "timeout": "5s",
                "expected_status": 200,
                "unhealthy_threshold": 3,
            },
        }
        if region:  # `region,omitempty`: absent when the backend has none
            backend["region"] = region
        return backend

    def simulate(self):
        self.requests += random.randint(50, 500)
        for backend in self.backends:
            backend["connections"] = random.randint(0, 120)
            if random.random() < 0.3:
                backend["healthy"] = not backend["healthy"]
                backend["status"] = "healthy" if backend["healthy"] else "unhealthy"
            if backend["connections"] and backend["address"] != "192.168.1.101:8080":
                backend["last_used"] = now()

    def backends_message(self, forced):
        # Key order of a Go struct with `timestamp` declared first.
        return {
            "timestamp": now(),
            "type": "backend_status",
            "forced": forced,
            "backends": self.backends,
        }

    def pools(self):
        pools = {}
        for b in self.backends:
            p = pools.setdefault(
                b["pool"], {"total_backends": 0, "healthy_backends": 0, "active_connections": 0}
            )
            p["total_backends"] += 1
            p["healthy_backends"] += 1 if b["healthy"] else 0
            p["active_connections"] += b["connections"]
        for p in pools.values():
            p["health_percentage"] = round(100 * p["healthy_backends"] / p["total_backends"], 2)
        return pools

    def metrics_message(self, forced):
        pools = self.pools()
        healthy = sum(1 for b in self.backends if b["healthy"])
        connections = sum(b["connections"] for b in self.backends)
        total = len(self.backends)
        return {
            "timestamp": now(),
            "type": "metrics",
            "forced": forced,
            "data": {
                "requests_total": self.requests,
                "requests_per_second": round(random.uniform(10, 90), 1),
                "avg_response_time": random.randint(40, 300),
                "error_rate": round(random.uniform(0, 0.05), 3),
                "active_connections": connections,
                "healthy_backends": healthy,
                "total_backends": total,
                "websocket_clients": sum(len(c) for c in self.clients.values()),
                "pools_count": len(pools),
                "availability": round(100 * healthy / total, 2),
                "avg_last_used": ZERO_TIME if not connections else now(),
                "pool_metrics": pools,
                "load_distribution": {
                    name: round(100 * p["active_connections"] / max(connections, 1), 1)
                    for name, p in pools.items()
                },
                "cluster_enabled": False,
                "is_leader": False,
                "adaptive_enabled": True,
                "current_strategy": "round_robin",
                "memory_usage_mb": round(random.uniform(50, 80), 1),
            },
        }

    def status_message(self, forced):
        healthy = sum(1 for b in self.backends if b["healthy"])
        total = len(self.backends)
        return {
            "timestamp": now(),
            "type": "system_status",
            "forced": forced,
            "data": {
                "status": "healthy" if healthy * 2 >= total else "degraded",
                "uptime": self.started,
                "version": "1.1.3",
                "websocket_clients": sum(len(c) for c in self.clients.values()),
                "total_backends": total,
                "healthy_backends": healthy,
                "backend_health_percentage": round(100 * healthy / total, 2),
                "pools_count": len(self.pools()),
                "cluster_enabled": False,
                "node_id": "",
                "is_leader": False,
                "adaptive_balancer_enabled": True,
                "current_strategy": "round_robin",
                "go_version": "go1.22.4",
            },
        }

    def message(self, feed, forced=False):
        return getattr(self, f"{feed}_message")(forced)

    async def push(self, feed, forced=False):
        if self.paused[feed] and not forced:
            return
        message = self.message(feed, forced)
        for ws in list(self.clients[feed]):
            await send_json(ws, message)


async def ignore(_text):
    pass


def make_app(args):
    balancer = Balancer()
    app = web.Application()

    def feed_handler(feed):
        async def handler(request):
            # No initial snapshot: the first message comes at the first tick.
            ws = await open_socket(request)
            balancer.clients[feed].add(ws)
            try:
                await read_texts(ws, ignore)  # the document defines no client messages
            finally:
                balancer.clients[feed].discard(ws)
            return ws

        return handler

    async def read_type(request, allow_all=True):
        try:
            body = await request.json()
        except Exception:
            raise web.HTTPBadRequest(text='{"error":"invalid JSON body"}', content_type="application/json")
        kind = body.get("type", "all") if isinstance(body, dict) else None
        if kind not in (*FEEDS, "all"):
            raise web.HTTPBadRequest(
                text='{"error":"type must be backends, metrics, status or all"}',
                content_type="application/json",
            )
        return body, (list(FEEDS) if kind == "all" else [kind])

    async def control(request):
        body, feeds = await read_type(request)
        action = body.get("action")
        if action not in ("pause", "resume"):
            return web.json_response({"error": "action must be pause or resume"}, status=400)
        for feed in feeds:
            balancer.paused[feed] = action == "pause"
        return web.json_response(
            {
                "status": "success",
                "message": f"Updates {action}d for {body.get('type', 'all')}",
                "paused": dict(balancer.paused),
            }
        )

    async def force_update(request):
        body, feeds = await read_type(request)
        for feed in feeds:
            await balancer.push(feed, forced=True)
        return web.json_response(
            {"status": "success", "message": f"Forced update sent for {body.get('type', 'all')}"}
        )

    for feed in FEEDS:
        app.router.add_get(f"/api/ws/{feed}", feed_handler(feed))
    app.router.add_post("/api/ws/control", control)
    app.router.add_post("/api/ws/force-update", force_update)

    async def simulate():
        balancer.simulate()

    every(app, 1 / args.speed, simulate)
    for feed, seconds in FEEDS.items():
        every(app, seconds / args.speed, lambda feed=feed: balancer.push(feed))
    return app


if __name__ == "__main__":
    go_frames()
    args = parse_args("VeloFlux", 8080)
    run(make_app(args), args, "veloflux")
