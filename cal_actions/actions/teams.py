"""TODO module docstring."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import Field

from cal_actions.action import NoParams, Params, Route, declare


class CreateTeam(Params):
    name: str = Field(min_length=1, description='SPEC: Name of the team')
    slug: str = Field(None, description='SPEC: Team slug')
    logoUrl: str = Field(None, description='SPEC: URL of the teams logo image')
    calVideoLogo: str = Field(None, description='SPEC: ')
    appLogo: str = Field(None, description='SPEC: ')
    appIconLogo: str = Field(None, description='SPEC: ')
    bio: str = Field(None, description='SPEC: ')
    hideBranding: bool = Field(False, description='SPEC: ')
    isPrivate: bool = Field(None, description='SPEC: ')
    hideBookATeamMember: bool = Field(None, description='SPEC: ')
    metadata: str = Field(None, description='SPEC: ')
    theme: str = Field(None, description='SPEC: ')
    brandColor: str = Field(None, description='SPEC: ')
    darkBrandColor: str = Field(None, description='SPEC: ')
    bannerUrl: str = Field(None, description='SPEC: URL of the teams banner image which is shown on booker')
    timeFormat: int = Field(None, description='SPEC: ')
    timeZone: str = Field('Europe/London', description="SPEC: Timezone is used to create teams's default schedule from Monday to Friday from 9AM to 5PM. It will default to Europe/London if not passed.")
    weekStart: str = Field('Sunday', description='SPEC: ')
    autoAcceptCreator: bool = Field(True, description='SPEC: ')


CAL_CREATE_TEAM = declare(
    "CAL_CREATE_TEAM",
    description="TODO (Create a team)",
    params=CreateTeam,
    route=Route("POST", "/v2/teams"),
    tags=('teams',),
    aliases=('CAL_CREATE_OR_UPDATE_TEAM_PROFILE',),
)




CAL_LIST_TEAMS = declare(
    "CAL_LIST_TEAMS",
    description="TODO (Get teams)",
    params=NoParams,
    route=Route("GET", "/v2/teams"),
    tags=('teams',),
    aliases=('CAL_GET_TEAMS_LIST',),
)


class GetTeam(Params):
    teamId: int = Field(description='SPEC: ')


CAL_GET_TEAM = declare(
    "CAL_GET_TEAM",
    description="TODO (Get a team)",
    params=GetTeam,
    route=Route("GET", "/v2/teams/{teamId}"),
    tags=('teams',),
    aliases=('CAL_GET_TEAM_INFORMATION_BY_TEAM_ID',),
)


class UpdateTeam(Params):
    teamId: int = Field(description='SPEC: ')
    name: str = Field(None, min_length=1, description='SPEC: Name of the team')
    slug: str = Field(None, description='SPEC: Team slug')
    logoUrl: str = Field(None, description='SPEC: URL of the teams logo image')
    calVideoLogo: str = Field(None, description='SPEC: ')
    appLogo: str = Field(None, description='SPEC: ')
    appIconLogo: str = Field(None, description='SPEC: ')
    bio: str = Field(None, description='SPEC: ')
    hideBranding: bool = Field(None, description='SPEC: ')
    isPrivate: bool = Field(None, description='SPEC: ')
    hideBookATeamMember: bool = Field(None, description='SPEC: ')
    metadata: str = Field(None, description='SPEC: ')
    theme: str = Field(None, description='SPEC: ')
    brandColor: str = Field(None, description='SPEC: ')
    darkBrandColor: str = Field(None, description='SPEC: ')
    bannerUrl: str = Field(None, description='SPEC: URL of the teams banner image which is shown on booker')
    timeFormat: int = Field(None, description='SPEC: ')
    timeZone: str = Field(None, description="SPEC: Timezone is used to create teams's default schedule from Monday to Friday from 9AM to 5PM. It will default to Europe/London if not passed.")
    weekStart: str = Field(None, description='SPEC: ')
    bookingLimits: str = Field(None, description='SPEC: ')
    includeManagedEventsInLimits: bool = Field(None, description='SPEC: ')


CAL_UPDATE_TEAM = declare(
    "CAL_UPDATE_TEAM",
    description="TODO (Update a team)",
    params=UpdateTeam,
    route=Route("PATCH", "/v2/teams/{teamId}"),
    tags=('teams',),
    aliases=('CAL_UPDATE_TEAM_INFORMATION_BY_ID',),
)


class DeleteTeam(Params):
    teamId: int = Field(description='SPEC: ')


CAL_DELETE_TEAM = declare(
    "CAL_DELETE_TEAM",
    description="TODO (Delete a team)",
    params=DeleteTeam,
    route=Route("DELETE", "/v2/teams/{teamId}"),
    tags=('teams',),
    aliases=('CAL_DELETE_TEAM_BY_ID',),
)


class CreateTeamMembership(Params):
    teamId: int = Field(description='SPEC: ')
    userId: int = Field(description='SPEC: ')
    accepted: bool = Field(False, description='SPEC: ')
    role: Literal["MEMBER", "OWNER", "ADMIN"] = Field('MEMBER', description='SPEC: ')
    disableImpersonation: bool = Field(False, description='SPEC: ')


CAL_CREATE_TEAM_MEMBERSHIP = declare(
    "CAL_CREATE_TEAM_MEMBERSHIP",
    description="TODO (Create a membership)",
    params=CreateTeamMembership,
    route=Route("POST", "/v2/teams/{teamId}/memberships"),
    tags=('teams', 'memberships'),
    aliases=('CAL_CREATE_TEAM_MEMBERSHIP_WITH_ROLE',),
)


class ListTeamMemberships(Params):
    teamId: int = Field(description='SPEC: ')
    take: int = Field(None, description='SPEC: The number of items to return')
    skip: int = Field(None, description='SPEC: The number of items to skip')


CAL_LIST_TEAM_MEMBERSHIPS = declare(
    "CAL_LIST_TEAM_MEMBERSHIPS",
    description="TODO (Get all memberships)",
    params=ListTeamMemberships,
    route=Route("GET", "/v2/teams/{teamId}/memberships"),
    tags=('teams', 'memberships'),
    aliases=('CAL_RETRIEVE_TEAM_MEMBERSHIPS',),
)


class GetTeamMembership(Params):
    teamId: int = Field(description='SPEC: ')
    membershipId: int = Field(description='SPEC: ')


CAL_GET_TEAM_MEMBERSHIP = declare(
    "CAL_GET_TEAM_MEMBERSHIP",
    description="TODO (Get a membership)",
    params=GetTeamMembership,
    route=Route("GET", "/v2/teams/{teamId}/memberships/{membershipId}"),
    tags=('teams', 'memberships'),
    aliases=('CAL_RETRIEVE_TEAM_MEMBERSHIP_BY_ID',),
)


class UpdateTeamMembership(Params):
    teamId: int = Field(description='SPEC: ')
    membershipId: int = Field(description='SPEC: ')
    accepted: bool = Field(None, description='SPEC: ')
    role: Literal["MEMBER", "OWNER", "ADMIN"] = Field(None, description='SPEC: ')
    disableImpersonation: bool = Field(None, description='SPEC: ')


CAL_UPDATE_TEAM_MEMBERSHIP = declare(
    "CAL_UPDATE_TEAM_MEMBERSHIP",
    description="TODO (Create a membership)",
    params=UpdateTeamMembership,
    route=Route("PATCH", "/v2/teams/{teamId}/memberships/{membershipId}"),
    tags=('teams', 'memberships'),
    aliases=('CAL_UPDATE_TEAM_MEMBERSHIP_PROPERTIES',),
)


class DeleteTeamMembership(Params):
    teamId: int = Field(description='SPEC: ')
    membershipId: int = Field(description='SPEC: ')


CAL_DELETE_TEAM_MEMBERSHIP = declare(
    "CAL_DELETE_TEAM_MEMBERSHIP",
    description="TODO (Delete a membership)",
    params=DeleteTeamMembership,
    route=Route("DELETE", "/v2/teams/{teamId}/memberships/{membershipId}"),
    tags=('teams', 'memberships'),
    aliases=('CAL_DELETE_MEMBERSHIP_IN_TEAM',),
)


ACTIONS = [CAL_CREATE_TEAM, CAL_LIST_TEAMS, CAL_GET_TEAM, CAL_UPDATE_TEAM, CAL_DELETE_TEAM, CAL_CREATE_TEAM_MEMBERSHIP, CAL_LIST_TEAM_MEMBERSHIPS, CAL_GET_TEAM_MEMBERSHIP, CAL_UPDATE_TEAM_MEMBERSHIP, CAL_DELETE_TEAM_MEMBERSHIP]
