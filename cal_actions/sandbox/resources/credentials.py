"""App credentials (calendars, conferencing, Stripe): one kind, as Cal.com keeps them in one table.

Third-party secrets are stand-ins; every URL a provider would serve points under ``STAND_IN``.
"""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import urlencode

from cal_actions.sandbox.auth import state_owner
from cal_actions.sandbox.errors import ApiError, BadRequest
from cal_actions.sandbox.routing import Call
from cal_actions.sandbox.store import Document, Tx

KIND = "credential"
STAND_IN = "https://sandbox.cal.local/stand-in"


def new_credential(
    tx: Tx, credential_type: str, app_id: str, *, user_id: int | None, team_id: int | None = None, **extra: Any
) -> Document:
    credential_id = tx.next_id(KIND)
    credential = {
        "id": credential_id,
        "type": credential_type,
        "userId": user_id,
        "teamId": team_id,
        "appId": app_id,
        "invalid": False,
        "key": {"stand_in": True, "token": f"stand-in-{app_id}-{credential_id}"},
        **extra,
    }
    tx.put(KIND, credential_id, credential)
    return credential


def credential_output(credential: Document) -> dict[str, Any]:
    return {key: credential[key] for key in ("id", "type", "userId", "teamId", "appId", "invalid")}


def of_user(tx: Tx, user_id: int, credential_type: str | None = None) -> list[Document]:
    return [
        c
        for c in tx.all(KIND)
        if c["userId"] == user_id and (credential_type is None or c["type"] == credential_type)
    ]


def of_team(tx: Tx, team_id: int, credential_type: str) -> list[Document]:
    return [c for c in tx.all(KIND) if c["teamId"] == team_id and c["type"] == credential_type]


def stand_in_url(provider: str, path: str, **query: Any) -> str:
    """A provider page that does not exist: a realistic shape, clearly marked as a stand-in."""
    shown = {key: value for key, value in query.items() if value is not None}
    return f"{STAND_IN}/{provider}/{path}" + (f"?{urlencode(shown)}" if shown else "")


def json_state(call: Call) -> tuple[int, dict[str, Any]]:
    """The owner and fields of a JSON OAuth state, as the conferencing and Stripe callbacks read it: Cal.com
    JSON-parses it unguarded (a state that is not JSON is its 500) and acts as the token it carries."""
    try:
        state = json.loads(query_text(call, "state") or "")
    except ValueError:
        raise ApiError("Internal server error") from None
    if not isinstance(state, dict):
        raise ApiError("Internal server error")
    return state_owner(call.tx, state.get("accessToken")), state


def query_text(call: Call, name: str, *, required: bool = True) -> str | None:
    """A query parameter; GET routes have no body for the shared validation to check."""
    value: str | None = call.query.get(name)
    if required and not value:
        raise BadRequest(f"{name} should not be empty")
    return value


def query_int(call: Call, name: str) -> int:
    text = query_text(call, name)
    try:
        return int(text or "")
    except ValueError:
        raise BadRequest(f"{name} must be an integer number") from None
