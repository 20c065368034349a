"""Cal.com Platform: an OAuth client's managed users and their rotating tokens, and the provider checks.

Access tokens live an hour (``expiresAt`` in epoch milliseconds, checked by the bearer
authentication); refreshing or force-refreshing deletes the user's old pair for that client.
"""

from __future__ import annotations

import re
import secrets
from datetime import datetime, timedelta
from typing import Any

from cal_actions.sandbox.errors import BadRequest, Conflict, Forbidden, NotFound, Unauthorized
from cal_actions.sandbox.resources import schedules
from cal_actions.sandbox.routing import NO_DATA, Call, Reply, Routes, csv_values
from cal_actions.sandbox.store import Document, Tx
from cal_actions.sandbox.times import iso_utc, valid_zone

routes = Routes()

ACCESS_TOKEN_LIFETIME = timedelta(minutes=60)
REFRESH_TOKEN_LIFETIME = timedelta(days=365)
_OUTPUT_FIELDS = ("id", "email", "username", "name", "bio", "timeZone", "weekStart", "timeFormat", "defaultScheduleId",
                  "locale", "avatarUrl", "metadata")  # fmt: skip
_EDITABLE = ("email", "name", "timeFormat", "weekStart", "timeZone", "locale", "avatarUrl", "defaultScheduleId", "bio",
             "metadata")  # fmt: skip


def issue_tokens(tx: Tx, user_id: int, client_id: str, now: datetime) -> dict[str, Any]:
    """A new token pair; every earlier pair of this user and client stops working."""
    for kind in ("access_token", "refresh_token"):
        for token in [t for t in _tokens(tx, kind) if (t["userId"], t["clientId"]) == (user_id, client_id)]:
            tx.delete(kind, token["token"])
    expires_at = int((now + ACCESS_TOKEN_LIFETIME).timestamp() * 1000)
    refresh_expires_at = int((now + REFRESH_TOKEN_LIFETIME).timestamp() * 1000)
    access, refresh = f"sandbox_access_{secrets.token_hex(16)}", f"sandbox_refresh_{secrets.token_hex(16)}"
    tx.put("access_token", access, {"token": access, "userId": user_id, "clientId": client_id, "expiresAt": expires_at})
    tx.put("refresh_token", refresh, {"token": refresh, "userId": user_id, "clientId": client_id})
    return {"accessToken": access, "refreshToken": refresh, "accessTokenExpiresAt": expires_at,
            "refreshTokenExpiresAt": refresh_expires_at}  # fmt: skip


def _tokens(tx: Tx, kind: str) -> list[Document]:
    return [token for token in tx.all(kind) if "token" in token]  # each body names its own key


def _client(call: Call) -> str:
    client_id = call.params["clientId"]
    if call.principal.oauth_client_id != client_id:
        raise Forbidden("OAuth client credentials do not match the client id in the path")
    return client_id


def managed_output(tx: Tx, user: Document) -> dict[str, Any]:
    output = {key: user.get(key) for key in _OUTPUT_FIELDS if key != "metadata"}
    if user.get("metadata"):
        output["metadata"] = user["metadata"]
    seeded = tx.get("meta", "seed") or {}
    output["createdDate"] = user.get("createdDate") or seeded.get("seededAt", "")
    return output


def _managed_user(call: Call) -> Document:
    client_id, user_id = _client(call), call.int_param("userId")
    user = call.tx.get("user", user_id)
    if user is None or user.get("oauthClientId") != client_id:
        raise NotFound(f"User with id={user_id} not found")
    return user


def _check_profile(tx: Tx, user_id: int | None, changes: dict[str, Any]) -> None:
    if "timeZone" in changes and not valid_zone(changes["timeZone"]):
        raise BadRequest("timeZone must be a valid IANA time zone")
    if "email" in changes:
        taken = [u for u in tx.all("user") if u["email"] == changes["email"] and u["id"] != user_id]
        if taken:
            raise Conflict("User with the provided e-mail already exists.")
    if changes.get("defaultScheduleId") is not None:
        schedule = tx.get("schedule", changes["defaultScheduleId"])
        if schedule is None or schedule["ownerId"] != user_id:
            raise NotFound(f"Schedule with id={changes['defaultScheduleId']} not found")


@routes.action("CAL_LIST_MANAGED_USERS")
def list_managed_users(call: Call) -> list[dict[str, Any]]:
    client_id = _client(call)
    users = [u for u in call.tx.all("user") if u.get("oauthClientId") == client_id]
    given = set(csv_values(call.query, "emails"))
    if given:  # as stored (tagged with the client id) or as the client gave it
        emails = given | {_managed_email(email, client_id) for email in given}
        users = [u for u in users if u["email"] in emails]
    offset, limit = _count(call, "offset"), _count(call, "limit")
    users = users[offset or 0 :]
    return [managed_output(call.tx, u) for u in (users if limit is None else users[:limit])]


