"""Helios, written from 002_15d8aba955bc89e4.txt only.

POST /api/auth/login gives a JWT; /ws/cluster takes it as ?token= or an
Authorization: Bearer header, admins only. Status every 5 s, Raft events as
the simulated cluster produces them, subscription flags, ping/pong.
"""

import asyncio
import base64
import hashlib
import hmac
import itertools
import json
import random
import time

from aiohttp import web

from common import SHUTDOWN_CLOSE, bearer, every, go_frames, go_rfc3339_nano, http_error, open_socket, parse_args, read_texts, run, send_json

SECRET = b"independent-helios"
# admin/admin123 is the document's; a viewer shows the admin-only rule (a 403).
USERS = {"admin": ("admin123", "admin"), "viewer": ("viewer123", "viewer")}
FLAGS = ["status", "latency", "uptime", "snapshot", "custom_metrics", "state_changes", "peer_changes"]
FLAG_OF = {
    "status": "status",
    "status_update": "status",
    "state_change": "state_changes",
    "peer_change": "peer_changes",
    "latency": "latency",
    "uptime": "uptime",
    "snapshot": "snapshot",
    "custom_metrics": "custom_metrics",
}


def b64(raw):
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode()


def sign(username, role, ttl):
    header = b64(json.dumps({"alg": "HS256", "typ": "JWT"}).encode())
    payload = b64(json.dumps({"sub": username, "role": role, "exp": int(time.time() + ttl)}).encode())
    signature = b64(hmac.new(SECRET, f"{header}.{payload}".encode(), hashlib.sha256).digest())
    return f"{header}.{payload}.{signature}"


def verify(token):
    """The token's claims, or None when it is malformed, forged or expired."""
    try:
        header, payload, signature = token.split(".")
        expected = b64(hmac.new(SECRET, f"{header}.{payload}".encode(), hashlib.sha256).digest())
        if not hmac.compare_digest(signature, expected):
            return None
        claims = json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))
        return claims if claims["exp"] > time.time() else None
    except (ValueError, KeyError, TypeError):
        return None


def message(kind, data=None):
    # Go's WSMessage with `data,omitempty`; timestamps in the server's local zone.
    out = {"type": kind, "timestamp": go_rfc3339_nano(2)}
    if data is not None:
        out["data"] = data
    return out


class Cluster:
    def __init__(self):
        self.clients = {}  # ws -> set of enabled flags
        self.state = "Follower"
        self.term = 5
        self.commit = 1000
        self.peers = []  # Go's nil slice: marshalled as null while alone
        self.started = time.time()
        self.sessions = 5
        self.requests = 1500
        self.tick = itertools.count()

    def status(self):
        return {
            "node_id": "node1",
            "state": self.state,
            "term": self.term,
            "commit_index": self.commit,
            "last_applied": self.commit,
            "leader": "node1" if self.state == "Leader" else "",
            "peers": self.peers or None,
        }

    async def send(self, kind, data):
        flag = FLAG_OF.get(kind)
        out = message(kind, data)
        for ws, flags in list(self.clients.items()):
            if flag is None or flag in flags:
                await send_json(ws, out)

    def transition(self):
        old = self.state
        self.state = {"Follower": "Candidate", "Candidate": "Leader", "Leader": "Follower"}[old]
        if self.state == "Candidate":
            self.term += 1
        return {"old_state": old, "new_state": self.state, "term": self.term}

    def peer_event(self):
        """node2 joins and leaves in turn, so statuses alternate between peers null and ["node2"]."""
        event = "removed" if self.peers else "added"
        self.peers = [] if self.peers else ["node2"]
        return {"event_type": event, "peer_id": "node2", "peer_address": "localhost:8002"}

    def event(self):
        """The next simulated Raft event, rotating through every documented kind."""
        n = next(self.tick)
        self.commit += random.randint(1, 20)
        up = time.time() - self.started
        kinds = [
            ("state_change", self.transition),
            ("latency", lambda: {"aggregated": {"append_entries": {
                "count": self.commit, "avg_value_ms": round(random.uniform(1, 5), 2),
                "min_value_ms": 0.8, "max_value_ms": round(random.uniform(5, 12), 2)}}}),
            ("uptime", lambda: {"current_uptime": f"{int(up // 3600)}h{int(up % 3600 // 60)}m{up % 60:.3f}s",
                                "total_sessions": self.sessions, "total_uptime": "120h15m30s"}),
            ("snapshot", lambda: {"index": self.commit, "term": self.term,
                                  "size_bytes": 1048576, "duration_ms": random.randint(50, 300)}),
            ("custom_metrics", lambda: {"request_count": {
                "type": "counter", "help": "Total number of requests", "value": self.requests + n}}),
        ]
        kind, make = kinds[n % len(kinds)]
        return kind, make()


