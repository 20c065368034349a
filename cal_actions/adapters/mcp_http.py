"""The MCP server over streamable HTTP, for a team: stateless, each call acting as its caller.

- **Stateless.** The SDK's session manager runs in stateless mode and answers with plain JSON:
  no session ids, no streams held open, nothing kept between requests (beyond a sandbox, when
  the process serves one). Identical processes behind any load balancer can each answer any
  request, with no session affinity.
- **One credential per request.** A tool call runs on ``cal.with_bearer(token)`` with the token of
  its request's ``Authorization: Bearer`` header: the caller's credential and no other (the
  connection pool is shared, credentials never are; nothing is cached across requests). A call
  without one is refused with an envelope naming the header, unless the operator allowed the
  server's own credential as the fallback.
- **Safe by default.** ``Host`` and ``Origin`` are checked against allow-lists (DNS-rebinding
  protection; loopback names are always allowed), bodies past a limit get 413, ``/healthz``
  answers load balancers, a GET on the endpoint gets 405 (no stream is ever held open), and
  SIGTERM/SIGINT let calls in flight finish (within a bound). The access log prints method, path,
  status and time: never headers or query strings.

The HTTP server is uvicorn and the transport the SDK's; this module only wires them together.
"""

from __future__ import annotations

import contextlib
import copy
import ipaddress
import logging
import re
import time
from collections.abc import AsyncIterator
from dataclasses import dataclass
from typing import Any

from mcp.server.lowlevel import Server
from mcp.server.streamable_http_manager import StreamableHTTPSessionManager
from mcp.server.transport_security import TransportSecuritySettings
from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from cal_actions.adapters.mcp import ClientFor
from cal_actions.http.client import AsyncCal, Cal
from cal_actions.result import ActionResult

__all__ = ["HttpSettings", "caller_client", "client_for", "http_app", "is_loopback", "security", "serve_http"]

logger = logging.getLogger("cal_actions")
access_logger = logging.getLogger("cal_actions.access")

HEALTH_PATH = "/healthz"
LOOPBACK_NAMES = ("127.0.0.1", "localhost", "[::1]")

NO_CREDENTIAL = (
    "no credential: this server acts with each caller's own Cal.com credential; send the HTTP header "
    "'Authorization: Bearer <your Cal.com API key or access token>'. Nothing was sent to Cal.com."
)
BAD_CREDENTIAL = (
    "unusable credential: send the HTTP header 'Authorization: Bearer <your Cal.com API key or access token>' "
    "(one token, no spaces). Nothing was sent to Cal.com."
)
#: RFC 6750's token syntax: Cal.com's API keys and access tokens all fit, and nothing else reaches a header.
_TOKEN = re.compile(r"[A-Za-z0-9\-._~+/]{1,4096}=*")
_HAS_PORT = re.compile(r":(\d+|\*)$")


@dataclass(frozen=True)
class HttpSettings:
    host: str = "127.0.0.1"
    port: int = 8000
    path: str = "/mcp"
    allowed_hosts: tuple[str, ...] = ()
    allowed_origins: tuple[str, ...] = ()
    max_body: int = 1024 * 1024  # tool arguments are small; the SDK's own default is 4 MiB
    shutdown_timeout: int = 30  # seconds
    log_level: str = "info"


# -- credentials --------------------------------------------------------------------------------


def caller_client(
    cal: Cal | AsyncCal, authorization: str | None, *, allow_server_key: bool
) -> Cal | AsyncCal | ActionResult:
    """The client one request's calls run on: ``cal`` acting as the request's bearer token, ``cal``
    itself when the request has none and the operator allowed that, else the refusal."""
    scheme, _, token = (authorization or "").strip().partition(" ")
    token = token.strip()
    if not scheme or (scheme.lower() == "bearer" and not token):  # "Bearer ${CAL_API_KEY}" with the variable unset
        return cal if allow_server_key else ActionResult.failure(NO_CREDENTIAL)
    if scheme.lower() != "bearer" or not _TOKEN.fullmatch(token):
        return ActionResult.failure(BAD_CREDENTIAL)  # the header's value is never repeated back
    return cal.with_bearer(token)


