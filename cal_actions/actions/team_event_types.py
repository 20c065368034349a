"""Event types owned by teams and organization teams, and the AI phone calls started from them."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import BeforeValidator, Field

from cal_actions.action import SENSITIVE, Params, Route, all_optional, declare
from cal_actions.actions._paths import OrgTeamPath, TeamPath
from cal_actions.actions.event_type_settings import TeamLocation
from cal_actions.actions.event_types import EventTypeFields

TEAM_TAGS = ("event-types", "teams")
ORG_TEAM_TAGS = ("event-types", "orgs", "teams")
E164 = r"^\+[1-9]\d{1,14}$"


class Host(Params):
    userId: int = Field(description="A team member, from its memberships")
    mandatory: bool | None = Field(None, description="Round robin: joins every booking")
    priority: Literal["lowest", "low", "medium", "high", "highest"] | None = Field(
        None, description="Round robin; default medium"
    )


class TeamEventTypeBaseFields(EventTypeFields):
    """Event-type settings plus hosting: what team create and update share."""

    # Team event types take one more location kind than personal ones (each host's default app).
    locations: list[TeamLocation] | None = Field(  # type: ignore[assignment]
        None, min_length=1, description="Where it happens; default Cal Video"
    )
    hosts: list[Host] | None = Field(None, description="Members who take bookings; omit with assignAllTeamMembers")
    assignAllTeamMembers: bool | None = Field(None, description="All current and future members host")


def camel_case(value: Any) -> Any:
    """The server's enum spelling (COLLECTIVE…) as the document spells it; the server maps both alike."""
    return _SCHEDULING_TYPES.get(value, value) if isinstance(value, str) else value


_SCHEDULING_TYPES = {"COLLECTIVE": "collective", "ROUND_ROBIN": "roundRobin", "MANAGED": "managed"}


class TeamEventTypeFields(TeamEventTypeBaseFields):
    """Body of a team event type create, at team and organization-team scope."""

    # Server: create-event-type.input.ts maps collective/roundRobin/managed to COLLECTIVE/ROUND_ROBIN/MANAGED
    # before IsEnum(SchedulingType), so both spellings pass ("Collective" does not); the document's are sent,
    # and the upper-case ones are still taken from callers.
    schedulingType: Annotated[Literal["collective", "roundRobin", "managed"], BeforeValidator(camel_case)] = Field(
        description="collective: all hosts attend; roundRobin: one rotating host; managed: template copied to each host"
    )


# No schedulingType on update: the spec's update shape does not take it.
@all_optional
class TeamEventTypeUpdateFields(TeamEventTypeBaseFields):
    """The same fields, none required."""


class PhoneCallFields(Params):
    """Body of the Cal.ai phone call, at team and organization-team scope."""

    # Spec: the patterns are written as JavaScript literals (/^…$/); these are the regexes the API applies.
    yourPhoneNumber: str = Field(pattern=E164, description="E.164")
    numberToCall: str = Field(pattern=E164, description="E.164")
    calApiKey: Annotated[str, SENSITIVE] = Field(description="Secret: the API key the agent books with (cal_live_…)")
    # Spec: typed as an object with default true; the server refuses one ("enabled must be a boolean value",
    # create-phone-call.input.ts IsBoolean) and takes true or false.
    enabled: bool = Field(description="Normally true")
    templateType: Literal["CHECK_IN_APPOINTMENT", "CUSTOM_TEMPLATE"] = Field(
        description="CUSTOM_TEMPLATE follows generalPrompt"
    )
    schedulerName: str | None = Field(None, description="Scheduler name the agent gives")
    guestName: str | None = Field(None, description="Callee's name")
    guestEmail: str | None = Field(None, description="Callee's email")
    guestCompany: str | None = Field(None, description="Callee's company")
    beginMessage: str | None = Field(None, description="Agent's first sentence")
    generalPrompt: str | None = Field(None, description="Agent instructions (CUSTOM_TEMPLATE)")


class TeamEventTypeId(TeamPath):
    eventTypeId: int = Field(description="From CAL_LIST_TEAM_EVENT_TYPES")