def _count(call: Call, name: str) -> int | None:
    raw = call.query.get(name)
    if raw is not None and not raw.isdigit():
        raise BadRequest(f"{name} must be an integer number")
    return None if raw is None else int(raw)



def _managed_email(email: str, client_id: str) -> str:
    """Cal.com tags a managed user's email with its client id, so one address can exist per client."""
    local, _, domain = email.partition("@")
    return f"{local}+{client_id}@{domain}"


@routes.action("CAL_CREATE_MANAGED_USER", status=201)
def create_managed_user(call: Call) -> dict[str, Any]:
    client_id = _client(call)
    body = call.body
    fields = {key: body[key] for key in _EDITABLE if body.get(key) is not None}
    fields["email"] = _managed_email(body["email"], client_id)
    _check_profile(call.tx, None, fields)
    user_id = call.tx.next_id("user")
    username = re.sub(r"[^a-z0-9]+", "-", body["email"].partition("@")[0].lower()).strip("-")
    user = {
        "id": user_id, "username": f"{username}-{client_id}", "name": body["name"], "email": fields["email"],
        "timeZone": fields.get("timeZone", "Europe/London"), "timeFormat": fields.get("timeFormat", 12),
        "weekStart": fields.get("weekStart", "Sunday"), "locale": fields.get("locale", "en"),
        "avatarUrl": fields.get("avatarUrl"), "defaultScheduleId": None, "organizationId": None,
        "bio": fields.get("bio"), "metadata": fields.get("metadata"),
        "oauthClientId": client_id, "createdDate": iso_utc(call.now),
    }  # fmt: skip
    if "timeZone" in fields:  # only a known zone gets the default Mon-Fri 9-17 schedule
        user["defaultScheduleId"] = schedules.new_schedule(call.tx, user_id, "Default", fields["timeZone"])["id"]
    call.tx.put("user", user_id, user)
    return {"user": managed_output(call.tx, user), **issue_tokens(call.tx, user_id, client_id, call.now)}


@routes.action("CAL_GET_MANAGED_USER")
def get_managed_user(call: Call) -> dict[str, Any]:
    return managed_output(call.tx, _managed_user(call))


@routes.action("CAL_UPDATE_MANAGED_USER")
def update_managed_user(call: Call) -> dict[str, Any]:
    user = _managed_user(call)
    changes = {key: call.body[key] for key in _EDITABLE if key in call.body and call.body[key] is not None}
    if "email" in changes:
        changes["email"] = _managed_email(changes["email"], user["oauthClientId"])
    _check_profile(call.tx, user["id"], changes)
    user.update(changes)
    call.tx.put("user", user["id"], user)
    return managed_output(call.tx, user)


@routes.action("CAL_DELETE_MANAGED_USER")
def delete_managed_user(call: Call) -> dict[str, Any]:
    user = _managed_user(call)
    output = managed_output(call.tx, user)
    call.tx.delete("user", user["id"])
    for kind in ("access_token", "refresh_token"):
        for token in [t for t in _tokens(call.tx, kind) if t["userId"] == user["id"]]:
            call.tx.delete(kind, token["token"])
    for schedule in [s for s in call.tx.all("schedule") if s["ownerId"] == user["id"]]:
        call.tx.delete("schedule", schedule["id"])
    return output


@routes.action("CAL_FORCE_REFRESH_MANAGED_USER_TOKENS")
def force_refresh(call: Call) -> dict[str, Any]:
    user = _managed_user(call)
    return issue_tokens(call.tx, user["id"], user["oauthClientId"], call.now)


@routes.action("CAL_REFRESH_MANAGED_USER_TOKENS")
def refresh(call: Call) -> dict[str, Any]:
    client_id = call.params["clientId"]
    if call.principal.oauth_client_id != client_id:
        raise Unauthorized("OAuth client secret does not belong to this client")
    token = call.tx.get("refresh_token", call.body["refreshToken"])
    if token is None or token["clientId"] != client_id:
        raise Unauthorized("Invalid Refresh Token")
    return issue_tokens(call.tx, token["userId"], client_id, call.now)


@routes.action("CAL_VERIFY_OAUTH_CLIENT")
def verify_client(call: Call) -> dict[str, Any]:
    client = call.tx.get("oauth_client", call.params["clientId"])
    if client is None:
        raise NotFound(f"OAuth client with id={call.params['clientId']} not found")
    return {"clientId": client["id"], "organizationId": client["organizationId"], "name": client["name"]}


@routes.action("CAL_VERIFY_PROVIDER_ACCESS_TOKEN")
def verify_access_token(call: Call) -> Reply:
    client_id = call.params["clientId"]
    if call.tx.get("oauth_client", client_id) is None:
        raise Unauthorized(f"OAuth client with id={client_id} not found")
    if call.principal.oauth_client_id not in (None, client_id):
        raise Unauthorized("Access token does not belong to this OAuth client")
    return Reply(NO_DATA)
