"""The sandbox over HTTP/1.1 on 127.0.0.1, answering like Cal.com's server whatever the client sends.

Every method reaches the sandbox (an unknown one gets Cal.com's JSON 404); ``HEAD`` is answered
as ``GET`` without the body and ``OPTIONS`` as Cal.com's CORS preflight (204), the way its Express
app does. Bodies may be sent with ``Content-Length`` or chunked. Malformed requests get a JSON
error, never an HTML page, a dropped connection or a traceback.
"""

from __future__ import annotations

import contextlib
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import urlsplit

import httpx

from cal_actions.sandbox.app import Sandbox
from cal_actions.sandbox.errors import ApiError, BadRequest, PayloadTooLarge

MAX_BODY = 10 * 1024 * 1024
_LINE = 65536
#: Cal.com's CORS settings (``enableCors`` in its API v2 bootstrap); preflights answer 204 with them.
PREFLIGHT = {
    "access-control-allow-origin": "*",
    "access-control-allow-methods": "GET,PATCH,DELETE,HEAD,POST,PUT,OPTIONS",
    "access-control-allow-headers": (
        "x-cal-client-id,x-cal-secret-key,x-cal-platform-embed,cal-api-version,Accept,Authorization,Content-Type,Origin"
    ),
    "access-control-max-age": "86400",
}
_DROPPED = ("content-length", "transfer-encoding", "connection", "keep-alive")


class _ClientGone(Exception):
    """The client closed the connection before its request was complete: nobody to answer."""


class SandboxServer(ThreadingHTTPServer):
    sandbox: Sandbox

    def handle_error(self, request: Any, client_address: Any) -> None:
        # The handler answers every failure itself; reaching here is a bug, reported in one line.
        error = sys.exc_info()[1]
        print(f"cal-actions sandbox: request from {client_address} failed: {error!r}", file=sys.stderr)


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server: SandboxServer
    timeout = 30  # a client that stops sending frees its thread

    def __getattr__(self, name: str) -> Any:
        if name.startswith("do_"):  # every method, known or not, is answered in one place
            return self._answer
        raise AttributeError(name)

    def handle(self) -> None:
        with contextlib.suppress(ConnectionError, TimeoutError, _ClientGone):  # the client went away or stalled
            super().handle()

    def _answer(self) -> None:
        sandbox = self.server.sandbox
        try:
            response = self._response(sandbox)
        except ApiError as error:
            self.close_connection = True  # the rest of a malformed request cannot be trusted
            response = sandbox.error_response(error, self.path)
        except (_ClientGone, ConnectionError, TimeoutError):
            raise
        except Exception as error:  # a sandbox bug: the client still gets Cal.com's 500 envelope
            print(f"cal-actions sandbox: {self.command} {self.path} failed: {error!r}", file=sys.stderr)
            response = sandbox.error_response(ApiError("Internal server error"), self.path)
        self._send(response)

    def _response(self, sandbox: Sandbox) -> httpx.Response:
        if self.command == "OPTIONS":
            return httpx.Response(204, headers=PREFLIGHT)
        body = self._read_body()
        headers = [(name, value) for name, value in self.headers.items() if name.lower() not in _DROPPED]
        method = "GET" if self.command == "HEAD" else self.command
        try:
            request = httpx.Request(method, f"http://127.0.0.1{_target(self.path)}", headers=headers, content=body)
        except (httpx.InvalidURL, ValueError, TypeError):
            raise BadRequest(f"Invalid request target {self.path!r}") from None
        return sandbox.handle(request)

    def _read_body(self) -> bytes:
        encoding = self.headers.get("transfer-encoding")
        if encoding is not None:
            if encoding.strip().lower() != "chunked":
                raise BadRequest(f"Unsupported Transfer-Encoding {encoding!r}; send chunked or Content-Length")
            return self._read_chunked()
        raw = self.headers.get("content-length")
        if raw is None:
            return b""
        raw = raw.strip()
        if not (raw.isascii() and raw.isdigit()):
            raise BadRequest(f"Content-Length must be a number of bytes, not {raw!r}")
        return self._read_exactly(int(raw))

    def _read_exactly(self, length: int) -> bytes:
        if length > MAX_BODY:
            raise PayloadTooLarge(f"request entity too large: {length} bytes, at most {MAX_BODY}")
        data = self.rfile.read(length) if length else b""
        if len(data) < length:
            raise _ClientGone
        return data

    def _read_chunked(self) -> bytes:
        chunks, total = [], 0
        while True:
            size_text = self._line().split(b";", 1)[0].strip()
            if not size_text or any(byte not in b"0123456789abcdefABCDEF" for byte in size_text):
                raise BadRequest("Malformed chunked body: a chunk size must be a hexadecimal number")
            size = int(size_text, 16)
            if size == 0:
                break
            total += size
            chunks.append(self._read_exactly(size if total <= MAX_BODY else MAX_BODY + 1))
            if self._line().strip():
                raise BadRequest("Malformed chunked body: a chunk must end with CRLF")
        while self._line().strip():  # trailer fields, ignored
            pass
        return b"".join(chunks)

    def _line(self) -> bytes:
        line = self.rfile.readline(_LINE + 1)
        if not line:
            raise _ClientGone
        if len(line) > _LINE:
            raise BadRequest("Malformed chunked body: line too long")
        return line

    def _send(self, response: httpx.Response) -> None:
        if self.request_version == "HTTP/0.9":  # a malformed request line: answer with a status line anyway
            self.request_version, self.close_connection = "HTTP/1.0", True
        self.send_response(response.status_code)
        headers = {"access-control-allow-origin": "*", **response.headers}  # Cal.com's CORS, on every answer
        for name, value in headers.items():
            if name.lower() not in _DROPPED:
                self.send_header(name, value)
        self.send_header("content-length", str(len(response.content)))
        if self.close_connection:
            self.send_header("connection", "close")
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(response.content)

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        """Protocol errors the standard library detects (bad request line, oversized headers): JSON too."""
        self.close_connection = True
        error = BadRequest(message or "Bad Request")
        error.status = code
        self._send(self.server.sandbox.error_response(error, getattr(self, "path", "")))

    def log_message(self, format: str, *args: Any) -> None:
        pass  # quiet: the sandbox is a development tool, not a web server to audit


def _target(path: str) -> str:
    """The path and query of a request target in origin form (``/v2/me``) or absolute form."""
    if path.startswith("/"):
        return path
    parts = urlsplit(path)
    if parts.scheme in ("http", "https") and parts.path.startswith("/"):
        return parts.path + (f"?{parts.query}" if parts.query else "")
    raise BadRequest(f"Invalid request target {path!r}")


def make_server(sandbox: Sandbox, port: int = 0) -> SandboxServer:
    """An HTTP server on 127.0.0.1 answering from ``sandbox`` (``port=0``: a free port)."""
    server = SandboxServer(("127.0.0.1", port), _Handler)
    server.sandbox = sandbox
    return server


def serve_in_thread(sandbox: Sandbox, port: int = 0) -> tuple[SandboxServer, threading.Thread]:
    """Start :func:`make_server` on a daemon thread; stop it with ``server.shutdown()``."""
    server = make_server(sandbox, port)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    return server, thread
