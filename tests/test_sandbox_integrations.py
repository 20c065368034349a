"""Sandbox calendars, conferencing, Stripe and time zones through ``Cal.sandbox()``: state an agent can read back."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest

from cal_actions import Cal
from tests.support import ok

NOW = datetime(2030, 3, 4, 8, 0, tzinfo=UTC)  # a Monday


@pytest.fixture
def cal() -> Cal:
    return Cal.sandbox(now=NOW)


def _calendars(cal: Cal) -> dict[str, Any]:
    data = ok(cal, "CAL_LIST_CALENDARS")
    return {item["integration"]["type"]: item for item in data["connectedCalendars"]} | {
        "destination": data["destinationCalendar"]
    }


def test_seeded_calendars_and_destination(cal: Cal) -> None:
    listed = _calendars(cal)
    assert {"google_calendar", "office365_calendar", "apple_calendar"} <= set(listed)
    google = listed["google_calendar"]
    assert google["primary"]["externalId"] == "ada@example.com" and google["primary"]["isSelected"]
    assert listed["destination"]["credentialId"] == google["credentialId"]


def test_busy_times_merge_stand_in_events_and_bookings(cal: Cal) -> None:
    google = _calendars(cal)["google_calendar"]
    google_calendar = {"credentialId": google["credentialId"], "externalId": "ada@example.com"}
    query = {"loggedInUsersTz": "Europe/Berlin", "calendarsToLoad": [google_calendar]}
    assert ok(cal, "CAL_LIST_BUSY_TIMES", query) == []  # without dates Cal.com looks nothing up
    window = {"dateFrom": "2030-03-04", "dateTo": "2030-03-10"}
    busy = ok(cal, "CAL_LIST_BUSY_TIMES", {**query, **window})
    bookings = ok(cal, "CAL_LIST_BOOKINGS", {"status": ["upcoming"]})["data"]
    booked = {b["start"] for b in bookings if b["status"] == "accepted"}
    assert booked and booked <= {item["start"] for item in busy}  # bookings land on the destination calendar
    assert "2030-03-05T11:00:00.000Z" in {item["start"] for item in busy}  # the stand-in lunch, 12:00 Berlin
    assert [item["start"] for item in busy] == sorted(item["start"] for item in busy)
    outlook = _calendars(cal)["office365_calendar"]
    outlook_calendar = {"credentialId": outlook["credentialId"], "externalId": outlook["primary"]["externalId"]}
    other = ok(cal, "CAL_LIST_BUSY_TIMES", {**query, **window, "calendarsToLoad": [outlook_calendar]})
    assert len(other) == 1 and other[0]["source"] == "office365_calendar"
    both = ok(cal, "CAL_LIST_BUSY_TIMES", {**query, **window, "calendarsToLoad": [google_calendar, outlook_calendar]})
    assert len(both) == len(busy) + 1, "several calendars are read in one call and merged"
    wrong = cal.execute("CAL_LIST_BUSY_TIMES", {**query, "calendarsToLoad": [{**google_calendar, "credentialId": 999}]})
    assert wrong.status_code == 404


def test_selected_calendar_and_destination_are_visible(cal: Cal) -> None:
    google = _calendars(cal)["google_calendar"]
    holidays = {"integration": "google_calendar", "externalId": "holidays@group.stand-in.google",
                "credentialId": google["credentialId"]}  # fmt: skip
    assert ok(cal, "CAL_ADD_SELECTED_CALENDAR", holidays)["externalId"] == holidays["externalId"]
    entries = {c["externalId"]: c for c in _calendars(cal)["google_calendar"]["calendars"]}
    assert entries[holidays["externalId"]]["isSelected"]
    ok(cal, "CAL_REMOVE_SELECTED_CALENDAR", holidays)
    entries = {c["externalId"]: c for c in _calendars(cal)["google_calendar"]["calendars"]}
    assert not entries[holidays["externalId"]]["isSelected"]
    assert cal.execute("CAL_REMOVE_SELECTED_CALENDAR", holidays).status_code == 404

    outlook = _calendars(cal)["office365_calendar"]["primary"]["externalId"]
    moved = ok(cal, "CAL_UPDATE_DESTINATION_CALENDAR", {"integration": "office365_calendar", "externalId": outlook})
    assert _calendars(cal)["destination"]["externalId"] == outlook == moved["externalId"]
    missing = cal.execute("CAL_UPDATE_DESTINATION_CALENDAR", {"integration": "apple_calendar", "externalId": "x"})
    assert missing.status_code == 404


def test_oauth_connect_save_check_and_disconnect(cal: Cal) -> None:
    outlook = _calendars(cal)["office365_calendar"]
    gone = ok(cal, "CAL_DISCONNECT_CALENDAR", {"calendar": "office365", "id": outlook["credentialId"]})
    assert gone["id"] == outlook["credentialId"] and "office365_calendar" not in _calendars(cal)
    assert cal.execute("CAL_CHECK_CALENDAR_CONNECTION", {"calendar": "office365"}).status_code == 401

    url = ok(cal, "CAL_GET_CALENDAR_CONNECT_URL", {"calendar": "office365", "isDryRun": False})["authUrl"]
    assert url.startswith("https://sandbox.cal.local/stand-in/office365/oauth/authorize?")
    saved = ok(
        cal,
        "CAL_SAVE_CALENDAR_CREDENTIALS",
        {"calendar": "office365", "code": "c", "state": "redir=https://app.example.com/done"},
    )
    assert saved == {"redirectUrl": "https://app.example.com/done"}  # Cal.com's 301 back to the app
    assert "office365_calendar" in _calendars(cal)
    assert ok(cal, "CAL_CHECK_CALENDAR_CONNECTION", {"calendar": "office365"}) == {"status": "success"}
    assert ok(cal, "CAL_CHECK_GOOGLE_CALENDAR_CONNECTION") == {"status": "success"}


def test_apple_and_ics_connections(cal: Cal) -> None:
    assert cal.execute("CAL_CHECK_ICS_FEED").status_code == 401
    feed = ok(cal, "CAL_SAVE_ICS_FEED", {"urls": ["https://example.com/team.ics"]})
    assert feed["type"] == "ics-feed_calendar" and feed["userId"] == 1
    assert ok(cal, "CAL_CHECK_ICS_FEED") == {"status": "success"}
    assert "ics-feed_calendar" in _calendars(cal)
    assert cal.execute("CAL_SAVE_ICS_FEED", {"urls": ["not a url"]}).status_code == 400

    before = len(ok(cal, "CAL_LIST_CALENDARS")["connectedCalendars"])
    ok(cal, "CAL_SYNC_CALENDAR_CREDENTIALS", {"calendar": "apple", "username": "ada@me.com", "password": "app-pw"})
    assert len(ok(cal, "CAL_LIST_CALENDARS")["connectedCalendars"]) == before + 1
    again = cal.execute(
        "CAL_SYNC_CALENDAR_CREDENTIALS", {"calendar": "apple", "username": "ada@me.com", "password": "x"}
    )
    assert again.status_code == 400


def test_conferencing_lifecycle(cal: Cal) -> None:
    assert [app["type"] for app in ok(cal, "CAL_LIST_CONFERENCING_APPS")] == ["zoom_video"]
    assert ok(cal, "CAL_GET_DEFAULT_CONFERENCING_APP")["appSlug"] == "daily-video"
    meet = ok(cal, "CAL_CONNECT_CONFERENCING_APP", {"app": "google-meet"})
    assert meet["type"] == "google_video"
    assert cal.execute("CAL_CONNECT_CONFERENCING_APP", {"app": "google-meet"}).status_code == 400
    assert cal.execute("CAL_SET_DEFAULT_CONFERENCING_APP", {"app": "msteams"}).status_code == 400

    returns = {"returnTo": "https://app.example.com/ok", "onErrorReturnTo": "https://app.example.com/no"}
    auth = ok(cal, "CAL_GET_CONFERENCING_AUTH_URL", {"app": "msteams", **returns})
    assert auth["url"].startswith("https://sandbox.cal.local/stand-in/msteams/")
    state = '{"returnTo": "https://app.example.com/ok"}'
    back = ok(cal, "CAL_SAVE_CONFERENCING_CREDENTIALS", {"app": "msteams", "code": "c", "state": state})
    assert back == {"redirectUrl": "https://app.example.com/ok"}
    ok(cal, "CAL_SET_DEFAULT_CONFERENCING_APP", {"app": "msteams"})
    assert ok(cal, "CAL_GET_DEFAULT_CONFERENCING_APP")["appSlug"] == "msteams"
    assert {app["type"] for app in ok(cal, "CAL_LIST_CONFERENCING_APPS")} == {
        "zoom_video", "google_video", "office365_video"}  # fmt: skip

    ok(cal, "CAL_DISCONNECT_CONFERENCING_APP", {"app": "msteams"})
    assert ok(cal, "CAL_GET_DEFAULT_CONFERENCING_APP")["appSlug"] == "daily-video"  # back to the built-in
    assert cal.execute("CAL_DISCONNECT_CONFERENCING_APP", {"app": "msteams"}).status_code == 404


def test_stripe_connect_and_checks(cal: Cal) -> None:
    assert ok(cal, "CAL_CHECK_STRIPE_CONNECTION") == {"status": "success"}
    assert ok(cal, "CAL_CHECK_TEAM_STRIPE_CONNECTION", {"orgId": 1, "teamId": 3}) == {"status": "success"}
    grace = Cal.sandbox(cal.emulator, api_key="cal_sandbox_grace_5d2e8f1a3b6c9d0e")
    assert grace.execute("CAL_CHECK_STRIPE_CONNECTION").status_code == 404
    url = ok(grace, "CAL_GET_STRIPE_CONNECT_URL")["authUrl"]
    assert url.startswith("https://sandbox.cal.local/stand-in/stripe/oauth/authorize?")
    state = '{"returnTo": "https://app.example.com/paid"}'
    assert ok(grace, "CAL_SAVE_STRIPE_CREDENTIALS", {"code": "ac_1", "state": state}) == {
        "redirectUrl": "https://app.example.com/paid"}  # fmt: skip
    assert ok(grace, "CAL_CHECK_STRIPE_CONNECTION") == {"status": "success"}
    alan = Cal.sandbox(cal.emulator, api_key="cal_sandbox_alan_7a1b3c5d7e9f1a2b")
    assert alan.execute("CAL_CHECK_TEAM_STRIPE_CONNECTION", {"orgId": 1, "teamId": 3}).status_code == 403


def test_time_zones(cal: Cal) -> None:
    zones = ok(cal, "CAL_LIST_TIMEZONES")
    assert {"city": "Berlin", "timezone": "Europe/Berlin"} in zones
    assert len(zones) > 300 and all("/" in zone["timezone"] for zone in zones)
