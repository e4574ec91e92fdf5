"""Plataforma E, written from 001_2aa240620bf80a80.txt only.

/ws/notifications (system events plus the projects a client subscribed to),
/ws/project/{project_id} (that project's events), /ws/logs?level= (log
messages at or above the level); a heartbeat every 30 s; REST under /api/ws.
"""

import itertools
import json
import random
import time
import uuid

from aiohttp import web

from common import every, open_socket, parse_args, python_aware_iso, read_texts, run, send_json

LEVELS = ["debug", "info", "warning", "error", "critical"]
PROJECTS = ["PROJ-001", "PROJ-002"]


def envelope(kind, data, project_id=None, story_id=None):
    # A pydantic model dumped whole: the optional ids are null, never absent.
    return {
        "message_id": uuid.uuid4().hex[:12],
        "type": kind,
        "timestamp": python_aware_iso(),
        "data": data,
        "project_id": project_id,
        "story_id": story_id,
    }


class Conn:
    def __init__(self, ws, kind, project=None, level="info"):
        self.ws = ws
        self.kind = kind
        self.projects = {project} if project else set()
        self.level = level
        self.last_seen = time.monotonic()


class Manager:
    def __init__(self):
        self.conns = {}
        self.total_connections = 0
        self.total_messages_sent = 0
        self.total_broadcasts = 0
        self.counter = itertools.count(1)

    def connected(self, conn):
        self.conns[conn.ws] = conn
        self.total_connections += 1

    def per_project(self):
        counts = {}
        for c in self.conns.values():
            for p in c.projects:
                counts[p] = counts.get(p, 0) + 1
        return counts

    def stats(self):
        per_project = self.per_project()
        return {
            "active_connections": len(self.conns),
            "active_projects": len(per_project),
            "total_connections": self.total_connections,
            "total_messages_sent": self.total_messages_sent,
            "total_broadcasts": self.total_broadcasts,
            "connections_per_project": per_project,
        }

    async def send(self, conn, message):
        if await send_json(conn.ws, message):
            self.total_messages_sent += 1

    async def publish(self, message):
        """Project events go to that project's sockets and subscribers; the rest to notifications."""
        self.total_broadcasts += 1
        project = message["project_id"]
        for conn in list(self.conns.values()):
            if conn.kind == "logs":
                continue
            if project is None and conn.kind == "notifications" or project in conn.projects:
                await self.send(conn, message)

    async def log(self, level, text, source):
        message = envelope("log_message", {"level": level, "message": text, "source": source})
        for conn in list(self.conns.values()):
            if conn.kind == "logs" and LEVELS.index(level) >= LEVELS.index(conn.level):
                await self.send(conn, message)

    def next_event(self):
        n = next(self.counter)
        project = PROJECTS[n % 2]
        story = f"STR-{n:04d}"
        task = f"STSK-{n:04d}"
        job = f"JOB-{n:04d}"
        events = [
            ("story_created", {"story_id": story, "title": "Implementar login", "project_id": project}, project, story),
            ("story_updated", {"story_id": story, "title": "Implementar login v2"}, project, story),
            ("story_moved", {"story_id": story, "title": "Implementar login", "to": "in_progress", "from": "backlog"}, project, story),
            ("task_created", {"task_id": task, "title": "Criar endpoint", "story_id": story}, project, story),
            ("task_updated", {"task_id": task, "title": "Criar endpoint", "progress": random.randint(0, 100)}, project, story),
            ("task_completed", {"task_id": task, "title": "Criar endpoint", "story_id": story}, project, story),
            ("chat_message", {"preview": "Bom dia, time", "project_id": project, "story_id": story}, project, story),
            # A project-level chat: notify_chat(..., story_id=None) dumps the None.
            ("chat_message", {"preview": "Reuniao as 10h", "project_id": project, "story_id": None}, project, None),
            ("job_started", {"job_id": job, "status": "running"}, None, None),
            ("job_progress", {"job_id": job, "progress": 50, "status": "running", "output": "step 2/4"}, None, None),
            ("job_completed", {"job_id": job, "status": "completed"}, None, None),
            ("notification", {"title": "Aviso", "message": "Deploy concluido", "level": "info"}, None, None),
            ("task_deleted", {"task_id": task}, project, None),
            ("story_deleted", {"story_id": story}, project, story),
            ("job_failed", {"job_id": job, "status": "failed", "error": "exit code 1"}, None, None),
        ]
        kind, data, project_id, story_id = events[n % len(events)]
        return envelope(kind, data, project_id, story_id)


