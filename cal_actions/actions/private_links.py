"""Private links of an event type: secret booking URLs that expire at a moment or after a number of bookings."""

from __future__ import annotations

from pydantic import Field

from cal_actions.action import Params, Route, declare
from cal_actions.actions._paths import EventTypePath
from cal_actions.actions.team_event_types import OrgTeamEventTypeId

TAGS = ("event-types", "private-links")
ORG_TAGS = ("event-types", "orgs", "teams", "private-links")


# Body of a new link and of a link update (class comment, not a docstring: it would land in the tool schemas).
# Cal.com keeps one kind per link: with expiresAt it is time-based, otherwise usage-based.
class PrivateLinkFields(Params):
    expiresAt: str | None = Field(
        None, description="Time-based: usable until then; ISO 8601 UTC"
    )
    maxUsageCount: int | None = Field(None, ge=1, description="Usage-based: uses allowed (default 1)")


class EventTypePrivateLinkPath(EventTypePath):
    linkId: str = Field(description="From CAL_LIST_EVENT_TYPE_PRIVATE_LINKS")


class OrgTeamEventTypePrivateLinkPath(OrgTeamEventTypeId):
    linkId: str = Field(description="From CAL_LIST_ORG_TEAM_EVENT_TYPE_PRIVATE_LINKS")


_KINDS = "Give expiresAt (time-based) or maxUsageCount (usage-based), not both; neither makes a one-use link."
_UPDATE = "Every update clears expiresAt unless it is sent again, making the link usage-based."


class CreateEventTypePrivateLink(PrivateLinkFields, EventTypePath):
    pass


CAL_CREATE_EVENT_TYPE_PRIVATE_LINK = declare(
    "CAL_CREATE_EVENT_TYPE_PRIVATE_LINK",
    description=f"Create a private link to one of your event types; returns its URL. {_KINDS}",
    params=CreateEventTypePrivateLink,
    route=Route("POST", "/v2/event-types/{eventTypeId}/private-links"),
    tags=TAGS,
    examples=({"eventTypeId": 42, "expiresAt": "2027-04-30T23:59:59Z"}, {"eventTypeId": 42, "maxUsageCount": 3}),
)


CAL_LIST_EVENT_TYPE_PRIVATE_LINKS = declare(
    "CAL_LIST_EVENT_TYPE_PRIVATE_LINKS",
    description="List the private links of one of your event types, with ids, URLs and whether each has expired.",
    params=EventTypePath,
    route=Route("GET", "/v2/event-types/{eventTypeId}/private-links"),
    tags=TAGS,
    examples=({"eventTypeId": 42},),
)


class UpdateEventTypePrivateLink(PrivateLinkFields, EventTypePrivateLinkPath):
    pass


CAL_UPDATE_EVENT_TYPE_PRIVATE_LINK = declare(
    "CAL_UPDATE_EVENT_TYPE_PRIVATE_LINK",
    description=f"Change the expiry or the usage limit of a private link to your event type. {_UPDATE}",
    params=UpdateEventTypePrivateLink,
    route=Route("PATCH", "/v2/event-types/{eventTypeId}/private-links/{linkId}"),
    tags=TAGS,
    examples=({"eventTypeId": 42, "linkId": "7d2e9f41b3ac5e08", "expiresAt": "2027-05-31T23:59:59Z"},),
)


CAL_DELETE_EVENT_TYPE_PRIVATE_LINK = declare(
    "CAL_DELETE_EVENT_TYPE_PRIVATE_LINK",
    description="Delete a private link to your event type; its URL stops working.",
    params=EventTypePrivateLinkPath,
    route=Route("DELETE", "/v2/event-types/{eventTypeId}/private-links/{linkId}"),
    tags=TAGS,
    examples=({"eventTypeId": 42, "linkId": "7d2e9f41b3ac5e08"},),
)


# --- organization team event types (team admins) -------------------------------------------


class CreateOrgTeamEventTypePrivateLink(PrivateLinkFields, OrgTeamEventTypeId):
    pass


