"""Plataforma E's WebSocket API as a FastAPI app (``factory.websocket``'s router).

Written from the document alone (shared/seeds/001). The platform's own work
(stories moving on the Kanban, tasks, chats, jobs, logs) is simulated by one
background task calling the ``notify_*`` helpers the document shows.
"""

import asyncio
import itertools
import json
import os
from collections import defaultdict
from datetime import datetime
from enum import Enum
from typing import Any, Dict, Optional, Set
from uuid import uuid4

from fastapi import APIRouter, FastAPI, Path, Query, WebSocket, WebSocketDisconnect, status
from pydantic import BaseModel, Field

import serve


class EventType(str, Enum):
    CONNECTION = "connection"
    HEARTBEAT = "heartbeat"
    PING = "ping"
    PONG = "pong"
    SUBSCRIBED = "subscribed"
    UNSUBSCRIBED = "unsubscribed"
    STORY_CREATED = "story_created"
    STORY_UPDATED = "story_updated"
    STORY_MOVED = "story_moved"
    STORY_DELETED = "story_deleted"
    TASK_CREATED = "task_created"
    TASK_UPDATED = "task_updated"
    TASK_COMPLETED = "task_completed"
    TASK_DELETED = "task_deleted"
    CHAT_MESSAGE = "chat_message"
    JOB_STARTED = "job_started"
    JOB_PROGRESS = "job_progress"
    JOB_COMPLETED = "job_completed"
    JOB_FAILED = "job_failed"
    NOTIFICATION = "notification"
    ERROR = "error"
    LOG_MESSAGE = "log_message"
    # The answer to {action: 'stats'} ("estatisticas do WebSocket manager").
    STATS = "stats"


class LogLevel(str, Enum):
    debug = "debug"
    info = "info"
    warning = "warning"
    error = "error"
    critical = "critical"


LEVEL_ORDER = [level.value for level in LogLevel]
# Ids as the document writes them: PROJ-001.
PROJECT_ID_PATTERN = r"^[A-Z]+-\d+$"


class WSMessage(BaseModel):
    type: EventType
    data: Dict[str, Any] = Field(default_factory=dict)
    timestamp: str = Field(default_factory=lambda: datetime.utcnow().isoformat())
    message_id: str = Field(default_factory=lambda: uuid4().hex[:12])
    project_id: Optional[str] = None
    story_id: Optional[str] = None

    def to_text(self) -> str:
        # Envelope ids the event has not are left out rather than sent as null.
        return self.json(exclude_none=True)


class BroadcastRequest(BaseModel):
    event_type: EventType
    data: Dict[str, Any] = Field(default_factory=dict)
    project_id: Optional[str] = None


class ConnectionManager:
    def __init__(self, max_connections: int) -> None:
        self.max_connections = max_connections
        self.active_connections: Dict[str, WebSocket] = {}
        self.project_groups: Dict[str, Set[str]] = defaultdict(set)
        self.log_levels: Dict[str, str] = {}
        self.total_connections = 0
        self.total_messages_sent = 0
        self.total_broadcasts = 0

    async def connect(self, websocket: WebSocket, log_level: Optional[str] = None) -> Optional[str]:
        if len(self.active_connections) >= self.max_connections:
            # Closing before accept: uvicorn refuses the upgrade with HTTP 403.
            await websocket.close(code=status.WS_1013_TRY_AGAIN_LATER)
            return None
        await websocket.accept()
        connection_id = uuid4().hex[:8]
        self.active_connections[connection_id] = websocket
        if log_level is not None:
            self.log_levels[connection_id] = log_level
        self.total_connections += 1
        return connection_id

    def disconnect(self, connection_id: str) -> None:
        self.active_connections.pop(connection_id, None)
        self.log_levels.pop(connection_id, None)
        for project_id in list(self.project_groups):
            self.project_groups[project_id].discard(connection_id)
            if not self.project_groups[project_id]:
                del self.project_groups[project_id]

    def subscribe(self, connection_id: str, project_id: str) -> None:
        self.project_groups[project_id].add(connection_id)

    def unsubscribe(self, connection_id: str, project_id: str) -> None:
        group = self.project_groups.get(project_id)
        if group is not None:
            group.discard(connection_id)
            if not group:
                del self.project_groups[project_id]

    async def send_personal(self, connection_id: str, message: WSMessage) -> bool:
        websocket = self.active_connections.get(connection_id)
        if websocket is None:
            return False
        try:
            await websocket.send_text(message.to_text())
        except Exception:
            self.disconnect(connection_id)
            return False
        self.total_messages_sent += 1
        return True

    async def send_all(self, connection_ids, message: WSMessage) -> int:
        sent = 0
        for connection_id in list(connection_ids):
            if await self.send_personal(connection_id, message):
                sent += 1
        return sent

    async def broadcast(self, event_type: EventType, data: Dict[str, Any], **ids: Optional[str]) -> int:
        """To every notifications and project socket (log sockets get log lines only)."""
        self.total_broadcasts += 1
        targets = [c for c in self.active_connections if c not in self.log_levels]
        return await self.send_all(targets, WSMessage(type=event_type, data=data, **ids))

    async def send_to_project(
        self, project_id: str, event_type: EventType, data: Dict[str, Any], story_id: Optional[str] = None
    ) -> int:
        self.total_broadcasts += 1
        message = WSMessage(type=event_type, data=data, project_id=project_id, story_id=story_id)
        return await self.send_all(self.project_groups.get(project_id, ()), message)

    async def notify_log(self, level: str, message: str, source: Optional[str] = None) -> int:
        rank = LEVEL_ORDER.index(level)
        targets = [c for c, wanted in self.log_levels.items() if LEVEL_ORDER.index(wanted) <= rank]
        data = {"level": level, "message": message, "source": source}
        return await self.send_all(targets, WSMessage(type=EventType.LOG_MESSAGE, data=data))

    def stats(self) -> Dict[str, Any]:
        return {
            "active_connections": len(self.active_connections),
            "active_projects": len(self.project_groups),
            "total_connections": self.total_connections,
            "total_messages_sent": self.total_messages_sent,
            "total_broadcasts": self.total_broadcasts,
            "connections_per_project": {p: len(g) for p, g in self.project_groups.items()},
        }


