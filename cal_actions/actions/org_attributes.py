"""Organization attributes (custom user fields such as Department), their options and their assignment to users."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from cal_actions.action import Params, Route, all_optional, declare
from cal_actions.actions._paths import OrgPath, OrgUserPath, Page


class AttributeOptionFields(Params):
    """One selectable option of an attribute."""

    value: str = Field(description="Label, e.g. Engineering")
    slug: str = Field(description="Unique in the attribute, e.g. engineering")


#: Body of an option update: the same fields, none required.
AttributeOptionUpdateFields = all_optional(AttributeOptionFields, "AttributeOptionUpdateFields")


class AttributeFields(Params):
    """Attribute settings shared by create and update."""

    name: str = Field(description="e.g. Department")
    slug: str = Field(description="Unique in the organization, e.g. department")
    type: Literal["TEXT", "NUMBER", "SINGLE_SELECT", "MULTI_SELECT"] = Field(
        description="Free TEXT or NUMBER, or one/several options"
    )
    enabled: bool = Field(None, description="In use")


#: Body of an attribute update: the same fields, none required; options have their own actions.
AttributeUpdateFields = all_optional(AttributeFields, "AttributeUpdateFields")


class OrgAttributePath(OrgPath):
    attributeId: str = Field(description="From CAL_LIST_ORG_ATTRIBUTES")


class OrgAttributeOptionPath(OrgAttributePath):
    optionId: str = Field(description="From CAL_LIST_ORG_ATTRIBUTE_OPTIONS")


class ListOrgAttributes(Page, OrgPath):
    pass


CAL_LIST_ORG_ATTRIBUTES = declare(
    "CAL_LIST_ORG_ATTRIBUTES",
    description="List an organization's custom user attributes (id, name, slug, type, options), paginated; orgId "
    "from CAL_GET_MY_ORGANIZATION_ID. Source of attributeId.",
    params=ListOrgAttributes,
    route=Route("GET", "/v2/organizations/{orgId}/attributes"),
    tags=("orgs", "attributes"),
    aliases=("CAL_RETRIEVE_ORGANIZATION_ATTRIBUTES",),
)


class CreateOrgAttribute(AttributeFields, OrgPath):
    options: list[AttributeOptionFields] = Field(description="May be empty for TEXT and NUMBER")


CAL_CREATE_ORG_ATTRIBUTE = declare(
    "CAL_CREATE_ORG_ATTRIBUTE",
    description="Create a custom user attribute in an organization (TEXT, NUMBER, SINGLE_SELECT or MULTI_SELECT) "
    "with its initial options. Returns the attribute and its id.",
    params=CreateOrgAttribute,
    route=Route("POST", "/v2/organizations/{orgId}/attributes"),
    tags=("orgs", "attributes"),
    aliases=("CAL_CREATE_ORGANIZATION_ATTRIBUTES",),
)


CAL_GET_ORG_ATTRIBUTE = declare(
    "CAL_GET_ORG_ATTRIBUTE",
    description="Get one organization attribute (name, slug, type, enabled) by attributeId.",
    params=OrgAttributePath,
    route=Route("GET", "/v2/organizations/{orgId}/attributes/{attributeId}"),
    tags=("orgs", "attributes"),
    aliases=("CAL_FETCH_ORGANIZATION_ATTRIBUTE_BY_ID",),
)


class UpdateOrgAttribute(AttributeUpdateFields, OrgAttributePath):
    pass


CAL_UPDATE_ORG_ATTRIBUTE = declare(
    "CAL_UPDATE_ORG_ATTRIBUTE",
    description="Change an organization attribute's name, slug, type or enabled flag; only the fields sent change. "
    "Manage its options with CAL_CREATE/UPDATE/DELETE_ORG_ATTRIBUTE_OPTION.",
    params=UpdateOrgAttribute,
    route=Route("PATCH", "/v2/organizations/{orgId}/attributes/{attributeId}"),
    tags=("orgs", "attributes"),
    aliases=("CAL_MODIFY_ORG_ATTRIBUTE_BY_ID",),
)


CAL_DELETE_ORG_ATTRIBUTE = declare(
    "CAL_DELETE_ORG_ATTRIBUTE",
    description="Permanently delete an organization attribute together with its options. Returns the deleted "
    "attribute.",
    params=OrgAttributePath,
    route=Route("DELETE", "/v2/organizations/{orgId}/attributes/{attributeId}"),
    tags=("orgs", "attributes"),
    aliases=("CAL_DELETE_ORGANIZATION_ATTRIBUTE",),
)


class CreateOrgAttributeOption(AttributeOptionFields, OrgAttributePath):
    pass


CAL_CREATE_ORG_ATTRIBUTE_OPTION = declare(
    "CAL_CREATE_ORG_ATTRIBUTE_OPTION",
    description="Add a selectable option to an organization attribute. Returns the option and its id.",
    params=CreateOrgAttributeOption,
    route=Route("POST", "/v2/organizations/{orgId}/attributes/{attributeId}/options"),
    tags=("orgs", "attributes"),
    aliases=("CAL_ADD_ORGANIZATION_ATTRIBUTE_OPTION",),
)


CAL_LIST_ORG_ATTRIBUTE_OPTIONS = declare(
    "CAL_LIST_ORG_ATTRIBUTE_OPTIONS",
    description="List the options of one organization attribute (id, value, slug). Source of optionId and "
    "attributeOptionId.",
    params=OrgAttributePath,
    route=Route("GET", "/v2/organizations/{orgId}/attributes/{attributeId}/options"),
    tags=("orgs", "attributes"),
    aliases=("CAL_RETRIEVE_ORGANIZATION_ATTRIBUTES_OPTIONS",),
)


class UpdateOrgAttributeOption(AttributeOptionUpdateFields, OrgAttributeOptionPath):
    pass


CAL_UPDATE_ORG_ATTRIBUTE_OPTION = declare(
    "CAL_UPDATE_ORG_ATTRIBUTE_OPTION",
    description="Change an attribute option's value or slug; only the fields sent change. Returns the option.",
    params=UpdateOrgAttributeOption,
    route=Route("PATCH", "/v2/organizations/{orgId}/attributes/{attributeId}/options/{optionId}"),
    tags=("orgs", "attributes"),
    aliases=("CAL_PATCH_ORGANIZATION_ATTRIBUTE_OPTION",),
)


CAL_DELETE_ORG_ATTRIBUTE_OPTION = declare(
    "CAL_DELETE_ORG_ATTRIBUTE_OPTION",
    description="Delete one option of an organization attribute. Returns the deleted option.",
    params=OrgAttributeOptionPath,
    route=Route("DELETE", "/v2/organizations/{orgId}/attributes/{attributeId}/options/{optionId}"),
    tags=("orgs", "attributes"),
    aliases=("CAL_DELETE_ORGANIZATION_ATTRIBUTE_OPTION",),
)


class AssignOrgAttributeOptionToUser(OrgUserPath):
    attributeId: str = Field(description="From CAL_LIST_ORG_ATTRIBUTES")
    attributeOptionId: str = Field(None, description="Select types; from CAL_LIST_ORG_ATTRIBUTE_OPTIONS")
    value: str = Field(None, description="TEXT and NUMBER types")


CAL_ASSIGN_ORG_ATTRIBUTE_OPTION_TO_USER = declare(
    "CAL_ASSIGN_ORG_ATTRIBUTE_OPTION_TO_USER",
    description="Set an organization attribute on a user who is an accepted org member: pass attributeOptionId "
    "for select attributes or value for TEXT/NUMBER ones. Returns the assignment.",
    params=AssignOrgAttributeOptionToUser,
    route=Route("POST", "/v2/organizations/{orgId}/attributes/options/{userId}"),
    tags=("orgs", "attributes", "users"),
    aliases=("CAL_POST_ORG_ATTRIBUTE_OPTION_BY_USER",),
)


CAL_LIST_ORG_USER_ATTRIBUTE_OPTIONS = declare(
    "CAL_LIST_ORG_USER_ATTRIBUTE_OPTIONS",
    description="List the attribute options assigned to one organization user (userId from CAL_LIST_ORG_USERS). "
    "Source of attributeOptionId for CAL_UNASSIGN_ORG_ATTRIBUTE_OPTION_FROM_USER.",
    params=OrgUserPath,
    route=Route("GET", "/v2/organizations/{orgId}/attributes/options/{userId}"),
    tags=("orgs", "attributes", "users"),
    aliases=("CAL_RETRIEVE_ATTRIBUTE_OPTIONS_FOR_ORG",),
)


class UnassignOrgAttributeOptionFromUser(OrgUserPath):
    attributeOptionId: str = Field(description="From CAL_LIST_ORG_USER_ATTRIBUTE_OPTIONS")


CAL_UNASSIGN_ORG_ATTRIBUTE_OPTION_FROM_USER = declare(
    "CAL_UNASSIGN_ORG_ATTRIBUTE_OPTION_FROM_USER",
    description="Remove one assigned attribute option from an organization user. Returns the removed assignment.",
    params=UnassignOrgAttributeOptionFromUser,
    route=Route("DELETE", "/v2/organizations/{orgId}/attributes/options/{userId}/{attributeOptionId}"),
    tags=("orgs", "attributes", "users"),
    aliases=("CAL_DELETE_USER_ATTRIBUTE_OPTION",),
)


ACTIONS = [
    CAL_LIST_ORG_ATTRIBUTES,
    CAL_CREATE_ORG_ATTRIBUTE,
    CAL_GET_ORG_ATTRIBUTE,
    CAL_UPDATE_ORG_ATTRIBUTE,
    CAL_DELETE_ORG_ATTRIBUTE,
    CAL_CREATE_ORG_ATTRIBUTE_OPTION,
    CAL_LIST_ORG_ATTRIBUTE_OPTIONS,
    CAL_UPDATE_ORG_ATTRIBUTE_OPTION,
    CAL_DELETE_ORG_ATTRIBUTE_OPTION,
    CAL_ASSIGN_ORG_ATTRIBUTE_OPTION_TO_USER,
    CAL_LIST_ORG_USER_ATTRIBUTE_OPTIONS,
    CAL_UNASSIGN_ORG_ATTRIBUTE_OPTION_FROM_USER,
]
