"""Delegation credentials: an organization's Google Workspace or Microsoft 365 service account for one domain.

The service-account key is a secret. Nothing here answers with it, and the store keeps only its fingerprint
(Cal.com keeps it encrypted), so neither an answer nor a sandbox file holds it. Checking the account with the
workspace is a stand-in: enabling succeeds for a credential that holds a key.
"""

from __future__ import annotations

import hashlib
import json
import uuid
from typing import Any

from cal_actions.sandbox.errors import BadRequest, NotFound
from cal_actions.sandbox.resources import org_access
from cal_actions.sandbox.routing import Call, Routes
from cal_actions.sandbox.store import Document
from cal_actions.sandbox.times import iso_utc

routes = Routes()

KIND = "delegation_credential"
#: Workspace platforms by slug, as Cal.com's admins register them (the names are stand-ins).
WORKSPACE_PLATFORMS = {"google": "Google Workspace", "office365": "Microsoft 365"}
_NAMESPACE = uuid.UUID("0e6f2b5c-8d1a-4f3e-b7c9-2a4d6e8f1b3c")


# Cal.com runs these routes through its tRPC handlers; their errors keep tRPC's code and a generic message.
class _TrpcNotFound(NotFound):
    code = "TRPCError"


class _TrpcBadRequest(BadRequest):
    code = "TRPCError"


def credential_output(credential: Document) -> dict[str, Any]:
    slug = credential["workspacePlatformSlug"]
    keys = ("id", "enabled", "domain", "organizationId", "createdAt", "updatedAt")
    platform = {"name": WORKSPACE_PLATFORMS[slug], "slug": slug}
    return {**{key: credential[key] for key in keys}, "workspacePlatform": platform}


def _fingerprint(key: dict[str, Any]) -> str:
    return hashlib.sha256(json.dumps(key, sort_keys=True).encode()).hexdigest()


@routes.action("CAL_CREATE_ORG_DELEGATION_CREDENTIAL", status=201)
def create_credential(call: Call) -> dict[str, Any]:
    org, body = org_access.require_org_role(call, "ADMIN"), call.body
    if body["workspacePlatformSlug"] not in WORKSPACE_PLATFORMS:
        raise _TrpcNotFound("The requested resource was not found")
    same_domain = [c for c in call.tx.all(KIND) if c["domain"] == body["domain"]]
    if any(c["organizationId"] == org["id"] or c["enabled"] for c in same_domain):
        raise _TrpcBadRequest("Bad request: Please check your request data and try again")
    number = call.tx.next_id(KIND)
    credential = {
        "id": str(uuid.uuid5(_NAMESPACE, f"delegation-{number}")), "organizationId": org["id"],
        "workspacePlatformSlug": body["workspacePlatformSlug"], "domain": body["domain"],
        "enabled": False,  # as in Cal.com: enabling is a separate step, once the workspace grants access
        "keyFingerprint": _fingerprint(body["serviceAccountKey"]),
        "createdAt": iso_utc(call.now), "updatedAt": iso_utc(call.now),
    }  # fmt: skip
    call.tx.put(KIND, credential["id"], credential)
    return credential_output(credential)


@routes.action("CAL_UPDATE_ORG_DELEGATION_CREDENTIAL")
def update_credential(call: Call) -> dict[str, Any]:
    org, body = org_access.require_org_role(call, "ADMIN"), call.body
    credential_id = call.params["credentialId"]
    credential = call.tx.get(KIND, credential_id)
    # Cal.com looks the id up without the organization; here another organization's credential is not found.
    if credential is None or credential["organizationId"] != org["id"]:
        raise NotFound(f"DelegationCredential with id {credential_id} not found")
    if body.get("serviceAccountKey") is not None:
        credential["keyFingerprint"] = _fingerprint(body["serviceAccountKey"])
    if body.get("enabled") is not None:
        credential["enabled"] = body["enabled"]
    credential["updatedAt"] = iso_utc(call.now)
    call.tx.put(KIND, credential["id"], credential)
    return credential_output(credential)
