"""Organization attributes (custom user fields such as Department), their options and their assignment to users."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from cal_actions.action import Params, Route, all_optional, declare
from cal_actions.actions._paths import OrgPath, OrgUserPath, Page


class AttributeOptionFields(Params):
    # A selectable option.

    value: str = Field(description="Label, e.g. Engineering")
    slug: str = Field(description="Unique in the attribute, e.g. engineering")


#: Body of an option update: the same fields, none required.
@all_optional
class AttributeOptionUpdateFields(AttributeOptionFields):
    """The same fields, none required."""


class AttributeFields(Params):
    """Attribute settings shared by create and update."""

    name: str = Field(description="e.g. Department")
    slug: str = Field(description="Unique in the organization, e.g. department")
    type: Literal["TEXT", "NUMBER", "SINGLE_SELECT", "MULTI_SELECT"] = Field(
        description="Free TEXT or NUMBER, or one/several options"
    )
    enabled: bool | None = Field(None, description="In use")


#: Body of an attribute update: the same fields, none required; options have their own actions.
@all_optional
class AttributeUpdateFields(AttributeFields):
    """The same fields, none required."""


class OrgAttributePath(OrgPath):
    attributeId: str = Field(description="From CAL_LIST_ORG_ATTRIBUTES")


class OrgAttributeOptionPath(OrgAttributePath):
    optionId: str = Field(description="From CAL_LIST_ORG_ATTRIBUTE_OPTIONS")


class ListOrgAttributes(Page, OrgPath):
    pass


CAL_LIST_ORG_ATTRIBUTES = declare(
    "CAL_LIST_ORG_ATTRIBUTES",
    description="List an organization's custom user attributes with ids and options.",
    params=ListOrgAttributes,
    route=Route("GET", "/v2/organizations/{orgId}/attributes"),
    tags=("orgs", "attributes"),
    aliases=("CAL_RETRIEVE_ORGANIZATION_ATTRIBUTES",),
    examples=({"orgId": 12},),
)


class CreateOrgAttribute(AttributeFields, OrgPath):
    options: list[AttributeOptionFields] = Field(description="May be empty for TEXT and NUMBER")


CAL_CREATE_ORG_ATTRIBUTE = declare(
    "CAL_CREATE_ORG_ATTRIBUTE",
    description="Create a custom user attribute in an organization, with its initial options.",
    params=CreateOrgAttribute,
    route=Route("POST", "/v2/organizations/{orgId}/attributes"),
    tags=("orgs", "attributes"),
    aliases=("CAL_CREATE_ORGANIZATION_ATTRIBUTES",),
    examples=(
        {"orgId": 12, "name": "Department", "slug": "department", "type": "SINGLE_SELECT", "enabled": True,
         "options": [{"value": "Engineering", "slug": "engineering"}, {"value": "Sales", "slug": "sales"}]},
        {"orgId": 12, "name": "Years of experience", "slug": "years-of-experience", "type": "NUMBER", "options": []},
    ),
)  # fmt: skip


CAL_GET_ORG_ATTRIBUTE = declare(
    "CAL_GET_ORG_ATTRIBUTE",
    description="Get one organization attribute.",
    params=OrgAttributePath,
    route=Route("GET", "/v2/organizations/{orgId}/attributes/{attributeId}"),
    tags=("orgs", "attributes"),
    aliases=("CAL_FETCH_ORGANIZATION_ATTRIBUTE_BY_ID",),
    examples=({"orgId": 12, "attributeId": "cm4y7r2kq0001js08d5fz3w1x"},),
)


class UpdateOrgAttribute(AttributeUpdateFields, OrgAttributePath):
    pass


CAL_UPDATE_ORG_ATTRIBUTE = declare(
    "CAL_UPDATE_ORG_ATTRIBUTE",
    description="Partially update an organization attribute, not its options.",
    params=UpdateOrgAttribute,
    route=Route("PATCH", "/v2/organizations/{orgId}/attributes/{attributeId}"),
    tags=("orgs", "attributes"),
    aliases=("CAL_MODIFY_ORG_ATTRIBUTE_BY_ID",),
    examples=({"orgId": 12, "attributeId": "cm4y7r2kq0001js08d5fz3w1x", "type": "MULTI_SELECT", "name": "Teams"},),
)


CAL_DELETE_ORG_ATTRIBUTE = declare(
    "CAL_DELETE_ORG_ATTRIBUTE",
    description="Permanently delete an organization attribute and its options.",
    params=OrgAttributePath,
    route=Route("DELETE", "/v2/organizations/{orgId}/attributes/{attributeId}"),
    tags=("orgs", "attributes"),
    aliases=("CAL_DELETE_ORGANIZATION_ATTRIBUTE",),
    examples=({"orgId": 12, "attributeId": "cm4y7r2kq0001js08d5fz3w1x"},),
)


class CreateOrgAttributeOption(AttributeOptionFields, OrgAttributePath):
    pass


CAL_CREATE_ORG_ATTRIBUTE_OPTION = declare(
    "CAL_CREATE_ORG_ATTRIBUTE_OPTION",
    description="Add a selectable option to an organization attribute.",
    params=CreateOrgAttributeOption,
    route=Route("POST", "/v2/organizations/{orgId}/attributes/{attributeId}/options"),
    tags=("orgs", "attributes"),
    aliases=("CAL_ADD_ORGANIZATION_ATTRIBUTE_OPTION",),
    examples=({"orgId": 12, "attributeId": "cm4y7r2kq0001js08d5fz3w1x", "value": "Marketing", "slug": "marketing"},),
)


CAL_LIST_ORG_ATTRIBUTE_OPTIONS = declare(
    "CAL_LIST_ORG_ATTRIBUTE_OPTIONS",
    description="List the options of one organization attribute, with ids.",
    params=OrgAttributePath,
    route=Route("GET", "/v2/organizations/{orgId}/attributes/{attributeId}/options"),
    tags=("orgs", "attributes"),
    aliases=("CAL_RETRIEVE_ORGANIZATION_ATTRIBUTES_OPTIONS",),
    examples=({"orgId": 12, "attributeId": "cm4y7r2kq0001js08d5fz3w1x"},),
)


class UpdateOrgAttributeOption(AttributeOptionUpdateFields, OrgAttributeOptionPath):
    pass


CAL_UPDATE_ORG_ATTRIBUTE_OPTION = declare(
    "CAL_UPDATE_ORG_ATTRIBUTE_OPTION",
    description="Change an attribute option's value or slug.",
    params=UpdateOrgAttributeOption,
    route=Route("PATCH", "/v2/organizations/{orgId}/attributes/{attributeId}/options/{optionId}"),
    tags=("orgs", "attributes"),
    aliases=("CAL_PATCH_ORGANIZATION_ATTRIBUTE_OPTION",),
    examples=(
        {"orgId": 12, "attributeId": "cm4y7r2kq0001js08d5fz3w1x", "optionId": "cm4y7r2kq0003js08p9e6h2ab",
         "value": "Platform Engineering"},
    ),
)  # fmt: skip


CAL_DELETE_ORG_ATTRIBUTE_OPTION = declare(
    "CAL_DELETE_ORG_ATTRIBUTE_OPTION",
    description="Delete one option of an organization attribute.",
    params=OrgAttributeOptionPath,
    route=Route("DELETE", "/v2/organizations/{orgId}/attributes/{attributeId}/options/{optionId}"),
    tags=("orgs", "attributes"),
    aliases=("CAL_DELETE_ORGANIZATION_ATTRIBUTE_OPTION",),
    examples=({"orgId": 12, "attributeId": "cm4y7r2kq0001js08d5fz3w1x", "optionId": "cm4y7r2kq0003js08p9e6h2ab"},),
)


class AssignOrgAttributeOptionToUser(OrgUserPath):
    attributeId: str = Field(description="From CAL_LIST_ORG_ATTRIBUTES")
    attributeOptionId: str | None = Field(None, description="Select types; from CAL_LIST_ORG_ATTRIBUTE_OPTIONS")
    value: str | None = Field(None, description="TEXT and NUMBER types")


CAL_ASSIGN_ORG_ATTRIBUTE_OPTION_TO_USER = declare(
    "CAL_ASSIGN_ORG_ATTRIBUTE_OPTION_TO_USER",
    description="Set an organization attribute on an accepted member: an option for select types, a value for "
    "TEXT/NUMBER.",
    params=AssignOrgAttributeOptionToUser,
    route=Route("POST", "/v2/organizations/{orgId}/attributes/options/{userId}"),
    tags=("orgs", "attributes", "users"),
    aliases=("CAL_POST_ORG_ATTRIBUTE_OPTION_BY_USER",),
    destructive=True,
    idempotent=True,
    hints_note="a POST; on a single-select attribute it replaces the user's current option, and the same option "
    "again changes nothing",
    examples=(
        {"orgId": 12, "userId": 118, "attributeId": "cm4y7r2kq0001js08d5fz3w1x",
         "attributeOptionId": "cm4y7r2kq0003js08p9e6h2ab"},
        {"orgId": 12, "userId": 118, "attributeId": "cm4y7r2kq0002js08k4m1n7qr", "value": "7"},
    ),
)  # fmt: skip


CAL_LIST_ORG_USER_ATTRIBUTE_OPTIONS = declare(
    "CAL_LIST_ORG_USER_ATTRIBUTE_OPTIONS",
    description="List the attribute options assigned to one organization user.",
    params=OrgUserPath,
    route=Route("GET", "/v2/organizations/{orgId}/attributes/options/{userId}"),
    tags=("orgs", "attributes", "users"),
    aliases=("CAL_RETRIEVE_ATTRIBUTE_OPTIONS_FOR_ORG",),
    examples=({"orgId": 12, "userId": 118},),
)


class UnassignOrgAttributeOptionFromUser(OrgUserPath):
    attributeOptionId: str = Field(description="From CAL_LIST_ORG_USER_ATTRIBUTE_OPTIONS")


CAL_UNASSIGN_ORG_ATTRIBUTE_OPTION_FROM_USER = declare(
    "CAL_UNASSIGN_ORG_ATTRIBUTE_OPTION_FROM_USER",
    description="Remove an assigned attribute option from an organization user.",
    params=UnassignOrgAttributeOptionFromUser,
    route=Route("DELETE", "/v2/organizations/{orgId}/attributes/options/{userId}/{attributeOptionId}"),
    tags=("orgs", "attributes", "users"),
    aliases=("CAL_DELETE_USER_ATTRIBUTE_OPTION",),
    examples=({"orgId": 12, "userId": 118, "attributeOptionId": "cm4y7r2kq0003js08p9e6h2ab"},),
)


class AssignedOptionFilters(Page):
    assignedOptionIds: list[str] | None = Field(
        None, description="Only options held by users who hold one of these option ids"
    )
    teamIds: list[int] | None = Field(None, description="Only options held by members of these teams")


class ListOrgAttributeAssignedOptions(AssignedOptionFilters, OrgAttributePath):
    pass


CAL_LIST_ORG_ATTRIBUTE_ASSIGNED_OPTIONS = declare(
    "CAL_LIST_ORG_ATTRIBUTE_ASSIGNED_OPTIONS",
    description="List the options of one organization attribute that users hold, each with the holders' user ids. "
    "By slug: CAL_LIST_ORG_ATTRIBUTE_ASSIGNED_OPTIONS_BY_SLUG; one user's: CAL_LIST_ORG_USER_ATTRIBUTE_OPTIONS.",
    params=ListOrgAttributeAssignedOptions,
    route=Route("GET", "/v2/organizations/{orgId}/attributes/{attributeId}/options/assigned"),
    tags=("orgs", "attributes", "users"),
    examples=({"orgId": 12, "attributeId": "cm4y7r2kq0001js08d5fz3w1x", "teamIds": [31]},),
)


class ListOrgAttributeAssignedOptionsBySlug(AssignedOptionFilters, OrgPath):
    attributeSlug: str = Field(description="The attribute's slug, e.g. department")


CAL_LIST_ORG_ATTRIBUTE_ASSIGNED_OPTIONS_BY_SLUG = declare(
    "CAL_LIST_ORG_ATTRIBUTE_ASSIGNED_OPTIONS_BY_SLUG",
    description="List the held options of an organization attribute named by its slug, with the holders' user ids.",
    params=ListOrgAttributeAssignedOptionsBySlug,
    route=Route("GET", "/v2/organizations/{orgId}/attributes/slugs/{attributeSlug}/options/assigned"),
    tags=("orgs", "attributes", "users"),
    examples=({"orgId": 12, "attributeSlug": "department"},),
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
    CAL_LIST_ORG_ATTRIBUTE_ASSIGNED_OPTIONS,
    CAL_LIST_ORG_ATTRIBUTE_ASSIGNED_OPTIONS_BY_SLUG,
]
