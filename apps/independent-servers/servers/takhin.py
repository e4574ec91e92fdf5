"""Takhin Console, written from 004_8d456143e10e87c3.txt only.

/api/monitoring/ws: metrics every 2 s; topic_created / topic_deleted for
every client; group_updated for clients subscribed to `group:<id>`; ping ->
pong; unix-second timestamps. With --api-key, a bad or missing key is
refused the way the document says: the server closes the connection.
"""

import itertools
import json
import random
import time

from aiohttp import web

from common import bearer, every, go_frames, open_socket, parse_args, read_texts, run, send_json


def message(kind, data=None):
    # Go struct {Type, Timestamp, Data `json:",omitempty"`}.
    out = {"type": kind, "timestamp": int(time.time())}
    if data is not None:
        out["data"] = data
    return out


class Broker:
    def __init__(self):
        self.clients = {}  # ws -> set of "topic:x" / "group:y"
        self.topics = {"test-topic": 3, "orders": 6}
        self.groups = {}
        self.counter = itertools.count(1)
        self.ticks = itertools.count()

    def metrics(self):
        topic_stats = [
            {"name": name, "partitions": parts, "totalMessages": 10000 * parts, "totalBytes": 524288 * parts,
             "produceRate": round(random.uniform(100, 600), 1), "fetchRate": round(random.uniform(100, 500), 1),
             "replicationFactor": 1}
            for name, parts in self.topics.items()
        ]
        lagging = next(self.ticks) % 2 == 1  # every other tick the groups have caught up
        lags = [
            {"groupId": gid, "totalLag": 150, "topicLags": [
                {"topic": "test-topic", "totalLag": 150, "partitionLags": [
                    {"partition": 0, "currentOffset": 8500, "logEndOffset": 8650, "lag": 150}]}]}
            for gid in self.groups
            if lagging
        ]
        return {
            "throughput": {"produceRate": round(random.uniform(1000, 2000), 1), "fetchRate": round(random.uniform(900, 1500), 1),
                           "produceBytes": 1048576, "fetchBytes": 819200},
            "latency": {"produceP50": 5.2, "produceP95": 12.8, "produceP99": 25.6,
                        "fetchP50": 3.1, "fetchP95": 8.5, "fetchP99": 15.2},
            "topicStats": topic_stats,
            "consumerLags": lags or None,  # Go's nil slice when no group lags: null
            "clusterHealth": {"activeConnections": len(self.clients), "totalTopics": len(self.topics),
                              "totalPartitions": sum(self.topics.values()), "totalConsumers": len(self.groups),
                              "diskUsageBytes": 10485760, "memoryUsageBytes": 52428800,
                              "goroutineCount": 100 + random.randint(0, 50)},
            "brokerId": 1,
        }

    def next_event(self):
        """(message, subscription key or None for everyone)."""
        n = next(self.counter)
        step = n % 3
        name = f"topic-{n // 3 % 4}"  # topic-0 .. topic-3, each created then deleted
        if step == 0:
            self.topics[name] = 5
            return message("topic_created", {"name": name, "partitions": 5}), None
        if step == 1 and name in self.topics:
            del self.topics[name]
            return message("topic_deleted", {"name": name}), None
        gid = random.choice(["consumer-group-1", "consumer-group-2"])
        self.groups[gid] = random.choice(["Stable", "PreparingRebalance", "CompletingRebalance"])
        return message("group_updated", {"groupId": gid, "state": self.groups[gid], "members": random.randint(1, 4)}), f"group:{gid}"

    async def publish(self, msg, key):
        for ws, keys in list(self.clients.items()):
            if key is None or key in keys:
                await send_json(ws, msg)


def make_app(args):
    broker = Broker()
    app = web.Application()

    async def answer(ws, raw):
        try:
            command = json.loads(raw)
            kind = command["type"]
            assert isinstance(kind, str)
        except (ValueError, KeyError, TypeError, AssertionError):
            # "The server will close the connection ... Client sends malformed messages"
            return await ws.close(code=1007, message=b"malformed message")
        data = command.get("data")
        if kind == "ping":
            await send_json(ws, message("pong"))
        elif kind in ("subscribe", "unsubscribe") and isinstance(data, str) and ":" in data:
            (broker.clients[ws].add if kind == "subscribe" else broker.clients[ws].discard)(data)
        else:
            await ws.close(code=1007, message=b"malformed message")

    async def monitoring(request):
        ws = await open_socket(request, heartbeat=max(30 / args.speed, 0.5))
        if args.api_key:
            offered = bearer(request) or request.query.get("api_key")
            if offered != args.api_key:
                await ws.close(code=1008, message=b"authentication failed")
                return ws
        broker.clients[ws] = set()
        try:
            await read_texts(ws, lambda text: answer(ws, text))
        finally:
            broker.clients.pop(ws, None)
        return ws

    app.router.add_get("/api/monitoring/ws", monitoring)

    async def metrics_tick():
        await broker.publish(message("metrics", broker.metrics()), None)

    async def event_tick():
        await broker.publish(*broker.next_event())

    every(app, 2 / args.speed, metrics_tick)
    every(app, 1 / args.speed, event_tick)
    return app


def extra(parser):
    parser.add_argument("--api-key", default=None, help="require this key (Bearer header or ?api_key=)")


if __name__ == "__main__":
    go_frames()
    args = parse_args("Takhin Console", 8080, extra)
    run(make_app(args), args, "takhin")
