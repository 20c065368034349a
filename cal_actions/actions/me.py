"""The authenticated user's own profile, and the profile fields shared with managed users."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from cal_actions.action import NoParams, Params, Route, declare
from cal_actions.actions._fields import Language, Metadata

Weekday = Literal["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


# Optional profile settings of PATCH /v2/me and the managed-user create and update (comments,
# not docstrings: a docstring would land in the tool schema of CAL_UPDATE_ME).
class ProfileFields(Params):
    timeFormat: Literal[12, 24] | None = None
    weekStart: Weekday | None = None
    timeZone: str | None = Field(None, description="IANA zone")
    locale: Language | None = Field(None, description="Language")
    avatarUrl: str | None = Field(None, description="Image URL")
    # Live API: bio and metadata (2025-10 spec; update-managed-user.input.ts has them too).
    bio: str | None = Field(None, description="Shown on the profile")
    metadata: Metadata | None = Field(None, description="Own key-value data")


# The update shape (spec UpdateManagedUserInput), shared by PATCH /v2/me and the managed-user update.
class ProfileUpdateFields(ProfileFields):
    email: str | None = None
    name: str | None = None
    defaultScheduleId: int | None = Field(None, description="From CAL_LIST_SCHEDULES")


CAL_GET_ME = declare(
    "CAL_GET_ME",
    description="Get your profile: id, username, email, time zone, default schedule, organizationId.",
    params=NoParams,
    route=Route("GET", "/v2/me"),
    tags=("me",),
    aliases=("CAL_RETRIEVE_MY_INFORMATION",),
    examples=({},),
)


# No route of its own: the organization id is part of the GET /v2/me profile.
CAL_GET_MY_ORGANIZATION_ID = declare(
    "CAL_GET_MY_ORGANIZATION_ID",
    description="Find your organization id (orgId), from the profile's organizationId; null without one.",
    params=NoParams,
    route=Route("GET", "/v2/me"),
    tags=("me", "orgs"),
    aliases=("CAL_GET_ORGANIZATION_ID",),
    examples=({},),
)


CAL_UPDATE_ME = declare(
    "CAL_UPDATE_ME",
    description="Partially update your own profile: name, email, bio, time zone, locale, default schedule, metadata. "
    "For managed users use CAL_UPDATE_MANAGED_USER.",
    params=ProfileUpdateFields,
    route=Route("PATCH", "/v2/me"),
    tags=("me",),
    aliases=("CAL_UPDATE_USER_PROFILE_DETAILS",),
    examples=(
        {"timeZone": "Europe/Lisbon", "weekStart": "Monday", "timeFormat": 24},
        {"name": "Dana Lee", "bio": "Product designer at Acme", "defaultScheduleId": 311, "locale": "pt-BR"},
    ),
)


ACTIONS = [CAL_GET_ME, CAL_GET_MY_ORGANIZATION_ID, CAL_UPDATE_ME]
