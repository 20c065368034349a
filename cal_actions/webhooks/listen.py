"""``cal-actions webhooks listen``: a small threaded receiver printing one JSON line per verified event.

Every delivery goes through :class:`~cal_actions.webhooks.WebhookReceiver`. A bad signature is
answered 401, anything else 200; each refusal is one line on stderr that never quotes the body.
Garbage (bad lengths, oversized or truncated bodies, other methods or paths, stalled sockets) is
answered or dropped without stopping the server.
"""

from __future__ import annotations

import argparse
import os
import sys
import threading
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, TextIO
from urllib.parse import urlsplit

from cal_actions.webhooks.events import WebhookEvent
from cal_actions.webhooks.receiver import Refusal, WebhookReceiver

SECRET_VARIABLE = "CAL_WEBHOOK_SECRET"
MAX_BODY = 1 << 20  # Cal.com's payloads are a few kilobytes
SOCKET_TIMEOUT = 10.0  # a client that stops sending frees its thread after this


def run(args: argparse.Namespace) -> int:
    secret = args.secret or os.environ.get(SECRET_VARIABLE)
    if not secret and not args.allow_unsigned:
        print(f"cal-actions: set {SECRET_VARIABLE} (or --secret) to the webhook's secret", file=sys.stderr)
        return 2
    receiver = WebhookReceiver(secret, tolerance=args.tolerance, allow_unsigned=args.allow_unsigned)

    def refused(refusal: Refusal, client: str) -> None:
        _say(sys.stderr, f"refused delivery from {client}: {refusal.reason}: {refusal.message}")

    server = WebhookServer((args.host, args.port), receiver, args.path, lambda event: _say(sys.stdout, event.as_json()),
                           refused)  # fmt: skip
    print(f"listening on http://{args.host}:{server.server_port}{args.path}", file=sys.stderr, flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
    return 0


class WebhookServer(ThreadingHTTPServer):
    """Deliveries on ``path`` go through ``receiver`` (answered 503 while it is ``None``); each verified
    event is handed to ``on_event``, each refusal to ``on_refusal(refusal, client_address)``."""

    daemon_threads = True

    def __init__(
        self,
        address: tuple[str, int],
        receiver: WebhookReceiver | None,
        path: str,
        on_event: Callable[[WebhookEvent], None],
        on_refusal: Callable[[Refusal, str], None],
    ) -> None:
        super().__init__(address, _Handler)
        self.receiver, self.path, self.on_event, self.on_refusal = receiver, path, on_event, on_refusal

    def handle_error(self, request: Any, client_address: Any) -> None:
        # A broken or stalled connection ends that request only; one line, no traceback.
        error = sys.exc_info()[1]
        _say(sys.stderr, f"connection from {client_address[0]} dropped ({type(error).__name__})")


class _Handler(BaseHTTPRequestHandler):
    server: WebhookServer
    timeout = SOCKET_TIMEOUT

    def do_POST(self) -> None:
        if urlsplit(self.path).path != self.server.path:
            return self._answer(404, "not found")
        if "chunked" in self.headers.get("Transfer-Encoding", "").lower():
            return self._answer(411, "a Content-Length is required")
        try:
            length = int(self.headers.get("Content-Length", "0"))
        except ValueError:
            return self._answer(400, "bad Content-Length")
        if not 0 <= length <= MAX_BODY:
            return self._answer(413 if length > MAX_BODY else 400, "body too large" if length > 0 else "bad length")
        body = self.rfile.read(length)
        if len(body) < length:
            self.close_connection = True  # the client went away mid-body
            return None
        receiver = self.server.receiver
        if receiver is None:
            return self._answer(503, "not ready")
        result = receiver.receive(body, self.headers.items())
        if isinstance(result, Refusal):
            self.server.on_refusal(result, self.client_address[0])
            return self._answer(result.http_status, result.reason)
        self.server.on_event(result)
        return self._answer(200, "ok")

    def _not_allowed(self) -> None:
        self._answer(405, "only POST")

    do_GET = do_PUT = do_PATCH = do_DELETE = do_HEAD = _not_allowed

    def _answer(self, status: int, text: str) -> None:
        body = text.encode() + b"\n"
        self.send_response(status)
        self.send_header("Content-Type", "text/plain; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def log_message(self, format: str, *args: Any) -> None:
        pass  # request lines are not printed: stdout carries events only, stderr refusals


_PRINT = threading.Lock()


def _say(stream: TextIO, line: str) -> None:
    with _PRINT:  # one whole line per event, even from concurrent deliveries
        print(line, file=stream, flush=True)