def client_for(cal: Cal | AsyncCal, *, allow_server_key: bool) -> ClientFor:
    """``build_server``'s ``client_for``: reads the header of the HTTP request a call came in."""

    def pick(request: Any) -> Cal | AsyncCal | ActionResult:
        headers = getattr(request, "headers", None)
        authorization = headers.get("authorization") if headers is not None else None
        return caller_client(cal, authorization, allow_server_key=allow_server_key)

    return pick


# -- the HTTP application -----------------------------------------------------------------------


def is_loopback(host: str) -> bool:
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return host == "localhost"


def security(allowed_hosts: tuple[str, ...], allowed_origins: tuple[str, ...]) -> TransportSecuritySettings:
    """DNS-rebinding protection: loopback names are always allowed, with the operator's on top. A host
    named without a port matches it with any port; origins match exactly (or ``…:*`` for any port)."""
    hosts = [form for name in (*LOOPBACK_NAMES, *allowed_hosts) for form in _host_forms(name)]
    origins = [f"http://{name}{port}" for name in LOOPBACK_NAMES for port in ("", ":*")]
    return TransportSecuritySettings(
        enable_dns_rebinding_protection=True,
        allowed_hosts=list(dict.fromkeys(hosts)),
        allowed_origins=list(dict.fromkeys([*origins, *(origin.rstrip("/") for origin in allowed_origins)])),
    )


def _host_forms(name: str) -> list[str]:
    return [name] if _HAS_PORT.search(name) else [name, f"{name}:*"]


class _Transport:
    """The SDK's transport as a route endpoint (an instance, so Starlette hands it the raw ASGI call)."""

    def __init__(self, manager: StreamableHTTPSessionManager) -> None:
        self.manager = manager

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        await self.manager.handle_request(scope, receive, send)


class AccessLog:
    """One line per request: client address, method, path, status, time. No headers, no query string."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started, status = time.perf_counter(), 0

        async def watched(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
            await send(message)

        try:
            await self.app(scope, receive, watched)
        finally:
            client = (scope.get("client") or ("-",))[0]
            elapsed = (time.perf_counter() - started) * 1000
            access_logger.info("%s %s %s %d %.1f ms", client, scope["method"], scope["path"], status, elapsed)


async def _health(request: Request) -> JSONResponse:
    return JSONResponse({"status": "ok"})


def http_app(server: Server, settings: HttpSettings) -> Starlette:
    manager = StreamableHTTPSessionManager(
        server,
        stateless=True,
        json_response=True,
        security_settings=security(settings.allowed_hosts, settings.allowed_origins),
        max_request_body_size=settings.max_body,
    )

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        async with manager.run():
            yield

    # POST only: a GET would open a stream a stateless server never writes to, holding a connection
    # (and shutdown) for nothing; the specification lets such a server answer 405.
    routes = [Route(HEALTH_PATH, _health, methods=["GET"]), Route(settings.path, _Transport(manager), methods=["POST"])]
    return Starlette(routes=routes, lifespan=lifespan, middleware=[Middleware(AccessLog)])


# -- serving ------------------------------------------------------------------------------------


def log_config(level: str) -> dict[str, Any]:
    """uvicorn's logging, with this package's lines (and the SDK's warnings) on the same handler."""
    from uvicorn.config import LOGGING_CONFIG

    config = copy.deepcopy(LOGGING_CONFIG)
    config["loggers"]["cal_actions"] = {"handlers": ["default"], "level": level.upper(), "propagate": False}
    sdk_level = "DEBUG" if level == "debug" else "WARNING"  # the SDK logs every request at INFO
    config["loggers"]["mcp"] = {"handlers": ["default"], "level": sdk_level, "propagate": False}
    return config


async def serve_http(server: Server, settings: HttpSettings) -> None:
    """Serve until SIGTERM or SIGINT; requests in flight then get up to ``shutdown_timeout`` seconds."""
    import uvicorn

    config = uvicorn.Config(
        http_app(server, settings),
        host=settings.host,
        port=settings.port,
        log_config=log_config(settings.log_level),
        log_level=settings.log_level,
        access_log=False,  # uvicorn's prints the query string; AccessLog does not
        server_header=False,
        timeout_graceful_shutdown=settings.shutdown_timeout,
    )
    logger.info("MCP endpoint %s, health %s; stateless", settings.path, HEALTH_PATH)
    await uvicorn.Server(config).serve()
