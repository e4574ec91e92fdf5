"""What every independent server shares: arguments, startup on a port, clocks, fan-out.

Each server is written from its document in /work/shared/seeds only; this module
holds nothing protocol-specific.
"""

import argparse
import asyncio
import json
import signal
import time
import weakref
from datetime import datetime, timedelta, timezone

from aiohttp import WSMsgType, web


def parse_args(system, default_port, add_extra=None):
    parser = argparse.ArgumentParser(description=f"{system}, as its document describes it")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=default_port, help="0 picks a free port")
    parser.add_argument(
        "--speed", type=float, default=1.0, help="divide every documented cadence by this (tests)"
    )
    parser.add_argument(
        "--cors-origin",
        default=None,
        help="answer browser pages of this origin (or *) with CORS headers, as the documents advise configuring",
    )
    if add_extra:
        add_extra(parser)
    return parser.parse_args()


def allow_cors(app, origin):
    """CORS as a deployment configures it (Starlette's CORSMiddleware, Go's rs/cors): every
    response carries the header, refusals included, and any preflight is answered."""

    @web.middleware
    async def preflight(request, handler):
        if request.method == "OPTIONS" and "Access-Control-Request-Method" in request.headers:
            return web.Response(
                status=204,
                headers={
                    "Access-Control-Allow-Methods": "GET, POST, OPTIONS",
                    "Access-Control-Allow-Headers": request.headers.get("Access-Control-Request-Headers", ""),
                    "Access-Control-Max-Age": "600",
                },
            )
        return await handler(request)

    async def allow(request, response):
        if "Origin" in request.headers:
            response.headers["Access-Control-Allow-Origin"] = origin
            response.headers["Vary"] = "Origin"

    app.middlewares.append(preflight)
    app.on_response_prepare.append(allow)


SOCKETS = "independent_sockets"


async def open_socket(request, **options):
    """Upgrade with permessage-deflate offered; remember the socket so shutdown can close it."""
    ws = web.WebSocketResponse(compress=True, **options)
    await ws.prepare(request)
    request.app[SOCKETS].add(ws)
    return ws


async def read_texts(ws, handle):
    """Hand every text frame to handle(text) until the socket closes."""
    async for msg in ws:
        if msg.type == WSMsgType.TEXT:
            await handle(msg.data)
        elif msg.type == WSMsgType.ERROR:
            break


SHUTDOWN_CLOSE = "independent_shutdown_close"


def track_sockets(app):
    app[SOCKETS] = weakref.WeakSet()

    async def going_away(app_):
        code = app_.get(SHUTDOWN_CLOSE, 1001)  # 1001 going away, unless the server says otherwise
        for ws in list(app_[SOCKETS]):
            await ws.close(code=code, message=b"server shutting down")

    app.on_shutdown.append(going_away)


def run(app, args, system):
    """Serve app; print the bound port as one JSON line; stop on SIGTERM or SIGINT."""

    async def main():
        track_sockets(app)
        if args.cors_origin:
            allow_cors(app, args.cors_origin)
        runner = web.AppRunner(app, handle_signals=False)
        await runner.setup()
        site = web.TCPSite(runner, args.host, args.port, reuse_address=True, shutdown_timeout=2)
        await site.start()
        port = runner.addresses[0][1]
        print(json.dumps({"system": system, "port": port}), flush=True)
        stop = asyncio.Event()
        loop = asyncio.get_running_loop()
        for sig in (signal.SIGTERM, signal.SIGINT):
            loop.add_signal_handler(sig, stop.set)
        await stop.wait()
        await runner.cleanup()

    asyncio.run(main())


def every(app, seconds, tick):
    """Run the coroutine function tick every `seconds` while the app runs."""

    async def loop():
        while True:
            await asyncio.sleep(seconds)
            try:
                await tick()
            except Exception as error:  # a failed tick must not end the cadence
                print(json.dumps({"tick_error": repr(error)}), flush=True)

    async def start(app_):
        task = asyncio.create_task(loop())
        yield
        task.cancel()

    app.cleanup_ctx.append(start)


FRAME_SUFFIX = {"text": ""}


def go_frames():
    """gorilla's WriteJSON encodes with json.Encoder, which ends every frame with a newline."""
    FRAME_SUFFIX["text"] = "\n"


async def send_json(ws, message):
    """Send one text frame; a socket closing meanwhile is not an error of the server."""
    if ws.closed:
        return False
    try:
        await ws.send_str(json.dumps(message) + FRAME_SUFFIX["text"])
        return True
    except (ConnectionResetError, RuntimeError):
        return False


def go_rfc3339_nano(offset_hours):
    """time.Now().Format(time.RFC3339Nano) of a Go server in a non-UTC zone:
    nanoseconds with trailing zeros trimmed, and a numeric offset."""
    ns = time.time_ns()
    zone = timezone(timedelta(hours=offset_hours))
    moment = datetime.fromtimestamp(ns // 1_000_000_000, zone)
    fraction = f"{ns % 1_000_000_000:09d}".rstrip("0")
    stamp = moment.strftime("%Y-%m-%dT%H:%M:%S")
    if fraction:
        stamp += "." + fraction
    offset = moment.strftime("%z")
    return stamp + offset[:3] + ":" + offset[3:]


def python_utcnow_iso():
    """datetime.utcnow().isoformat() of a Python server: microseconds, no zone suffix."""
    return datetime.now(timezone.utc).replace(tzinfo=None).isoformat()


def python_aware_iso():
    """datetime.now(timezone.utc).isoformat(): microseconds and '+00:00' rather than 'Z'."""
    return datetime.now(timezone.utc).isoformat()


def http_error(text, status):
    """Go's http.Error: the message as text/plain with a newline, not JSON."""
    return web.Response(text=text + "\n", status=status, content_type="text/plain")


def bearer(request):
    header = request.headers.get("Authorization", "")
    if header[:7].lower() == "bearer ":
        return header[7:].strip()
    return None