_ORG_PATH = "/v2/organizations/{orgId}/teams/{teamId}/event-types/{eventTypeId}/private-links"

CAL_CREATE_ORG_TEAM_EVENT_TYPE_PRIVATE_LINK = declare(
    "CAL_CREATE_ORG_TEAM_EVENT_TYPE_PRIVATE_LINK",
    description="Create a private link to an organization team's event type (team admin). For your own "
    f"event types use CAL_CREATE_EVENT_TYPE_PRIVATE_LINK. {_KINDS}",
    params=CreateOrgTeamEventTypePrivateLink,
    route=Route("POST", _ORG_PATH, auth="bearer_or_platform"),
    tags=ORG_TAGS,
    examples=(
        {"orgId": 12, "teamId": 31, "eventTypeId": 88, "maxUsageCount": 1},
        {"orgId": 12, "teamId": 31, "eventTypeId": 88, "expiresAt": "2027-04-30T23:59:59Z"},
    ),
)


CAL_LIST_ORG_TEAM_EVENT_TYPE_PRIVATE_LINKS = declare(
    "CAL_LIST_ORG_TEAM_EVENT_TYPE_PRIVATE_LINKS",
    description="List the private links of an organization team's event type, with ids, URLs and expiry.",
    params=OrgTeamEventTypeId,
    route=Route("GET", _ORG_PATH, auth="bearer_or_platform"),
    tags=ORG_TAGS,
    examples=({"orgId": 12, "teamId": 31, "eventTypeId": 88},),
)


# Spec: the 2025-10 document gives this PATCH no body; the controller takes the same expiresAt and
# maxUsageCount as the personal route (Cal.com's UpdatePrivateLinkInput without linkId).
class UpdateOrgTeamEventTypePrivateLink(PrivateLinkFields, OrgTeamEventTypePrivateLinkPath):
    pass


CAL_UPDATE_ORG_TEAM_EVENT_TYPE_PRIVATE_LINK = declare(
    "CAL_UPDATE_ORG_TEAM_EVENT_TYPE_PRIVATE_LINK",
    description=f"Change the expiry or usage limit of an organization team event type's private link. {_UPDATE}",
    params=UpdateOrgTeamEventTypePrivateLink,
    route=Route("PATCH", _ORG_PATH + "/{linkId}", auth="bearer_or_platform"),
    tags=ORG_TAGS,
    examples=({"orgId": 12, "teamId": 31, "eventTypeId": 88, "linkId": "c41f8a02de7b9361", "maxUsageCount": 5},),
)


CAL_DELETE_ORG_TEAM_EVENT_TYPE_PRIVATE_LINK = declare(
    "CAL_DELETE_ORG_TEAM_EVENT_TYPE_PRIVATE_LINK",
    description="Delete a private link of an organization team's event type; its URL stops working.",
    params=OrgTeamEventTypePrivateLinkPath,
    route=Route("DELETE", _ORG_PATH + "/{linkId}", auth="bearer_or_platform"),
    tags=ORG_TAGS,
    examples=({"orgId": 12, "teamId": 31, "eventTypeId": 88, "linkId": "c41f8a02de7b9361"},),
)


ACTIONS = [
    CAL_CREATE_EVENT_TYPE_PRIVATE_LINK,
    CAL_LIST_EVENT_TYPE_PRIVATE_LINKS,
    CAL_UPDATE_EVENT_TYPE_PRIVATE_LINK,
    CAL_DELETE_EVENT_TYPE_PRIVATE_LINK,
    CAL_CREATE_ORG_TEAM_EVENT_TYPE_PRIVATE_LINK,
    CAL_LIST_ORG_TEAM_EVENT_TYPE_PRIVATE_LINKS,
    CAL_UPDATE_ORG_TEAM_EVENT_TYPE_PRIVATE_LINK,
    CAL_DELETE_ORG_TEAM_EVENT_TYPE_PRIVATE_LINK,
]
