"""Organization teams (teams inside an organization) and their memberships."""

from __future__ import annotations

from pydantic import Field

from cal_actions.action import Route, declare
from cal_actions.actions._paths import OrgPath, OrgTeamPath, Page
from cal_actions.actions.orgs import OrgMembershipCreateFields
from cal_actions.actions.teams import MembershipUpdateFields, TeamCreateFields, TeamUpdateFields


class OrgTeamMembershipPath(OrgTeamPath):
    membershipId: int = Field(description="From CAL_LIST_ORG_TEAM_MEMBERSHIPS")


class ListOrgTeams(Page, OrgPath):
    pass


CAL_LIST_ORG_TEAMS = declare(
    "CAL_LIST_ORG_TEAMS",
    description="List every team inside an organization (orgId from CAL_GET_MY_ORGANIZATION_ID), paginated. "
    "Source of teamId for organization-team actions. Only the ones you belong to: CAL_LIST_MY_ORG_TEAMS.",
    params=ListOrgTeams,
    route=Route("GET", "/v2/organizations/{orgId}/teams"),
    tags=("teams", "orgs"),
    aliases=("CAL_RETRIEVE_TEAM_DETAILS_IN_ORGANIZATION",),
)


# Spec: the pinned spec marks an x-cal-client-id header required here; the 2025-10 spec makes it
# optional next to the Authorization header, so the route stays bearer-authenticated.
class CreateOrgTeam(TeamCreateFields, OrgPath):
    pass


CAL_CREATE_ORG_TEAM = declare(
    "CAL_CREATE_ORG_TEAM",
    description="Create a team inside an organization (orgId from CAL_GET_MY_ORGANIZATION_ID). Returns the team "
    "and its id. For a standalone team outside any organization use CAL_CREATE_TEAM.",
    params=CreateOrgTeam,
    route=Route("POST", "/v2/organizations/{orgId}/teams"),
    tags=("teams", "orgs"),
    aliases=("CAL_CREATE_TEAM_IN_ORGANIZATION",),
)


class ListMyOrgTeams(Page, OrgPath):
    pass


CAL_LIST_MY_ORG_TEAMS = declare(
    "CAL_LIST_MY_ORG_TEAMS",
    description="List only the teams inside an organization that you are a member of, paginated. For every team "
    "of the organization use CAL_LIST_ORG_TEAMS.",
    params=ListMyOrgTeams,
    route=Route("GET", "/v2/organizations/{orgId}/teams/me"),
    tags=("teams", "orgs"),
    aliases=("CAL_RETRIEVE_CURRENT_TEAM_FOR_ORGANIZATION",),
)


CAL_GET_ORG_TEAM = declare(
    "CAL_GET_ORG_TEAM",
    description="Get one organization team's profile (name, slug, branding, time zone) by orgId and teamId. "
    "For a standalone team use CAL_GET_TEAM.",
    params=OrgTeamPath,
    route=Route("GET", "/v2/organizations/{orgId}/teams/{teamId}"),
    tags=("teams", "orgs"),
    aliases=("CAL_GET_TEAM_DETAILS_BY_ORG_ID_AND_TEAM_ID",),
)


class UpdateOrgTeam(TeamUpdateFields, OrgTeamPath):
    pass


CAL_UPDATE_ORG_TEAM = declare(
    "CAL_UPDATE_ORG_TEAM",
    description="Update an organization team's profile; only the fields sent change. Returns the updated team. "
    "For a standalone team use CAL_UPDATE_TEAM.",
    params=UpdateOrgTeam,
    route=Route("PATCH", "/v2/organizations/{orgId}/teams/{teamId}"),
    tags=("teams", "orgs"),
    aliases=("CAL_PATCH_TEAM_DETAILS_BY_ID",),
)


CAL_DELETE_ORG_TEAM = declare(
    "CAL_DELETE_ORG_TEAM",
    description="Permanently delete a team inside an organization; its members stay in the organization. "
    "Returns the deleted team. For a standalone team use CAL_DELETE_TEAM.",
    params=OrgTeamPath,
    route=Route("DELETE", "/v2/organizations/{orgId}/teams/{teamId}"),
    tags=("teams", "orgs"),
    aliases=("CAL_DELETE_TEAM_FROM_ORGANIZATION",),
)


class ListOrgTeamMemberships(Page, OrgTeamPath):
    pass


CAL_LIST_ORG_TEAM_MEMBERSHIPS = declare(
    "CAL_LIST_ORG_TEAM_MEMBERSHIPS",
    description="List the memberships of a team inside an organization (membership id, userId, role, accepted), "
    "paginated. For the organization's own memberships use CAL_LIST_ORG_MEMBERSHIPS.",
    params=ListOrgTeamMemberships,
    route=Route("GET", "/v2/organizations/{orgId}/teams/{teamId}/memberships"),
    tags=("teams", "orgs", "memberships"),
    aliases=("CAL_RETRIEVE_TEAM_MEMBERSHIPS_FOR_ORGANIZATION",),
)


class CreateOrgTeamMembership(OrgMembershipCreateFields, OrgTeamPath):
    pass


CAL_CREATE_ORG_TEAM_MEMBERSHIP = declare(
    "CAL_CREATE_ORG_TEAM_MEMBERSHIP",
    description="Add an organization user (userId from CAL_LIST_ORG_USERS) to a team inside the organization "
    "with a role. Returns the membership. For a standalone team use CAL_CREATE_TEAM_MEMBERSHIP.",
    params=CreateOrgTeamMembership,
    route=Route("POST", "/v2/organizations/{orgId}/teams/{teamId}/memberships"),
    tags=("teams", "orgs", "memberships"),
    aliases=("CAL_ADD_MEMBER_TO_TEAM_USING_ORG_AND_TEAM_ID",),
)


CAL_GET_ORG_TEAM_MEMBERSHIP = declare(
    "CAL_GET_ORG_TEAM_MEMBERSHIP",
    description="Get one membership of a team inside an organization (userId, role, accepted) by membershipId.",
    params=OrgTeamMembershipPath,
    route=Route("GET", "/v2/organizations/{orgId}/teams/{teamId}/memberships/{membershipId}"),
    tags=("teams", "orgs", "memberships"),
    aliases=("CAL_RETRIEVE_TEAM_MEMBERSHIP_DETAILS",),
)


class UpdateOrgTeamMembership(MembershipUpdateFields, OrgTeamMembershipPath):
    pass


CAL_UPDATE_ORG_TEAM_MEMBERSHIP = declare(
    "CAL_UPDATE_ORG_TEAM_MEMBERSHIP",
    description="Change an organization team membership's role, accepted state or impersonation setting; only "
    "the fields sent change. Returns the updated membership.",
    params=UpdateOrgTeamMembership,
    route=Route("PATCH", "/v2/organizations/{orgId}/teams/{teamId}/memberships/{membershipId}"),
    tags=("teams", "orgs", "memberships"),
    aliases=("CAL_UPDATE_TEAM_MEMBERSHIP_BY_ID",),
)


CAL_DELETE_ORG_TEAM_MEMBERSHIP = declare(
    "CAL_DELETE_ORG_TEAM_MEMBERSHIP",
    description="Remove a user from a team inside an organization by deleting the membership; they stay in the "
    "organization.",
    params=OrgTeamMembershipPath,
    route=Route("DELETE", "/v2/organizations/{orgId}/teams/{teamId}/memberships/{membershipId}"),
    tags=("teams", "orgs", "memberships"),
    aliases=("CAL_DELETE_TEAM_MEMBERSHIPS_BY_ID",),
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
]
