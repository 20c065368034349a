"""The API key itself: replacing it with a new one."""

from __future__ import annotations

from pydantic import Field

from cal_actions.action import Params, Route, declare


class RefreshApiKey(Params):
    apiKeyDaysValid: int | None = Field(None, ge=1, description="Days the new key lives; default 30")
    apiKeyNeverExpires: bool | None = Field(None, description="true: the new key never expires")


CAL_REFRESH_API_KEY = declare(
    "CAL_REFRESH_API_KEY",
    description="Replace the API key this client calls with (not an access token): returns a new key and "
    "deletes the old one at once, so every later call with the old key fails until the client is given the "
    "new one. Set apiKeyDaysValid or apiKeyNeverExpires, not both.",
    params=RefreshApiKey,
    route=Route("POST", "/v2/api-keys/refresh"),
    tags=("me", "api-keys"),
    destructive=True,
    hints_note="a POST that deletes the key it is called with; a repeat with that key fails as unauthorized",
    examples=({"apiKeyDaysValid": 90}, {"apiKeyNeverExpires": True}),
)


ACTIONS = [CAL_REFRESH_API_KEY]
