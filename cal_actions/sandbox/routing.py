"""Declarative routes: each resource module lists its handlers on a ``Routes`` table.

A handler is declared either by action name (method, path template, ``cal-api-version`` and
credentials then come from the action registry, so the sandbox serves exactly the routes the
toolkit calls) or by an explicit method and template. It receives a :class:`Call` and returns
the ``data`` of the success envelope, or a :class:`Reply` for a custom status or extra keys.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING, Any

import httpx

from cal_actions.sandbox import versions
from cal_actions.sandbox.errors import BadRequest, NotFound

if TYPE_CHECKING:
    from cal_actions.sandbox.app import Sandbox
    from cal_actions.sandbox.store import Tx

Handler = Callable[["Call"], Any]


@dataclass
class Principal:
    """Who is calling: a user (API key or access token) and/or an OAuth client."""

    user_id: int | None = None
    oauth_client_id: str | None = None
    #: The API key the caller authenticated with (None for access tokens and OAuth client headers).
    api_key: str | None = None


@dataclass
class Event:
    """A webhook trigger raised by a handler, delivered once the transaction commits."""

    trigger: str
    payload: dict[str, Any]
    user_id: int | None = None
    event_type_id: int | None = None


@dataclass
class Call:
    sandbox: Sandbox
    tx: Tx
    now: datetime
    path: str
    params: dict[str, str]
    query: httpx.QueryParams
    body: Any
    principal: Principal
    events: list[Event] = field(default_factory=list)

    @property
    def user_id(self) -> int:
        assert self.principal.user_id is not None, "bearer route without a user"
        return self.principal.user_id

    def int_param(self, name: str) -> int:
        return to_int(self.params[name], name)

    def emit(self, trigger: str, payload: dict[str, Any], *, user_id: int | None, event_type_id: int | None) -> None:
        self.events.append(Event(trigger, payload, user_id, event_type_id))


#: ``Reply(NO_DATA)``: a success envelope without ``data`` (Cal.com's answer to some deletes).
NO_DATA: Any = object()


@dataclass
class Reply:
    data: Any
    status: int | None = None
    extra: dict[str, Any] = field(default_factory=dict)
    #: Response headers, e.g. ``Location`` of the OAuth callbacks Cal.com answers with a redirect.
    headers: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Endpoint:
    method: str
    template: str
    handler: Handler
    version: str | None
    auth: str
    status: int
    action: str | None
    pattern: re.Pattern[str]

    @property
    def specificity(self) -> tuple[int, int]:
        """Literal segments beat placeholders: ``/schedules/default`` before ``/schedules/{id}``."""
        return (self.template.count("{"), -len(self.template))


def _compile(template: str) -> re.Pattern[str]:
    parts = re.split(r"({\w+})", template)
    regex = "".join(f"(?P<{part[1:-1]}>[^/]+)" if part.startswith("{") else re.escape(part) for part in parts)
    return re.compile(f"^{regex}/?$")


@dataclass
class _Pending:
    handler: Handler
    status: int
    action: str | None = None
    method: str | None = None
    template: str | None = None
    version: str | None = None
    auth: str = "bearer"


class Routes:
    """The handlers of one resource module."""

    def __init__(self) -> None:
        self._pending: list[_Pending] = []

    def action(self, *names: str, status: int = 200) -> Callable[[Handler], Handler]:
        """Serve the route of these registry actions (several actions may share one route)."""

        def register(handler: Handler) -> Handler:
            for name in names:
                self._pending.append(_Pending(handler, status, action=name))
            return handler

        return register

    def route(
        self, method: str, template: str, *, version: str | None = None, auth: str = "bearer", status: int = 200
    ) -> Callable[[Handler], Handler]:
        def register(handler: Handler) -> Handler:
            self._pending.append(
                _Pending(handler, status, method=method, template=template, version=version, auth=auth)
            )
            return handler

        return register

    def endpoints(self) -> list[Endpoint]:
        from cal_actions.actions import registry

        built = []
        for item in self._pending:
            if item.action is not None:
                route = registry.get(item.action).route
                method, template, version, auth = route.method, route.path, route.version, route.auth
            else:
                assert item.method and item.template
                method, template, version, auth = item.method, item.template, item.version, item.auth  # type: ignore[assignment]
            built.append(
                Endpoint(method, template, item.handler, version, auth, item.status, item.action, _compile(template))
            )
        return built


class Router:
    def __init__(self, tables: list[Routes]) -> None:
        endpoints: dict[tuple[str, str, str | None], Endpoint] = {}
        for table in tables:
            for endpoint in table.endpoints():
                # Two actions on one route (e.g. GET /v2/me) register the same endpoint twice.
                endpoints.setdefault((endpoint.method, endpoint.template, endpoint.version), endpoint)
        self.endpoints = sorted(endpoints.values(), key=lambda e: e.specificity)

    def match(self, method: str, path: str, header: str | None) -> tuple[Endpoint, dict[str, str]]:
        """The endpoint for this request; a versioned one only for the versions its controller answers."""
        version, other = versions.resolve(header), None
        for endpoint in self.endpoints:
            if endpoint.method != method:
                continue
            found = endpoint.pattern.match(path)
            if found is None:
                continue
            if endpoint.version is None or versions.answers(endpoint.version, version):
                return endpoint, found.groupdict()
            other = other or endpoint
        if other is not None and other.version is not None:
            raise versions.refusal(other.version, method, path, header)
        raise NotFound(f"Cannot {method} {path}")


def to_int(value: Any, name: str) -> int:
    if isinstance(value, bool):
        raise BadRequest(f"{name} must be an integer number")
    try:
        return int(value)
    except (TypeError, ValueError):
        raise BadRequest(f"Validation failed ({name} must be an integer number)") from None


def page(call: Call, items: list[Any]) -> list[Any]:
    """Cal.com's ``skip``/``take`` paging of a list route, 250 items by default."""
    return items[_count(call, "skip", 0) :][: _count(call, "take", 250)]


def paged(items: list[Any], query: httpx.QueryParams, *, default_take: int) -> tuple[list[Any], dict[str, Any]]:
    """One ``skip``/``take`` page of ``items`` and Cal.com's ``pagination`` block describing it."""
    take = to_int(query.get("take", default_take), "take")
    skip = to_int(query.get("skip", 0), "skip")
    if take < 1 or skip < 0:
        raise BadRequest("take must be at least 1 and skip at least 0")
    page = items[skip : skip + take]
    total = len(items)
    pagination = {
        "totalItems": total,
        "remainingItems": max(0, total - skip - len(page)),
        "returnedItems": len(page),
        "itemsPerPage": take,
        "currentPage": skip // take + 1,
        "totalPages": -(-total // take),
        "hasNextPage": skip + len(page) < total,
        "hasPreviousPage": skip > 0,
    }
    return page, pagination


def _count(call: Call, name: str, default: int) -> int:
    raw = call.query.get(name)
    if raw is None:
        return default
    if not raw.isdigit():
        raise BadRequest(f"{name} must be a positive integer")
    return int(raw)
