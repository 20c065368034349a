"""Which controller Cal.com picks for a ``cal-api-version`` header, as its API v2 app decides it.

Cal.com reads the header and falls back to 2024-04-15 when it is absent or not one of its
versions. Bookings, event types, schedules and slots each have a current controller, the one the
toolkit calls and the sandbox emulates, and an older one with other request and response shapes
that the sandbox does not emulate (it refuses, naming the header). A version that neither answers
gets Cal.com's 404 ``Cannot METHOD path``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from cal_actions.action import BOOKINGS_VERSION, EVENT_TYPES_VERSION, SCHEDULES_VERSION, SLOTS_VERSION
from cal_actions.sandbox.errors import ApiError, BadRequest, NotFound

HEADER = "cal-api-version"
DEFAULT = "2024-04-15"
KNOWN = frozenset({"2024-04-15", "2024-06-11", "2024-06-14", "2024-08-13", "2024-09-04"})


@dataclass(frozen=True)
class Family:
    #: versions the current (emulated) controller answers
    current: frozenset[str]
    #: versions the older controller answers, and its routes as "METHOD /path" with {} for a parameter
    older: frozenset[str]
    older_routes: tuple[str, ...]

    def older_serves(self, method: str, path: str) -> bool:
        return any(re.fullmatch(_pattern(route), f"{method} {path.rstrip('/')}") for route in self.older_routes)


def _pattern(route: str) -> str:
    return re.escape(route).replace(r"\{\}", "[^/]+")


def _routes(prefix: str, *routes: str) -> tuple[str, ...]:
    return tuple(f"{method} {prefix}{tail}" for method, _, tail in (route.partition(" ") for route in routes))


_OLD = ("2024-04-15", "2024-06-11")
#: Keyed by the version each family's actions send; versions and routes as the controllers declare them.
FAMILIES = {
    BOOKINGS_VERSION: Family(
        frozenset({"2024-08-13"}),
        frozenset({*_OLD, "2024-06-14"}),
        _routes(
            "/v2/bookings",
            "GET ",
            "GET /{}",
            "GET /{}/reschedule",
            "POST ",
            "POST /{}/cancel",
            "POST /{}/mark-no-show",
            "POST /recurring",
            "POST /instant",
        ),
    ),
    EVENT_TYPES_VERSION: Family(
        frozenset({"2024-06-14"}),
        frozenset(_OLD),
        _routes(
            "/v2/event-types",
            "POST ",
            "GET ",
            "GET /{}",
            "GET /{}/{}/public",
            "GET /{}/public",
            "PATCH /{}",
            "DELETE /{}",
        ),
    ),
    SCHEDULES_VERSION: Family(
        frozenset({"2024-06-11", "2024-06-14"}),
        frozenset({"2024-04-15"}),
        _routes("/v2/schedules", "POST ", "GET ", "GET /default", "GET /{}", "PATCH /{}", "DELETE /{}"),
    ),
    SLOTS_VERSION: Family(
        frozenset({"2024-09-04"}),
        frozenset({*_OLD, "2024-06-14", "2024-08-13"}),
        _routes("/v2/slots", "POST /reserve", "DELETE /selected-slot", "GET /available"),
    ),
}


_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def is_newer(header: str | None) -> bool:
    """A dated version after every one this sandbox knows: one Cal.com introduced later, which a
    client may send (``api_versions``); the sandbox serves it with its current controllers."""
    return header is not None and bool(_DATE.match(header)) and header > max(KNOWN)


def resolve(header: str | None) -> str:
    """The version Cal.com routes by: the header when it names one of its versions, else the default."""
    return header if header is not None and (header in KNOWN or is_newer(header)) else DEFAULT


def answers(declared: str, version: str) -> bool:
    """Does the controller whose actions send ``declared`` answer a request routed as ``version``?"""
    family = FAMILIES.get(declared)
    if family is None:
        return version == declared
    return version in family.current or is_newer(version)


def refusal(declared: str, method: str, path: str, header: str | None) -> ApiError:
    """The answer to a request that only another version of the route's controller would serve."""
    family, version = FAMILIES.get(declared), resolve(header)
    sent = f"without a {HEADER} header" if header is None else f"with {HEADER}: {header}"
    fix = f"send the header {HEADER}: {declared}"
    if family is not None and version in family.older and family.older_serves(method, path):
        return BadRequest(
            f"{method} {path} {sent} reaches Cal.com's {DEFAULT} controller, whose request and response shapes "
            f"this sandbox does not emulate; {fix}"
        )
    # Cal.com has no controller for this version here: its 404, with the fix in the details.
    return NotFound(f"Cannot {method} {path}", details={"message": f"no controller answers {sent}; {fix}"})
