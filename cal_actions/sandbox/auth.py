"""Credentials as Cal.com checks them: a bearer API key or access token, or OAuth client headers."""

from __future__ import annotations

import secrets
from collections.abc import Mapping
from datetime import datetime
from typing import Any

from cal_actions.sandbox.errors import Unauthorized
from cal_actions.sandbox.routing import Principal
from cal_actions.sandbox.store import Tx
from cal_actions.sandbox.times import iso_utc

_NO_CREDENTIALS = (
    "ApiAuthStrategy - No authentication method provided. Either pass an API key as 'Bearer' header "
    "or OAuth client credentials as 'x-cal-secret-key' and 'x-cal-client-id' headers"
)


def authenticate(tx: Tx, kind: str, headers: Mapping[str, str], now: datetime | None = None) -> Principal:
    if kind == "none":
        return Principal()
    if kind == "bearer":
        return _bearer(tx, headers, now)
    if kind == "bearer_or_platform":
        # Like Cal.com, the client headers win over a bearer token, and act as the platform's owner.
        if headers.get("x-cal-client-id") and headers.get("x-cal-secret-key"):
            client = _oauth_client(tx, headers, needs_id=True)
            return Principal(
                user_id=platform_owner(tx, client.oauth_client_id), oauth_client_id=client.oauth_client_id
            )
        return _bearer(tx, headers, now)
    return _oauth_client(tx, headers, needs_id=kind == "platform")


def platform_owner(tx: Tx, client_id: str | None) -> int:
    client = tx.get("oauth_client", client_id) if client_id else None
    org_id = client["organizationId"] if client else None
    owner = next((m for m in tx.all("membership") if m["teamId"] == org_id and m["role"] == "OWNER"), None)
    if owner is None:
        raise Unauthorized("ApiAuthStrategy - oAuth client - No owner ID found for this OAuth client")
    return int(owner["userId"])


def _bearer(tx: Tx, headers: Mapping[str, str], now: datetime | None) -> Principal:
    scheme, _, token = headers.get("authorization", "").partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        raise Unauthorized(_NO_CREDENTIALS)
    token = token.strip()
    key = tx.get("api_key", token)
    if key is not None:
        # Refreshed keys expire (``expiresAt``, ISO 8601); seeded ones never do.
        if now is not None and key.get("expiresAt") is not None and iso_utc(now) >= key["expiresAt"]:
            raise Unauthorized("ApiAuthStrategy - api key - Your api key is expired")
        return Principal(user_id=key["userId"], api_key=token)
    access = tx.get("access_token", token)
    if access is not None:
        # Managed users' access tokens expire (``expiresAt``, epoch milliseconds); refreshing issues a new pair.
        if now is not None and access.get("expiresAt") is not None and now.timestamp() * 1000 >= access["expiresAt"]:
            raise Unauthorized("ApiAuthStrategy - access token - Access token expired")
        return Principal(user_id=access["userId"], oauth_client_id=access["clientId"])
    if token.startswith("cal_"):  # Cal.com's rate limiter looks the key up first, and refuses it
        raise Unauthorized("CustomThrottlerGuard - Invalid API Key")
    raise Unauthorized("ApiAuthStrategy - access token - Invalid Access Token")


def state_owner(tx: Tx, token: Any) -> int:
    """The user whose token an OAuth state carries (callbacks take no other credentials): an API key, an access
    token, or the stand-in the sandbox puts in its states (see :func:`state_token`)."""
    found = None
    if isinstance(token, str) and token:
        found = tx.get("api_key", token) or tx.get("access_token", token) or tx.get(_STATE_TOKEN, token)
    if found is None:
        raise Unauthorized("Invalid Access token.")
    return int(found["userId"])


_STATE_TOKEN = "oauth_state_token"


def state_token(tx: Tx, principal: Principal) -> str:
    """The token an OAuth state carries. Cal.com puts the caller's own API key or access token there; the client
    masks its secrets in every answer, which would break the URL, so the sandbox issues a stand-in bound to the
    same user."""
    token = f"sandbox_state_{secrets.token_hex(12)}"
    tx.put(_STATE_TOKEN, token, {"token": token, "userId": principal.user_id})
    return token


def _oauth_client(tx: Tx, headers: Mapping[str, str], *, needs_id: bool) -> Principal:
    secret = headers.get("x-cal-secret-key")
    client_id = headers.get("x-cal-client-id")
    if not secret or (needs_id and not client_id):
        raise Unauthorized(_NO_CREDENTIALS)
    if client_id is None:
        client = next((c for c in tx.all("oauth_client") if c["secret"] == secret), None)
    else:
        client = tx.get("oauth_client", client_id)
    if client is None or client["secret"] != secret:
        raise Unauthorized("ApiAuthStrategy - oAuth client - Invalid client secret")
    return Principal(oauth_client_id=client["id"])
