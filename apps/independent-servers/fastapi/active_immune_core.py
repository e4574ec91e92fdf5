"""Active Immune Core's WebSocket API as a FastAPI app (``api/websocket``).

Written from the document alone (shared/seeds/003): the ConnectionManager,
the WSEvent / WSMessage / WSResponse pydantic models, the router and the
broadcaster helpers. The agents and coordination routes that would call the
broadcaster are simulated by one background task.
"""

import asyncio
import itertools
from datetime import datetime
from enum import Enum
from typing import Any, Dict, List, Optional, Set
from uuid import uuid4

from fastapi import APIRouter, FastAPI, HTTPException, Query, WebSocket, WebSocketDisconnect, status
from pydantic import BaseModel, Field, ValidationError

import serve


class WSEventType(str, Enum):
    CONNECTED = "connected"
    DISCONNECTED = "disconnected"
    ERROR = "error"
    AGENT_CREATED = "agent_created"
    AGENT_UPDATED = "agent_updated"
    AGENT_DELETED = "agent_deleted"
    AGENT_STATUS_CHANGED = "agent_status_changed"
    AGENT_ACTION = "agent_action"
    TASK_CREATED = "task_created"
    TASK_ASSIGNED = "task_assigned"
    TASK_STARTED = "task_started"
    TASK_COMPLETED = "task_completed"
    TASK_FAILED = "task_failed"
    TASK_CANCELLED = "task_cancelled"
    ELECTION_TRIGGERED = "election_triggered"
    LEADER_ELECTED = "leader_elected"
    CONSENSUS_PROPOSED = "consensus_proposed"
    CONSENSUS_DECIDED = "consensus_decided"
    HEALTH_CHANGED = "health_changed"
    METRICS_UPDATED = "metrics_updated"
    ALERT_TRIGGERED = "alert_triggered"


class WSAction(str, Enum):
    SUBSCRIBE = "subscribe"
    UNSUBSCRIBE = "unsubscribe"
    JOIN = "join"
    LEAVE = "leave"
    PING = "ping"
    INFO = "info"


class WSEvent(BaseModel):
    event_type: WSEventType
    timestamp: datetime = Field(default_factory=datetime.utcnow)
    data: Dict[str, Any] = Field(default_factory=dict)
    source: str = "api_server"
    room: Optional[str] = None


class WSMessage(BaseModel):
    action: WSAction
    data: Optional[Dict[str, Any]] = None
    room: Optional[str] = None


class WSResponse(BaseModel):
    success: bool
    message: str
    data: Optional[Dict[str, Any]] = None


class BroadcastRequest(BaseModel):
    event_type: WSEventType
    data: Dict[str, Any] = Field(default_factory=dict)
    room: Optional[str] = None
    source: str = "api_server"


ROOMS = ("agents", "tasks", "coordination", "system")


