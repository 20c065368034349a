"""You, and the third parties: calendars, conferencing apps, Stripe; the legacy time-zone list and API keys.

A self-hosted server reaches no Google, Microsoft, Apple, Zoom, Daily or Stripe: the actions that need one are
run with realistic arguments and recorded with the server's answer.
"""

from __future__ import annotations

import json
from typing import Any

import pytest

from cal_actions import Cal
from tests.real.database import api_key_of
from tests.real.harness import Run, weekday

pytestmark = pytest.mark.real_calcom

#: Why an OAuth connection cannot start: the provider's app (client id and secret) is not registered here.
NO_APP = "needs {provider}'s OAuth app (client id and secret) registered in the instance; this server has none"
NO_CREDENTIAL = "needs a connected {provider} account, made through {provider}'s OAuth or login: a third party"
RETURN = {"returnTo": "https://app.example.com/connected", "onErrorReturnTo": "https://app.example.com/failed"}


def test_me(run: Run, me: dict[str, int]) -> None:
    mine = run.both("CAL_GET_ME")[0]
    assert mine["id"] == me["userId"]
    assert run.both("CAL_GET_MY_ORGANIZATION_ID")[0]["organizationId"] == me["orgId"]
    # The key's user is shared: every field goes with the value it has (the name and bio as the organization's
    # memberships show them, since /v2/me does not), and what changes is put back.
    memberships = run.need("CAL_LIST_ORG_MEMBERSHIPS", {"orgId": me["orgId"], "take": 250})
    profile = next(item["user"] for item in memberships if item["userId"] == me["userId"])
    same = {key: mine[key] for key in ("timeFormat", "weekStart", "timeZone", "email", "defaultScheduleId")}
    run.later("CAL_UPDATE_ME", {"name": profile["name"], "bio": profile.get("bio") or ""})
    run.minimal("CAL_UPDATE_ME")
    updated = run.complete(
        "CAL_UPDATE_ME", {}, {**same, "name": profile["name"], "bio": "Checked by the real-server suite"},
        left_out={"avatarUrl": "the shared user's avatar could not be put back: the update takes a URL, never none",
                  "locale": "no answer of this server shows the shared user's language, so it could not be put back"},
    )
    assert updated["id"] == me["userId"] and updated["timeZone"] == mine["timeZone"]  # this server shows no bio
    run.need("CAL_UPDATE_ME", {"name": profile["name"], "bio": profile.get("bio") or ""})


def test_calendars(run: Run) -> None:
    listed = run.both("CAL_LIST_CALENDARS")[0]
    assert listed["connectedCalendars"] == []
    google, outlook, apple = ({"provider": name} for name in ("Google", "Microsoft", "Apple"))
    run.cannot("CAL_GET_CALENDAR_CONNECT_URL", {"calendar": "office365", "isDryRun": False,
                                                "redir": "https://app.example.com/calendars"},
               status=404, says="Not Found", why=NO_APP.format(**outlook))
    run.cannot("CAL_GET_GOOGLE_CALENDAR_AUTH_URL", {"isDryRun": False, "redir": "https://app.example.com/calendars"},
               status=404, says="Not Found", why=NO_APP.format(**google))
    # The callbacks take the state of the provider's redirect, which starts at the connect URL refused above.
    state = {"state": "accessToken=stand-in&origin=https://app.example.com/calendars", "code": "stand-in-code"}
    for name, given in (("CAL_SAVE_CALENDAR_CREDENTIALS", {"calendar": "office365", **state}),
                        ("CAL_SAVE_GOOGLE_CALENDAR_CREDENTIALS", state)):
        run.cannot(name, given, status=401, says="Invalid Access token",
                   why="an OAuth callback: its state comes from the provider's redirect, which needs the provider's "
                   "OAuth app (not registered here)")
    run.cannot("CAL_CHECK_GOOGLE_CALENDAR_CONNECTION", status=400, says="Credentials for google_calendar not found",
               why=NO_CREDENTIAL.format(**google))
    run.cannot("CAL_CHECK_CALENDAR_CONNECTION", {"calendar": "apple"}, status=400,
               says="Credentials for apple calendar not found", why=NO_CREDENTIAL.format(**apple))
    run.cannot("CAL_SYNC_CALENDAR_CREDENTIALS", {"calendar": "apple", "username": "ada@icloud.com",
                                                 "password": "abcd-efgh-ijkl-mnop"},
               status=400, says="caldav.icloud.com", why="logs in to Apple's CalDAV server, a third party")
    run.cannot("CAL_DISCONNECT_CALENDAR", {"calendar": "apple", "id": 999999}, status=404,
               says="Calendar credentials not found", why=NO_CREDENTIAL.format(**apple))
    feeds = {"urls": ["https://calendar.example.com/ada.ics"], "readOnly": True}
    run.cannot("CAL_SAVE_ICS_FEED", feeds, status=400, says="Could not add ICS feeds",
               why="reads the feed from its host on the internet, which this server cannot reach")
    run.cannot("CAL_CHECK_ICS_FEED", status=400, says="Credentials for Ics Feed calendar not found",
               why="needs a saved ICS feed, which needs its host on the internet (above)")
    busy = {"loggedInUsersTz": "Europe/London", "dateFrom": weekday(7, 0)[:10], "dateTo": weekday(8, 0)[:10],
            "calendarsToLoad": [{"credentialId": 999999, "externalId": "realtester@example.com"}]}
    run.cannot("CAL_LIST_BUSY_TIMES", busy, status=401, says="These credentials do not belong to you",
               why=NO_CREDENTIAL.format(provider="calendar"))
    selected = {"integration": "google_calendar", "externalId": "realtester@example.com", "credentialId": 999999}
    for name in ("CAL_ADD_SELECTED_CALENDAR", "CAL_REMOVE_SELECTED_CALENDAR"):
        run.cannot(name, selected, status=404, says="Calendar credentials not found",
                   why=NO_CREDENTIAL.format(**google))
    run.cannot("CAL_UPDATE_DESTINATION_CALENDAR", {"integration": "google_calendar",
                                                   "externalId": "realtester@example.com"},
               status=404, says="Could not find calendar", why=NO_CREDENTIAL.format(**google))
    event = {"calendar": "google", "eventUid": "stand-in"}
    run.newer("CAL_GET_CALENDAR_EVENT", event)
    run.newer("CAL_UPDATE_CALENDAR_EVENT", {**event, "title": "Moved"})


