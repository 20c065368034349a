"""Availability schedules: the user's own, an organization user's, and those of a team's or an organization
team's members."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from cal_actions.action import SCHEDULES_VERSION, NoParams, Params, Route, all_optional, declare
from cal_actions.actions._paths import OrgPath, OrgTeamPath, OrgUserPath, Page, TeamPath

Weekday = Literal["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]

# Spec: the time patterns are the placeholder "TIME_FORMAT_HH_MM", which no real value matches, and
# `date` has no pattern at all; the API takes 24-hour "HH:MM" times and "YYYY-MM-DD" dates.
HH_MM = r"^([01]\d|2[0-3]):[0-5]\d$"
YYYY_MM_DD = r"^\d{4}-\d{2}-\d{2}$"


class ScheduleAvailability(Params):
    # Weekly hours on the given days.

    days: list[Weekday]
    startTime: str = Field(pattern=HH_MM, description="HH:MM")
    endTime: str = Field(pattern=HH_MM, description="HH:MM")


class ScheduleOverride(Params):
    # One date's hours, replacing the weekly ones.

    date: str = Field(pattern=YYYY_MM_DD, description="YYYY-MM-DD")
    startTime: str = Field(pattern=HH_MM, description="HH:MM")
    endTime: str = Field(pattern=HH_MM, description="HH:MM")


class ScheduleFields(Params):
    """Body of a schedule create (personal and organization user); the update body is the same, all optional."""

    name: str = Field(description="e.g. Working hours")
    timeZone: str = Field(description="IANA zone of the times")
    availability: list[ScheduleAvailability] | None = Field(
        None,
        description="Weekly hours; replaces the stored list. Create default Mon-Fri 09:00-17:00",
    )
    isDefault: bool = Field(description="Make it the default, used by event types without one")
    overrides: list[ScheduleOverride] | None = Field(None, description="Per-date hours; replaces the stored list")


@all_optional
class ScheduleUpdateFields(ScheduleFields):
    """The same fields, none required."""


class ScheduleId(Params):
    scheduleId: int = Field(description="From CAL_LIST_SCHEDULES")


class OrgUserSchedule(OrgUserPath):
    scheduleId: int = Field(description="From CAL_LIST_ORG_USER_SCHEDULES")


class CreateSchedule(ScheduleFields):
    pass


CAL_CREATE_SCHEDULE = declare(
    "CAL_CREATE_SCHEDULE",
    description=("Create one of your availability schedules (weekly hours, date overrides)."),
    params=CreateSchedule,
    route=Route("POST", "/v2/schedules", version=SCHEDULES_VERSION),
    tags=("schedules",),
    aliases=("CAL_CREATE_USER_AVAILABILITY_SCHEDULE",),
    examples=(
        {"name": "Working hours", "timeZone": "Europe/Berlin", "isDefault": True,
         "availability": [{"days": ["Monday", "Tuesday", "Wednesday", "Thursday"], "startTime": "09:00",
                           "endTime": "17:00"},
                          {"days": ["Friday"], "startTime": "09:00", "endTime": "13:00"}],
         "overrides": [{"date": "2027-03-19", "startTime": "12:00", "endTime": "16:00"}]},
    ),
)  # fmt: skip

CAL_LIST_SCHEDULES = declare(
    "CAL_LIST_SCHEDULES",
    description=("List your own availability schedules."),
    params=NoParams,
    route=Route("GET", "/v2/schedules", version=SCHEDULES_VERSION),
    tags=("schedules",),
    aliases=("CAL_RETRIEVE_SCHEDULES_LIST",),
    examples=({},),
)

CAL_GET_DEFAULT_SCHEDULE = declare(
    "CAL_GET_DEFAULT_SCHEDULE",
    description=("Get your default schedule, used by event types without their own."),
    params=NoParams,
    route=Route("GET", "/v2/schedules/default", version=SCHEDULES_VERSION),
    tags=("schedules",),
    aliases=("CAL_GET_DEFAULT_SCHEDULE_DETAILS",),
    examples=({},),
)


CAL_GET_SCHEDULE = declare(
    "CAL_GET_SCHEDULE",
    description=("Get one of your schedules: time zone, weekly hours, overrides."),
    params=ScheduleId,
    route=Route("GET", "/v2/schedules/{scheduleId}", version=SCHEDULES_VERSION),
    tags=("schedules",),
    aliases=("CAL_FETCH_SCHEDULE_BY_ID",),
    examples=({"scheduleId": 311},),
)


# Spec: types this `scheduleId` as a string (an integer on GET and DELETE); it is the same numeric id.
class UpdateSchedule(ScheduleUpdateFields, ScheduleId):
    pass


CAL_UPDATE_SCHEDULE = declare(
    "CAL_UPDATE_SCHEDULE",
    description=("Partially update one of your schedules."),
    params=UpdateSchedule,
    route=Route("PATCH", "/v2/schedules/{scheduleId}", version=SCHEDULES_VERSION),
    tags=("schedules",),
    aliases=("CAL_UPDATE_SCHEDULE_BY_ID",),
    examples=(
        {"scheduleId": 311, "availability": [{"days": ["Monday", "Wednesday"], "startTime": "08:30",
                                              "endTime": "16:30"}]},
        {"scheduleId": 311, "name": "Summer hours", "timeZone": "America/Chicago", "isDefault": True},
    ),
)  # fmt: skip


CAL_DELETE_SCHEDULE = declare(
    "CAL_DELETE_SCHEDULE",
    description="Permanently delete one of your schedules.",
    params=ScheduleId,
    route=Route("DELETE", "/v2/schedules/{scheduleId}", version=SCHEDULES_VERSION),
    tags=("schedules",),
    aliases=("CAL_DELETE_SCHEDULE_BY_ID",),
    examples=({"scheduleId": 311},),
)


class ListOrgSchedules(OrgPath):
    take: int | None = None
    skip: int | None = None


CAL_LIST_ORG_SCHEDULES = declare(
    "CAL_LIST_ORG_SCHEDULES",
    description=("List the schedules of every user in an organization (admin)."),
    params=ListOrgSchedules,
    route=Route("GET", "/v2/organizations/{orgId}/schedules", auth="bearer_or_platform"),
    tags=("schedules", "orgs"),
    aliases=("CAL_GET_ORGANIZATION_SCHEDULES",),
    examples=({"orgId": 12, "take": 50},),
)


class CreateOrgUserSchedule(ScheduleFields, OrgUserPath):
    pass


CAL_CREATE_ORG_USER_SCHEDULE = declare(
    "CAL_CREATE_ORG_USER_SCHEDULE",
    description=("Create a schedule for an organization user (admin)."),
    params=CreateOrgUserSchedule,
    route=Route("POST", "/v2/organizations/{orgId}/users/{userId}/schedules", auth="bearer_or_platform"),
    tags=("schedules", "orgs"),
    aliases=("CAL_CREATE_USER_SCHEDULE_IN_ORGANIZATION",),
    examples=(
        {"orgId": 12, "userId": 118, "name": "Support shift", "timeZone": "America/New_York", "isDefault": False,
         "availability": [{"days": ["Saturday", "Sunday"], "startTime": "10:00", "endTime": "18:00"}]},
    ),
)  # fmt: skip


CAL_LIST_ORG_USER_SCHEDULES = declare(
    "CAL_LIST_ORG_USER_SCHEDULES",
    description="List all schedules of one organization user (admin).",
    params=OrgUserPath,
    route=Route("GET", "/v2/organizations/{orgId}/users/{userId}/schedules", auth="bearer_or_platform"),
    tags=("schedules", "orgs"),
    aliases=("CAL_GET_ORGANIZATION_USER_SCHEDULES",),
    examples=({"orgId": 12, "userId": 118},),
)


CAL_GET_ORG_USER_SCHEDULE = declare(
    "CAL_GET_ORG_USER_SCHEDULE",
    description="Get one schedule of an organization user (admin).",
    params=OrgUserSchedule,
    route=Route("GET", "/v2/organizations/{orgId}/users/{userId}/schedules/{scheduleId}", auth="bearer_or_platform"),
    tags=("schedules", "orgs"),
    aliases=("CAL_FETCH_USER_SCHEDULE_BY_ORG_ID",),
    examples=({"orgId": 12, "userId": 118, "scheduleId": 402},),
)


class UpdateOrgUserSchedule(ScheduleUpdateFields, OrgUserSchedule):
    pass


CAL_UPDATE_ORG_USER_SCHEDULE = declare(
    "CAL_UPDATE_ORG_USER_SCHEDULE",
    description=("Partially update an organization user's schedule (admin)."),
    params=UpdateOrgUserSchedule,
    route=Route("PATCH", "/v2/organizations/{orgId}/users/{userId}/schedules/{scheduleId}", auth="bearer_or_platform"),
    tags=("schedules", "orgs"),
    aliases=("CAL_UPDATE_USER_SCHEDULE_IN_ORGANIZATION",),
    examples=(
        {"orgId": 12, "userId": 118, "scheduleId": 402,
         "overrides": [{"date": "2027-12-24", "startTime": "09:00", "endTime": "12:00"}]},
    ),
)  # fmt: skip


CAL_DELETE_ORG_USER_SCHEDULE = declare(
    "CAL_DELETE_ORG_USER_SCHEDULE",
    description="Permanently delete an organization user's schedule (admin).",
    params=OrgUserSchedule,
    route=Route("DELETE", "/v2/organizations/{orgId}/users/{userId}/schedules/{scheduleId}", auth="bearer_or_platform"),
    tags=("schedules", "orgs"),
    aliases=("CAL_DELETE_USER_SCHEDULE",),
    examples=({"orgId": 12, "userId": 118, "scheduleId": 402},),
)


class ListOrgTeamUserSchedules(OrgPath):
    teamId: int = Field(description="From CAL_LIST_ORG_TEAMS")
    userId: int = Field(description="From CAL_LIST_ORG_TEAM_MEMBERSHIPS")


CAL_LIST_ORG_TEAM_USER_SCHEDULES = declare(
    "CAL_LIST_ORG_TEAM_USER_SCHEDULES",
    description=("List the schedules of one member of an organization team."),
    params=ListOrgTeamUserSchedules,
    route=Route("GET", "/v2/organizations/{orgId}/teams/{teamId}/users/{userId}/schedules", auth="bearer_or_platform"),
    tags=("schedules", "orgs", "teams"),
    aliases=("CAL_GET_SCHEDULE_FOR_USER_IN_TEAM",),
    examples=({"orgId": 12, "teamId": 31, "userId": 118},),
)


class ListTeamSchedules(Page, TeamPath):
    pass


CAL_LIST_TEAM_SCHEDULES = declare(
    "CAL_LIST_TEAM_SCHEDULES",
    description="List all schedules of everyone in a team outside an organization at once (team admin). For an "
    "organization team use CAL_LIST_ORG_TEAM_SCHEDULES.",
    params=ListTeamSchedules,
    route=Route("GET", "/v2/teams/{teamId}/schedules"),
    tags=("schedules", "teams"),
    examples=({"teamId": 7},),
)


class ListOrgTeamSchedules(Page, OrgTeamPath):
    pass


CAL_LIST_ORG_TEAM_SCHEDULES = declare(
    "CAL_LIST_ORG_TEAM_SCHEDULES",
    description="List all schedules of everyone in an organization team at once (team admin). For one person's "
    "use CAL_LIST_ORG_TEAM_USER_SCHEDULES.",
    params=ListOrgTeamSchedules,
    route=Route("GET", "/v2/organizations/{orgId}/teams/{teamId}/schedules", auth="bearer_or_platform"),
    tags=("schedules", "orgs", "teams"),
    examples=({"orgId": 12, "teamId": 31, "take": 25},),
)


ACTIONS = [
    CAL_CREATE_SCHEDULE,
    CAL_LIST_SCHEDULES,
    CAL_GET_DEFAULT_SCHEDULE,
    CAL_GET_SCHEDULE,
    CAL_UPDATE_SCHEDULE,
    CAL_DELETE_SCHEDULE,
    CAL_LIST_ORG_SCHEDULES,
    CAL_CREATE_ORG_USER_SCHEDULE,
    CAL_LIST_ORG_USER_SCHEDULES,
    CAL_GET_ORG_USER_SCHEDULE,
    CAL_UPDATE_ORG_USER_SCHEDULE,
    CAL_DELETE_ORG_USER_SCHEDULE,
    CAL_LIST_ORG_TEAM_USER_SCHEDULES,
    CAL_LIST_TEAM_SCHEDULES,
    CAL_LIST_ORG_TEAM_SCHEDULES,
]
