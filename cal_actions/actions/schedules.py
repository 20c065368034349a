"""TODO module docstring."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import Field

from cal_actions.action import NoParams, Params, Route, declare


class ScheduleAvailability(Params):
    days: list[Literal["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]] = Field(description='SPEC: Array of days when schedule is active.')
    startTime: str = Field(description='SPEC: startTime must be a valid time in format HH:MM e.g. 08:00')
    endTime: str = Field(description='SPEC: endTime must be a valid time in format HH:MM e.g. 15:00')


class ScheduleOverride(Params):
    date: str = Field(description='SPEC: ')
    startTime: str = Field(description='SPEC: startTime must be a valid time in format HH:MM e.g. 12:00')
    endTime: str = Field(description='SPEC: endTime must be a valid time in format HH:MM e.g. 13:00')


class CreateSchedule(Params):
    name: str = Field(description='SPEC: ')
    timeZone: str = Field(description='SPEC: Timezone is used to calculate available times when an event using the schedule is booked.')
    availability: list[ScheduleAvailability] = Field(None, description='SPEC: Each object contains days and times when the user is available. If not passed, the default availability is Monday to Friday from 09:00 to 17:00.')
    isDefault: bool = Field(description='SPEC: Each user should have 1 default schedule. If you specified `timeZone` when creating managed user, then the default schedule will be created with that timezone.')
    overrides: list[ScheduleOverride] = Field(None, description='SPEC: Need to change availability for a specific date? Add an override.')


CAL_CREATE_SCHEDULE = declare(
    "CAL_CREATE_SCHEDULE",
    description="TODO (Create a schedule)",
    params=CreateSchedule,
    route=Route("POST", "/v2/schedules", version="2024-06-11"),
    tags=('schedules',),
    aliases=('CAL_CREATE_USER_AVAILABILITY_SCHEDULE',),
)




CAL_LIST_SCHEDULES = declare(
    "CAL_LIST_SCHEDULES",
    description="TODO (Get all schedules)",
    params=NoParams,
    route=Route("GET", "/v2/schedules", version="2024-06-11"),
    tags=('schedules',),
    aliases=('CAL_RETRIEVE_SCHEDULES_LIST',),
)




CAL_GET_DEFAULT_SCHEDULE = declare(
    "CAL_GET_DEFAULT_SCHEDULE",
    description="TODO (Get default schedule)",
    params=NoParams,
    route=Route("GET", "/v2/schedules/default", version="2024-06-11"),
    tags=('schedules',),
    aliases=('CAL_GET_DEFAULT_SCHEDULE_DETAILS',),
)


class GetSchedule(Params):
    scheduleId: int = Field(description='SPEC: ')


CAL_GET_SCHEDULE = declare(
    "CAL_GET_SCHEDULE",
    description="TODO (Get a schedule)",
    params=GetSchedule,
    route=Route("GET", "/v2/schedules/{scheduleId}", version="2024-06-11"),
    tags=('schedules',),
    aliases=('CAL_FETCH_SCHEDULE_BY_ID',),
)


class UpdateSchedule(Params):
    scheduleId: str = Field(description='SPEC: ')
    name: str = Field(None, description='SPEC: ')
    timeZone: str = Field(None, description='SPEC: ')
    availability: list[ScheduleAvailability] = Field(None, description='SPEC: ')
    isDefault: bool = Field(None, description='SPEC: ')
    overrides: list[ScheduleOverride] = Field(None, description='SPEC: ')


CAL_UPDATE_SCHEDULE = declare(
    "CAL_UPDATE_SCHEDULE",
    description="TODO (Update a schedule)",
    params=UpdateSchedule,
    route=Route("PATCH", "/v2/schedules/{scheduleId}", version="2024-06-11"),
    tags=('schedules',),
    aliases=('CAL_UPDATE_SCHEDULE_BY_ID',),
)


class DeleteSchedule(Params):
    scheduleId: int = Field(description='SPEC: ')


CAL_DELETE_SCHEDULE = declare(
    "CAL_DELETE_SCHEDULE",
    description="TODO (Delete a schedule)",
    params=DeleteSchedule,
    route=Route("DELETE", "/v2/schedules/{scheduleId}", version="2024-06-11"),
    tags=('schedules',),
    aliases=('CAL_DELETE_SCHEDULE_BY_ID',),
)


class ListOrgSchedules(Params):
    orgId: int = Field(description='SPEC: ')
    take: int = Field(None, description='SPEC: The number of items to return')
    skip: int = Field(None, description='SPEC: The number of items to skip')


CAL_LIST_ORG_SCHEDULES = declare(
    "CAL_LIST_ORG_SCHEDULES",
    description="TODO (Get all schedules)",
    params=ListOrgSchedules,
    route=Route("GET", "/v2/organizations/{orgId}/schedules"),
    tags=('schedules', 'orgs'),
    aliases=('CAL_GET_ORGANIZATION_SCHEDULES',),
)


class CreateOrgUserSchedule(Params):
    orgId: int = Field(description='SPEC: ')
    userId: int = Field(description='SPEC: ')
    name: str = Field(description='SPEC: ')
    timeZone: str = Field(description='SPEC: Timezone is used to calculate available times when an event using the schedule is booked.')
    availability: list[ScheduleAvailability] = Field(None, description='SPEC: Each object contains days and times when the user is available. If not passed, the default availability is Monday to Friday from 09:00 to 17:00.')
    isDefault: bool = Field(description='SPEC: Each user should have 1 default schedule. If you specified `timeZone` when creating managed user, then the default schedule will be created with that timezone.')
    overrides: list[ScheduleOverride] = Field(None, description='SPEC: Need to change availability for a specific date? Add an override.')


CAL_CREATE_ORG_USER_SCHEDULE = declare(
    "CAL_CREATE_ORG_USER_SCHEDULE",
    description="TODO (Create a schedule)",
    params=CreateOrgUserSchedule,
    route=Route("POST", "/v2/organizations/{orgId}/users/{userId}/schedules"),
    tags=('schedules', 'orgs'),
    aliases=('CAL_CREATE_USER_SCHEDULE_IN_ORGANIZATION',),
)


class ListOrgUserSchedules(Params):
    orgId: int = Field(description='SPEC: ')
    userId: int = Field(description='SPEC: ')


CAL_LIST_ORG_USER_SCHEDULES = declare(
    "CAL_LIST_ORG_USER_SCHEDULES",
    description="TODO (Get all schedules)",
    params=ListOrgUserSchedules,
    route=Route("GET", "/v2/organizations/{orgId}/users/{userId}/schedules"),
    tags=('schedules', 'orgs'),
    aliases=('CAL_GET_ORGANIZATION_USER_SCHEDULES',),
)


class GetOrgUserSchedule(Params):
    orgId: int = Field(description='SPEC: ')
    userId: int = Field(description='SPEC: ')
    scheduleId: int = Field(description='SPEC: ')


CAL_GET_ORG_USER_SCHEDULE = declare(
    "CAL_GET_ORG_USER_SCHEDULE",
    description="TODO (Get a schedule)",
    params=GetOrgUserSchedule,
    route=Route("GET", "/v2/organizations/{orgId}/users/{userId}/schedules/{scheduleId}"),
    tags=('schedules', 'orgs'),
    aliases=('CAL_FETCH_USER_SCHEDULE_BY_ORG_ID',),
)


class UpdateOrgUserSchedule(Params):
    orgId: int = Field(description='SPEC: ')
    userId: int = Field(description='SPEC: ')
    scheduleId: int = Field(description='SPEC: ')
    name: str = Field(None, description='SPEC: ')
    timeZone: str = Field(None, description='SPEC: ')
    availability: list[ScheduleAvailability] = Field(None, description='SPEC: ')
    isDefault: bool = Field(None, description='SPEC: ')
    overrides: list[ScheduleOverride] = Field(None, description='SPEC: ')


CAL_UPDATE_ORG_USER_SCHEDULE = declare(
    "CAL_UPDATE_ORG_USER_SCHEDULE",
    description="TODO (Update a schedule)",
    params=UpdateOrgUserSchedule,
    route=Route("PATCH", "/v2/organizations/{orgId}/users/{userId}/schedules/{scheduleId}"),
    tags=('schedules', 'orgs'),
    aliases=('CAL_UPDATE_USER_SCHEDULE_IN_ORGANIZATION',),
)


class DeleteOrgUserSchedule(Params):
    orgId: int = Field(description='SPEC: ')
    userId: int = Field(description='SPEC: ')
    scheduleId: int = Field(description='SPEC: ')


CAL_DELETE_ORG_USER_SCHEDULE = declare(
    "CAL_DELETE_ORG_USER_SCHEDULE",
    description="TODO (Delete a schedule)",
    params=DeleteOrgUserSchedule,
    route=Route("DELETE", "/v2/organizations/{orgId}/users/{userId}/schedules/{scheduleId}"),
    tags=('schedules', 'orgs'),
    aliases=('CAL_DELETE_USER_SCHEDULE',),
)


class ListOrgTeamUserSchedules(Params):
    orgId: int = Field(description='SPEC: ')
    teamId: int = Field(description='SPEC: ')
    userId: int = Field(description='SPEC: ')


CAL_LIST_ORG_TEAM_USER_SCHEDULES = declare(
    "CAL_LIST_ORG_TEAM_USER_SCHEDULES",
    description="TODO (Get schedules of a team member)",
    params=ListOrgTeamUserSchedules,
    route=Route("GET", "/v2/organizations/{orgId}/teams/{teamId}/users/{userId}/schedules"),
    tags=('schedules', 'orgs', 'teams'),
    aliases=('CAL_GET_SCHEDULE_FOR_USER_IN_TEAM',),
)


ACTIONS = [CAL_CREATE_SCHEDULE, CAL_LIST_SCHEDULES, CAL_GET_DEFAULT_SCHEDULE, CAL_GET_SCHEDULE, CAL_UPDATE_SCHEDULE, CAL_DELETE_SCHEDULE, CAL_LIST_ORG_SCHEDULES, CAL_CREATE_ORG_USER_SCHEDULE, CAL_LIST_ORG_USER_SCHEDULES, CAL_GET_ORG_USER_SCHEDULE, CAL_UPDATE_ORG_USER_SCHEDULE, CAL_DELETE_ORG_USER_SCHEDULE, CAL_LIST_ORG_TEAM_USER_SCHEDULES]
