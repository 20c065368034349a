"""The legacy time zone list."""

from __future__ import annotations

from cal_actions.action import NoParams, Route, declare

CAL_LIST_TIMEZONES = declare(
    "CAL_LIST_TIMEZONES",
    description=("Legacy, route removed: list time zones. timeZone fields take any IANA name."),
    params=NoParams,
    route=Route("GET", "/v2/timezones"),
    tags=("timezones", "legacy"),
    aliases=("CAL_GET_ALL_TIMEZONES",),
)


ACTIONS = [CAL_LIST_TIMEZONES]
