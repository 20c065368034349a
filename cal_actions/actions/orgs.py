"""The organization itself: its memberships and its users (accounts created inside the organization)."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from cal_actions.action import Params, Route, declare
from cal_actions.actions._fields import Email, Metadata
from cal_actions.actions._paths import OrgPath, OrgUserPath, Page
from cal_actions.actions.teams import MembershipCreateFields, MembershipRole, MembershipUpdateFields


class OrgMembershipPath(OrgPath):
    membershipId: int = Field(description="From CAL_LIST_ORG_MEMBERSHIPS")


class OrgMembershipCreateFields(MembershipCreateFields):
    """Body of a new organization or organization-team membership: the role is required there."""

    role: MembershipRole


AVATAR_DATA_URL = r"^data:image/[^;]+;base64,[A-Za-z0-9+/]*={0,2}$"


class OrgUserFields(Params):
    """Profile of a user inside an organization; every field optional (the update shape)."""

    email: Email | None = None
    username: str | None = Field(None, description="Lower-case")
    weekday: str | None = Field(None, description="Week start, e.g. Monday")
    brandColor: str | None = Field(None, description="Hex, e.g. #FFFFFF")
    darkBrandColor: str | None = Field(None, description="Dark-mode hex, e.g. #000000")
    # Live API: bio and metadata are accepted (2025-10 spec, create shape); the pinned spec omits them.
    bio: str | None = None
    metadata: Metadata | None = Field(None, description="Own key-value data")
    hideBranding: bool | None = Field(None, description="Hide Cal.com branding")
    timeZone: str | None = Field(None, description="IANA zone")
    theme: str | None = Field(None, description="Booking page: light or dark")
    appTheme: str | None = Field(None, description="light or dark")
    timeFormat: int | None = Field(None, description="12 or 24")
    defaultScheduleId: int | None = Field(None, ge=0, description="From CAL_LIST_ORG_USER_SCHEDULES")
    locale: str | None = Field(None, description="Language code, e.g. en, pt-BR; default en")
    # Server: users/inputs/create-user.input.ts (also the update's) checks it with avatarValidator.ts, a base64
    # image; a web URL, the document's example, is refused ("avatarUrl" failing avatarValidator, 400).
    avatarUrl: str | None = Field(
        None, pattern=AVATAR_DATA_URL, description="The image itself as a data URL, data:image/png;base64,…"
    )


class OrgUserCreateFields(OrgUserFields):
    """Body of a new organization user."""

    email: Email
    organizationRole: Literal["MEMBER", "ADMIN", "OWNER"] = "MEMBER"
    autoAccept: bool = Field(True, description="Join at once, no invitation")


class ListOrgMemberships(Page, OrgPath):
    pass


CAL_LIST_ORG_MEMBERSHIPS = declare(
    "CAL_LIST_ORG_MEMBERSHIPS",
    description="List the memberships of the organization itself, with ids.",
    params=ListOrgMemberships,
    route=Route("GET", "/v2/organizations/{orgId}/memberships", auth="bearer_or_platform"),
    tags=("orgs", "memberships"),
    aliases=("CAL_LIST_ORGANIZATION_MEMBERSHIPS",),
    examples=({"orgId": 12, "take": 50},),
)


class CreateOrgMembership(OrgMembershipCreateFields, OrgPath):
    pass


CAL_CREATE_ORG_MEMBERSHIP = declare(
    "CAL_CREATE_ORG_MEMBERSHIP",
    description="Make an existing user a member of the organization itself. For new accounts use CAL_CREATE_ORG_USER.",
    params=CreateOrgMembership,
    route=Route("POST", "/v2/organizations/{orgId}/memberships", auth="bearer_or_platform"),
    tags=("orgs", "memberships"),
    aliases=("CAL_CREATE_MEMBERSHIP_FOR_ORGANIZATION",),
    examples=({"orgId": 12, "userId": 124, "role": "MEMBER", "accepted": True},),
)


CAL_GET_ORG_MEMBERSHIP = declare(
    "CAL_GET_ORG_MEMBERSHIP",
    description="Get one membership of the organization itself.",
    params=OrgMembershipPath,
    route=Route("GET", "/v2/organizations/{orgId}/memberships/{membershipId}", auth="bearer_or_platform"),
    tags=("orgs", "memberships"),
    aliases=("CAL_RETRIEVE_MEMBERSHIP_FROM_ORGANIZATION",),
    examples=({"orgId": 12, "membershipId": 210},),
)


class UpdateOrgMembership(MembershipUpdateFields, OrgMembershipPath):
    pass


CAL_UPDATE_ORG_MEMBERSHIP = declare(
    "CAL_UPDATE_ORG_MEMBERSHIP",
    description="Change an organization membership's role, acceptance or impersonation.",
    params=UpdateOrgMembership,
    route=Route("PATCH", "/v2/organizations/{orgId}/memberships/{membershipId}", auth="bearer_or_platform"),
    tags=("orgs", "memberships"),
    aliases=("CAL_MODIFY_ORGANIZATION_MEMBERSHIP_BY_ID",),
    examples=({"orgId": 12, "membershipId": 210, "role": "ADMIN"},),
)


CAL_DELETE_ORG_MEMBERSHIP = declare(
    "CAL_DELETE_ORG_MEMBERSHIP",
    description="Remove a user from the organization itself; the account stays.",
    params=OrgMembershipPath,
    route=Route("DELETE", "/v2/organizations/{orgId}/memberships/{membershipId}", auth="bearer_or_platform"),
    tags=("orgs", "memberships"),
    aliases=("CAL_DELETE_ORGANIZATION_MEMBERSHIP",),
    examples=({"orgId": 12, "membershipId": 210},),
)


class ListOrgUsers(Page, OrgPath):
    emails: list[Email] | None = None
    assignedOptionIds: list[str] | None = Field(
        None, description="Users holding these, from CAL_LIST_ORG_ATTRIBUTE_OPTIONS"
    )
    attributeQueryOperator: Literal["AND", "OR", "NONE"] | None = Field(
        None, description="AND (default): all options; OR: any; NONE: none of them"
    )
    teamIds: list[int] | None = Field(None, description="Members of these teams")


CAL_LIST_ORG_USERS = declare(
    "CAL_LIST_ORG_USERS",
    description="List an organization's users with ids, optionally by email, team or attribute options.",
    params=ListOrgUsers,
    route=Route("GET", "/v2/organizations/{orgId}/users", auth="bearer_or_platform"),
    tags=("orgs", "users"),
    aliases=("CAL_RETRIEVE_USERS_IN_ORGANIZATION",),
    examples=(
        {"orgId": 12, "emails": ["dana.lee@acme.com"]},
        {"orgId": 12, "assignedOptionIds": ["cm4y7r2kq0003js08p9e6h2ab"], "attributeQueryOperator": "OR",
         "teamIds": [31], "take": 50},
    ),
)  # fmt: skip


class CreateOrgUser(OrgUserCreateFields, OrgPath):
    pass


CAL_CREATE_ORG_USER = declare(
    "CAL_CREATE_ORG_USER",
    description="Create a new user account inside an organization, with a role.",
    params=CreateOrgUser,
    route=Route("POST", "/v2/organizations/{orgId}/users", auth="bearer_or_platform"),
    tags=("orgs", "users"),
    aliases=("CAL_POST_USER_TO_ORGANIZATION",),
    examples=(
        {"orgId": 12, "email": "omar.haddad@acme.com", "username": "omar-haddad", "timeZone": "Asia/Dubai",
         "organizationRole": "MEMBER", "autoAccept": True},
    ),
)  # fmt: skip


# Spec: the body schema (UpdateOrganizationUserInput) has no properties in either spec, an artefact of
# the server's PartialType of the user-create input; the live API accepts those profile fields, all optional.
class UpdateOrgUser(OrgUserFields, OrgUserPath):
    pass


CAL_UPDATE_ORG_USER = declare(
    "CAL_UPDATE_ORG_USER",
    description="Partially update an organization user's profile.",
    params=UpdateOrgUser,
    route=Route("PATCH", "/v2/organizations/{orgId}/users/{userId}", auth="bearer_or_platform"),
    tags=("orgs", "users"),
    aliases=("CAL_PATCH_ORGANIZATION_USER_DETAILS",),
    examples=({"orgId": 12, "userId": 124, "timeZone": "Europe/Paris", "locale": "fr", "timeFormat": 24},),
)


CAL_DELETE_ORG_USER = declare(
    "CAL_DELETE_ORG_USER",
    description="Permanently delete an organization user's account, not just the membership.",
    params=OrgUserPath,
    route=Route("DELETE", "/v2/organizations/{orgId}/users/{userId}", auth="bearer_or_platform"),
    tags=("orgs", "users"),
    aliases=("CAL_DELETE_USER_FROM_ORGANIZATION",),
    examples=({"orgId": 12, "userId": 124},),
)


ACTIONS = [
    CAL_LIST_ORG_MEMBERSHIPS,
    CAL_CREATE_ORG_MEMBERSHIP,
    CAL_GET_ORG_MEMBERSHIP,
    CAL_UPDATE_ORG_MEMBERSHIP,
    CAL_DELETE_ORG_MEMBERSHIP,
    CAL_LIST_ORG_USERS,
    CAL_CREATE_ORG_USER,
    CAL_UPDATE_ORG_USER,
    CAL_DELETE_ORG_USER,
]
