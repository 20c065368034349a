"""Managed organizations: organizations a platform organization creates and runs for its own customers."""

from __future__ import annotations

from pydantic import Field

from cal_actions.action import AuthKind, Route, declare
from cal_actions.actions._paths import OrgPath

TAGS = ("orgs", "platform", "managed-orgs")
# The document declares only the OAuth client's headers: the client's platform organization acts, as its owner.
AUTH: AuthKind = "platform"

Metadata = dict[str, str | int | bool]
_METADATA = "Own key-value data: ≤50 keys of ≤40 chars, string values ≤500 chars"


class ManagedOrgPath(OrgPath):
    managedOrganizationId: int = Field(description="From CAL_LIST_MANAGED_ORGS")


class ListManagedOrgs(OrgPath):
    take: int | None = Field(None, ge=1, le=250, description="Default 250")
    skip: int | None = Field(None, ge=0)
    slug: str | None = Field(None, description="Only this slug")
    metadataKey: str | None = Field(None, description="With metadataValue: only organizations whose metadata has it")
    metadataValue: str | None = Field(None, description="With metadataKey; exact, case-sensitive")


CAL_LIST_MANAGED_ORGS = declare(
    "CAL_LIST_MANAGED_ORGS",
    description="List the organizations your platform organization manages, paged, by slug or a metadata value.",
    params=ListManagedOrgs,
    route=Route("GET", "/v2/organizations/{orgId}/organizations", auth=AUTH),
    tags=TAGS,
    examples=({"orgId": 12}, {"orgId": 12, "metadataKey": "tenant", "metadataValue": "globex"}),
)


class CreateManagedOrg(OrgPath):
    name: str = Field(min_length=1)
    slug: str | None = Field(None, description="kebab-case; default from the name")
    metadata: Metadata | None = Field(None, description=_METADATA)
    apiKeyDaysValid: int | None = Field(None, ge=1, description="Days the returned API key works; default 30")
    apiKeyNeverExpires: bool | None = Field(None, description="The returned API key never expires")


CAL_CREATE_MANAGED_ORG = declare(
    "CAL_CREATE_MANAGED_ORG",
    description="Create an organization managed by your platform organization; returns its id and an API key for "
    "it, shown only this once: store it.",
    params=CreateManagedOrg,
    route=Route("POST", "/v2/organizations/{orgId}/organizations", auth=AUTH),
    tags=TAGS,
    examples=(
        {"orgId": 12, "name": "Globex Clinics", "slug": "globex-clinics", "metadata": {"tenant": "globex", "seats": 40},
         "apiKeyDaysValid": 90},
    ),
)  # fmt: skip


CAL_GET_MANAGED_ORG = declare(
    "CAL_GET_MANAGED_ORG",
    description="Get one organization your platform organization manages: name, slug, metadata.",
    params=ManagedOrgPath,
    route=Route("GET", "/v2/organizations/{orgId}/organizations/{managedOrganizationId}", auth=AUTH),
    tags=TAGS,
    examples=({"orgId": 12, "managedOrganizationId": 45},),
)


class UpdateManagedOrg(ManagedOrgPath):
    name: str | None = Field(None, min_length=1)
    metadata: Metadata | None = Field(None, description=_METADATA)


CAL_UPDATE_MANAGED_ORG = declare(
    "CAL_UPDATE_MANAGED_ORG",
    description="Rename a managed organization or replace its metadata.",
    params=UpdateManagedOrg,
    route=Route("PATCH", "/v2/organizations/{orgId}/organizations/{managedOrganizationId}", auth=AUTH),
    tags=TAGS,
    examples=({"orgId": 12, "managedOrganizationId": 45, "name": "Globex Health"},),
)


CAL_DELETE_MANAGED_ORG = declare(
    "CAL_DELETE_MANAGED_ORG",
    description="Permanently delete a managed organization, its memberships and its API key.",
    params=ManagedOrgPath,
    route=Route("DELETE", "/v2/organizations/{orgId}/organizations/{managedOrganizationId}", auth=AUTH),
    tags=TAGS,
    examples=({"orgId": 12, "managedOrganizationId": 45},),
)


ACTIONS = [
    CAL_LIST_MANAGED_ORGS,
    CAL_CREATE_MANAGED_ORG,
    CAL_GET_MANAGED_ORG,
    CAL_UPDATE_MANAGED_ORG,
    CAL_DELETE_MANAGED_ORG,
]
