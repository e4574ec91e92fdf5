"""Active Immune Core, written from 003_2c5c9a2a6f09cf12.txt only.

WS /ws?client_id= with actions ping, subscribe, unsubscribe, join, leave and
info answered as {success, message, data}; events as {event_type, timestamp,
data, source, room}; rooms agents, tasks, coordination and system; REST
GET /ws/stats and POST /ws/broadcast.
"""

import itertools
import json
import random
import uuid

from aiohttp import web

from common import every, open_socket, parse_args, python_utcnow_iso, read_texts, run, send_json

ROOM_OF = {
    "agent": "agents",
    "task": "tasks",
    "election": "coordination",
    "leader": "coordination",
    "consensus": "coordination",
    "health": "system",
    "metrics": "system",
    "alert": "system",
}
EVENT_TYPES = [
    "connected", "disconnected", "error",
    "agent_created", "agent_updated", "agent_deleted", "agent_status_changed", "agent_action",
    "task_created", "task_assigned", "task_started", "task_completed", "task_failed", "task_cancelled",
    "election_triggered", "leader_elected", "consensus_proposed", "consensus_decided",
    "health_changed", "metrics_updated", "alert_triggered",
]


def event(event_type, data, room=None, source="api_server"):
    # WSEvent.model_dump(): `room` is null when the event is for everyone.
    return {"event_type": event_type, "timestamp": python_utcnow_iso(), "data": data, "source": source, "room": room}


def response(success, text, data=None):
    return {"success": success, "message": text, "data": data}


class Conn:
    def __init__(self, ws, cid):
        self.ws = ws
        self.id = cid
        self.rooms = set()
        self.types = set()  # empty: every event type
        self.connected_at = python_utcnow_iso()


class Manager:
    def __init__(self):
        self.conns = {}
        self.total_connections = 0
        self.total_disconnections = 0
        self.sent = 0
        self.received = 0
        self.counter = itertools.count(1)

    def stats(self):
        rooms = {}
        for c in self.conns.values():
            for r in c.rooms:
                rooms[r] = rooms.get(r, 0) + 1
        return {
            "active_connections": len(self.conns),
            "total_connections": self.total_connections,
            "total_disconnections": self.total_disconnections,
            "total_rooms": len(rooms),
            "messages_sent": self.sent,
            "messages_received": self.received,
            "rooms": rooms,
        }

    async def send(self, conn, payload):
        if await send_json(conn.ws, payload):
            self.sent += 1

    async def broadcast(self, evt):
        count = 0
        for conn in list(self.conns.values()):
            if evt["room"] is not None and evt["room"] not in conn.rooms:
                continue
            if conn.types and evt["event_type"] not in conn.types:
                continue
            await self.send(conn, evt)
            count += 1
        return count

    def next_event(self):
        n = next(self.counter)
        agent = f"agent_neutrophil_{n:03d}"
        task = f"task_{n:04d}"
        samples = [
            ("agent_created", {"agent_id": agent, "agent_type": "neutrophil", "status": "active"}),
            ("agent_updated", {"agent_id": agent, "agent_type": "neutrophil", "status": "active", "energy": 0.9}),
            ("agent_status_changed", {"agent_id": agent, "old_status": "active", "new_status": "patrolling"}),
            ("agent_action", {"agent_id": agent, "action": "patrol", "result": {"success": True}}),
            ("agent_deleted", {"agent_id": agent}),
            ("task_created", {"task_id": task, "task_type": "scan", "priority": 5}),
            ("task_assigned", {"task_id": task, "old_status": "pending", "new_status": "assigned"}),
            ("task_started", {"task_id": task, "old_status": "assigned", "new_status": "running"}),
            ("task_completed", {"task_id": task, "old_status": "running", "new_status": "completed"}),
            ("task_failed", {"task_id": task, "old_status": "running", "new_status": "failed"}),
            ("task_cancelled", {"task_id": task, "old_status": "pending", "new_status": "cancelled"}),
            ("election_triggered", {"term": n}),
            ("leader_elected", {"leader_id": agent, "term": n}),
            ("consensus_proposed", {"proposal_id": f"prop_{n}", "proposal_type": "scale", "proposer_id": agent}),
            ("consensus_decided", {"proposal_id": f"prop_{n}", "decision": "approved", "approval_rate": 0.75}),
            # broadcast_health_changed(status, details=None)
            ("health_changed", {"status": random.choice(["healthy", "degraded"]), "details": None if n % 2 else {"agents": n}}),
            ("metrics_updated", {"agents_active": n % 40, "tasks_pending": n % 7, "cpu_percent": 42.5}),
            ("alert_triggered", {"level": "warning", "message": "High CPU usage detected", "details": {"cpu": 95}}),
        ]
        kind, data = samples[n % len(samples)]
        room = ROOM_OF[kind.split("_")[0]]
        return event(kind, data, room, source="agent_service" if room == "agents" else "api_server")


