"""The legacy time zone list."""

from __future__ import annotations

from cal_actions.action import NoParams, Route, declare

CAL_LIST_TIMEZONES = declare(
    "CAL_LIST_TIMEZONES",
    description="Retired route that may vanish: lists time zone names. For your own time zone use CAL_GET_ME; "
    "every timeZone field takes any IANA name.",
    params=NoParams,
    route=Route("GET", "/v2/timezones"),
    tags=("timezones", "legacy"),
    aliases=("CAL_GET_ALL_TIMEZONES",),
    examples=({},),
)


ACTIONS = [CAL_LIST_TIMEZONES]
