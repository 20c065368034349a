"""Delegation credentials: an organization's Google Workspace or Microsoft 365 service account, acting for its members.

The service-account key is a secret: its fields are marked sensitive, so a call masks them wherever an
answer, an error or a dry run would show them (Cal.com's validation errors echo the whole body).
"""

from __future__ import annotations

from typing import Annotated

from pydantic import Field

from cal_actions.action import SENSITIVE, AuthKind, Params, Route, declare
from cal_actions.actions._paths import OrgPath

TAGS = ("orgs", "delegation-credentials")
AUTH: AuthKind = "bearer_or_platform"
_SECRET = "Sensitive: never shown again"


# The two key shapes Cal.com tells apart by client_email (Google) or tenant_id (Microsoft). Every field must
# be non-empty: a body Cal.com's validation refuses comes back with the key in the error.
class GoogleServiceAccountKey(Params):
    private_key: Annotated[str, SENSITIVE] = Field(min_length=1, description=f"PEM private key. {_SECRET}")
    client_email: str = Field(min_length=1, description="Service account email")
    client_id: str = Field(min_length=1, description="Service account client id")


class MicrosoftServiceAccountKey(Params):
    private_key: Annotated[str, SENSITIVE] = Field(min_length=1, description=f"Client secret. {_SECRET}")
    tenant_id: str = Field(min_length=1, description="Directory (tenant) id")
    client_id: str = Field(min_length=1, description="Application (client) id")


# Spec: the document types serviceAccountKey as an array of keys; the server validates one object
# (apps/api/v2/src/modules/organizations/delegation-credentials/inputs/service-account-key.input.ts)
# and refuses an array.
ServiceAccountKey = GoogleServiceAccountKey | MicrosoftServiceAccountKey
_KEY = "Secret service-account key: Google {private_key, client_email, client_id} or Microsoft {private_key, " \
    "tenant_id, client_id}"


class DelegationCredentialPath(OrgPath):
    credentialId: str = Field(description="The id CAL_CREATE_ORG_DELEGATION_CREDENTIAL returned")


class CreateOrgDelegationCredential(OrgPath):
    workspacePlatformSlug: str = Field(min_length=1, description="google or office365")
    domain: str = Field(min_length=1, description="Members' email domain, e.g. example.com")
    serviceAccountKey: ServiceAccountKey = Field(description=_KEY)


CAL_CREATE_ORG_DELEGATION_CREDENTIAL = declare(
    "CAL_CREATE_ORG_DELEGATION_CREDENTIAL",
    description="Store an organization's Google Workspace or Microsoft 365 service account for one email domain "
    "(admin), so Cal.com reaches members' calendars without their own connections. Created disabled; enable it "
    "with CAL_UPDATE_ORG_DELEGATION_CREDENTIAL. The key is sensitive and never returned.",
    params=CreateOrgDelegationCredential,
    route=Route("POST", "/v2/organizations/{orgId}/delegation-credentials", auth=AUTH),
    tags=TAGS,
    examples=(
        {"orgId": 12, "workspacePlatformSlug": "google", "domain": "acme.com",
         "serviceAccountKey": {"private_key": "-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBg…\n-----END PRIVATE KEY-----",
                               "client_email": "cal-delegation@acme-prod.iam.gserviceaccount.com",
                               "client_id": "109876543210987654321"}},
        {"orgId": 12, "workspacePlatformSlug": "office365", "domain": "acme.com",
         "serviceAccountKey": {"private_key": "q8R8Q~x2Vb7k…", "tenant_id": "72f988bf-86f1-41af-91ab-2d7cd011db47",
                               "client_id": "5e3ce6c0-2b1f-4285-8d4b-75ee78787346"}},
    ),
)  # fmt: skip


class UpdateOrgDelegationCredential(DelegationCredentialPath):
    enabled: bool | None = Field(None, description="true once the workspace admin granted access")
    serviceAccountKey: ServiceAccountKey | None = Field(None, description=f"Replaces the key. {_KEY}")


CAL_UPDATE_ORG_DELEGATION_CREDENTIAL = declare(
    "CAL_UPDATE_ORG_DELEGATION_CREDENTIAL",
    description="Enable or disable an organization's delegation credential, or replace its sensitive service-account "
    "key (admin).",
    params=UpdateOrgDelegationCredential,
    route=Route("PATCH", "/v2/organizations/{orgId}/delegation-credentials/{credentialId}", auth=AUTH),
    tags=TAGS,
    examples=({"orgId": 12, "credentialId": "f3b2a1c0-9d8e-4f7a-b6c5-d4e3f2a1b0c9", "enabled": True},),
)


ACTIONS = [CAL_CREATE_ORG_DELEGATION_CREDENTIAL, CAL_UPDATE_ORG_DELEGATION_CREDENTIAL]
