"""The legacy time zone list."""

from __future__ import annotations

from cal_actions.action import NoParams, Route, declare

CAL_LIST_TIMEZONES = declare(
    "CAL_LIST_TIMEZONES",
    description=(
        "Legacy: list the time zones Cal.com offers, with city names. The route was removed from the current "
        "API with no replacement; timeZone fields take any IANA name, e.g. Europe/Rome."
    ),
    params=NoParams,
    route=Route("GET", "/v2/timezones"),
    tags=("timezones", "legacy"),
    aliases=("CAL_GET_ALL_TIMEZONES",),
)


ACTIONS = [CAL_LIST_TIMEZONES]