def test_conferencing(run: Run) -> None:
    assert run.both("CAL_LIST_CONFERENCING_APPS")[0] == []
    # Cal Video is Cal.com's own default: making it the shared user's default changes nothing they book.
    run.both("CAL_SET_DEFAULT_CONFERENCING_APP", {"app": "daily-video"})
    run.both("CAL_GET_DEFAULT_CONFERENCING_APP")
    run.cannot("CAL_CONNECT_CONFERENCING_APP", {"app": "google-meet"}, status=400,
               says="Google Meet requires a Google Calendar connection", why=NO_CREDENTIAL.format(provider="Google"))
    run.cannot("CAL_GET_CONFERENCING_AUTH_URL", {"app": "zoom", **RETURN}, status=400, says="Required",
               why=NO_APP.format(provider="Zoom") + " (its check of the app's keys: 'Required')")
    state = json.dumps({**RETURN, "accessToken": "stand-in"})
    run.cannot("CAL_SAVE_CONFERENCING_CREDENTIALS", {"app": "zoom", "state": state, "code": "stand-in-code"},
               status=401, says="Invalid Access token",
               why="an OAuth callback: its state comes from Zoom's redirect, which needs Zoom's OAuth app")
    run.cannot("CAL_DISCONNECT_CONFERENCING_APP", {"app": "zoom"}, status=400, says="zoom not connected",
               why=NO_CREDENTIAL.format(provider="Zoom"))


def test_stripe(run: Run) -> None:
    run.cannot("CAL_GET_STRIPE_CONNECT_URL", status=400, says="Required",
               why=NO_APP.format(provider="Stripe") + " (its check of the app's keys: 'Required')")
    run.cannot("CAL_CHECK_STRIPE_CONNECTION", status=404, says="Credentials for stripe not found",
               why=NO_CREDENTIAL.format(provider="Stripe"))
    state = json.dumps({**RETURN, "accessToken": "stand-in"})
    run.cannot("CAL_SAVE_STRIPE_CREDENTIALS", {"state": state, "code": "stand-in-code"}, status=301,
               says=RETURN["onErrorReturnTo"],
               why="an OAuth callback: its state comes from Stripe's redirect, which needs Stripe's app; the server "
               "sends the caller to its error page")


def test_legacy_time_zones(run: Run) -> None:
    zones = run.both("CAL_LIST_TIMEZONES")[0]
    assert {"city": "London", "timezone": "Europe/London"}.items() <= next(
        zone for zone in zones if zone["city"] == "London").items()


def test_api_key_refresh(run: Run, member: dict[str, Any]) -> None:
    # Refreshing deletes the calling key, and the server's own key is shared: the refreshes run with a key of the
    # member this run added (seeded in the database, as no route makes a first key), which leaves with the member.
    key = api_key_of(member["id"])
    base_url = run.cal.config.base_url
    variants: list[tuple[str, dict[str, Any]]] = [
        ("minimal", {}), ("days valid", {"apiKeyDaysValid": 1}), ("never expires", {"apiKeyNeverExpires": True}),
        ("again, for a day", {"apiKeyDaysValid": 1})]
    for variant, given in variants:
        with Cal(api_key=key, base_url=base_url, max_retries=0) as cal:
            made = Run(cal, run.ledger).check("CAL_REFRESH_API_KEY", given, variant=variant)
            assert cal.execute("CAL_GET_ME").status_code == 401, "the old key is deleted at once"
        key = made["apiKey"]
        with Cal(api_key=key, base_url=base_url, max_retries=0) as cal:
            assert (cal.execute("CAL_GET_ME").data or {}).get("id") == member["id"]
    with Cal(api_key=key, base_url=base_url, max_retries=0) as cal:
        both = cal.execute("CAL_REFRESH_API_KEY", {"apiKeyDaysValid": 1, "apiKeyNeverExpires": True})
    assert both.status_code == 400 and "Cannot set both" in str(both.error)
    run.note("CAL_REFRESH_API_KEY", "Run with a key of a member the run adds: the server's own key is shared. "
             "Both expiry fields at once are refused (400).")
