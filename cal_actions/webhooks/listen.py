"""The server of ``cal-actions webhooks listen``: a small threaded receiver handing on each verified event.

Every delivery goes through :class:`~cal_actions.webhooks.WebhookReceiver`. A bad signature is
answered 401, anything else 200; each refusal is one line on stderr that never quotes the body.
Garbage (bad lengths, oversized or truncated bodies, other methods or paths, stalled sockets) is
answered or dropped without stopping the server. When the events can no longer be handed on (the
reader of the output went away), the delivery is answered 503, so Cal.com sends it again later, and
the server stops.
"""

from __future__ import annotations

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


class WebhookServer(ThreadingHTTPServer):
    """Deliveries on ``path`` go through ``receiver`` (answered 503 while it is ``None``); each verified
    event is handed to ``on_event``, each refusal to ``on_refusal(refusal, client_address)``. Should
    ``on_event`` fail with ``OSError`` (a closed pipe), ``output_gone`` is set and the server stops."""

    daemon_threads = True
    output_gone = False

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

    def lost_output(self) -> None:
        """Stop serving: no event could be handed on. The loop is stopped from another thread, since
        ``shutdown`` waits for it and the caller is answering a request."""
        self.output_gone = True
        threading.Thread(target=self.shutdown, daemon=True).start()

    def handle_error(self, request: Any, client_address: Any) -> None:
        # A broken or stalled connection ends that request only; one line, no traceback.
        error = sys.exc_info()[1]
        say(sys.stderr, f"connection from {client_address[0]} dropped ({type(error).__name__})")


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
        try:
            self.server.on_event(result)
        except (OSError, ValueError):  # the output is closed: not delivered, and no later event can be
            # Answered before stopping: once the loop ends the process exits, ending this thread mid-write.
            self._answer(503, "not delivered: the listener's output is closed")
            return self.server.lost_output()
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


def say(stream: TextIO, line: str) -> None:
    with _PRINT:  # one whole line per event, even from concurrent deliveries
        print(line, file=stream, flush=True)