class ConnectionManager:
    def __init__(self) -> None:
        self.active_connections: Dict[str, WebSocket] = {}
        self.rooms: Dict[str, Set[str]] = {}
        self.subscriptions: Dict[str, Set[WSEventType]] = {}
        self.metadata: Dict[str, Dict[str, Any]] = {}
        self.total_connections = 0
        self.total_disconnections = 0
        self.messages_sent = 0
        self.messages_received = 0

    async def connect(self, websocket: WebSocket, connection_id: str, metadata: Dict[str, Any]) -> bool:
        if connection_id in self.active_connections:
            # The id is taken: closing before accept, which uvicorn answers with HTTP 403.
            await websocket.close(code=status.WS_1008_POLICY_VIOLATION)
            return False
        await websocket.accept()
        self.active_connections[connection_id] = websocket
        self.subscriptions[connection_id] = set()
        self.metadata[connection_id] = {**metadata, "connected_at": datetime.utcnow().isoformat()}
        self.total_connections += 1
        return True

    def disconnect(self, connection_id: str) -> None:
        if self.active_connections.pop(connection_id, None) is None:
            return
        self.subscriptions.pop(connection_id, None)
        self.metadata.pop(connection_id, None)
        for room in list(self.rooms):
            self.rooms[room].discard(connection_id)
            if not self.rooms[room]:
                del self.rooms[room]
        self.total_disconnections += 1

    async def join_room(self, connection_id: str, room: str) -> None:
        self.rooms.setdefault(room, set()).add(connection_id)

    async def leave_room(self, connection_id: str, room: str) -> None:
        members = self.rooms.get(room)
        if members is not None:
            members.discard(connection_id)
            if not members:
                del self.rooms[room]

    async def subscribe(self, connection_id: str, event_types: List[WSEventType]) -> None:
        self.subscriptions[connection_id].update(event_types)

    async def unsubscribe(self, connection_id: str, event_types: List[WSEventType]) -> None:
        self.subscriptions[connection_id].difference_update(event_types)

    async def send_personal(self, connection_id: str, payload: BaseModel) -> bool:
        websocket = self.active_connections.get(connection_id)
        if websocket is None:
            return False
        try:
            await websocket.send_text(payload.json())
        except Exception:
            self.disconnect(connection_id)
            return False
        self.messages_sent += 1
        return True

    def wants(self, connection_id: str, event: WSEvent) -> bool:
        """With no subscription a connection gets every event; with some, only those."""
        subscribed = self.subscriptions.get(connection_id)
        return not subscribed or event.event_type in subscribed

    async def broadcast(self, event: WSEvent, room: Optional[str] = None) -> int:
        if room is not None:
            event.room = room
            targets = list(self.rooms.get(room, ()))
        else:
            targets = list(self.active_connections)
        sent = 0
        for connection_id in targets:
            if self.wants(connection_id, event) and await self.send_personal(connection_id, event):
                sent += 1
        return sent

    def info(self, connection_id: str) -> Dict[str, Any]:
        return {
            "connection_id": connection_id,
            "rooms": sorted(r for r, members in self.rooms.items() if connection_id in members),
            "subscriptions": sorted(t.value for t in self.subscriptions.get(connection_id, ())),
            "metadata": self.metadata.get(connection_id, {}),
        }

    def get_stats(self) -> Dict[str, Any]:
        return {
            "active_connections": len(self.active_connections),
            "total_connections": self.total_connections,
            "total_disconnections": self.total_disconnections,
            "total_rooms": len(self.rooms),
            "messages_sent": self.messages_sent,
            "messages_received": self.messages_received,
            "rooms": {room: len(members) for room, members in self.rooms.items()},
        }


manager = ConnectionManager()
router = APIRouter()


def event_types_of(message: WSMessage) -> List[WSEventType]:
    return [WSEventType(t) for t in (message.data or {}).get("event_types", [])]


async def handle_message(connection_id: str, message: WSMessage) -> WSResponse:
    if message.action == WSAction.PING:
        return WSResponse(success=True, message="pong", data={"timestamp": datetime.utcnow().isoformat()})
    if message.action == WSAction.INFO:
        return WSResponse(success=True, message="Connection info", data=manager.info(connection_id))
    if message.action in (WSAction.JOIN, WSAction.LEAVE):
        if not message.room:
            return WSResponse(success=False, message=f"'{message.action.value}' needs a room")
        if message.action == WSAction.JOIN:
            await manager.join_room(connection_id, message.room)
            return WSResponse(success=True, message=f"Joined room '{message.room}'", data={"room": message.room})
        await manager.leave_room(connection_id, message.room)
        return WSResponse(success=True, message=f"Left room '{message.room}'", data={"room": message.room})
    event_types = event_types_of(message)
    if message.action == WSAction.SUBSCRIBE:
        await manager.subscribe(connection_id, event_types)
    else:
        await manager.unsubscribe(connection_id, event_types)
    names = [t.value for t in event_types]
    return WSResponse(success=True, message=f"{message.action.value.capitalize()}d", data={"event_types": names})