class OrgTeamEventTypeId(OrgTeamPath):
    eventTypeId: int = Field(description="From CAL_LIST_ORG_TEAM_EVENT_TYPES")


class CreateTeamEventType(TeamEventTypeFields, TeamPath):
    pass


CAL_CREATE_TEAM_EVENT_TYPE = declare(
    "CAL_CREATE_TEAM_EVENT_TYPE",
    description="Create a standalone team's event type with hosts and scheduling type.",
    params=CreateTeamEventType,
    route=Route("POST", "/v2/teams/{teamId}/event-types"),
    tags=TEAM_TAGS,
    examples=(
        {"teamId": 7, "title": "Team sync", "slug": "team-sync", "lengthInMinutes": 30, "schedulingType": "collective",
         "hosts": [{"userId": 101}, {"userId": 118}]},
        {"teamId": 7, "title": "Sales demo", "slug": "sales-demo", "lengthInMinutes": 45,
         "schedulingType": "roundRobin", "assignAllTeamMembers": True,
         "locations": [{"type": "organizersDefaultApp"}]},
    ),
)  # fmt: skip


class ListTeamEventTypes(TeamPath):
    eventSlug: str | None = Field(None, description="Only this slug")
    hostsLimit: int | None = Field(None, ge=1, description="Return at most this many hosts")


CAL_LIST_TEAM_EVENT_TYPES = declare(
    "CAL_LIST_TEAM_EVENT_TYPES",
    description="List a standalone team's event types with ids and hosts.",
    params=ListTeamEventTypes,
    # Server: teams-event-types.controller.ts guards no listing (public event types); the document names no header.
    route=Route("GET", "/v2/teams/{teamId}/event-types", auth="none"),
    tags=TEAM_TAGS,
    aliases=("CAL_RETRIEVE_TEAM_EVENT_TYPES",),
    examples=({"teamId": 7}, {"teamId": 7, "eventSlug": "sales-demo"}),
)


CAL_GET_TEAM_EVENT_TYPE = declare(
    "CAL_GET_TEAM_EVENT_TYPE",
    description="Get one standalone team event type with hosts and settings.",
    params=TeamEventTypeId,
    route=Route("GET", "/v2/teams/{teamId}/event-types/{eventTypeId}"),
    tags=TEAM_TAGS,
    aliases=("CAL_GET_EVENT_TYPE_BY_TEAM_ID",),
    examples=({"teamId": 7, "eventTypeId": 64},),
)


class UpdateTeamEventType(TeamEventTypeUpdateFields, TeamEventTypeId):
    pass


CAL_UPDATE_TEAM_EVENT_TYPE = declare(
    "CAL_UPDATE_TEAM_EVENT_TYPE",
    description="Partially update a standalone team event type's settings or hosts.",
    params=UpdateTeamEventType,
    route=Route("PATCH", "/v2/teams/{teamId}/event-types/{eventTypeId}"),
    tags=TEAM_TAGS,
    examples=(
        {"teamId": 7, "eventTypeId": 64, "hosts": [{"userId": 101, "priority": "high"},
                                                   {"userId": 118, "mandatory": True}]},
        {"teamId": 7, "eventTypeId": 64, "lengthInMinutes": 60, "afterEventBuffer": 15,
         "bookingWindow": {"type": "range", "value": ["2027-04-01", "2027-04-30"]}},
    ),
)  # fmt: skip


CAL_DELETE_TEAM_EVENT_TYPE = declare(
    "CAL_DELETE_TEAM_EVENT_TYPE",
    description="Permanently delete a standalone team event type.",
    params=TeamEventTypeId,
    route=Route("DELETE", "/v2/teams/{teamId}/event-types/{eventTypeId}"),
    tags=TEAM_TAGS,
    aliases=("CAL_DELETE_EVENT_TYPE_IN_TEAM",),
    examples=({"teamId": 7, "eventTypeId": 64},),
)


class CreateTeamEventTypePhoneCall(PhoneCallFields, TeamEventTypeId):
    pass