def types_of(command):
    data = command.get("data") or {}
    found = data.get("event_types") if isinstance(data, dict) else None
    if not isinstance(found, list) or not all(isinstance(t, str) for t in found):
        return None
    return found


def make_app(args):
    manager = Manager()
    app = web.Application()

    async def answer(conn, raw):
        manager.received += 1
        try:
            command = json.loads(raw)
            action = command["action"]
        except (ValueError, KeyError, TypeError):
            return await manager.send(conn, response(False, "Invalid message: expected JSON with an action"))
        room = command.get("room")
        if action == "ping":
            reply = response(True, "pong", {"timestamp": python_utcnow_iso()})
        elif action in ("subscribe", "unsubscribe"):
            types = types_of(command)
            unknown = [t for t in types or [] if t not in EVENT_TYPES]
            if types is None or unknown:
                reply = response(False, f"Invalid event types: {unknown or 'missing data.event_types'}")
            else:
                conn.types = conn.types | set(types) if action == "subscribe" else conn.types - set(types)
                reply = response(True, f"{action.capitalize()}d to {len(types)} event types",
                                 {"event_types": sorted(conn.types)}) if args.answer_all else None
        elif action in ("join", "leave") and isinstance(room, str) and room:
            (conn.rooms.add if action == "join" else conn.rooms.discard)(room)
            reply = (response(True, f"{'Joined' if action == 'join' else 'Left'} room '{room}'", {"room": room})
                     if args.answer_all else None)
        elif action == "info":
            reply = response(True, "Connection info", {
                "connection_id": conn.id, "rooms": sorted(conn.rooms),
                "subscriptions": sorted(conn.types), "connected_at": conn.connected_at})
        else:
            reply = response(False, f"Unknown action: {action}")
        if reply is not None:
            await manager.send(conn, reply)

    async def ws_endpoint(request):
        cid = request.query.get("client_id") or f"conn_{uuid.uuid4().hex[:8]}"
        ws = await open_socket(request)
        previous = manager.conns.get(cid)
        if previous:  # one socket per client_id: the newest wins
            await previous.ws.close(code=1000, message=b"replaced by a new connection")
        conn = Conn(ws, cid)
        manager.conns[cid] = conn
        manager.total_connections += 1
        try:
            await manager.send(conn, event("connected", {"connection_id": cid, "message": "WebSocket connection established"},
                                           source="websocket_server"))
            await read_texts(ws, lambda text: answer(conn, text))
        finally:
            if manager.conns.get(cid) is conn:
                del manager.conns[cid]
                # DISCONNECTED "Cliente desconectado": told to everyone still connected.
                await manager.broadcast(event("disconnected", {"connection_id": cid}, source="websocket_server"))
            manager.total_disconnections += 1
        return ws

    async def stats(_request):
        return web.json_response(manager.stats())

    async def broadcast(request):
        try:
            body = await request.json()
            assert body["event_type"] in EVENT_TYPES and isinstance(body.get("data", {}), dict)
        except Exception:
            return web.json_response(
                {"detail": [{"loc": ["body", "event_type"], "msg": "value is not a valid event type", "type": "value_error"}]},
                status=422,
            )
        evt = event(body["event_type"], body.get("data", {}), body.get("room"), body.get("source", "api_server"))
        count = await manager.broadcast(evt)
        return web.json_response(response(True, f"Event broadcast to {count} connections", {"recipients": count}))

    app.router.add_get("/ws", ws_endpoint)
    app.router.add_get("/ws/stats", stats)
    app.router.add_post("/ws/broadcast", broadcast)

    async def tick():
        await manager.broadcast(manager.next_event())

    every(app, 0.5 / args.speed, tick)
    return app


def extra(parser):
    # The document shows the answer to ping (and info is a question); join, leave,
    # subscribe and unsubscribe are shown without one, so by default they get none.
    parser.add_argument("--answer-all", action="store_true", help="also answer join/leave/(un)subscribe")


if __name__ == "__main__":
    args = parse_args("Active Immune Core", 8000, extra)
    run(make_app(args), args, "active-immune-core")
