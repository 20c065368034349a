"""The emulator: state, clock, routes, authentication and Cal.com's envelopes."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path
from typing import Any
from urllib.parse import unquote

import httpx

from cal_actions.sandbox import auth, outbox, validation
from cal_actions.sandbox.clock import Clock
from cal_actions.sandbox.errors import ApiError, BadRequest
from cal_actions.sandbox.outbox import Pending
from cal_actions.sandbox.routing import NO_DATA, Call, Reply, Router
from cal_actions.sandbox.store import MemoryStore, SqliteStore, Store
from cal_actions.sandbox.times import iso_utc

SANDBOX_BASE_URL = "https://sandbox.cal.local"


class Sandbox:
    """A stateful, seeded Cal.com API v2 in this process.

    ``db`` keeps the state in a SQLite file (shared by processes); otherwise it lives in memory.
    ``now`` freezes the clock. ``deliver`` posts webhooks to loopback subscribers; deliveries
    to other hosts are only recorded.
    """

    def __init__(self, db: str | Path | None = None, *, now: datetime | None = None, deliver: bool = True) -> None:
        self.store: Store = SqliteStore(db) if db is not None else MemoryStore()
        self.clock = Clock(now)
        self.deliver = deliver
        self.router = Router(_route_tables())
        self._ensure_seeded()

    # -- state -------------------------------------------------------------------------------

    def _ensure_seeded(self) -> None:
        from cal_actions.sandbox.seed import seed

        with self.store.transaction() as tx:
            if tx.get("meta", "seed") is None:
                seed(tx, self.clock.now())
                tx.put("meta", "seed", {"seededAt": iso_utc(self.clock.now())})

    def reset(self) -> None:
        """Back to the seeded state."""
        self.store.clear()
        self._ensure_seeded()

    def outbox(self) -> list[dict[str, Any]]:
        """Webhook deliveries, oldest first."""
        with self.store.transaction() as tx:
            return sorted(tx.all(outbox.KIND), key=lambda item: item["id"])

    def read(self, kind: str, key: str | int | None = None) -> Any:
        """A stored document (or every document of a kind) — for tests and the CLI."""
        with self.store.transaction() as tx:
            return tx.all(kind) if key is None else tx.get(kind, key)

    def close(self) -> None:
        self.store.close()

    # -- requests ----------------------------------------------------------------------------

    def handle(self, request: httpx.Request) -> httpx.Response:
        raw_path = request.url.raw_path.decode("ascii").split("?", 1)[0]
        shown_path = request.url.raw_path.decode("ascii")
        try:
            status, payload, events, headers = self._dispatch(request, raw_path)
        except ApiError as error:
            return self.error_response(error, shown_path)
        if events:
            outbox.dispatch(self, events)
        return _json_response(status, payload, headers)

    def error_response(self, error: ApiError, path: str) -> httpx.Response:
        """Cal.com's error envelope for ``error`` on the request target ``path``."""
        return _json_response(error.status, _error_body(error, path, self.clock.now()))

    def _dispatch(
        self, request: httpx.Request, raw_path: str
    ) -> tuple[int, Any, list[Pending], dict[str, str]]:
        method = request.method.upper()
        endpoint, raw_params = self.router.match(method, raw_path, request.headers.get("cal-api-version"))
        params = {name: unquote(value) for name, value in raw_params.items()}
        body = _read_body(request) if method in ("POST", "PUT", "PATCH") else None
        with self.store.transaction() as tx:
            # Like Cal.com, credentials are checked before the body is validated.
            principal = auth.authenticate(tx, endpoint.auth, request.headers, self.clock.now())
            if endpoint.action is not None and body is not None:
                validation.check(endpoint.action, params, request.url.params, body)
            call = Call(self, tx, self.clock.now(), unquote(raw_path), params, request.url.params, body, principal)
            result = endpoint.handler(call)
            pending = outbox.record(call) if call.events else []
        reply = result if isinstance(result, Reply) else Reply(result)
        payload = {"status": "success", **({} if reply.data is NO_DATA else {"data": reply.data}), **reply.extra}
        return reply.status or endpoint.status, payload, pending, reply.headers


def _route_tables() -> list[Any]:
    from cal_actions.sandbox.resources import ROUTE_TABLES

    return ROUTE_TABLES


def _read_body(request: httpx.Request) -> Any:
    content = request.read()
    if not content.strip():
        return {}
    try:
        body = json.loads(content)
    except ValueError:
        raise BadRequest("Unexpected token in JSON body") from None
    if not isinstance(body, dict):  # every route takes an object; a bare null or list is refused up front
        raise BadRequest("The request body must be a JSON object")
    return body


def _error_body(error: ApiError, path: str, now: datetime) -> dict[str, Any]:
    detail: dict[str, Any] = {"message": error.message} if error.code is None else {
        "code": error.code, "message": error.message}
    if error.details is not None:
        detail["details"] = error.details
    return {"status": "error", "timestamp": iso_utc(now), "path": path, "error": detail}


def _json_response(status: int, payload: Any, headers: dict[str, str] | None = None) -> httpx.Response:
    return httpx.Response(
        status,
        content=json.dumps(payload).encode(),
        headers={"content-type": "application/json; charset=utf-8", **(headers or {})},
    )