def make_app(args):
    manager = Manager()
    app = web.Application()

    async def answer(conn, raw):
        conn.last_seen = time.monotonic()
        if raw.strip() == "ping":
            return await manager.send(conn, envelope("pong", {"message": "pong"}))
        try:
            command = json.loads(raw)
            action = command["action"]
        except (ValueError, KeyError, TypeError):
            return await manager.send(conn, envelope("error", {"message": "Invalid message", "code": "INVALID_MESSAGE"}))
        project = command.get("project_id")
        if action == "ping":
            await manager.send(conn, envelope("pong", {"message": "pong"}))
        elif action in ("subscribe", "unsubscribe") and isinstance(project, str) and project:
            if action == "subscribe":
                conn.projects.add(project)
            else:
                conn.projects.discard(project)
            await manager.send(conn, envelope(f"{action}d", {"project_id": project}, project))
        elif action == "stats":
            await manager.send(conn, envelope("stats", manager.stats()))
        else:
            await manager.send(conn, envelope("error", {"message": f"Unknown action: {action}", "code": "UNKNOWN_ACTION"}))

    async def serve(request, conn_factory):
        if len(manager.conns) >= args.max_connections:
            raise web.HTTPServiceUnavailable(text="too many connections")
        ws = await open_socket(request, max_msg_size=65536)
        conn = conn_factory(ws)
        manager.connected(conn)
        try:
            await manager.send(conn, envelope("connection", {"connection_id": uuid.uuid4().hex, "message": "Conectado"}))
            await read_texts(ws, lambda text: answer(conn, text))
        finally:
            manager.conns.pop(ws, None)
        return ws

    async def notifications(request):
        return await serve(request, lambda ws: Conn(ws, "notifications"))

    async def project(request):
        pid = request.match_info["project_id"]
        return await serve(request, lambda ws: Conn(ws, "project", project=pid))

    async def logs(request):
        level = request.query.get("level", "info").lower()
        if level not in LEVELS:
            level = "info"
        return await serve(request, lambda ws: Conn(ws, "logs", level=level))

    async def stats(_request):
        return web.json_response(manager.stats())

    async def connections(_request):
        return web.json_response({"connections": len(manager.conns)})

    async def subscribers(request):
        pid = request.match_info["project_id"]
        return web.json_response({"project_id": pid, "subscribers": manager.per_project().get(pid, 0)})

    async def broadcast(request):
        try:
            body = await request.json()
            event_type = body["event_type"]
            data = body.get("data") or {}
            assert isinstance(event_type, str) and isinstance(data, dict)
        except Exception:
            return web.json_response({"detail": "event_type (string) and data (object) are required"}, status=422)
        before = manager.total_messages_sent
        await manager.publish(envelope(event_type, data, body.get("project_id")))
        return web.json_response({"status": "sent", "recipients": manager.total_messages_sent - before})

    app.router.add_get("/ws/notifications", notifications)
    app.router.add_get("/ws/project/{project_id}", project)
    app.router.add_get("/ws/logs", logs)
    app.router.add_get("/api/ws/stats", stats)
    app.router.add_get("/api/ws/connections", connections)
    app.router.add_get("/api/ws/project/{project_id}/subscribers", subscribers)
    app.router.add_post("/api/ws/broadcast", broadcast)

    async def heartbeat():
        message = envelope("heartbeat", {"server_time": time.time()})
        for conn in list(manager.conns.values()):
            await manager.send(conn, message)

    async def reap():  # WEBSOCKET_TIMEOUT: a client silent this long is disconnected
        for conn in list(manager.conns.values()):
            if time.monotonic() - conn.last_seen > args.timeout:
                await conn.ws.close(code=1000, message=b"timeout")

    async def events():
        await manager.publish(manager.next_event())

    sources = itertools.cycle(["CI/CD", None])  # notify_log(level, message, source=None)

    async def logs_tick():
        level = random.choice(LEVELS)
        await manager.log(level, f"Build {random.randint(1, 999)} {level}", next(sources))

    every(app, 30 / args.speed, heartbeat)
    every(app, 1, reap)
    every(app, 1 / args.speed, events)
    every(app, 0.5 / args.speed, logs_tick)
    return app


def extra(parser):
    parser.add_argument("--timeout", type=float, default=90, help="WEBSOCKET_TIMEOUT (seconds)")
    parser.add_argument("--max-connections", type=int, default=1000, help="WEBSOCKET_MAX_CONNECTIONS")


if __name__ == "__main__":
    args = parse_args("Plataforma E", 9001, extra)
    run(make_app(args), args, "plataforma-e")
