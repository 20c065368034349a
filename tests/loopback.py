"""A real HTTP server on 127.0.0.1 for tests that need sockets: its behaviour is a plain function."""

from __future__ import annotations

import json
import socket
import struct
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any


@dataclass
class Seen:
    """What the server received, shared with the test."""

    requests: list[tuple[str, str]] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def record(self, method: str, path: str) -> int:
        """Record a request; returns how many times this method and path were seen, this one included."""
        with self.lock:
            self.requests.append((method, path))
            return self.requests.count((method, path))


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive, as Cal.com's servers do
    respond: Callable[[Handler, int], None]
    seen: Seen

    def setup(self) -> None:
        super().setup()
        # Headers and body leave in separate writes; without this, Nagle's algorithm delays each answer.
        self.connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)

    def _handle(self) -> None:
        length = int(self.headers.get("content-length") or 0)
        self.body = self.rfile.read(length) if length else b""
        hit = self.seen.record(self.command, self.path)
        try:
            self.respond(self, hit)
        except (BrokenPipeError, ConnectionResetError):  # the client gave up first: that is the point of some tests
            self.close_connection = True

    do_GET = do_POST = do_PUT = do_PATCH = do_DELETE = _handle

    def send(self, status: int, body: bytes | dict | None = None, headers: dict[str, str] | None = None) -> None:
        payload = json.dumps(body).encode() if isinstance(body, dict) else body or b""
        self.send_response(status)
        kind = "application/json" if isinstance(body, dict) else "text/html"
        for name, value in {"content-type": kind, "content-length": str(len(payload)), **(headers or {})}.items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(payload)

    def reset(self) -> None:
        """Abort the connection with a TCP reset instead of a clean close."""
        self.wfile.flush()
        self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        self.close_connection = True
        self.connection.close()

    def log_message(self, *args: Any) -> None:
        pass


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = False  # keep-alive handler threads end with their connections
    request_queue_size = 1024  # hundreds of concurrent clients connect at once

    def handle_error(self, request: Any, client_address: Any) -> None:
        pass  # connections the tests break on purpose are not errors


@contextmanager
def serve(respond: Callable[[Handler, int], None]) -> Iterator[tuple[str, Seen]]:
    """Run a server whose requests go to ``respond(handler, hit)``; yields its base URL and what it saw."""
    seen = Seen()
    handler = type("ScriptedHandler", (Handler,), {"respond": staticmethod(respond), "seen": seen})
    server = _Server(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}", seen
    finally:
        server.shutdown()
        server.server_close()


def free_port() -> int:
    """A port nobody listens on: bound, then closed."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]