@router.websocket("/ws")
async def websocket_endpoint(websocket: WebSocket, client_id: Optional[str] = Query(None)):
    connection_id = client_id or f"conn_{uuid4().hex[:12]}"
    if not await manager.connect(websocket, connection_id, {"client_id": client_id}):
        return
    hello = WSEvent(event_type=WSEventType.CONNECTED, data={"connection_id": connection_id}, source="websocket_server")
    await manager.send_personal(connection_id, hello)
    try:
        while True:
            raw = await websocket.receive_text()
            manager.messages_received += 1
            try:
                response = await handle_message(connection_id, WSMessage.parse_raw(raw))
            except (ValidationError, ValueError) as error:
                response = WSResponse(success=False, message=f"Invalid message: {error}")
            await manager.send_personal(connection_id, response)
    except WebSocketDisconnect:
        pass
    finally:
        manager.disconnect(connection_id)


@router.get("/ws/stats")
async def websocket_stats():
    return manager.get_stats()


@router.post("/ws/broadcast", response_model=WSResponse)
async def broadcast_event(request: BroadcastRequest):
    if request.room is not None and request.room not in ROOMS:
        raise HTTPException(status_code=404, detail=f"Room '{request.room}' not found")
    event = WSEvent(event_type=request.event_type, data=request.data, source=request.source)
    sent = await manager.broadcast(event, room=request.room)
    return WSResponse(success=True, message=f"Event broadcast to {sent} connections", data={"recipients": sent})


def simulated_events(tick: int):
    """What the agents and coordination routes broadcast, one room after another."""
    agent = f"agent_neutrophil_{tick:03d}"
    room = ROOMS[tick % 4]
    n = tick // 4
    if room == "agents":
        return [
            (WSEventType.AGENT_CREATED, {"agent_id": agent, "agent_type": "neutrophil", "status": "active"}),
            (WSEventType.AGENT_UPDATED, {"agent_id": agent, "agent_type": "neutrophil", "status": "patrolling"}),
            (WSEventType.AGENT_STATUS_CHANGED, {"agent_id": agent, "old_status": "active", "new_status": "patrolling"}),
            (WSEventType.AGENT_ACTION, {"agent_id": agent, "action": "patrol", "result": {"success": True}}),
            (WSEventType.AGENT_DELETED, {"agent_id": agent}),
        ][n % 5], room
    if room == "tasks":
        task = f"task_{n:04d}"
        if n % 3 == 0:
            return (WSEventType.TASK_CREATED, {"task_id": task, "task_type": "scan", "priority": 5}), room
        new = ["assigned", "started", "completed", "failed", "cancelled"][n % 5]
        kind = WSEventType(f"task_{new}")
        return (kind, {"task_id": task, "old_status": "pending", "new_status": new}), room
    if room == "coordination":
        return [
            (WSEventType.ELECTION_TRIGGERED, {}),
            (WSEventType.LEADER_ELECTED, {"leader_id": agent, "term": n}),
            (WSEventType.CONSENSUS_PROPOSED, {"proposal_id": f"prop_{n}", "proposal_type": "scale_up"}),
            (WSEventType.CONSENSUS_DECIDED, {"proposal_id": f"prop_{n}", "decision": "approved", "approval_rate": 0.8}),
        ][n % 4], room
    return [
        (WSEventType.HEALTH_CHANGED, {"status": "healthy", "details": {"agents": n}}),
        (WSEventType.METRICS_UPDATED, {"active_agents": n % 50, "tasks_pending": n % 7}),
        (WSEventType.ALERT_TRIGGERED, {"level": "warning", "message": "High CPU usage detected", "details": {"cpu": 95}}),
    ][n % 3], room


async def immune_activity() -> None:
    """Undocumented cadence: one event a second, rooms in turn."""
    for tick in itertools.count():
        await asyncio.sleep(1.0 / config.speed)
        (event_type, data), room = simulated_events(tick)
        await manager.broadcast(WSEvent(event_type=event_type, data=data, source="agent_service"), room=room)


config = serve.parser("Active Immune Core WebSocket (FastAPI)", 8000).parse_args()
app = FastAPI(title="Active Immune Core")
app.include_router(router)
serve.run_in_background(app, [immune_activity])


if __name__ == "__main__":
    serve.run(app, "active_immune_core", config)
