"""TODO module docstring."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import Field

from cal_actions.action import NoParams, Params, Route, declare




CAL_GET_ME = declare(
    "CAL_GET_ME",
    description="TODO (Get my profile)",
    params=NoParams,
    route=Route("GET", "/v2/me"),
    tags=('me',),
    aliases=('CAL_RETRIEVE_MY_INFORMATION',),
)




CAL_GET_MY_ORGANIZATION_ID = declare(
    "CAL_GET_MY_ORGANIZATION_ID",
    description="TODO (Get my profile)",
    params=NoParams,
    route=Route("GET", "/v2/me"),
    tags=('me', 'orgs'),
    aliases=('CAL_GET_ORGANIZATION_ID',),
)


class UpdateMe(Params):
    email: str = Field(None, description='SPEC: ')
    name: str = Field(None, description='SPEC: ')
    timeFormat: Literal[12, 24] = Field(None, description='SPEC: Must be 12 or 24')
    defaultScheduleId: int = Field(None, description='SPEC: ')
    weekStart: Literal["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"] = Field(None, description='SPEC: ')
    timeZone: str = Field(None, description='SPEC: ')
    locale: Literal["ar", "ca", "de", "es", "eu", "he", "id", "ja", "lv", "pl", "ro", "sr", "th", "vi", "az", "cs", "el", "es-419", "fi", "hr", "it", "km", "nl", "pt", "ru", "sv", "tr", "zh-CN", "bg", "da", "en", "et", "fr", "hu", "iw", "ko", "no", "pt-BR", "sk", "ta", "uk", "zh-TW"] = Field(None, description='SPEC: ')
    avatarUrl: str = Field(None, description="SPEC: URL of the user's avatar image")


CAL_UPDATE_ME = declare(
    "CAL_UPDATE_ME",
    description="TODO (Update my profile)",
    params=UpdateMe,
    route=Route("PATCH", "/v2/me"),
    tags=('me',),
    aliases=('CAL_UPDATE_USER_PROFILE_DETAILS',),
)


ACTIONS = [CAL_GET_ME, CAL_GET_MY_ORGANIZATION_ID, CAL_UPDATE_ME]
