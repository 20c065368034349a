"""``/v2/oauth-clients``: the platform OAuth clients of the caller's organization, managed with an API key.

The organization is the caller's own, and must be a platform organization. Creating a client answers
its id and secret; as in Cal.com, the client's answers carry its secret too (the documents require it).
Deleting a client ends its tokens and webhooks; its managed users stay, as Cal.com leaves them.
"""

from __future__ import annotations

import secrets
from typing import Any

from cal_actions.sandbox.errors import Forbidden, NotFound
from cal_actions.sandbox.resources import webhooks
from cal_actions.sandbox.routing import Call, Routes
from cal_actions.sandbox.store import Document
from cal_actions.sandbox.times import iso_utc

routes = Routes()

KIND = "oauth_client"
#: Permission names in bit order: a client's permissions are the sum of 2**index of each.
PERMISSIONS = (
    "EVENT_TYPE_READ", "EVENT_TYPE_WRITE", "BOOKING_READ", "BOOKING_WRITE", "SCHEDULE_READ", "SCHEDULE_WRITE",
    "APPS_READ", "APPS_WRITE", "PROFILE_READ", "PROFILE_WRITE",
)  # fmt: skip
_EDITABLE = (
    "name", "redirectUris", "logo", "bookingRedirectUri", "bookingCancelRedirectUri", "bookingRescheduleRedirectUri",
    "areEmailsEnabled", "areDefaultEventTypesEnabled", "areCalendarEventsEnabled",
)  # fmt: skip
_DEFAULTS = {"areEmailsEnabled": False, "areDefaultEventTypesEnabled": False, "areCalendarEventsEnabled": True}
_ADMINS, _MEMBERS = ("ADMIN", "OWNER"), ("ADMIN", "OWNER", "MEMBER")


def permission_bits(names: list[str]) -> int:
    return sum(2**index for index, name in enumerate(PERMISSIONS) if "*" in names or name in names)


def client_output(client: Document) -> dict[str, Any]:
    keys = ("id", "name", "secret", "redirectUris", "organizationId", "createdAt", *_DEFAULTS)
    output = {key: client.get(key, _DEFAULTS.get(key)) for key in keys}
    output["permissions"] = [name for index, name in enumerate(PERMISSIONS) if client["permissions"] & 2**index]
    optional = ("logo", "bookingRedirectUri", "bookingCancelRedirectUri", "bookingRescheduleRedirectUri")
    return {**output, **{key: client[key] for key in optional if client.get(key) is not None}}


def _organization(call: Call, roles: tuple[str, ...]) -> int:
    """Cal.com's organization roles guard: the caller's own organization, a platform one, an allowed role."""
    user = call.tx.get("user", call.user_id) or {}
    org_id = user.get("organizationId")
    org = call.tx.get("team", org_id) if org_id else None
    if org is None:
        raise Forbidden("OrganizationRolesGuard - No organization associated with the user.")
    if not org.get("isPlatform"):
        raise Forbidden("OrganizationRolesGuard - Organization is not a platform (SHP).")
    membership = next(
        (m for m in call.tx.all("membership") if m["teamId"] == org["id"] and m["userId"] == call.user_id), None
    )
    if membership is None or not membership["accepted"]:
        raise Forbidden("OrganizationRolesGuard - User has not accepted membership in the organization.")
    if membership["role"] not in roles:
        raise Forbidden(f"OrganizationRolesGuard - User must have one of the roles: {', '.join(roles)}.")
    return int(org["id"])


def _client(call: Call, roles: tuple[str, ...]) -> Document:
    org_id = _organization(call, roles)
    client_id = call.params["clientId"]
    client = call.tx.get(KIND, client_id)
    if client is None:
        raise NotFound("OAuthClientGuard - OAuth client not found.")
    if client["organizationId"] != org_id:
        raise Forbidden(
            f"OAuthClientGuard - forbidden. oAuth client with id={client_id} does not belong to the organization "
            f"with id={org_id}."
        )
    return client


@routes.action("CAL_CREATE_OAUTH_CLIENT", status=201)
def create_client(call: Call) -> dict[str, str]:
    org_id = _organization(call, _ADMINS)
    client_id = f"clsandboxoauthclient{call.tx.next_id(KIND):06d}"
    client = {key: call.body[key] for key in _EDITABLE if call.body.get(key) is not None}
    client.update(
        id=client_id, secret=f"sandbox_client_secret_{secrets.token_hex(16)}", organizationId=org_id,
        permissions=permission_bits(call.body["permissions"]), createdAt=iso_utc(call.now),
    )  # fmt: skip
    call.tx.put(KIND, client_id, client)
    return {"clientId": client_id, "clientSecret": client["secret"]}


@routes.action("CAL_LIST_OAUTH_CLIENTS")
def list_clients(call: Call) -> list[dict[str, Any]]:
    org_id = _organization(call, _MEMBERS)
    return [client_output(c) for c in call.tx.all(KIND) if c["organizationId"] == org_id]


@routes.action("CAL_GET_OAUTH_CLIENT")
def get_client(call: Call) -> dict[str, Any]:
    return client_output(_client(call, _MEMBERS))


@routes.action("CAL_UPDATE_OAUTH_CLIENT")
def update_client(call: Call) -> dict[str, Any]:
    client = _client(call, _ADMINS)
    client.update({key: call.body[key] for key in _EDITABLE if call.body.get(key) is not None})
    call.tx.put(KIND, client["id"], client)
    return client_output(client)


@routes.action("CAL_DELETE_OAUTH_CLIENT")
def delete_client(call: Call) -> dict[str, Any]:
    client = _client(call, _ADMINS)
    call.tx.delete(KIND, client["id"])
    for kind in ("access_token", "refresh_token"):
        for token in [t for t in call.tx.all(kind) if t.get("clientId") == client["id"]]:
            call.tx.delete(kind, token["token"])
    for hook in call.tx.all(webhooks.KIND):
        if (hook["scope"], hook["ownerId"]) == ("oauthClient", client["id"]):
            call.tx.delete(webhooks.KIND, hook["id"])
    return client_output(client)
