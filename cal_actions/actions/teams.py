"""Standalone teams (outside any organization), their memberships, and the team and membership field sets."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from cal_actions.action import NoParams, Params, Route, all_optional, declare
from cal_actions.actions._fields import Metadata, Url
from cal_actions.actions._paths import Page, TeamPath

MembershipRole = Literal["MEMBER", "OWNER", "ADMIN"]


class TeamProfileFields(Params):
    """Team profile, shared by teams and organization teams; every field optional (the update shape)."""

    name: str | None = Field(None, min_length=1)
    slug: str | None = Field(None, description="Kebab-case, e.g. sales-team")
    logoUrl: str | None = Field(None, description="Image URL")
    # Server: create-team.input.ts checks these three with IsUrl ("appLogo must be a URL address").
    calVideoLogo: Url | None = Field(None, description="Logo URL for Cal Video")
    appLogo: Url | None = Field(None, description="Image URL")
    appIconLogo: Url | None = Field(None, description="Image URL")
    bio: str | None = Field(None, description="Shown on the team page")
    hideBranding: bool | None = Field(None, description="Hide Cal.com branding")
    isPrivate: bool | None = Field(None, description="Hide members from non-admins")
    hideBookATeamMember: bool | None = Field(None, description="Hide the 'Book a team member' button")
    # Server: create-team.input.ts takes an object (IsObject, ValidateMetadata: "metadata must be an object"), as the
    # 2025-10 document says; the pinned one typed it as a string.
    metadata: Metadata | None = Field(None, description="Own key-value data")
    theme: str | None = Field(None, description="Booking page: light or dark")
    brandColor: str | None = Field(None, description="Hex, e.g. #292929")
    darkBrandColor: str | None = Field(None, description="Dark-mode hex, e.g. #FAFAFA")
    bannerUrl: str | None = Field(None, description="Booking page banner URL")
    timeFormat: int | None = Field(None, description="12 or 24")
    timeZone: str | None = Field(None, description="IANA, for the default Mon-Fri 9-17 schedule")
    weekStart: str | None = Field(None, description="e.g. Monday")


class TeamCreateFields(TeamProfileFields):
    """Body of a new team or organization team. The server defaults hideBranding to false, timeZone to
    Europe/London and weekStart to Sunday."""

    name: str = Field(min_length=1)
    autoAcceptCreator: bool = Field(True, description="Accept you as owner now; false blocks team event types")


class TeamUpdateFields(TeamProfileFields):
    """Body of a team or organization-team update; only the fields sent change."""

    bookingLimits: str | None = Field(
        None, description='JSON string, keys PER_DAY/PER_WEEK/PER_MONTH/PER_YEAR, e.g. {"PER_DAY":3}'
    )
    includeManagedEventsInLimits: bool | None = Field(None, description="Count managed event types in bookingLimits")


class MembershipFields(Params):
    """Membership settings, the same at team, organization-team and organization scope."""

    accepted: bool = Field(False, description="false: pending invitation")
    role: MembershipRole = "MEMBER"
    disableImpersonation: bool = Field(False, description="Forbid admin impersonation")


#: Body of a membership update at any scope: the same fields, none required; only those sent change.
@all_optional
class MembershipUpdateFields(MembershipFields):
    """The same fields, none required."""


class MembershipCreateFields(MembershipFields):
    """Body of a new team membership."""

    userId: int = Field(description="e.g. from CAL_LIST_ORG_USERS or CAL_GET_ME")


class TeamMembershipPath(TeamPath):
    membershipId: int = Field(description="From CAL_LIST_TEAM_MEMBERSHIPS")


CAL_CREATE_TEAM = declare(
    "CAL_CREATE_TEAM",
    description="Create a standalone team (outside any organization) with you as owner; may return a payment link "
    "instead.",
    params=TeamCreateFields,
    route=Route("POST", "/v2/teams"),
    tags=("teams",),
    aliases=("CAL_CREATE_OR_UPDATE_TEAM_PROFILE",),
    examples=(
        {"name": "Customer Success", "slug": "customer-success", "timeZone": "America/New_York",
         "weekStart": "Monday", "brandColor": "#1F6FEB", "metadata": {"costCenter": "CS-204"}},
    ),
)  # fmt: skip


CAL_LIST_TEAMS = declare(
    "CAL_LIST_TEAMS",
    description="List the standalone teams you belong to, with ids.",
    params=NoParams,
    route=Route("GET", "/v2/teams"),
    tags=("teams",),
    aliases=("CAL_GET_TEAMS_LIST",),
    examples=({},),
)


CAL_GET_TEAM = declare(
    "CAL_GET_TEAM",
    description="Get one standalone team's profile.",
    params=TeamPath,
    route=Route("GET", "/v2/teams/{teamId}"),
    tags=("teams",),
    aliases=("CAL_GET_TEAM_INFORMATION_BY_TEAM_ID",),
    examples=({"teamId": 7},),
)


class UpdateTeam(TeamUpdateFields, TeamPath):
    pass


CAL_UPDATE_TEAM = declare(
    "CAL_UPDATE_TEAM",
    description="Partially update a standalone team's profile (owner only).",
    params=UpdateTeam,
    route=Route("PATCH", "/v2/teams/{teamId}"),
    tags=("teams",),
    aliases=("CAL_UPDATE_TEAM_INFORMATION_BY_ID",),
    examples=(
        {"teamId": 7, "bio": "We help new customers get started.", "hideBookATeamMember": True},
        {"teamId": 7, "bookingLimits": '{"PER_DAY":3,"PER_WEEK":10}', "includeManagedEventsInLimits": True},
    ),
)


CAL_DELETE_TEAM = declare(
    "CAL_DELETE_TEAM",
    description="Permanently delete a standalone team (owner only).",
    params=TeamPath,
    route=Route("DELETE", "/v2/teams/{teamId}"),
    tags=("teams",),
    aliases=("CAL_DELETE_TEAM_BY_ID",),
    examples=({"teamId": 7},),
)


class CreateTeamMembership(MembershipCreateFields, TeamPath):
    pass


CAL_CREATE_TEAM_MEMBERSHIP = declare(
    "CAL_CREATE_TEAM_MEMBERSHIP",
    description="Add a user to a standalone team with a role.",
    params=CreateTeamMembership,
    route=Route("POST", "/v2/teams/{teamId}/memberships"),
    tags=("teams", "memberships"),
    aliases=("CAL_CREATE_TEAM_MEMBERSHIP_WITH_ROLE",),
    examples=({"teamId": 7, "userId": 124, "role": "ADMIN", "accepted": True},),
)


class ListTeamMemberships(Page, TeamPath):
    pass


CAL_LIST_TEAM_MEMBERSHIPS = declare(
    "CAL_LIST_TEAM_MEMBERSHIPS",
    description="List a standalone team's memberships with ids.",
    params=ListTeamMemberships,
    route=Route("GET", "/v2/teams/{teamId}/memberships"),
    tags=("teams", "memberships"),
    aliases=("CAL_RETRIEVE_TEAM_MEMBERSHIPS",),
    examples=({"teamId": 7, "take": 50},),
)


CAL_GET_TEAM_MEMBERSHIP = declare(
    "CAL_GET_TEAM_MEMBERSHIP",
    description="Get one membership of a standalone team.",
    params=TeamMembershipPath,
    route=Route("GET", "/v2/teams/{teamId}/memberships/{membershipId}"),
    tags=("teams", "memberships"),
    aliases=("CAL_RETRIEVE_TEAM_MEMBERSHIP_BY_ID",),
    examples=({"teamId": 7, "membershipId": 56},),
)


class UpdateTeamMembership(MembershipUpdateFields, TeamMembershipPath):
    pass


CAL_UPDATE_TEAM_MEMBERSHIP = declare(
    "CAL_UPDATE_TEAM_MEMBERSHIP",
    description="Change a standalone team membership's role, acceptance or impersonation.",
    params=UpdateTeamMembership,
    route=Route("PATCH", "/v2/teams/{teamId}/memberships/{membershipId}"),
    tags=("teams", "memberships"),
    aliases=("CAL_UPDATE_TEAM_MEMBERSHIP_PROPERTIES",),
    examples=({"teamId": 7, "membershipId": 56, "role": "MEMBER"},),
)


CAL_DELETE_TEAM_MEMBERSHIP = declare(
    "CAL_DELETE_TEAM_MEMBERSHIP",
    description="Remove a user from a standalone team; the account stays.",
    params=TeamMembershipPath,
    route=Route("DELETE", "/v2/teams/{teamId}/memberships/{membershipId}"),
    tags=("teams", "memberships"),
    aliases=("CAL_DELETE_MEMBERSHIP_IN_TEAM",),
    examples=({"teamId": 7, "membershipId": 56},),
)


ACTIONS = [
    CAL_CREATE_TEAM,
    CAL_LIST_TEAMS,
    CAL_GET_TEAM,
    CAL_UPDATE_TEAM,
    CAL_DELETE_TEAM,
    CAL_CREATE_TEAM_MEMBERSHIP,
    CAL_LIST_TEAM_MEMBERSHIPS,
    CAL_GET_TEAM_MEMBERSHIP,
    CAL_UPDATE_TEAM_MEMBERSHIP,
    CAL_DELETE_TEAM_MEMBERSHIP,
]
