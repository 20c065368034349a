"""An organization team's (and a team's) administration on the sandbox: member schedules, conferencing apps and
their default, Stripe, invite links; each kept apart from the user's own and refused to plain members."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest

from cal_actions import Cal
from cal_actions.sandbox import Sandbox
from cal_actions.sandbox.seed import ALAN_ID, GRACE_ID, ORG_ID, ORG_TEAM_ID, OTHER_API_KEYS, TEAM_ID, USER_ID

ORG_TEAM = {"orgId": ORG_ID, "teamId": ORG_TEAM_ID}
RETURNS = {"returnTo": "https://app.example.com/ok", "onErrorReturnTo": "https://app.example.com/no"}


@pytest.fixture
def cal() -> Iterator[Cal]:
    with Cal.sandbox(Sandbox(deliver=False)) as client:
        yield client


def ok(cal: Cal, name: str, arguments: dict[str, Any]) -> Any:
    result = cal.execute(name, arguments)
    assert result.successful, result.error
    return result.data


def _owners(schedules: list[dict[str, Any]]) -> list[int]:
    return [schedule["ownerId"] for schedule in schedules]


def test_member_schedules_of_a_team_and_an_organization_team(cal: Cal) -> None:
    team = ok(cal, "CAL_LIST_TEAM_SCHEDULES", {"teamId": TEAM_ID})
    assert _owners(team) == [USER_ID, GRACE_ID, ALAN_ID, USER_ID], "every member's schedules, by id"
    assert [s["id"] for s in team] == sorted(s["id"] for s in team)
    assert _owners(ok(cal, "CAL_LIST_TEAM_SCHEDULES", {"teamId": TEAM_ID, "skip": 1, "take": 2})) == [GRACE_ID, ALAN_ID]
    org_team = ok(cal, "CAL_LIST_ORG_TEAM_SCHEDULES", ORG_TEAM)
    assert sorted(set(_owners(org_team))) == [USER_ID, GRACE_ID] and all("isDefault" in s for s in org_team)
    with Cal.sandbox(cal.emulator, api_key=OTHER_API_KEYS[GRACE_ID]) as grace:
        created = ok(grace, "CAL_CREATE_SCHEDULE", {"name": "Late", "timeZone": "America/New_York", "isDefault": False})
        assert grace.execute("CAL_LIST_TEAM_SCHEDULES", {"teamId": TEAM_ID}).status_code == 403, "members only read"
        assert grace.execute("CAL_LIST_ORG_TEAM_SCHEDULES", ORG_TEAM).status_code == 403
    assert created["id"] in [s["id"] for s in ok(cal, "CAL_LIST_ORG_TEAM_SCHEDULES", ORG_TEAM)]


def test_team_conferencing_is_the_teams_own(cal: Cal) -> None:
    assert ok(cal, "CAL_LIST_ORG_TEAM_CONFERENCING_APPS", ORG_TEAM) == []
    unset = cal.execute("CAL_GET_ORG_TEAM_DEFAULT_CONFERENCING_APP", ORG_TEAM)
    assert unset.data == {"status": "success"}, "no data until a default is set"
    meet = ok(cal, "CAL_CONNECT_ORG_TEAM_CONFERENCING_APP", {**ORG_TEAM, "app": "google-meet"})
    assert meet["type"] == "google_video" and meet["userId"] is None
    again = cal.execute("CAL_CONNECT_ORG_TEAM_CONFERENCING_APP", {**ORG_TEAM, "app": "google-meet"})
    assert again.status_code == 400 and "already connected for this team" in (again.error or "")
    not_yet = cal.execute("CAL_SET_ORG_TEAM_DEFAULT_CONFERENCING_APP", {**ORG_TEAM, "app": "zoom"})
    assert not_yet.status_code == 400 and "zoom not connected." in (not_yet.error or "")

    url = ok(cal, "CAL_GET_ORG_TEAM_CONFERENCING_AUTH_URL", {**ORG_TEAM, "app": "zoom", **RETURNS})["url"]
    query = parse_qs(urlsplit(url).query)
    assert query["redirect_uri"] == [f"https://sandbox.cal.local/v2/organizations/{ORG_ID}/teams/{ORG_TEAM_ID}"
                                     "/conferencing/zoom/oauth/callback"]  # fmt: skip
    state = json.loads(query["state"][0])
    assert state["teamId"] == str(ORG_TEAM_ID) and state["returnTo"] == RETURNS["returnTo"]
    back = ok(cal, "CAL_SAVE_ORG_TEAM_CONFERENCING_CREDENTIALS", {**ORG_TEAM, "app": "zoom", "code": "c",
                                                                  "state": query["state"][0]})  # fmt: skip
    assert back == {"redirectUrl": RETURNS["returnTo"]}
    ok(cal, "CAL_SET_ORG_TEAM_DEFAULT_CONFERENCING_APP", {**ORG_TEAM, "app": "zoom"})
    assert ok(cal, "CAL_GET_ORG_TEAM_DEFAULT_CONFERENCING_APP", ORG_TEAM) == {"appSlug": "zoom"}
    assert ok(cal, "CAL_GET_ORG_TEAM", ORG_TEAM)["metadata"]["defaultConferencingApp"] == {"appSlug": "zoom"}
    assert {app["type"] for app in ok(cal, "CAL_LIST_ORG_TEAM_CONFERENCING_APPS", ORG_TEAM)} == {
        "google_video", "zoom_video"}  # fmt: skip

    ok(cal, "CAL_DISCONNECT_ORG_TEAM_CONFERENCING_APP", {**ORG_TEAM, "app": "zoom"})
    assert ok(cal, "CAL_GET_ORG_TEAM_DEFAULT_CONFERENCING_APP", ORG_TEAM) == {"status": "success"}, "default gone"
    gone = cal.execute("CAL_DISCONNECT_ORG_TEAM_CONFERENCING_APP", {**ORG_TEAM, "app": "zoom"})
    assert gone.status_code == 400 and "zoom not connected." in (gone.error or "")
    ok(cal, "CAL_SET_ORG_TEAM_DEFAULT_CONFERENCING_APP", {**ORG_TEAM, "app": "daily-video"})  # built in
    assert [app["type"] for app in ok(cal, "CAL_LIST_CONFERENCING_APPS", {})] == ["zoom_video"], "the user's own"
    with Cal.sandbox(cal.emulator, api_key=OTHER_API_KEYS[GRACE_ID]) as grace:
        assert grace.execute("CAL_LIST_ORG_TEAM_CONFERENCING_APPS", ORG_TEAM).status_code == 403


def test_team_google_meet_needs_a_working_team_google_calendar(cal: Cal) -> None:
    calendar = next(c for c in cal.emulator.read("credential") if c["teamId"] == ORG_TEAM_ID
                    and c["type"] == "google_calendar")  # fmt: skip
    with cal.emulator.store.transaction() as tx:
        tx.put("credential", calendar["id"], {**calendar, "invalid": True})
    broken = cal.execute("CAL_CONNECT_ORG_TEAM_CONFERENCING_APP", {**ORG_TEAM, "app": "google-meet"})
    assert broken.status_code == 400 and "valid Google Calendar connection" in (broken.error or "")
    with cal.emulator.store.transaction() as tx:
        tx.delete("credential", calendar["id"])
    missing = cal.execute("CAL_CONNECT_ORG_TEAM_CONFERENCING_APP", {**ORG_TEAM, "app": "google-meet"})
    assert missing.status_code == 400 and "requires a Google Calendar connection" in (missing.error or "")


def test_team_stripe_connect_replaces_the_teams_account(cal: Cal) -> None:
    before = [c["id"] for c in cal.emulator.read("credential") if c["teamId"] == ORG_TEAM_ID and c["appId"] == "stripe"]
    url = ok(cal, "CAL_GET_ORG_TEAM_STRIPE_CONNECT_URL", {**ORG_TEAM, **RETURNS})["authUrl"]
    query = parse_qs(urlsplit(url).query)
    assert url.startswith("https://sandbox.cal.local/stand-in/stripe/oauth/authorize?")
    assert json.loads(query["state"][0])["onErrorReturnTo"] == RETURNS["onErrorReturnTo"]
    no_state = cal.execute("CAL_SAVE_ORG_TEAM_STRIPE_CREDENTIALS", {**ORG_TEAM, "code": "ac", "state": ""})
    assert no_state.status_code == 400 and "Missing `state` query param" in (no_state.error or "")
    saved = ok(cal, "CAL_SAVE_ORG_TEAM_STRIPE_CREDENTIALS", {**ORG_TEAM, "code": "ac", "state": query["state"][0]})
    assert saved == {"redirectUrl": RETURNS["returnTo"]}
    after = [c["id"] for c in cal.emulator.read("credential") if c["teamId"] == ORG_TEAM_ID and c["appId"] == "stripe"]
    assert len(before) == len(after) == 1 and after != before
    assert ok(cal, "CAL_CHECK_TEAM_STRIPE_CONNECTION", ORG_TEAM) == {"status": "success"}


@pytest.mark.parametrize(
    ("connect", "save", "arguments"),
    [
        ("CAL_GET_ORG_TEAM_CONFERENCING_AUTH_URL", "CAL_SAVE_ORG_TEAM_CONFERENCING_CREDENTIALS", {"app": "zoom"}),
        ("CAL_GET_ORG_TEAM_STRIPE_CONNECT_URL", "CAL_SAVE_ORG_TEAM_STRIPE_CREDENTIALS", {}),
    ],
)
def test_team_callbacks_read_the_state_as_the_users_do(
    cal: Cal, connect: str, save: str, arguments: dict[str, Any]
) -> None:
    """Like the user's callbacks: the state carries a token the callback acts as, a state that is not JSON is
    Cal.com's 500 with the hint, a token that is no one's its 401."""
    given = {**ORG_TEAM, **arguments}
    answer = ok(cal, connect, {**given, **RETURNS})
    state = json.loads(parse_qs(urlsplit(answer.get("url") or answer["authUrl"]).query)["state"][0])
    assert state["accessToken"], "Cal.com puts the caller's token in the state"
    garbled = cal.execute(save, {**given, "code": "c", "state": "not json"})
    assert garbled.status_code == 500
    assert "pass state and code exactly as the provider sent them" in (garbled.error or "")
    forged = cal.execute(save, {**given, "code": "c", "state": json.dumps({**state, "accessToken": "x"})})
    assert forged.status_code == 401 and "Invalid Access token." in (forged.error or "")
    assert ok(cal, save, {**given, "code": "c", "state": json.dumps(state)}) == {"redirectUrl": RETURNS["returnTo"]}


def test_invite_links_are_new_each_time_and_for_team_admins(cal: Cal) -> None:
    first = ok(cal, "CAL_CREATE_ORG_TEAM_INVITE_LINK", ORG_TEAM)
    second = ok(cal, "CAL_CREATE_ORG_TEAM_INVITE_LINK", ORG_TEAM)
    assert len(first["token"]) == 64 and first["token"] != second["token"]
    assert parse_qs(urlsplit(first["inviteLink"]).query) == {"token": [first["token"]],
                                                             "callbackUrl": ["/getting-started"]}  # fmt: skip
    assert cal.emulator.read("team_invite", first["token"])["teamId"] == ORG_TEAM_ID
    with Cal.sandbox(cal.emulator, api_key=OTHER_API_KEYS[GRACE_ID]) as grace:
        assert grace.execute("CAL_CREATE_ORG_TEAM_INVITE_LINK", ORG_TEAM).status_code == 403
    foreign = cal.execute("CAL_CREATE_ORG_TEAM_INVITE_LINK", {"orgId": ORG_ID, "teamId": TEAM_ID})
    assert foreign.status_code == 404, "a team outside the organization is not found there, as on Cal.com's server"
