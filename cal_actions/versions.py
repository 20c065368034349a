"""``cal-api-version`` of Cal.com's versioned controllers, and the overrides a client may set.

Each versioned controller answers its own dated version (any other value gets a 404 or an older
behaviour). Cal.com introduces newer dates without notice while keeping these working, so a client
may send another date per controller: ``Cal(api_versions={"bookings": "2026-02-25"})`` or
``CAL_API_VERSIONS="bookings=2026-02-25,slots=2024-09-04"``.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

BOOKINGS_VERSION = "2024-08-13"
EVENT_TYPES_VERSION = "2024-06-14"
SCHEDULES_VERSION = "2024-06-11"
SLOTS_VERSION = "2024-09-04"

#: Controller name → the version sent unless overridden.
DEFAULT_VERSIONS: dict[str, str] = {
    "bookings": BOOKINGS_VERSION,
    "event-types": EVENT_TYPES_VERSION,
    "schedules": SCHEDULES_VERSION,
    "slots": SLOTS_VERSION,
}
_CONTROLLER_OF = {version: controller for controller, version in DEFAULT_VERSIONS.items()}
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


Overrides = Mapping[str, str] | str | tuple[tuple[str, str], ...] | None


def checked_overrides(overrides: Overrides) -> tuple[tuple[str, str], ...]:
    """Validated ``(controller, version)`` pairs from a mapping, pairs or the ``a=b,c=d`` form of the variable."""
    if not overrides:
        return ()
    if isinstance(overrides, tuple):
        overrides = dict(overrides)
    if isinstance(overrides, str):
        pairs = [item.partition("=")[::2] for item in overrides.split(",") if item.strip()]
        overrides = {name.strip(): value.strip() for name, value in pairs}
    if not isinstance(overrides, Mapping):
        raise TypeError(f"api_versions must be a mapping such as {{'bookings': '2026-02-25'}}, not {overrides!r}")
    for controller, version in overrides.items():
        if controller not in DEFAULT_VERSIONS:
            known = ", ".join(DEFAULT_VERSIONS)
            raise ValueError(f"api_versions: unknown controller {controller!r}; the versioned ones are {known}")
        if not isinstance(version, str) or not _DATE.match(version):
            raise ValueError(f"api_versions[{controller!r}] must be a date such as '2026-02-25', not {version!r}")
    return tuple(sorted(overrides.items()))


def version_to_send(declared: str, overrides: tuple[tuple[str, str], ...]) -> str:
    """The ``cal-api-version`` for a route declared with ``declared``, after the client's overrides."""
    controller = _CONTROLLER_OF.get(declared)
    for name, version in overrides:
        if name == controller:
            return version
    return declared
