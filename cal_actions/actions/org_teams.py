"""Organization teams (teams inside an organization) and their memberships."""

from __future__ import annotations

from pydantic import Field

from cal_actions.action import Route, declare
from cal_actions.actions._paths import OrgPath, OrgTeamPath, Page
from cal_actions.actions.orgs import OrgMembershipCreateFields
from cal_actions.actions.teams import MembershipUpdateFields, TeamCreateFields, TeamUpdateFields


class OrgTeamMembershipPath(OrgTeamPath):
    membershipId: int = Field(description="From CAL_LIST_ORG_TEAM_MEMBERSHIPS")


# Server: organizations-teams.controller.ts pages both team lists with SkipTakePagination (take 1-250, default 250;
# skip=5 on one team answers []); the 2025-10 document dropped take and skip, but past 250 teams they are needed.
class ListOrgTeams(Page, OrgPath):
    pass


CAL_LIST_ORG_TEAMS = declare(
    "CAL_LIST_ORG_TEAMS",
    description="List every team inside an organization, with ids. For only yours use CAL_LIST_MY_ORG_TEAMS.",
    params=ListOrgTeams,
    route=Route("GET", "/v2/organizations/{orgId}/teams", auth="bearer_or_platform"),
    tags=("teams", "orgs"),
    aliases=("CAL_RETRIEVE_TEAM_DETAILS_IN_ORGANIZATION",),
    examples=({"orgId": 12}, {"orgId": 12, "take": 25, "skip": 25}),
)


# Spec: the pinned spec marks an x-cal-client-id header required here; the 2025-10 spec makes it
# optional next to the Authorization header, so the route stays bearer-authenticated.
class CreateOrgTeam(TeamCreateFields, OrgPath):
    pass


CAL_CREATE_ORG_TEAM = declare(
    "CAL_CREATE_ORG_TEAM",
    description="Create a team inside an organization; returns its id.",
    params=CreateOrgTeam,
    route=Route("POST", "/v2/organizations/{orgId}/teams", auth="bearer_or_platform"),
    tags=("teams", "orgs"),
    aliases=("CAL_CREATE_TEAM_IN_ORGANIZATION",),
    examples=({"orgId": 12, "name": "Support EMEA", "slug": "support-emea", "timeZone": "Europe/Dublin"},),
)


class ListMyOrgTeams(Page, OrgPath):  # paged like ListOrgTeams
    pass


CAL_LIST_MY_ORG_TEAMS = declare(
    "CAL_LIST_MY_ORG_TEAMS",
    description="List only the organization's teams you belong to.",
    params=ListMyOrgTeams,
    route=Route("GET", "/v2/organizations/{orgId}/teams/me", auth="bearer_or_platform"),
    tags=("teams", "orgs"),
    aliases=("CAL_RETRIEVE_CURRENT_TEAM_FOR_ORGANIZATION",),
    examples=({"orgId": 12},),
)


CAL_GET_ORG_TEAM = declare(
    "CAL_GET_ORG_TEAM",
    description="Get one organization team's profile.",
    params=OrgTeamPath,
    route=Route("GET", "/v2/organizations/{orgId}/teams/{teamId}", auth="bearer_or_platform"),
    tags=("teams", "orgs"),
    aliases=("CAL_GET_TEAM_DETAILS_BY_ORG_ID_AND_TEAM_ID",),
    examples=({"orgId": 12, "teamId": 31},),
)


class UpdateOrgTeam(TeamUpdateFields, OrgTeamPath):
    pass


CAL_UPDATE_ORG_TEAM = declare(
    "CAL_UPDATE_ORG_TEAM",
    description="Partially update an organization team's profile.",
    params=UpdateOrgTeam,
    route=Route("PATCH", "/v2/organizations/{orgId}/teams/{teamId}", auth="bearer_or_platform"),
    tags=("teams", "orgs"),
    aliases=("CAL_PATCH_TEAM_DETAILS_BY_ID",),
    examples=({"orgId": 12, "teamId": 31, "name": "Support Europe", "isPrivate": True},),
)


CAL_DELETE_ORG_TEAM = declare(
    "CAL_DELETE_ORG_TEAM",
    description="Permanently delete an organization team; members stay in the organization.",
    params=OrgTeamPath,
    route=Route("DELETE", "/v2/organizations/{orgId}/teams/{teamId}", auth="bearer_or_platform"),
    tags=("teams", "orgs"),
    aliases=("CAL_DELETE_TEAM_FROM_ORGANIZATION",),
    examples=({"orgId": 12, "teamId": 31},),
)


class ListOrgTeamMemberships(Page, OrgTeamPath):
    pass


