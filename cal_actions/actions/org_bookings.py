"""Bookings seen by an organization's administrators: the whole organization's, one team's, one user's,
and the calendar and video references of a team booking."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import Field, create_model

from cal_actions.action import Params, Route, declare
from cal_actions.actions._paths import OrgPath, OrgTeamPath, OrgUserPath
from cal_actions.actions.booking_details import ReferenceType
from cal_actions.actions.bookings import ListBookings

TAGS = ("orgs", "bookings")
ISO_UTC = "ISO 8601 UTC"


# Filters, sorting and paging of CAL_LIST_BOOKINGS, plus those the live document gives the organization lists.
class BookingFilters(ListBookings):
    bookingUid: str | None = None
    afterCreatedAt: str | None = Field(None, description=f"Created after; {ISO_UTC}")
    beforeCreatedAt: str | None = Field(None, description=f"Created before; {ISO_UTC}")
    afterUpdatedAt: str | None = Field(None, description=f"Updated after; {ISO_UTC}")
    beforeUpdatedAt: str | None = Field(None, description=f"Updated before; {ISO_UTC}")
    sortUpdatedAt: Literal["asc", "desc"] | None = None


class ListOrgBookings(BookingFilters, OrgPath):
    userIds: str | None = Field(None, description="Comma-separated ids from CAL_LIST_ORG_USERS, e.g. 7,8")


class ListOrgUserBookings(BookingFilters, OrgUserPath):
    pass


def _fields_of(model: type[Params], *names: str) -> dict[str, Any]:
    """``create_model`` definitions of some of ``model``'s fields, descriptions and types included."""
    return {name: (model.model_fields[name].annotation, model.model_fields[name]) for name in names}


# The team list takes fewer filters than the user's (no team, uid, created or updated filters) and caps take at 250.
ListOrgTeamBookings = create_model(
    "ListOrgTeamBookings",
    __base__=OrgTeamPath,
    **_fields_of(ListBookings, "status", "attendeeEmail", "attendeeName", "eventTypeIds", "eventTypeId",
                 "afterStart", "beforeEnd", "sortStart", "sortEnd", "sortCreated"),
    take=(int | None, Field(None, ge=1, le=250)),
    skip=(int | None, Field(None, ge=0)),
)  # fmt: skip


class ListOrgTeamBookingReferences(OrgTeamPath):
    bookingUid: str = Field(description="From CAL_LIST_ORG_TEAM_BOOKINGS")
    type: ReferenceType | None = Field(None, description="Only references of this kind")


# Live API: each route takes an API key or access token, or the OAuth client's headers; admins only.
CAL_LIST_ORG_BOOKINGS = declare(
    "CAL_LIST_ORG_BOOKINGS",
    description="Organization admins: list bookings across the organization's users and teams, filtered like "
    "CAL_LIST_BOOKINGS or by userIds. For your own bookings use CAL_LIST_BOOKINGS.",
    params=ListOrgBookings,
    route=Route("GET", "/v2/organizations/{orgId}/bookings", auth="bearer_or_platform"),
    tags=TAGS,
    examples=(
        {"orgId": 12, "status": ["upcoming"], "userIds": "118,124", "sortStart": "asc", "take": 50},
        {"orgId": 12, "attendeeEmail": "kenji.sato@example.jp", "afterStart": "2027-01-01T00:00:00Z"},
    ),
)

CAL_LIST_ORG_TEAM_BOOKINGS = declare(
    "CAL_LIST_ORG_TEAM_BOOKINGS",
    description="List the bookings of one organization team's event types (team or organization admins).",
    params=ListOrgTeamBookings,
    route=Route("GET", "/v2/organizations/{orgId}/teams/{teamId}/bookings", auth="bearer_or_platform"),
    tags=TAGS,
    examples=({"orgId": 12, "teamId": 31, "status": ["unconfirmed"], "eventTypeId": 88},),
)

CAL_LIST_ORG_TEAM_BOOKING_REFERENCES = declare(
    "CAL_LIST_ORG_TEAM_BOOKING_REFERENCES",
    description="List the calendar event and video meeting of an organization team booking (team or "
    "organization admins); eventUid feeds CAL_GET_CALENDAR_EVENT. For your own bookings use "
    "CAL_LIST_BOOKING_REFERENCES.",
    params=ListOrgTeamBookingReferences,
    route=Route(
        "GET", "/v2/organizations/{orgId}/teams/{teamId}/bookings/{bookingUid}/references", auth="bearer_or_platform"
    ),
    tags=TAGS,
    examples=({"orgId": 12, "teamId": 31, "bookingUid": "bk_5d07a9c3e1f2", "type": "zoom_video"},),
)

CAL_LIST_ORG_USER_BOOKINGS = declare(
    "CAL_LIST_ORG_USER_BOOKINGS",
    description="Organization admins: list one organization user's bookings, filtered like CAL_LIST_BOOKINGS.",
    params=ListOrgUserBookings,
    route=Route("GET", "/v2/organizations/{orgId}/users/{userId}/bookings", auth="bearer_or_platform"),
    tags=TAGS,
    examples=({"orgId": 12, "userId": 118, "status": ["past"], "sortStart": "desc", "take": 20},),
)


ACTIONS = [
    CAL_LIST_ORG_BOOKINGS,
    CAL_LIST_ORG_TEAM_BOOKINGS,
    CAL_LIST_ORG_TEAM_BOOKING_REFERENCES,
    CAL_LIST_ORG_USER_BOOKINGS,
]
