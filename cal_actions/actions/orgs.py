"""TODO module docstring."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import Field

from cal_actions.action import NoParams, Params, Route, declare


class ListOrgMemberships(Params):
    orgId: int = Field(description='SPEC: ')
    take: int = Field(None, description='SPEC: The number of items to return')
    skip: int = Field(None, description='SPEC: The number of items to skip')


CAL_LIST_ORG_MEMBERSHIPS = declare(
    "CAL_LIST_ORG_MEMBERSHIPS",
    description="TODO (Get all memberships)",
    params=ListOrgMemberships,
    route=Route("GET", "/v2/organizations/{orgId}/memberships"),
    tags=('orgs', 'memberships'),
    aliases=('CAL_LIST_ORGANIZATION_MEMBERSHIPS',),
)


class CreateOrgMembership(Params):
    orgId: int = Field(description='SPEC: ')
    userId: int = Field(description='SPEC: ')
    accepted: bool = Field(False, description='SPEC: ')
    role: Literal["MEMBER", "OWNER", "ADMIN"] = Field(description='SPEC: ')
    disableImpersonation: bool = Field(False, description='SPEC: ')


CAL_CREATE_ORG_MEMBERSHIP = declare(
    "CAL_CREATE_ORG_MEMBERSHIP",
    description="TODO (Create a membership)",
    params=CreateOrgMembership,
    route=Route("POST", "/v2/organizations/{orgId}/memberships"),
    tags=('orgs', 'memberships'),
    aliases=('CAL_CREATE_MEMBERSHIP_FOR_ORGANIZATION',),
)


class GetOrgMembership(Params):
    orgId: int = Field(description='SPEC: ')
    membershipId: int = Field(description='SPEC: ')


CAL_GET_ORG_MEMBERSHIP = declare(
    "CAL_GET_ORG_MEMBERSHIP",
    description="TODO (Get a membership)",
    params=GetOrgMembership,
    route=Route("GET", "/v2/organizations/{orgId}/memberships/{membershipId}"),
    tags=('orgs', 'memberships'),
    aliases=('CAL_RETRIEVE_MEMBERSHIP_FROM_ORGANIZATION',),
)


class UpdateOrgMembership(Params):
    orgId: int = Field(description='SPEC: ')
    membershipId: int = Field(description='SPEC: ')
    accepted: bool = Field(None, description='SPEC: ')
    role: Literal["MEMBER", "OWNER", "ADMIN"] = Field(None, description='SPEC: ')
    disableImpersonation: bool = Field(None, description='SPEC: ')


CAL_UPDATE_ORG_MEMBERSHIP = declare(
    "CAL_UPDATE_ORG_MEMBERSHIP",
    description="TODO (Update a membership)",
    params=UpdateOrgMembership,
    route=Route("PATCH", "/v2/organizations/{orgId}/memberships/{membershipId}"),
    tags=('orgs', 'memberships'),
    aliases=('CAL_MODIFY_ORGANIZATION_MEMBERSHIP_BY_ID',),
)


class DeleteOrgMembership(Params):
    orgId: int = Field(description='SPEC: ')
    membershipId: int = Field(description='SPEC: ')


CAL_DELETE_ORG_MEMBERSHIP = declare(
    "CAL_DELETE_ORG_MEMBERSHIP",
    description="TODO (Delete a membership)",
    params=DeleteOrgMembership,
    route=Route("DELETE", "/v2/organizations/{orgId}/memberships/{membershipId}"),
    tags=('orgs', 'memberships'),
    aliases=('CAL_DELETE_ORGANIZATION_MEMBERSHIP',),
)


class ListOrgUsers(Params):
    orgId: int = Field(description='SPEC: ')
    take: int = Field(None, description='SPEC: The number of items to return')
    skip: int = Field(None, description='SPEC: The number of items to skip')
    emails: list[str] = Field(None, description='SPEC: The email address or an array of email addresses to filter by')


CAL_LIST_ORG_USERS = declare(
    "CAL_LIST_ORG_USERS",
    description="TODO (Get all users)",
    params=ListOrgUsers,
    route=Route("GET", "/v2/organizations/{orgId}/users"),
    tags=('orgs', 'users'),
    aliases=('CAL_RETRIEVE_USERS_IN_ORGANIZATION',),
)


class CreateOrgUser(Params):
    orgId: int = Field(description='SPEC: ')
    email: str = Field(description='SPEC: User email address')
    username: str = Field(None, description='SPEC: Username')
    weekday: str = Field(None, description='SPEC: Preferred weekday')
    brandColor: str = Field(None, description='SPEC: Brand color in HEX format')
    darkBrandColor: str = Field(None, description='SPEC: Dark brand color in HEX format')
    hideBranding: bool = Field(None, description='SPEC: Hide branding')
    timeZone: str = Field(None, description='SPEC: Time zone')
    theme: str = Field(None, description='SPEC: Theme')
    appTheme: str = Field(None, description='SPEC: Application theme')
    timeFormat: int = Field(None, description='SPEC: Time format')
    defaultScheduleId: int = Field(None, ge=0, description='SPEC: Default schedule ID')
    locale: str = Field('en', description='SPEC: Locale')
    avatarUrl: str = Field(None, description='SPEC: Avatar URL')
    organizationRole: Literal["MEMBER", "ADMIN", "OWNER"] = Field('MEMBER', description='SPEC: ')
    autoAccept: bool = Field(True, description='SPEC: ')


CAL_CREATE_ORG_USER = declare(
    "CAL_CREATE_ORG_USER",
    description="TODO (Create a user)",
    params=CreateOrgUser,
    route=Route("POST", "/v2/organizations/{orgId}/users"),
    tags=('orgs', 'users'),
    aliases=('CAL_POST_USER_TO_ORGANIZATION',),
)


class UpdateOrgUser(Params):
    orgId: int = Field(description='SPEC: ')
    userId: int = Field(description='SPEC: ')


CAL_UPDATE_ORG_USER = declare(
    "CAL_UPDATE_ORG_USER",
    description="TODO (Update a user)",
    params=UpdateOrgUser,
    route=Route("PATCH", "/v2/organizations/{orgId}/users/{userId}"),
    tags=('orgs', 'users'),
    aliases=('CAL_PATCH_ORGANIZATION_USER_DETAILS',),
)


class DeleteOrgUser(Params):
    orgId: int = Field(description='SPEC: ')
    userId: int = Field(description='SPEC: ')


CAL_DELETE_ORG_USER = declare(
    "CAL_DELETE_ORG_USER",
    description="TODO (Delete a user)",
    params=DeleteOrgUser,
    route=Route("DELETE", "/v2/organizations/{orgId}/users/{userId}"),
    tags=('orgs', 'users'),
    aliases=('CAL_DELETE_USER_FROM_ORGANIZATION',),
)


ACTIONS = [CAL_LIST_ORG_MEMBERSHIPS, CAL_CREATE_ORG_MEMBERSHIP, CAL_GET_ORG_MEMBERSHIP, CAL_UPDATE_ORG_MEMBERSHIP, CAL_DELETE_ORG_MEMBERSHIP, CAL_LIST_ORG_USERS, CAL_CREATE_ORG_USER, CAL_UPDATE_ORG_USER, CAL_DELETE_ORG_USER]