args = serve.parser("Plataforma E WebSocket (FastAPI)", 9001)
args.add_argument("--timeout", type=float, default=float(os.environ.get("WEBSOCKET_TIMEOUT", 90)))
args.add_argument(
    "--max-connections", type=int, default=int(os.environ.get("WEBSOCKET_MAX_CONNECTIONS", 1000))
)
config = args.parse_args()
HEARTBEAT_INTERVAL = float(os.environ.get("WEBSOCKET_HEARTBEAT_INTERVAL", 30)) / config.speed
TIMEOUT = config.timeout / config.speed
MAX_MESSAGE_SIZE = int(os.environ.get("WEBSOCKET_MAX_MESSAGE_SIZE", 65536))

ws_manager = ConnectionManager(config.max_connections)
router = APIRouter()


async def handle_command(connection_id: str, raw: str) -> None:
    if raw.strip() == "ping":
        await ws_manager.send_personal(connection_id, WSMessage(type=EventType.PONG, data={}))
        return
    try:
        command = json.loads(raw)
        action = command.get("action")
    except (ValueError, AttributeError):
        error = {"message": "Mensagem invalida: esperado JSON ou 'ping'", "code": "INVALID_MESSAGE"}
        await ws_manager.send_personal(connection_id, WSMessage(type=EventType.ERROR, data=error))
        return
    project_id = command.get("project_id")
    if action == "ping":
        reply = WSMessage(type=EventType.PONG, data={})
    elif action in ("subscribe", "unsubscribe") and isinstance(project_id, str):
        if action == "subscribe":
            ws_manager.subscribe(connection_id, project_id)
            reply = WSMessage(type=EventType.SUBSCRIBED, data={"project_id": project_id}, project_id=project_id)
        else:
            ws_manager.unsubscribe(connection_id, project_id)
            reply = WSMessage(type=EventType.UNSUBSCRIBED, data={"project_id": project_id}, project_id=project_id)
    elif action == "stats":
        reply = WSMessage(type=EventType.STATS, data=ws_manager.stats())
    else:
        error = {"message": f"Acao invalida: {action!r}", "code": "INVALID_ACTION"}
        reply = WSMessage(type=EventType.ERROR, data=error)
    await ws_manager.send_personal(connection_id, reply)


async def serve_socket(websocket: WebSocket, project_id: Optional[str] = None, log_level: Optional[str] = None):
    connection_id = await ws_manager.connect(websocket, log_level)
    if connection_id is None:
        return
    if project_id is not None:
        ws_manager.subscribe(connection_id, project_id)
    hello = {"connection_id": connection_id, "message": "Conectado ao WebSocket da Plataforma E"}
    await ws_manager.send_personal(connection_id, WSMessage(type=EventType.CONNECTION, data=hello, project_id=project_id))
    try:
        while True:
            try:
                raw = await asyncio.wait_for(websocket.receive_text(), timeout=TIMEOUT)
            except asyncio.TimeoutError:
                await websocket.close(code=status.WS_1000_NORMAL_CLOSURE, reason="timeout")
                break
            await handle_command(connection_id, raw)
    except WebSocketDisconnect:
        pass
    finally:
        ws_manager.disconnect(connection_id)


@router.websocket("/ws/notifications")
async def notifications(websocket: WebSocket):
    await serve_socket(websocket)


@router.websocket("/ws/project/{project_id}")
async def project_events(websocket: WebSocket, project_id: str):
    await serve_socket(websocket, project_id=project_id)


