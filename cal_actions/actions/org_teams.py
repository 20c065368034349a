"""TODO module docstring."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import Field

from cal_actions.action import NoParams, Params, Route, declare


class ListOrgTeams(Params):
    orgId: int = Field(description='SPEC: ')
    take: int = Field(None, description='SPEC: The number of items to return')
    skip: int = Field(None, description='SPEC: The number of items to skip')


CAL_LIST_ORG_TEAMS = declare(
    "CAL_LIST_ORG_TEAMS",
    description="TODO (Get all teams)",
    params=ListOrgTeams,
    route=Route("GET", "/v2/organizations/{orgId}/teams"),
    tags=('teams', 'orgs'),
    aliases=('CAL_RETRIEVE_TEAM_DETAILS_IN_ORGANIZATION',),
)


class CreateOrgTeam(Params):
    orgId: int = Field(description='SPEC: ')
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


CAL_CREATE_ORG_TEAM = declare(
    "CAL_CREATE_ORG_TEAM",
    description="TODO (Create a team)",
    params=CreateOrgTeam,
    route=Route("POST", "/v2/organizations/{orgId}/teams"),
    tags=('teams', 'orgs'),
    aliases=('CAL_CREATE_TEAM_IN_ORGANIZATION',),
)


class ListMyOrgTeams(Params):
    orgId: int = Field(description='SPEC: ')
    take: int = Field(None, description='SPEC: The number of items to return')
    skip: int = Field(None, description='SPEC: The number of items to skip')


CAL_LIST_MY_ORG_TEAMS = declare(
    "CAL_LIST_MY_ORG_TEAMS",
    description="TODO (Get teams membership for user)",
    params=ListMyOrgTeams,
    route=Route("GET", "/v2/organizations/{orgId}/teams/me"),
    tags=('teams', 'orgs'),
    aliases=('CAL_RETRIEVE_CURRENT_TEAM_FOR_ORGANIZATION',),
)


class GetOrgTeam(Params):
    orgId: int = Field(description='SPEC: ')
    teamId: int = Field(description='SPEC: ')


CAL_GET_ORG_TEAM = declare(
    "CAL_GET_ORG_TEAM",
    description="TODO (Get a team)",
    params=GetOrgTeam,
    route=Route("GET", "/v2/organizations/{orgId}/teams/{teamId}"),
    tags=('teams', 'orgs'),
    aliases=('CAL_GET_TEAM_DETAILS_BY_ORG_ID_AND_TEAM_ID',),
)


class UpdateOrgTeam(Params):
    orgId: int = Field(description='SPEC: ')
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


CAL_UPDATE_ORG_TEAM = declare(
    "CAL_UPDATE_ORG_TEAM",
    description="TODO (Update a team)",
    params=UpdateOrgTeam,
    route=Route("PATCH", "/v2/organizations/{orgId}/teams/{teamId}"),
    tags=('teams', 'orgs'),
    aliases=('CAL_PATCH_TEAM_DETAILS_BY_ID',),
)


class DeleteOrgTeam(Params):
    orgId: int = Field(description='SPEC: ')
    teamId: int = Field(description='SPEC: ')


CAL_DELETE_ORG_TEAM = declare(
    "CAL_DELETE_ORG_TEAM",
    description="TODO (Delete a team)",
    params=DeleteOrgTeam,
    route=Route("DELETE", "/v2/organizations/{orgId}/teams/{teamId}"),
    tags=('teams', 'orgs'),
    aliases=('CAL_DELETE_TEAM_FROM_ORGANIZATION',),
)


class ListOrgTeamMemberships(Params):
    orgId: int = Field(description='SPEC: ')
    teamId: int = Field(description='SPEC: ')
    take: int = Field(None, description='SPEC: The number of items to return')
    skip: int = Field(None, description='SPEC: The number of items to skip')


CAL_LIST_ORG_TEAM_MEMBERSHIPS = declare(
    "CAL_LIST_ORG_TEAM_MEMBERSHIPS",
    description="TODO (Get all memberships)",
    params=ListOrgTeamMemberships,
    route=Route("GET", "/v2/organizations/{orgId}/teams/{teamId}/memberships"),
    tags=('teams', 'orgs', 'memberships'),
    aliases=('CAL_RETRIEVE_TEAM_MEMBERSHIPS_FOR_ORGANIZATION',),
)


class CreateOrgTeamMembership(Params):
    orgId: int = Field(description='SPEC: ')
    teamId: int = Field(description='SPEC: ')
    userId: int = Field(description='SPEC: ')
    accepted: bool = Field(False, description='SPEC: ')
    role: Literal["MEMBER", "OWNER", "ADMIN"] = Field(description='SPEC: ')
    disableImpersonation: bool = Field(False, description='SPEC: ')


CAL_CREATE_ORG_TEAM_MEMBERSHIP = declare(
    "CAL_CREATE_ORG_TEAM_MEMBERSHIP",
    description="TODO (Create a membership)",
    params=CreateOrgTeamMembership,
    route=Route("POST", "/v2/organizations/{orgId}/teams/{teamId}/memberships"),
    tags=('teams', 'orgs', 'memberships'),
    aliases=('CAL_ADD_MEMBER_TO_TEAM_USING_ORG_AND_TEAM_ID',),
)


class GetOrgTeamMembership(Params):
    orgId: int = Field(description='SPEC: ')
    teamId: int = Field(description='SPEC: ')
    membershipId: int = Field(description='SPEC: ')


CAL_GET_ORG_TEAM_MEMBERSHIP = declare(
    "CAL_GET_ORG_TEAM_MEMBERSHIP",
    description="TODO (Get a membership)",
    params=GetOrgTeamMembership,
    route=Route("GET", "/v2/organizations/{orgId}/teams/{teamId}/memberships/{membershipId}"),
    tags=('teams', 'orgs', 'memberships'),
    aliases=('CAL_RETRIEVE_TEAM_MEMBERSHIP_DETAILS',),
)


class UpdateOrgTeamMembership(Params):
    orgId: int = Field(description='SPEC: ')
    teamId: int = Field(description='SPEC: ')
    membershipId: int = Field(description='SPEC: ')
    accepted: bool = Field(None, description='SPEC: ')
    role: Literal["MEMBER", "OWNER", "ADMIN"] = Field(None, description='SPEC: ')
    disableImpersonation: bool = Field(None, description='SPEC: ')


CAL_UPDATE_ORG_TEAM_MEMBERSHIP = declare(
    "CAL_UPDATE_ORG_TEAM_MEMBERSHIP",
    description="TODO (Update a membership)",
    params=UpdateOrgTeamMembership,
    route=Route("PATCH", "/v2/organizations/{orgId}/teams/{teamId}/memberships/{membershipId}"),
    tags=('teams', 'orgs', 'memberships'),
    aliases=('CAL_UPDATE_TEAM_MEMBERSHIP_BY_ID',),
)


class DeleteOrgTeamMembership(Params):
    orgId: int = Field(description='SPEC: ')
    teamId: int = Field(description='SPEC: ')
    membershipId: int = Field(description='SPEC: ')


CAL_DELETE_ORG_TEAM_MEMBERSHIP = declare(
    "CAL_DELETE_ORG_TEAM_MEMBERSHIP",
    description="TODO (Delete a membership)",
    params=DeleteOrgTeamMembership,
    route=Route("DELETE", "/v2/organizations/{orgId}/teams/{teamId}/memberships/{membershipId}"),
    tags=('teams', 'orgs', 'memberships'),
    aliases=('CAL_DELETE_TEAM_MEMBERSHIPS_BY_ID',),
)


ACTIONS = [CAL_LIST_ORG_TEAMS, CAL_CREATE_ORG_TEAM, CAL_LIST_MY_ORG_TEAMS, CAL_GET_ORG_TEAM, CAL_UPDATE_ORG_TEAM, CAL_DELETE_ORG_TEAM, CAL_LIST_ORG_TEAM_MEMBERSHIPS, CAL_CREATE_ORG_TEAM_MEMBERSHIP, CAL_GET_ORG_TEAM_MEMBERSHIP, CAL_UPDATE_ORG_TEAM_MEMBERSHIP, CAL_DELETE_ORG_TEAM_MEMBERSHIP]
