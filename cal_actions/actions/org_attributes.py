"""TODO module docstring."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import Field

from cal_actions.action import NoParams, Params, Route, declare


class ListOrgAttributes(Params):
    orgId: int = Field(description='SPEC: ')
    take: int = Field(None, description='SPEC: The number of items to return')
    skip: int = Field(None, description='SPEC: The number of items to skip')


CAL_LIST_ORG_ATTRIBUTES = declare(
    "CAL_LIST_ORG_ATTRIBUTES",
    description="TODO (Get all attributes)",
    params=ListOrgAttributes,
    route=Route("GET", "/v2/organizations/{orgId}/attributes"),
    tags=('orgs', 'attributes'),
    aliases=('CAL_RETRIEVE_ORGANIZATION_ATTRIBUTES',),
)


class CreateOrgAttribute(Params):
    orgId: int = Field(description='SPEC: ')
    name: str = Field(description='SPEC: ')
    slug: str = Field(description='SPEC: ')
    type: Literal["TEXT", "NUMBER", "SINGLE_SELECT", "MULTI_SELECT"] = Field(description='SPEC: ')
    options: list[dict[str, Any]] = Field(description='SPEC: ')
    enabled: bool = Field(None, description='SPEC: ')


CAL_CREATE_ORG_ATTRIBUTE = declare(
    "CAL_CREATE_ORG_ATTRIBUTE",
    description="TODO (Create an attribute)",
    params=CreateOrgAttribute,
    route=Route("POST", "/v2/organizations/{orgId}/attributes"),
    tags=('orgs', 'attributes'),
    aliases=('CAL_CREATE_ORGANIZATION_ATTRIBUTES',),
)


class GetOrgAttribute(Params):
    orgId: int = Field(description='SPEC: ')
    attributeId: str = Field(description='SPEC: ')


CAL_GET_ORG_ATTRIBUTE = declare(
    "CAL_GET_ORG_ATTRIBUTE",
    description="TODO (Get an attribute)",
    params=GetOrgAttribute,
    route=Route("GET", "/v2/organizations/{orgId}/attributes/{attributeId}"),
    tags=('orgs', 'attributes'),
    aliases=('CAL_FETCH_ORGANIZATION_ATTRIBUTE_BY_ID',),
)


class UpdateOrgAttribute(Params):
    orgId: int = Field(description='SPEC: ')
    attributeId: str = Field(description='SPEC: ')
    name: str = Field(None, description='SPEC: ')
    slug: str = Field(None, description='SPEC: ')
    type: Literal["TEXT", "NUMBER", "SINGLE_SELECT", "MULTI_SELECT"] = Field(None, description='SPEC: ')
    enabled: bool = Field(None, description='SPEC: ')


CAL_UPDATE_ORG_ATTRIBUTE = declare(
    "CAL_UPDATE_ORG_ATTRIBUTE",
    description="TODO (Update an attribute)",
    params=UpdateOrgAttribute,
    route=Route("PATCH", "/v2/organizations/{orgId}/attributes/{attributeId}"),
    tags=('orgs', 'attributes'),
    aliases=('CAL_MODIFY_ORG_ATTRIBUTE_BY_ID',),
)


class DeleteOrgAttribute(Params):
    orgId: int = Field(description='SPEC: ')
    attributeId: str = Field(description='SPEC: ')


CAL_DELETE_ORG_ATTRIBUTE = declare(
    "CAL_DELETE_ORG_ATTRIBUTE",
    description="TODO (Delete an attribute)",
    params=DeleteOrgAttribute,
    route=Route("DELETE", "/v2/organizations/{orgId}/attributes/{attributeId}"),
    tags=('orgs', 'attributes'),
    aliases=('CAL_DELETE_ORGANIZATION_ATTRIBUTE',),
)


class CreateOrgAttributeOption(Params):
    orgId: int = Field(description='SPEC: ')
    attributeId: str = Field(description='SPEC: ')
    value: str = Field(description='SPEC: ')
    slug: str = Field(description='SPEC: ')


CAL_CREATE_ORG_ATTRIBUTE_OPTION = declare(
    "CAL_CREATE_ORG_ATTRIBUTE_OPTION",
    description="TODO (Create an attribute option)",
    params=CreateOrgAttributeOption,
    route=Route("POST", "/v2/organizations/{orgId}/attributes/{attributeId}/options"),
    tags=('orgs', 'attributes'),
    aliases=('CAL_ADD_ORGANIZATION_ATTRIBUTE_OPTION',),
)


class ListOrgAttributeOptions(Params):
    orgId: int = Field(description='SPEC: ')
    attributeId: str = Field(description='SPEC: ')


CAL_LIST_ORG_ATTRIBUTE_OPTIONS = declare(
    "CAL_LIST_ORG_ATTRIBUTE_OPTIONS",
    description="TODO (Get all attribute options)",
    params=ListOrgAttributeOptions,
    route=Route("GET", "/v2/organizations/{orgId}/attributes/{attributeId}/options"),
    tags=('orgs', 'attributes'),
    aliases=('CAL_RETRIEVE_ORGANIZATION_ATTRIBUTES_OPTIONS',),
)


class UpdateOrgAttributeOption(Params):
    orgId: int = Field(description='SPEC: ')
    attributeId: str = Field(description='SPEC: ')
    optionId: str = Field(description='SPEC: ')
    value: str = Field(None, description='SPEC: ')
    slug: str = Field(None, description='SPEC: ')


CAL_UPDATE_ORG_ATTRIBUTE_OPTION = declare(
    "CAL_UPDATE_ORG_ATTRIBUTE_OPTION",
    description="TODO (Update an attribute option)",
    params=UpdateOrgAttributeOption,
    route=Route("PATCH", "/v2/organizations/{orgId}/attributes/{attributeId}/options/{optionId}"),
    tags=('orgs', 'attributes'),
    aliases=('CAL_PATCH_ORGANIZATION_ATTRIBUTE_OPTION',),
)


class DeleteOrgAttributeOption(Params):
    orgId: int = Field(description='SPEC: ')
    attributeId: str = Field(description='SPEC: ')
    optionId: str = Field(description='SPEC: ')


CAL_DELETE_ORG_ATTRIBUTE_OPTION = declare(
    "CAL_DELETE_ORG_ATTRIBUTE_OPTION",
    description="TODO (Delete an attribute option)",
    params=DeleteOrgAttributeOption,
    route=Route("DELETE", "/v2/organizations/{orgId}/attributes/{attributeId}/options/{optionId}"),
    tags=('orgs', 'attributes'),
    aliases=('CAL_DELETE_ORGANIZATION_ATTRIBUTE_OPTION',),
)


class AssignOrgAttributeOptionToUser(Params):
    orgId: int = Field(description='SPEC: ')
    userId: int = Field(description='SPEC: ')
    value: str = Field(None, description='SPEC: ')
    attributeOptionId: str = Field(None, description='SPEC: ')
    attributeId: str = Field(description='SPEC: ')


CAL_ASSIGN_ORG_ATTRIBUTE_OPTION_TO_USER = declare(
    "CAL_ASSIGN_ORG_ATTRIBUTE_OPTION_TO_USER",
    description="TODO (Assign an attribute to a user)",
    params=AssignOrgAttributeOptionToUser,
    route=Route("POST", "/v2/organizations/{orgId}/attributes/options/{userId}"),
    tags=('orgs', 'attributes', 'users'),
    aliases=('CAL_POST_ORG_ATTRIBUTE_OPTION_BY_USER',),
)


class ListOrgUserAttributeOptions(Params):
    orgId: int = Field(description='SPEC: ')
    userId: int = Field(description='SPEC: ')


CAL_LIST_ORG_USER_ATTRIBUTE_OPTIONS = declare(
    "CAL_LIST_ORG_USER_ATTRIBUTE_OPTIONS",
    description="TODO (Get all attribute options for a user)",
    params=ListOrgUserAttributeOptions,
    route=Route("GET", "/v2/organizations/{orgId}/attributes/options/{userId}"),
    tags=('orgs', 'attributes', 'users'),
    aliases=('CAL_RETRIEVE_ATTRIBUTE_OPTIONS_FOR_ORG',),
)


class UnassignOrgAttributeOptionFromUser(Params):
    orgId: int = Field(description='SPEC: ')
    userId: int = Field(description='SPEC: ')
    attributeOptionId: str = Field(description='SPEC: ')


CAL_UNASSIGN_ORG_ATTRIBUTE_OPTION_FROM_USER = declare(
    "CAL_UNASSIGN_ORG_ATTRIBUTE_OPTION_FROM_USER",
    description="TODO (Unassign an attribute from a user)",
    params=UnassignOrgAttributeOptionFromUser,
    route=Route("DELETE", "/v2/organizations/{orgId}/attributes/options/{userId}/{attributeOptionId}"),
    tags=('orgs', 'attributes', 'users'),
    aliases=('CAL_DELETE_USER_ATTRIBUTE_OPTION',),
)


ACTIONS = [CAL_LIST_ORG_ATTRIBUTES, CAL_CREATE_ORG_ATTRIBUTE, CAL_GET_ORG_ATTRIBUTE, CAL_UPDATE_ORG_ATTRIBUTE, CAL_DELETE_ORG_ATTRIBUTE, CAL_CREATE_ORG_ATTRIBUTE_OPTION, CAL_LIST_ORG_ATTRIBUTE_OPTIONS, CAL_UPDATE_ORG_ATTRIBUTE_OPTION, CAL_DELETE_ORG_ATTRIBUTE_OPTION, CAL_ASSIGN_ORG_ATTRIBUTE_OPTION_TO_USER, CAL_LIST_ORG_USER_ATTRIBUTE_OPTIONS, CAL_UNASSIGN_ORG_ATTRIBUTE_OPTION_FROM_USER]