# Spec: the operation also lists an orgId path parameter that its path does not contain; left out.
CAL_CREATE_TEAM_EVENT_TYPE_PHONE_CALL = declare(
    "CAL_CREATE_TEAM_EVENT_TYPE_PHONE_CALL",
    description="Have the Cal.ai agent phone someone now about a standalone team's event type.",
    params=CreateTeamEventTypePhoneCall,
    route=Route("POST", "/v2/teams/{teamId}/event-types/{eventTypeId}/create-phone-call"),
    tags=TEAM_TAGS,
    aliases=("CAL_CREATE_PHONE_CALL_EVENT",),
    examples=(
        {"teamId": 7, "eventTypeId": 64, "yourPhoneNumber": "+14155550123", "numberToCall": "+14155550199",
         "calApiKey": "cal_live_0123456789abcdef", "enabled": True, "templateType": "CHECK_IN_APPOINTMENT",
         "schedulerName": "Dana", "guestName": "Ravi Patel", "guestEmail": "ravi@northwind.io"},
    ),
)  # fmt: skip


class CreateOrgTeamEventType(TeamEventTypeFields, OrgTeamPath):
    pass


CAL_CREATE_ORG_TEAM_EVENT_TYPE = declare(
    "CAL_CREATE_ORG_TEAM_EVENT_TYPE",
    description="Create an organization team's event type with hosts and scheduling type.",
    params=CreateOrgTeamEventType,
    route=Route("POST", "/v2/organizations/{orgId}/teams/{teamId}/event-types", auth="bearer_or_platform"),
    tags=ORG_TEAM_TAGS,
    aliases=("CAL_CREATE_TEAM_EVENT_TYPES_WITH_CUSTOM_OPTIONS",),
    examples=(
        {"orgId": 12, "teamId": 31, "title": "Support call", "slug": "support-call", "lengthInMinutes": 20,
         "schedulingType": "roundRobin", "assignAllTeamMembers": True},
        {"orgId": 12, "teamId": 31, "title": "Onboarding", "slug": "onboarding", "lengthInMinutes": 60,
         "schedulingType": "managed", "hosts": [{"userId": 118}, {"userId": 124}],
         "locations": [{"type": "integration", "integration": "google-meet"}]},
    ),
)  # fmt: skip


class ListOrgTeamEventTypes(OrgTeamPath):
    eventSlug: str | None = Field(None, description="Only this slug")
    hostsLimit: int | None = Field(None, ge=1, description="Return at most this many hosts")


CAL_LIST_ORG_TEAM_EVENT_TYPES = declare(
    "CAL_LIST_ORG_TEAM_EVENT_TYPES",
    description="List one organization team's event types with ids.",
    params=ListOrgTeamEventTypes,
    route=Route("GET", "/v2/organizations/{orgId}/teams/{teamId}/event-types", auth="bearer_or_platform"),
    tags=ORG_TEAM_TAGS,
    aliases=("CAL_LIST_TEAM_EVENT_TYPES_BY_ORG_AND_TEAM_ID",),
    examples=({"orgId": 12, "teamId": 31},),
)


CAL_GET_ORG_TEAM_EVENT_TYPE = declare(
    "CAL_GET_ORG_TEAM_EVENT_TYPE",
    description="Get one organization team event type with hosts and settings.",
    params=OrgTeamEventTypeId,
    route=Route("GET", "/v2/organizations/{orgId}/teams/{teamId}/event-types/{eventTypeId}", auth="bearer_or_platform"),
    tags=ORG_TEAM_TAGS,
    aliases=("CAL_FETCH_EVENT_TYPE_DETAILS",),
    examples=({"orgId": 12, "teamId": 31, "eventTypeId": 88},),
)


class UpdateOrgTeamEventType(TeamEventTypeUpdateFields, OrgTeamEventTypeId):
    pass


