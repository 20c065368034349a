"""``/v2/timezones`` (legacy): every IANA zone this Python knows, as city and zone pairs."""

from __future__ import annotations

import functools
import zoneinfo
from typing import Any

from cal_actions.sandbox.routing import Call, Routes

routes = Routes()


@functools.cache
def _zones() -> tuple[dict[str, Any], ...]:
    names = sorted(name for name in zoneinfo.available_timezones() if "/" in name and not name.startswith("Etc/"))
    return tuple({"city": name.rsplit("/", 1)[-1].replace("_", " "), "timezone": name} for name in names)


@routes.action("CAL_LIST_TIMEZONES")
def list_timezones(_call: Call) -> list[dict[str, Any]]:
    return list(_zones())