CAL_LIST_ORG_TEAM_MEMBERSHIPS = declare(
    "CAL_LIST_ORG_TEAM_MEMBERSHIPS",
    description="List the memberships of a team inside an organization, with ids.",
    params=ListOrgTeamMemberships,
    route=Route("GET", "/v2/organizations/{orgId}/teams/{teamId}/memberships", auth="bearer_or_platform"),
    tags=("teams", "orgs", "memberships"),
    aliases=("CAL_RETRIEVE_TEAM_MEMBERSHIPS_FOR_ORGANIZATION",),
    examples=({"orgId": 12, "teamId": 31},),
)


class CreateOrgTeamMembership(OrgMembershipCreateFields, OrgTeamPath):
    pass


CAL_CREATE_ORG_TEAM_MEMBERSHIP = declare(
    "CAL_CREATE_ORG_TEAM_MEMBERSHIP",
    description="Add an organization user to a team inside it, with a role.",
    params=CreateOrgTeamMembership,
    route=Route("POST", "/v2/organizations/{orgId}/teams/{teamId}/memberships", auth="bearer_or_platform"),
    tags=("teams", "orgs", "memberships"),
    aliases=("CAL_ADD_MEMBER_TO_TEAM_USING_ORG_AND_TEAM_ID",),
    examples=({"orgId": 12, "teamId": 31, "userId": 118, "role": "MEMBER", "accepted": True},),
)


CAL_GET_ORG_TEAM_MEMBERSHIP = declare(
    "CAL_GET_ORG_TEAM_MEMBERSHIP",
    description="Get one membership of an organization team.",
    params=OrgTeamMembershipPath,
    route=Route(
        "GET", "/v2/organizations/{orgId}/teams/{teamId}/memberships/{membershipId}", auth="bearer_or_platform"
    ),
    tags=("teams", "orgs", "memberships"),
    aliases=("CAL_RETRIEVE_TEAM_MEMBERSHIP_DETAILS",),
    examples=({"orgId": 12, "teamId": 31, "membershipId": 73},),
)


class UpdateOrgTeamMembership(MembershipUpdateFields, OrgTeamMembershipPath):
    pass


CAL_UPDATE_ORG_TEAM_MEMBERSHIP = declare(
    "CAL_UPDATE_ORG_TEAM_MEMBERSHIP",
    description="Change an organization team membership's role, acceptance or impersonation.",
    params=UpdateOrgTeamMembership,
    route=Route(
        "PATCH", "/v2/organizations/{orgId}/teams/{teamId}/memberships/{membershipId}", auth="bearer_or_platform"
    ),
    tags=("teams", "orgs", "memberships"),
    aliases=("CAL_UPDATE_TEAM_MEMBERSHIP_BY_ID",),
    examples=({"orgId": 12, "teamId": 31, "membershipId": 73, "role": "ADMIN"},),
)


CAL_DELETE_ORG_TEAM_MEMBERSHIP = declare(
    "CAL_DELETE_ORG_TEAM_MEMBERSHIP",
    description="Remove a user from an organization team; they stay in the organization.",
    params=OrgTeamMembershipPath,
    route=Route(
        "DELETE", "/v2/organizations/{orgId}/teams/{teamId}/memberships/{membershipId}", auth="bearer_or_platform"
    ),
    tags=("teams", "orgs", "memberships"),
    aliases=("CAL_DELETE_TEAM_MEMBERSHIPS_BY_ID",),
    examples=({"orgId": 12, "teamId": 31, "membershipId": 73},),
)


CAL_CREATE_ORG_TEAM_INVITE_LINK = declare(
    "CAL_CREATE_ORG_TEAM_INVITE_LINK",
    description="Create a shareable link (and token) that lets anyone sign up and join an organization team; it "
    "expires after a week. To add an existing user directly use CAL_CREATE_ORG_TEAM_MEMBERSHIP.",
    params=OrgTeamPath,
    route=Route("POST", "/v2/organizations/{orgId}/teams/{teamId}/invite", auth="bearer_or_platform"),
    tags=("teams", "orgs", "memberships"),
    examples=({"orgId": 12, "teamId": 31},),
)


ACTIONS = [
    CAL_LIST_ORG_TEAMS,
    CAL_CREATE_ORG_TEAM,
    CAL_LIST_MY_ORG_TEAMS,
    CAL_GET_ORG_TEAM,
    CAL_UPDATE_ORG_TEAM,
    CAL_DELETE_ORG_TEAM,
    CAL_LIST_ORG_TEAM_MEMBERSHIPS,
    CAL_CREATE_ORG_TEAM_MEMBERSHIP,
    CAL_GET_ORG_TEAM_MEMBERSHIP,
    CAL_UPDATE_ORG_TEAM_MEMBERSHIP,
    CAL_DELETE_ORG_TEAM_MEMBERSHIP,
    CAL_CREATE_ORG_TEAM_INVITE_LINK,
]