CAL_UPDATE_ORG_TEAM_EVENT_TYPE = declare(
    "CAL_UPDATE_ORG_TEAM_EVENT_TYPE",
    description="Partially update an organization team event type's settings or hosts.",
    params=UpdateOrgTeamEventType,
    route=Route(
        "PATCH", "/v2/organizations/{orgId}/teams/{teamId}/event-types/{eventTypeId}", auth="bearer_or_platform"
    ),
    tags=ORG_TEAM_TAGS,
    examples=(
        {"orgId": 12, "teamId": 31, "eventTypeId": 88, "title": "Priority support", "minimumBookingNotice": 60,
         "locations": [{"type": "link", "link": "https://meet.acme.com/support", "public": True}]},
    ),
)  # fmt: skip


CAL_DELETE_ORG_TEAM_EVENT_TYPE = declare(
    "CAL_DELETE_ORG_TEAM_EVENT_TYPE",
    description="Permanently delete an organization team event type.",
    params=OrgTeamEventTypeId,
    route=Route(
        "DELETE", "/v2/organizations/{orgId}/teams/{teamId}/event-types/{eventTypeId}", auth="bearer_or_platform"
    ),
    tags=ORG_TEAM_TAGS,
    examples=({"orgId": 12, "teamId": 31, "eventTypeId": 88},),
)


class CreateOrgTeamEventTypePhoneCall(PhoneCallFields, OrgTeamEventTypeId):
    pass


CAL_CREATE_ORG_TEAM_EVENT_TYPE_PHONE_CALL = declare(
    "CAL_CREATE_ORG_TEAM_EVENT_TYPE_PHONE_CALL",
    description="Have the Cal.ai agent phone someone now about an organization team's event type.",
    params=CreateOrgTeamEventTypePhoneCall,
    route=Route(
        "POST",
        "/v2/organizations/{orgId}/teams/{teamId}/event-types/{eventTypeId}/create-phone-call",
        auth="bearer_or_platform",
    ),
    tags=ORG_TEAM_TAGS,
    aliases=("CAL_CREATE_PHONE_CALL_FOR_EVENT_TYPE",),
    examples=(
        {"orgId": 12, "teamId": 31, "eventTypeId": 88, "yourPhoneNumber": "+442071838750",
         "numberToCall": "+447700900123", "calApiKey": "cal_live_0123456789abcdef", "enabled": True,
         "templateType": "CUSTOM_TEMPLATE", "guestName": "Priya Shah",
         "generalPrompt": "Offer Priya a support call this week and book the slot she picks."},
    ),
)  # fmt: skip


class ListOrgTeamsEventTypes(Params):
    orgId: int = Field(description="From CAL_GET_MY_ORGANIZATION_ID")
    take: int | None = None
    skip: int | None = None


CAL_LIST_ORG_TEAMS_EVENT_TYPES = declare(
    "CAL_LIST_ORG_TEAMS_EVENT_TYPES",
    description="List the event types of every team in an organization.",
    params=ListOrgTeamsEventTypes,
    route=Route("GET", "/v2/organizations/{orgId}/teams/event-types", auth="bearer_or_platform"),
    tags=ORG_TEAM_TAGS,
    aliases=("CAL_GET_ORGANIZATION_TEAMS_EVENT_TYPES",),
    examples=({"orgId": 12}, {"orgId": 12, "take": 20, "skip": 20}),
)


ACTIONS = [
    CAL_CREATE_TEAM_EVENT_TYPE,
    CAL_LIST_TEAM_EVENT_TYPES,
    CAL_GET_TEAM_EVENT_TYPE,
    CAL_UPDATE_TEAM_EVENT_TYPE,
    CAL_DELETE_TEAM_EVENT_TYPE,
    CAL_CREATE_TEAM_EVENT_TYPE_PHONE_CALL,
    CAL_CREATE_ORG_TEAM_EVENT_TYPE,
    CAL_LIST_ORG_TEAM_EVENT_TYPES,
    CAL_GET_ORG_TEAM_EVENT_TYPE,
    CAL_UPDATE_ORG_TEAM_EVENT_TYPE,
    CAL_DELETE_ORG_TEAM_EVENT_TYPE,
    CAL_CREATE_ORG_TEAM_EVENT_TYPE_PHONE_CALL,
    CAL_LIST_ORG_TEAMS_EVENT_TYPES,
]
