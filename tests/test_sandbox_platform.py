"""Sandbox managed users and their tokens, including the client's refresh after an expired access token."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from cal_actions import AsyncCal, Cal
from cal_actions.sandbox import OAUTH_CLIENT_ID, OAUTH_CLIENT_SECRET, Sandbox
from tests.support import ok

NOW = datetime(2030, 3, 4, 8, 0, tzinfo=UTC)
CLIENT = {"clientId": OAUTH_CLIENT_ID}


@pytest.fixture
def cal() -> Cal:
    return Cal.sandbox(now=NOW)


def _as_user(emulator: Sandbox, tokens: dict[str, Any], **settings: Any) -> Cal:
    return Cal.sandbox(emulator, api_key="", access_token=tokens["accessToken"], **settings)


def test_managed_user_lifecycle(cal: Cal) -> None:
    created = ok(cal, "CAL_CREATE_MANAGED_USER",
                 {**CLIENT, "email": "mia@example.com", "name": "Mia", "timeZone": "Europe/Rome"})  # fmt: skip
    user = created["user"]
    assert user["email"] == f"mia+{OAUTH_CLIENT_ID}@example.com" and user["defaultScheduleId"] is not None
    assert created["accessTokenExpiresAt"] == int((NOW + timedelta(hours=1)).timestamp() * 1000)
    me = ok(_as_user(cal.emulator, created), "CAL_GET_ME")
    assert me["id"] == user["id"]  # the access token acts as the managed user

    assert user["id"] in {u["id"] for u in ok(cal, "CAL_LIST_MANAGED_USERS", CLIENT)}
    path = {**CLIENT, "userId": user["id"]}
    assert ok(cal, "CAL_UPDATE_MANAGED_USER", {**path, "name": "Mia R."})["name"] == "Mia R."
    assert ok(cal, "CAL_GET_MANAGED_USER", path)["name"] == "Mia R."
    duplicate = cal.execute("CAL_CREATE_MANAGED_USER", {**CLIENT, "email": "mia@example.com", "name": "Mia"})
    assert duplicate.status_code == 409

    assert ok(cal, "CAL_DELETE_MANAGED_USER", path)["id"] == user["id"]
    assert cal.execute("CAL_GET_MANAGED_USER", path).status_code == 404
    assert _as_user(cal.emulator, created).execute("CAL_GET_ME").status_code == 401  # its tokens died with it
    assert cal.execute("CAL_GET_MANAGED_USER", {**CLIENT, "userId": 1}).status_code == 404  # not a managed user


def test_wrong_client_credentials_are_refused(cal: Cal) -> None:
    other = cal.execute("CAL_LIST_MANAGED_USERS", {"clientId": "someoneelse"})
    assert other.status_code == 403
    bad_secret = Cal.sandbox(cal.emulator, client_secret="wrong")
    assert bad_secret.execute("CAL_LIST_MANAGED_USERS", CLIENT).status_code == 401


def test_refresh_rotates_both_tokens(cal: Cal) -> None:
    created = ok(cal, "CAL_CREATE_MANAGED_USER", {**CLIENT, "email": "kai@example.com", "name": "Kai"})
    renewed = ok(cal, "CAL_REFRESH_MANAGED_USER_TOKENS", {**CLIENT, "refreshToken": created["refreshToken"]})
    assert renewed["accessToken"] != created["accessToken"]
    assert _as_user(cal.emulator, created).execute("CAL_GET_ME").status_code == 401
    assert ok(_as_user(cal.emulator, renewed), "CAL_GET_ME")["id"] == created["user"]["id"]
    reused = cal.execute("CAL_REFRESH_MANAGED_USER_TOKENS", {**CLIENT, "refreshToken": created["refreshToken"]})
    assert reused.status_code == 401

    forced = ok(cal, "CAL_FORCE_REFRESH_MANAGED_USER_TOKENS", {**CLIENT, "userId": created["user"]["id"]})
    assert _as_user(cal.emulator, renewed).execute("CAL_GET_ME").status_code == 401
    assert ok(_as_user(cal.emulator, forced), "CAL_GET_ME")["id"] == created["user"]["id"]


def test_client_refreshes_an_expired_token_end_to_end(cal: Cal) -> None:
    created = ok(cal, "CAL_CREATE_MANAGED_USER", {**CLIENT, "email": "ivy@example.com", "name": "Ivy"})
    cal.emulator.clock.advance(timedelta(hours=2))
    stored: list[Any] = []
    client = _as_user(cal.emulator, created, refresh_token=created["refreshToken"], client_id=OAUTH_CLIENT_ID,
                      client_secret=OAUTH_CLIENT_SECRET, on_tokens=stored.append)  # fmt: skip
    expired = Cal.sandbox(cal.emulator, api_key="", access_token=created["accessToken"]).execute("CAL_GET_ME")
    assert expired.status_code == 401 and "expired" in (expired.error or "")
    me = ok(client, "CAL_GET_ME")
    assert me["id"] == created["user"]["id"]
    assert len(stored) == 1 and stored[0].access_token != created["accessToken"]
    assert client.config.access_token == stored[0].access_token
    # The old refresh token was spent by the client's refresh.
    spent = cal.execute("CAL_REFRESH_MANAGED_USER_TOKENS", {**CLIENT, "refreshToken": created["refreshToken"]})
    assert spent.status_code == 401


@pytest.mark.anyio
async def test_async_client_refreshes_too() -> None:
    emulator = Sandbox(now=NOW)
    created = (
        Cal.sandbox(emulator)
        .execute("CAL_CREATE_MANAGED_USER", {**CLIENT, "email": "ash@example.com", "name": "Ash"})
        .data
    )
    emulator.clock.advance(timedelta(hours=2))
    client = AsyncCal.sandbox(emulator, api_key="", access_token=created["accessToken"],
                              refresh_token=created["refreshToken"])  # fmt: skip
    result = await client.execute("CAL_GET_ME")
    assert result.successful and result.data["id"] == created["user"]["id"]


def test_provider_checks(cal: Cal) -> None:
    verified = ok(cal, "CAL_VERIFY_OAUTH_CLIENT", CLIENT)
    assert verified == {"clientId": OAUTH_CLIENT_ID, "organizationId": 1, "name": "Sandbox platform"}
    assert cal.execute("CAL_VERIFY_OAUTH_CLIENT", {"clientId": "nope"}).status_code == 404
    created = ok(cal, "CAL_CREATE_MANAGED_USER", {**CLIENT, "email": "bo@example.com", "name": "Bo"})
    assert ok(_as_user(cal.emulator, created), "CAL_VERIFY_PROVIDER_ACCESS_TOKEN", CLIENT) == {"status": "success"}
    assert (
        _as_user(cal.emulator, created).execute("CAL_VERIFY_PROVIDER_ACCESS_TOKEN", {"clientId": "nope"}).status_code
        == 401
    )