def make_app(args):
    cluster = Cluster()
    app = web.Application()
    app[SHUTDOWN_CLOSE] = 1012  # service restart: the gateway is coming back

    async def login(request):
        if request.content_type != "application/json":
            return http_error("Content-Type must be application/json", 415)
        try:
            body = await request.json()
            password, role = USERS[body["username"]]
            assert body["password"] == password
        except Exception:
            return http_error("Invalid credentials", 401)
        token = sign(body["username"], role, args.token_ttl)
        return web.json_response(
            {"token": token, "expires_in": int(args.token_ttl), "user": {"username": body["username"], "role": role}}
        )

    async def answer(ws, raw):
        try:
            command = json.loads(raw)
            kind = command["type"]
        except (ValueError, KeyError, TypeError):
            return await send_json(ws, message("error", {"error": "invalid message"}))
        if kind == "ping":
            await send_json(ws, message("pong"))
        elif kind == "subscribe" and isinstance(command.get("data"), dict):
            # A subscribe replaces the whole set: a flag it leaves out is off.
            cluster.clients[ws] = {f for f in FLAGS if command["data"].get(f) is True}
            if "status" in cluster.clients[ws]:
                await send_json(ws, message("status_update", cluster.status()))
        elif kind == "unsubscribe":
            cluster.clients[ws] = set()
        else:
            await send_json(ws, message("error", {"error": f"unknown message type: {kind}"}))

    async def ws_cluster(request):
        token = request.query.get("token") or bearer(request)
        claims = verify(token) if token else None
        if claims is None:
            return http_error("Unauthorized", 401)
        if claims.get("role") != "admin":
            return http_error("Forbidden: admin permissions required", 403)
        # gorilla-style: the server pings at the protocol level and drops a peer that stops answering.
        # aiohttp waits heartbeat / 2 for the pong: at least 0.75 s, as a loaded test machine's client may stall.
        ws = await open_socket(request, heartbeat=max(10 / args.speed, 1.5))
        cluster.clients[ws] = set(FLAGS)  # subscribed to everything by default
        # "Monitor token expiration and refresh before it expires": a socket does not outlive its token.
        expiry = asyncio.get_running_loop().call_later(
            max(claims["exp"] - time.time(), 0),
            lambda: asyncio.ensure_future(ws.close(code=1008, message=b"token expired")),
        )
        try:
            await send_json(ws, message("status_update", cluster.status()))
            await read_texts(ws, lambda text: answer(ws, text))
        finally:
            expiry.cancel()
            cluster.clients.pop(ws, None)
        return ws

    app.router.add_post("/api/auth/login", login)
    app.router.add_get("/ws/cluster", ws_cluster)

    async def status_tick():
        await cluster.send("status", cluster.status())
        await cluster.send("peer_change", cluster.peer_event())

    async def event_tick():
        await cluster.send(*cluster.event())

    every(app, 5 / args.speed, status_tick)
    every(app, 1 / args.speed, event_tick)
    return app


def extra(parser):
    parser.add_argument("--token-ttl", type=float, default=3600, help="seconds a login token lives")


if __name__ == "__main__":
    go_frames()
    args = parse_args("Helios", 8080, extra)
    run(make_app(args), args, "helios")
