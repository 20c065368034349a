"""Organizations a platform organization manages (``/v2/organizations/{orgId}/organizations``).

The OAuth client's headers authenticate these routes, and the client's organization acts through its
owner, as Cal.com's API guard does; the owner must be an admin of the organization in the path. A managed
organization is an organization team with ``managerOrgId``. Creating one makes that owner its OWNER and
issues an API key for it, which the answer carries once (only its holder knows it afterwards).
"""

from __future__ import annotations

import secrets
from datetime import timedelta
from typing import Any

from cal_actions.sandbox import auth
from cal_actions.sandbox.errors import Conflict, Forbidden
from cal_actions.sandbox.resources import org_access, teams
from cal_actions.sandbox.routing import Call, Reply, Routes, paged
from cal_actions.sandbox.store import Document
from cal_actions.sandbox.times import iso_utc

routes = Routes()

DEFAULT_KEY_DAYS = 30


def managed_output(team: Document) -> dict[str, Any]:
    output = {"id": team["id"], "name": team["name"], "slug": team["slug"]}
    return {**output, "metadata": team["metadata"]} if team.get("metadata") else output


def _manager(call: Call) -> Document:
    """The OAuth client acts as its organization's owner, who must administer the organization in the path."""
    if call.principal.user_id is None:
        call.principal.user_id = auth.platform_owner(call.tx, call.principal.oauth_client_id)
    return org_access.require_org_role(call, "ADMIN")


def _managed_by(call: Call, manager: Document) -> Document:
    managed_id = call.int_param("managedOrganizationId")
    team = call.tx.get("team", managed_id)
    if team is None or team.get("managerOrgId") != manager["id"]:
        raise Forbidden(
            f"IsManagedOrgInManagerOrg - Managed organization with id={managed_id} is not owned by manager "
            f"organization with id={manager['id']}."
        )
    return team


def _all_managed_by(call: Call, manager: Document) -> list[Document]:
    return sorted((t for t in call.tx.all("team") if t.get("managerOrgId") == manager["id"]), key=lambda t: t["id"])


@routes.action("CAL_LIST_MANAGED_ORGS")
def list_managed(call: Call) -> Reply:
    managed = _all_managed_by(call, _manager(call))
    slug, key, value = (call.query.get(name) for name in ("slug", "metadataKey", "metadataValue"))
    if slug:
        managed = [t for t in managed if t["slug"] == slug]
    if key and value:  # one without the other filters nothing, as in Cal.com
        managed = [t for t in managed if (t.get("metadata") or {}).get(key) == value]
    shown, pagination = paged(managed, call.query, default_take=250)
    return Reply([managed_output(t) for t in shown], extra={"pagination": pagination})


@routes.action("CAL_CREATE_MANAGED_ORG", status=201)
def create_managed(call: Call) -> dict[str, Any]:
    manager, body = _manager(call), call.body
    if not manager.get("isPlatform"):
        raise Forbidden(
            "Manager organization must be a platform organization. Normal organizations can't create managed "
            "organizations yet."
        )
    slug = body.get("slug") or teams.slugify(body["name"])
    if any(t["slug"] == slug for t in _all_managed_by(call, manager)):
        raise Conflict(
            f"Organization with slug '{slug}' already exists. Please, either provide a different slug or change "
            "name so that the automatically generated slug is different."
        )
    team = teams.new_team(call.tx, body["name"], slug, organization=True)
    team.update(isPlatform=True, managerOrgId=manager["id"], metadata=body.get("metadata") or {})
    call.tx.put("team", team["id"], team)
    teams.add_membership(call.tx, team["id"], call.user_id, "OWNER")
    days = body.get("apiKeyDaysValid") or DEFAULT_KEY_DAYS
    expires = None if body.get("apiKeyNeverExpires") else iso_utc(call.now + timedelta(days=days))
    api_key = f"cal_sandbox_{secrets.token_hex(16)}"
    record = {"key": api_key, "userId": call.user_id, "teamId": team["id"], "expiresAt": expires}
    call.tx.put("api_key", api_key, record)
    return {**managed_output(team), "apiKey": api_key}


@routes.action("CAL_GET_MANAGED_ORG")
def get_managed(call: Call) -> dict[str, Any]:
    return managed_output(_managed_by(call, _manager(call)))


@routes.action("CAL_UPDATE_MANAGED_ORG")
def update_managed(call: Call) -> dict[str, Any]:
    team = _managed_by(call, _manager(call))
    team.update({key: call.body[key] for key in ("name", "metadata") if call.body.get(key) is not None})
    call.tx.put("team", team["id"], team)
    return managed_output(team)


@routes.action("CAL_DELETE_MANAGED_ORG")
def delete_managed(call: Call) -> dict[str, Any]:
    team = _managed_by(call, _manager(call))
    org_access.delete_team(call.tx, team)
    for key in [k for k in call.tx.all("api_key") if k.get("teamId") == team["id"]]:  # the key issued for it
        call.tx.delete("api_key", key["key"])
    return managed_output(team)
