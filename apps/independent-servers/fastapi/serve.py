"""Running one of these FastAPI apps under uvicorn, as the tests need it.

uvicorn is started from code (not its CLI) only so that the port can be 0:
the socket is bound here and handed to uvicorn, and the bound port is printed
on stdout as one JSON line once uvicorn listens on it. Everything else is
uvicorn's default behaviour: its WebSocket implementation (``websockets``),
its protocol-level pings, its answer to a close before accept (HTTP 403) and
its shutdown on SIGTERM (it closes every socket's transport: no close frame).
"""

import argparse
import asyncio
import json
import socket
import sys
from typing import Awaitable, Callable, Iterable, Set

import uvicorn
from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware

# uvicorn's own defaults, divided by --speed like every other cadence.
UVICORN_WS_PING_INTERVAL = 20.0
UVICORN_WS_PING_TIMEOUT = 20.0


def parser(description: str, default_port: int) -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(description=description)
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=int, default=default_port, help="0 picks a free port")
    p.add_argument("--speed", type=float, default=1.0, help="every cadence divided by this")
    p.add_argument("--cors-origin", default=None, help="CORSMiddleware for this origin (or *)")
    return p


class AnnouncingServer(uvicorn.Server):
    """Prints {"system", "port"} once uvicorn is listening."""

    def __init__(self, config: uvicorn.Config, system: str) -> None:
        super().__init__(config)
        self.system = system

    async def startup(self, sockets=None) -> None:
        await super().startup(sockets=sockets)
        if self.should_exit:
            return
        port = self.servers[0].sockets[0].getsockname()[1]
        print(json.dumps({"system": self.system, "port": port}), flush=True)


def run_in_background(app: FastAPI, jobs: Iterable[Callable[[], Awaitable[None]]]) -> None:
    """Starts each job with the app and cancels it at shutdown."""
    tasks: Set[asyncio.Task] = set()

    @app.on_event("startup")
    async def start_jobs() -> None:
        tasks.update(asyncio.create_task(job()) for job in jobs)

    @app.on_event("shutdown")
    async def stop_jobs() -> None:
        for task in tasks:
            task.cancel()


def run(app: FastAPI, system: str, args: argparse.Namespace, max_message_size: int = 2**20) -> None:
    if args.cors_origin:
        app.add_middleware(
            CORSMiddleware,
            allow_origins=[args.cors_origin],
            allow_methods=["*"],
            allow_headers=["*"],
        )
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    # A restart on the same port must not wait for the crashed process's TIME_WAIT.
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind((args.host, args.port))
    sock.set_inheritable(True)
    config = uvicorn.Config(
        app,
        log_level="warning",
        ws="websockets",
        ws_max_size=max_message_size,
        ws_ping_interval=UVICORN_WS_PING_INTERVAL / args.speed,
        ws_ping_timeout=UVICORN_WS_PING_TIMEOUT / args.speed,
    )
    AnnouncingServer(config, system).run(sockets=[sock])
    sys.exit(0)
