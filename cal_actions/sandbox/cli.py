"""``cal-actions sandbox serve|reset|outbox`` and ``cal-actions call --sandbox``."""

from __future__ import annotations

import argparse
import json
import os
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import httpx

from cal_actions.sandbox.app import Sandbox

DB_VARIABLE = "CAL_SANDBOX_DB"


def db_path(args: argparse.Namespace) -> str | None:
    return args.db or os.environ.get(DB_VARIABLE) or None


def open_sandbox(args: argparse.Namespace) -> Sandbox:
    path = db_path(args)
    if path is None:
        print(
            f"cal-actions: no --db or {DB_VARIABLE}: using a fresh in-memory sandbox (state is lost on exit)",
            file=sys.stderr,
        )
    return Sandbox(path)


def run(args: argparse.Namespace) -> int:
    handlers = {"serve": serve, "reset": reset, "outbox": outbox}
    return handlers[args.sandbox_command](args)


def call_sandbox(args: argparse.Namespace) -> int:
    from cal_actions import Cal

    sandbox = open_sandbox(args)
    try:
        with Cal.sandbox(sandbox) as cal:
            result = cal.execute(args.name, args.args)
    finally:
        sandbox.close()
    print(json.dumps(result.model_dump(), indent=2, ensure_ascii=False))
    return 0 if result.successful else 1


def reset(args: argparse.Namespace) -> int:
    sandbox = open_sandbox(args)
    sandbox.reset()
    sandbox.close()
    print("sandbox reset to its seeded state" + (f" ({db_path(args)})" if db_path(args) else ""))
    return 0


def outbox(args: argparse.Namespace) -> int:
    sandbox = open_sandbox(args)
    deliveries = sandbox.outbox()
    sandbox.close()
    if args.json:
        print(json.dumps(deliveries, indent=2, ensure_ascii=False))
        return 0
    for item in deliveries:
        when, trigger, status = item["createdAt"], item["triggerEvent"], item["status"]
        print(f"{item['id']:>4}  {when}  {trigger:<20} {status:<9} {item['subscriberUrl']}")
    if not deliveries:
        print("no webhook deliveries yet")
    return 0


def make_server(sandbox: Sandbox, port: int = 0) -> ThreadingHTTPServer:
    """An HTTP server on 127.0.0.1 answering from ``sandbox`` (``port=0``: a free port)."""

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def _answer(self) -> None:
            length = int(self.headers.get("content-length") or 0)
            body = self.rfile.read(length) if length else b""
            request = httpx.Request(
                self.command, f"http://127.0.0.1:{port}{self.path}", headers=list(self.headers.items()), content=body
            )
            response = sandbox.handle(request)
            self.send_response(response.status_code)
            for name in ("content-type",):
                self.send_header(name, response.headers[name])
            self.send_header("content-length", str(len(response.content)))
            self.end_headers()
            self.wfile.write(response.content)

        do_GET = do_POST = do_PATCH = do_PUT = do_DELETE = _answer

        def log_message(self, format: str, *args: Any) -> None:
            pass  # quiet: the sandbox is a development tool, not a web server to audit

    server = ThreadingHTTPServer(("127.0.0.1", port), Handler)
    port = server.server_address[1]
    return server


def serve(args: argparse.Namespace) -> int:
    from cal_actions.sandbox.seed import API_KEY, OAUTH_CLIENT_ID, OAUTH_CLIENT_SECRET

    sandbox = open_sandbox(args)
    server = make_server(sandbox, args.port)
    port = server.server_address[1]
    print(f"Cal.com sandbox on http://127.0.0.1:{port}", flush=True)
    print(f"  CAL_BASE_URL=http://127.0.0.1:{port} CAL_API_KEY={API_KEY}", flush=True)
    print(f"  CAL_CLIENT_ID={OAUTH_CLIENT_ID} CAL_CLIENT_SECRET={OAUTH_CLIENT_SECRET}", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
        sandbox.close()
    return 0


def serve_in_thread(sandbox: Sandbox, port: int = 0) -> tuple[ThreadingHTTPServer, threading.Thread]:
    """Start :func:`make_server` on a daemon thread; stop it with ``server.shutdown()``."""
    server = make_server(sandbox, port)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    return server, thread
