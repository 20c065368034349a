"""TODO module docstring."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import Field

from cal_actions.action import NoParams, Params, Route, declare




CAL_LIST_TIMEZONES = declare(
    "CAL_LIST_TIMEZONES",
    description="TODO (Get all timezones)",
    params=NoParams,
    route=Route("GET", "/v2/timezones"),
    tags=('timezones', 'legacy'),
    aliases=('CAL_GET_ALL_TIMEZONES',),
)


ACTIONS = [CAL_LIST_TIMEZONES]