@router.websocket("/ws/logs")
async def logs(websocket: WebSocket, level: LogLevel = Query(LogLevel.info)):
    await serve_socket(websocket, log_level=level.value)


@router.get("/api/ws/stats")
async def get_stats():
    return ws_manager.stats()


@router.get("/api/ws/connections")
async def get_connections():
    return {"active_connections": len(ws_manager.active_connections)}


@router.get("/api/ws/project/{project_id}/subscribers")
async def get_subscribers(project_id: str = Path(..., regex=PROJECT_ID_PATTERN)):
    return {"project_id": project_id, "subscribers": len(ws_manager.project_groups.get(project_id, ()))}


@router.post("/api/ws/broadcast")
async def post_broadcast(request: BroadcastRequest):
    if request.project_id is not None:
        sent = await ws_manager.send_to_project(request.project_id, request.event_type, request.data)
    else:
        sent = await ws_manager.broadcast(request.event_type, request.data)
    return {"success": True, "event_type": request.event_type, "project_id": request.project_id, "sent_to": sent}


async def heartbeat_loop() -> None:
    while True:
        await asyncio.sleep(HEARTBEAT_INTERVAL)
        # Every socket, log streams included: it keeps them all alive.
        data = {"interval": HEARTBEAT_INTERVAL}
        await ws_manager.send_all(ws_manager.active_connections, WSMessage(type=EventType.HEARTBEAT, data=data))


def project_events_of(tick: int):
    """One event of a project per tick, alternating PROJ-001 and PROJ-002."""
    project_id = f"PROJ-00{1 + tick % 2}"
    story_id = f"STR-{tick:04d}"
    kind = (tick // 2) % 4
    if kind == 0:
        data = {"story_id": story_id, "title": f"Story {tick}", "project_id": project_id}
        return project_id, EventType.STORY_CREATED, data, story_id
    if kind == 1:
        data = {"preview": f"Comentario {tick}", "project_id": project_id, "story_id": story_id}
        return project_id, EventType.CHAT_MESSAGE, data, story_id
    if kind == 2:
        # A chat of the project itself, in no story.
        data = {"preview": f"Reuniao {tick}", "project_id": project_id, "story_id": None}
        return project_id, EventType.CHAT_MESSAGE, data, None
    data = {"title": "Aviso", "message": f"Deploy {tick} concluido", "level": "info"}
    return project_id, EventType.NOTIFICATION, data, None


def system_events_of(tick: int):
    """The events the document's helpers send with no project: to everyone.

    A system `error` ("Erro no sistema") is sent only through the REST broadcast.
    """
    story, task, job = f"STR-{tick:04d}", f"STSK-{tick:04d}", f"JOB-{tick // 4:04d}"
    return [
        (EventType.STORY_UPDATED, {"story_id": story, "title": f"Story {tick}"}, story),
        (EventType.STORY_MOVED, {"story_id": story, "title": f"Story {tick}", "to": "in_progress"}, story),
        (EventType.TASK_CREATED, {"task_id": task, "title": "Criar endpoint", "story_id": story}, story),
        (EventType.TASK_UPDATED, {"task_id": task, "title": "Criar endpoint", "progress": tick % 100}, None),
        (EventType.TASK_COMPLETED, {"task_id": task, "title": "Criar endpoint", "story_id": story}, story),
        (EventType.JOB_STARTED, {"job_id": job, "status": "running"}, None),
        (EventType.JOB_PROGRESS, {"job_id": job, "progress": 50, "status": "running", "output": "build ok"}, None),
        (EventType.JOB_COMPLETED, {"job_id": job, "status": "completed"}, None),
        (EventType.JOB_FAILED, {"job_id": job, "status": "failed", "error": "exit 1"}, None),
        (EventType.TASK_DELETED, {"task_id": task}, None),
        (EventType.STORY_DELETED, {"story_id": story}, story),
        (EventType.NOTIFICATION, {"title": "Sistema", "message": "Backup concluido", "level": "info"}, None),
    ][tick % 12]


async def platform_activity() -> None:
    """What the platform's services would notify; undocumented cadence: one tick a second."""
    for tick in itertools.count():
        await asyncio.sleep(1.0 / config.speed)
        project_id, event_type, data, story_id = project_events_of(tick)
        await ws_manager.send_to_project(project_id, event_type, data, story_id=story_id)
        event_type, data, story_id = system_events_of(tick)
        await ws_manager.broadcast(event_type, data, story_id=story_id)
        level = LEVEL_ORDER[tick % len(LEVEL_ORDER)]
        source = "CI/CD" if tick % 3 == 0 else None
        await ws_manager.notify_log(level, f"Linha de log {tick}", source=source)


app = FastAPI(title="Plataforma E")
app.include_router(router)
serve.run_in_background(app, [heartbeat_loop, platform_activity])


if __name__ == "__main__":
    serve.run(app, "plataforma_e", config, max_message_size=MAX_MESSAGE_SIZE)
