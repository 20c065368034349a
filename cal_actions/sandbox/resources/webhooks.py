"""Webhooks of four scopes — user, event type, organization, OAuth client — sharing one store.

Real webhook ids are UUIDs (the documents type them as numbers); the sandbox issues UUIDs.
"""

from __future__ import annotations

import uuid
from typing import Any

from cal_actions.sandbox.errors import Conflict, Forbidden, NotFound
from cal_actions.sandbox.resources import event_types, teams
from cal_actions.sandbox.routing import Call, Routes, page
from cal_actions.sandbox.store import Document, Tx

routes = Routes()

KIND = "webhook"
_NAMESPACE = uuid.UUID("5e1f0c3a-6a7e-4d1b-9c1e-0b5a1d2c3e4f")
# The owner field each scope's output names.
OWNER_FIELD = {"user": "userId", "eventType": "eventTypeId", "org": "teamId", "oauthClient": "oAuthClientId"}
# Who a clashing subscriber URL already belongs to, in Cal.com's words (an organization's webhooks say "user").
_HOLDERS = {"user": "this user", "org": "this user", "eventType": "this event type", "oauthClient": "this oAuth client"}
_EDITABLE = ("subscriberUrl", "triggers", "active", "payloadTemplate", "secret")


def new_webhook(tx: Tx, scope: str, owner_id: int | str, fields: dict[str, Any]) -> Document:
    for other in tx.all(KIND):
        if (other["scope"], other["ownerId"]) == (scope, owner_id) and other["subscriberUrl"] == fields[
            "subscriberUrl"
        ]:
            raise Conflict(f"Webhook with this subscriber url already exists for {_HOLDERS[scope]}")
    webhook_id = str(uuid.uuid5(_NAMESPACE, f"webhook-{tx.next_id(KIND)}"))
    webhook = {
        "id": webhook_id,
        "scope": scope,
        "ownerId": owner_id,
        "subscriberUrl": fields["subscriberUrl"],
        "triggers": list(fields["triggers"]),
        "active": fields.get("active", True),
        "payloadTemplate": fields.get("payloadTemplate"),
        "secret": fields.get("secret"),
    }
    tx.put(KIND, webhook_id, webhook)
    return webhook


def webhook_output(webhook: Document) -> dict[str, Any]:
    output = {key: webhook[key] for key in ("id", "subscriberUrl", "triggers", "active")}
    # The documents require a string template; without one (the default payload) it is empty.
    output["payloadTemplate"] = webhook.get("payloadTemplate") or ""
    output["secret"] = webhook.get("secret")  # null when none was given, as Cal.com's server answers it
    output[OWNER_FIELD[webhook["scope"]]] = webhook["ownerId"]
    return output


def _owner(call: Call, scope: str) -> int | str:
    """The scope's owner from the path, after checking the caller may manage its webhooks."""
    if scope == "user":
        return call.user_id
    if scope == "eventType":
        event_type = event_types.load_event_type(call.tx, call.int_param("eventTypeId"))
        if event_type["teamId"] is not None:
            teams.require_member(call.tx, event_type["teamId"], call.user_id, admin=True)
        elif event_type["ownerId"] != call.user_id:
            raise Forbidden("Not allowed to manage this event type's webhooks")
        return int(event_type["id"])
    if scope == "org":
        org_id = call.int_param("orgId")
        teams.require_org_member(call.tx, org_id, call.user_id)
        teams.require_member(call.tx, org_id, call.user_id, admin=True)
        return org_id
    client_id = call.params["clientId"]
    if call.principal.oauth_client_id != client_id:
        raise Forbidden("OAuth client credentials do not match the client id in the path")
    return client_id


def _scoped(call: Call, scope: str) -> list[Document]:
    owner = _owner(call, scope)
    return [hook for hook in call.tx.all(KIND) if (hook["scope"], hook["ownerId"]) == (scope, owner)]


def _one(call: Call, scope: str) -> Document:
    owner = _owner(call, scope)
    hook = call.tx.get(KIND, call.params["webhookId"])
    if hook is None or (hook["scope"], hook["ownerId"]) != (scope, owner):
        raise NotFound(f"Webhook ({call.params['webhookId']}) not found")
    return hook


def _register(scope: str, create: str, list_: str, get: str, update: str, delete: str, delete_all: str | None) -> None:
    """The same six handlers for each scope; only the owner lookup differs."""

    @routes.action(create, status=201)
    def create_webhook(call: Call) -> dict[str, Any]:
        return webhook_output(new_webhook(call.tx, scope, _owner(call, scope), call.body))

    @routes.action(list_)
    def list_webhooks(call: Call) -> list[dict[str, Any]]:
        return [webhook_output(hook) for hook in page(call, _scoped(call, scope))]

    @routes.action(get)
    def get_webhook(call: Call) -> dict[str, Any]:
        return webhook_output(_one(call, scope))

    @routes.action(update)
    def update_webhook(call: Call) -> dict[str, Any]:
        hook = _one(call, scope)
        hook.update({key: value for key, value in call.body.items() if key in _EDITABLE})
        call.tx.put(KIND, hook["id"], hook)
        return webhook_output(hook)

    @routes.action(delete)
    def delete_webhook(call: Call) -> dict[str, Any]:
        hook = _one(call, scope)
        call.tx.delete(KIND, hook["id"])
        return webhook_output(hook)

    if delete_all is not None:

        @routes.action(delete_all)
        def delete_all_webhooks(call: Call) -> str:
            removed = [call.tx.delete(KIND, hook["id"]) for hook in _scoped(call, scope)]
            return f"{len(removed)} webhooks deleted"


_register(
    "user",
    "CAL_CREATE_WEBHOOK",
    "CAL_LIST_WEBHOOKS",
    "CAL_GET_WEBHOOK",
    "CAL_UPDATE_WEBHOOK",
    "CAL_DELETE_WEBHOOK",
    None,
)
_register(
    "eventType",
    "CAL_CREATE_EVENT_TYPE_WEBHOOK",
    "CAL_LIST_EVENT_TYPE_WEBHOOKS",
    "CAL_GET_EVENT_TYPE_WEBHOOK",
    "CAL_UPDATE_EVENT_TYPE_WEBHOOK",
    "CAL_DELETE_EVENT_TYPE_WEBHOOK",
    "CAL_DELETE_ALL_EVENT_TYPE_WEBHOOKS",
)
_register(
    "org",
    "CAL_CREATE_ORG_WEBHOOK",
    "CAL_LIST_ORG_WEBHOOKS",
    "CAL_GET_ORG_WEBHOOK",
    "CAL_UPDATE_ORG_WEBHOOK",
    "CAL_DELETE_ORG_WEBHOOK",
    None,
)
_register(
    "oauthClient",
    "CAL_CREATE_OAUTH_CLIENT_WEBHOOK",
    "CAL_LIST_OAUTH_CLIENT_WEBHOOKS",
    "CAL_GET_OAUTH_CLIENT_WEBHOOK",
    "CAL_UPDATE_OAUTH_CLIENT_WEBHOOK",
    "CAL_DELETE_OAUTH_CLIENT_WEBHOOK",
    "CAL_DELETE_ALL_OAUTH_CLIENT_WEBHOOKS",
)
