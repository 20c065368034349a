"""OAuth clients on the sandbox: made and managed with an API key; their credentials live until they are deleted."""

from __future__ import annotations

from typing import Any

import pytest

from cal_actions import Cal
from cal_actions.sandbox import OAUTH_CLIENT_ID, OAUTH_CLIENT_SECRET
from cal_actions.sandbox.seed import GRACE_ID, MANAGED_ACCESS_TOKEN, ORG_ID, OTHER_API_KEYS

EVERY_PERMISSION = ["EVENT_TYPE_READ", "EVENT_TYPE_WRITE", "BOOKING_READ", "BOOKING_WRITE", "SCHEDULE_READ",
                    "SCHEDULE_WRITE", "APPS_READ", "APPS_WRITE", "PROFILE_READ", "PROFILE_WRITE"]  # fmt: skip
NEW = {"name": "Booking widget", "redirectUris": ["https://app.example.com/cb"],
       "permissions": ["BOOKING_READ", "BOOKING_WRITE"]}  # fmt: skip


@pytest.fixture
def cal() -> Any:
    with Cal.sandbox() as client:
        yield client


def test_client_lifecycle_and_its_credentials(cal: Cal) -> None:
    created = cal.execute("CAL_CREATE_OAUTH_CLIENT", NEW)
    assert created.status_code == 201, created.error
    assert set(created.data) == {"clientId", "clientSecret"}
    client_id, secret = created.data["clientId"], created.data["clientSecret"]
    where = {"clientId": client_id}

    # The new client's headers authenticate its platform routes at once.
    with Cal.sandbox(cal.emulator, api_key="", client_id=client_id, client_secret=secret) as platform:
        assert platform.execute("CAL_LIST_MANAGED_USERS", where).data == []
        hook = platform.execute("CAL_CREATE_OAUTH_CLIENT_WEBHOOK", {**where, "subscriberUrl": "https://h.example/x",
                                                                    "triggers": ["BOOKING_CREATED"], "active": True})
        assert hook.successful, hook.error

    shown = cal.execute("CAL_GET_OAUTH_CLIENT", where).data
    assert {k: shown[k] for k in ("id", "name", "permissions", "redirectUris", "organizationId")} == {
        "id": client_id, "name": "Booking widget", "permissions": ["BOOKING_READ", "BOOKING_WRITE"],
        "redirectUris": ["https://app.example.com/cb"], "organizationId": ORG_ID}  # fmt: skip
    assert shown["areCalendarEventsEnabled"] is True and shown["areDefaultEventTypesEnabled"] is False
    assert [c["id"] for c in cal.execute("CAL_LIST_OAUTH_CLIENTS").data] == [OAUTH_CLIENT_ID, client_id]

    updated = cal.execute("CAL_UPDATE_OAUTH_CLIENT", {**where, "name": "Widget", "logo": "https://x.example/l.png"})
    assert updated.data["name"] == "Widget" and updated.data["logo"] == "https://x.example/l.png"
    assert updated.data["permissions"] == ["BOOKING_READ", "BOOKING_WRITE"]

    assert cal.execute("CAL_DELETE_OAUTH_CLIENT", where).data["id"] == client_id
    gone = cal.execute("CAL_GET_OAUTH_CLIENT", where)
    assert gone.status_code == 404 and "OAuthClientGuard - OAuth client not found." in gone.error
    with Cal.sandbox(cal.emulator, api_key="", client_id=client_id, client_secret=secret) as platform:
        assert platform.execute("CAL_LIST_MANAGED_USERS", where).status_code == 401
    assert not [w for w in cal.emulator.read("webhook") if w["ownerId"] == client_id]


def test_every_permission_is_granted_by_a_star(cal: Cal) -> None:
    created = cal.execute("CAL_CREATE_OAUTH_CLIENT", {**NEW, "permissions": ["*"]}).data
    shown = cal.execute("CAL_GET_OAUTH_CLIENT", {"clientId": created["clientId"]}).data
    # As in Cal.com, a client's answers carry its secret.
    assert shown["permissions"] == EVERY_PERMISSION and shown["secret"] == created["clientSecret"]
    seeded = cal.execute("CAL_GET_OAUTH_CLIENT", {"clientId": OAUTH_CLIENT_ID}).data
    # The calling client's own secret is one of its credentials: the envelope masks it.
    assert seeded["permissions"] == EVERY_PERMISSION and seeded["secret"] == "***" != OAUTH_CLIENT_SECRET


def test_deleting_a_client_ends_its_managed_users_tokens(cal: Cal) -> None:
    assert cal.execute("CAL_DELETE_OAUTH_CLIENT", {"clientId": OAUTH_CLIENT_ID}).successful
    with Cal.sandbox(cal.emulator, api_key="", access_token=MANAGED_ACCESS_TOKEN) as managed:
        assert managed.execute("CAL_GET_ME").status_code == 401


def test_members_read_admins_write_and_only_their_own_platform_organization(cal: Cal) -> None:
    with Cal.sandbox(cal.emulator, api_key=OTHER_API_KEYS[GRACE_ID]) as grace:  # an organization member
        assert grace.execute("CAL_GET_OAUTH_CLIENT", {"clientId": OAUTH_CLIENT_ID}).successful
        denied = grace.execute("CAL_CREATE_OAUTH_CLIENT", NEW)
    assert denied.status_code == 403 and "User must have one of the roles: ADMIN, OWNER." in denied.error
    with Cal.sandbox(cal.emulator, api_key="", access_token=MANAGED_ACCESS_TOKEN) as managed:  # in no organization
        lonely = managed.execute("CAL_LIST_OAUTH_CLIENTS")
    assert lonely.status_code == 403 and "No organization associated with the user." in lonely.error

    with cal.emulator.store.transaction() as tx:  # another organization's client
        tx.put("oauth_client", "clforeign", {"id": "clforeign", "secret": "s" * 12, "name": "Theirs",
                                             "organizationId": 99, "redirectUris": [], "permissions": 1})
    foreign = cal.execute("CAL_GET_OAUTH_CLIENT", {"clientId": "clforeign"})
    assert foreign.status_code == 403 and "does not belong to the organization with id=1" in foreign.error
    assert "clforeign" not in [c["id"] for c in cal.execute("CAL_LIST_OAUTH_CLIENTS").data]

    with cal.emulator.store.transaction() as tx:
        tx.put("team", ORG_ID, {**tx.get("team", ORG_ID), "isPlatform": False})
    plain = cal.execute("CAL_LIST_OAUTH_CLIENTS")
    assert plain.status_code == 403 and "Organization is not a platform (SHP)." in plain.error
