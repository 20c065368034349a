"""The sandbox follows the live API: bookings and slots by slug, Cal.com's pipe messages for a wrong mix of
forms, the new event-type, profile and list settings stored and returned, public routes and their answers."""

from __future__ import annotations

import json
from datetime import timedelta
from typing import Any

import httpx
import pytest

from cal_actions import Cal
from cal_actions.sandbox import SANDBOX_BASE_URL
from cal_actions.sandbox.seed import API_KEY, OAUTH_CLIENT_ID, OAUTH_CLIENT_SECRET
from tests.support import ok
from tests.test_sandbox_integrations import NOW

MARY = {"name": "Mary Somerville", "email": "mary@example.com", "timeZone": "Europe/London"}
DAY = {"start": "2030-03-05", "end": "2030-03-05"}


@pytest.fixture
def cal() -> Cal:
    return Cal.sandbox(now=NOW)


def raw(cal: Cal, method: str, path: str, version: str, body: Any = None) -> httpx.Response:
    """A request as any HTTP client sends it, past the toolkit's own checks."""
    headers = {"authorization": f"Bearer {API_KEY}", "cal-api-version": version}
    return cal.emulator.handle(httpx.Request(method, f"{SANDBOX_BASE_URL}{path}", json=body, headers=headers))


def message(response: httpx.Response) -> str:
    assert response.status_code == 400, response.text
    return str(response.json()["error"]["message"])


def test_a_booking_by_slug_and_its_owner_lands_on_that_event_type(cal: Cal) -> None:
    by_user = ok(cal, "CAL_CREATE_BOOKING", {"start": "2030-03-05T09:00:00Z", "eventTypeSlug": "meeting",
                                              "username": "ada", "attendee": MARY})  # fmt: skip
    assert by_user["eventTypeId"] == 2
    by_team = ok(cal, "CAL_CREATE_BOOKING", {"start": "2030-03-05T14:00:00Z", "eventTypeSlug": "team-intro",
                                              "teamSlug": "sandbox-team", "attendee": MARY})  # fmt: skip
    assert by_team["eventTypeId"] == 5
    in_org = {"start": "2030-03-05T15:00:00Z", "eventTypeSlug": "eng-sync", "teamSlug": "engineering",
              "organizationSlug": "sandbox-org", "attendee": MARY}  # fmt: skip
    assert ok(cal, "CAL_CREATE_BOOKING", in_org)["eventTypeId"] == 6
    wrong_org = cal.execute("CAL_CREATE_BOOKING", {**in_org, "organizationSlug": "elsewhere"})
    assert wrong_org.status_code == 404 and "Team with slug engineering not found" in (wrong_org.error or "")
    by_user = {key: value for key, value in in_org.items() if key != "teamSlug"}
    nobody = cal.execute("CAL_CREATE_BOOKING", {**by_user, "username": "nobody"})
    assert nobody.status_code == 404 and "User with username nobody not found" in (nobody.error or "")


def test_the_attendee_phone_and_the_location_object(cal: Cal) -> None:
    phone_only = {"name": "Pat", "phoneNumber": "+14155550123", "timeZone": "UTC"}
    refused = cal.execute("CAL_CREATE_BOOKING", {"start": "2030-03-05T09:00:00Z", "eventTypeId": 2,
                                                  "attendee": phone_only})  # fmt: skip
    # Cal.com's answer when the event type still asks for an email.
    assert refused.error == "HTTP 400 BAD_REQUEST: responses - {email}error_required_field, "
    cal_video = {"type": "integration", "integration": "cal-video"}
    with_phone = {**MARY, "phoneNumber": "+14155550123"}
    booking = {"start": "2030-03-05T09:00:00Z", "eventTypeId": 2, "attendee": with_phone, "location": cal_video}
    booked = ok(cal, "CAL_CREATE_BOOKING", booking)
    assert booked["location"] == "integrations:daily"
    assert booked["bookingFieldsResponses"]["attendeePhoneNumber"] == "+14155550123"
    address = {"type": "attendeeAddress", "address": "Rome"}
    elsewhere = cal.execute("CAL_CREATE_BOOKING", {**booking, "start": "2030-03-05T10:00:00Z", "location": address})
    assert elsewhere.status_code == 400 and "The event type has following location types: integration" in (
        elsewhere.error or ""
    )


def test_a_wrong_mix_of_forms_gets_cal_com_s_pipe_message(cal: Cal) -> None:
    booking = {"start": "2030-03-05T09:00:00Z", "eventTypeId": 2, "attendee": MARY}
    mixed = raw(cal, "POST", "/v2/bookings", "2024-08-13", {**booking, "instant": True, "recurrenceCount": 2})
    assert message(mixed) == "instant property is wrong,property instant should not exist "
    unnamed = raw(cal, "POST", "/v2/bookings", "2024-08-13", {**booking, "eventTypeId": None})
    expected = "Either eventTypeId or eventTypeSlug + username or eventTypeSlug + teamSlug must be provided "
    assert message(unnamed) == expected
    uid = ok(cal, "CAL_CREATE_BOOKING", booking)["uid"]
    seat_move = {"start": "2030-03-05T10:00:00Z", "seatUid": "s1", "reschedulingReason": "late"}
    moved = raw(cal, "POST", f"/v2/bookings/{uid}/reschedule", "2024-08-13", seat_move)
    assert message(moved) == "reschedulingReason property is wrong,property reschedulingReason should not exist "
    seat_cancel = {"seatUid": "s1", "cancellationReason": "x"}
    cancelled = raw(cal, "POST", f"/v2/bookings/{uid}/cancel", "2024-08-13", seat_cancel)
    assert message(cancelled) == "cancellationReason property is wrong,property cancellationReason should not exist "
    seat_only = cal.execute("CAL_CANCEL_BOOKING", {"bookingUid": uid, "seatUid": "s1"})
    assert seat_only.status_code == 400, "a seat is cancelled alone, never the whole booking"
    # Cal.com's server asks its host for a reason before it looks for the seat (which takes no reason).
    assert "Cancellation reason is required when you are the host" in (seat_only.error or "")
    assert ok(cal, "CAL_GET_BOOKING", {"bookingUid": uid})["status"] == "accepted"
    query = "eventTypeId=2&eventTypeSlug=meeting&start=2030-03-05&end=2030-03-05"
    slots = raw(cal, "GET", f"/v2/slots?{query}", "2024-09-04")
    assert message(slots) == "eventTypeSlug property is wrong,property eventTypeSlug should not exist "


def test_slots_by_slug_and_the_common_free_time_of_usernames(cal: Cal) -> None:
    by_id = ok(cal, "CAL_LIST_AVAILABLE_SLOTS", {**DAY, "eventTypeId": 2})
    assert ok(cal, "CAL_LIST_AVAILABLE_SLOTS", {**DAY, "eventTypeSlug": "meeting", "username": "ada"}) == by_id
    team = ok(cal, "CAL_LIST_AVAILABLE_SLOTS", {**DAY, "eventTypeSlug": "team-intro", "teamSlug": "sandbox-team"})
    assert team["2030-03-05"]
    pair = {"usernames": ["ada", "grace"], "organizationSlug": "sandbox-org"}
    both = ok(cal, "CAL_LIST_AVAILABLE_SLOTS", {**DAY, **pair})
    ada_alone = {slot["start"] for slot in ok(cal, "CAL_LIST_AVAILABLE_SLOTS", {**DAY, "eventTypeId": 2})["2030-03-05"]}
    common = {slot["start"] for slot in both["2030-03-05"]}
    # Ada works 09-17 Berlin, Grace 09-17 New York: their common time is Ada's afternoon only.
    assert common and common < ada_alone and min(common) == "2030-03-05T14:00:00.000Z"
    unknown = cal.execute("CAL_LIST_AVAILABLE_SLOTS", {**DAY, "usernames": ["ada", "nobody"], "organizationSlug": "o"})
    assert unknown.status_code == 404


def test_event_type_settings_new_to_the_live_api_are_kept(cal: Cal) -> None:
    settings = {"hidden": True, "hideOrganizerEmail": True, "bookingRequiresAuthentication": True,
                "calVideoSettings": {"disableRecordingForGuests": True}}  # fmt: skip
    updated = ok(cal, "CAL_UPDATE_EVENT_TYPE", {"eventTypeId": 1, **settings})
    assert {key: updated[key] for key in settings} == settings
    assert {key: ok(cal, "CAL_GET_EVENT_TYPE", {"eventTypeId": 1})[key] for key in settings} == settings


def test_team_event_types_take_either_scheduling_spelling_and_list_publicly(cal: Cal) -> None:
    created = ok(cal, "CAL_CREATE_TEAM_EVENT_TYPE", {"teamId": 2, "title": "Panel", "slug": "panel",
                                                      "lengthInMinutes": 30, "schedulingType": "COLLECTIVE",
                                                      "assignAllTeamMembers": True})  # fmt: skip
    assert created["schedulingType"] == "collective" and len(created["hosts"]) == 3
    anonymous = Cal.sandbox(cal.emulator, api_key="", client_id="", client_secret="")
    listed = ok(anonymous, "CAL_LIST_TEAM_EVENT_TYPES", {"teamId": 2, "eventSlug": "panel", "hostsLimit": 1})
    assert [item["id"] for item in listed] == [created["id"]] and len(listed[0]["hosts"]) == 1
    assert ok(anonymous, "CAL_LIST_TEAM_EVENT_TYPES", {"teamId": 999}) == []  # Cal.com answers an empty list
    organization_team = anonymous.execute("CAL_LIST_ORG_TEAM_EVENT_TYPES", {"orgId": 1, "teamId": 3})
    assert organization_team.status_code is None and "api_key" in (organization_team.error or "")


def test_managed_users_keep_bio_and_metadata_and_list_by_email_and_offset(cal: Cal) -> None:
    client = Cal.sandbox(cal.emulator, api_key="", client_id=OAUTH_CLIENT_ID, client_secret=OAUTH_CLIENT_SECRET)
    profile = {"email": "nia@example.com", "name": "Nia", "bio": "Booker", "metadata": {"crm": "n1"}}
    created = ok(client, "CAL_CREATE_MANAGED_USER", {"clientId": OAUTH_CLIENT_ID, **profile})
    assert created["refreshTokenExpiresAt"] > created["accessTokenExpiresAt"]
    user = created["user"]
    assert (user["bio"], user["metadata"]) == ("Booker", {"crm": "n1"})
    changed = ok(client, "CAL_UPDATE_MANAGED_USER", {"clientId": OAUTH_CLIENT_ID, "userId": user["id"],
                                                      "bio": "Booker too", "metadata": {"crm": "n2"}})  # fmt: skip
    assert (changed["bio"], changed["metadata"]) == ("Booker too", {"crm": "n2"})
    everyone = ok(client, "CAL_LIST_MANAGED_USERS", {"clientId": OAUTH_CLIENT_ID})
    assert [u["id"] for u in everyone][-1] == user["id"] and len(everyone) == 2
    by_email = ok(client, "CAL_LIST_MANAGED_USERS", {"clientId": OAUTH_CLIENT_ID, "emails": ["nia@example.com"]})
    assert [u["id"] for u in by_email] == [user["id"]]
    assert ok(client, "CAL_LIST_MANAGED_USERS", {"clientId": OAUTH_CLIENT_ID, "offset": 1}) == everyone[1:]


def test_my_bio_and_metadata_are_stored(cal: Cal) -> None:
    ok(cal, "CAL_UPDATE_ME", {"bio": "Analyst", "metadata": {"engine": "analytical"}})
    stored = cal.emulator.read("user", 1)
    assert (stored["bio"], stored["metadata"]) == ("Analyst", {"engine": "analytical"})


def test_org_users_filter_by_team_and_attribute_options(cal: Cal) -> None:
    def ids(**filters: Any) -> list[int]:
        return [user["id"] for user in ok(cal, "CAL_LIST_ORG_USERS", {"orgId": 1, **filters})]

    assert ids() == [1, 2]
    assert ids(teamIds=[3]) == [1, 2] and ids(teamIds=[999]) == []
    ok(cal, "CAL_ASSIGN_ORG_ATTRIBUTE_OPTION_TO_USER", {"orgId": 1, "userId": 2, "attributeId": "2",
                                                        "attributeOptionId": "3"})  # fmt: skip
    assert ids(assignedOptionIds=["1"]) == [1]  # Ada holds Engineering
    assert ids(assignedOptionIds=["1", "3"]) == []  # AND (the default): nobody holds both
    assert ids(assignedOptionIds=["1", "3"], attributeQueryOperator="OR") == [1, 2]
    assert ids(assignedOptionIds=["1"], attributeQueryOperator="NONE") == [2]
    membership = next(m for m in ok(cal, "CAL_LIST_ORG_MEMBERSHIPS", {"orgId": 1}) if m["userId"] == 2)
    assert membership["attributes"] == [
        {"id": "2", "name": "Seniority", "type": "SINGLE_SELECT", "option": "Senior", "optionId": "3"}
    ]


def test_calendars_reached_through_delegation_keep_their_delegation_credential(cal: Cal) -> None:
    listed = ok(cal, "CAL_LIST_CALENDARS")
    google = next(item for item in listed["connectedCalendars"] if item["integration"]["type"] == "google_calendar")
    chosen = {"integration": "google_calendar", "externalId": "ada@example.com", "credentialId": google["credentialId"],
              "delegationCredentialId": "dc-1"}  # fmt: skip
    ok(cal, "CAL_ADD_SELECTED_CALENDAR", chosen)
    assert {s["delegationCredentialId"] for s in cal.emulator.read("selected_calendar")} >= {"dc-1"}
    ok(cal, "CAL_UPDATE_DESTINATION_CALENDAR", {"integration": "google_calendar", "externalId": "ada@example.com",
                                                "delegationCredentialId": "dc-1"})  # fmt: skip
    assert ok(cal, "CAL_LIST_CALENDARS")["destinationCalendar"]["delegationCredentialId"] == "dc-1"


def test_team_metadata_is_kept_as_an_object(cal: Cal) -> None:
    team = ok(cal, "CAL_CREATE_ORG_TEAM", {"orgId": 1, "name": "Sales", "metadata": {"region": "EU", "size": 4}})
    assert team["metadata"] == {"region": "EU", "size": 4}
    updated = ok(cal, "CAL_UPDATE_ORG_TEAM", {"orgId": 1, "teamId": team["id"], "metadata": {"region": "US"}})
    assert updated["metadata"] == {"region": "US"}


def test_bookings_list_by_uid_and_by_last_change(cal: Cal) -> None:
    first = ok(cal, "CAL_CREATE_BOOKING", {"start": "2030-03-05T09:00:00Z", "eventTypeId": 2, "attendee": MARY})
    second = ok(cal, "CAL_CREATE_BOOKING", {"start": "2030-03-05T10:00:00Z", "eventTypeId": 2, "attendee": MARY})
    cal.emulator.clock.advance(timedelta(minutes=5))
    ok(cal, "CAL_CANCEL_BOOKING", {"bookingUid": first["uid"], "cancellationReason": "moved"})
    only = ok(cal, "CAL_LIST_BOOKINGS", {"bookingUid": second["uid"]})["data"]
    assert [b["uid"] for b in only] == [second["uid"]]
    latest = ok(cal, "CAL_LIST_BOOKINGS", {"sortUpdatedAt": "desc", "take": 1})["data"]
    assert [b["uid"] for b in latest] == [first["uid"]]
    changed = ok(cal, "CAL_LIST_BOOKINGS", {"afterUpdatedAt": "2030-03-04T08:01:00Z"})["data"]
    assert [b["uid"] for b in changed] == [first["uid"]]


def test_an_oauth_callback_with_a_state_that_is_not_json_gets_cal_com_s_500_and_the_hint(cal: Cal) -> None:
    anonymous = Cal.sandbox(cal.emulator, api_key="")
    result = anonymous.execute("CAL_SAVE_CONFERENCING_CREDENTIALS", {"app": "zoom", "state": "x", "code": "c"})
    assert result.status_code == 500 and "pass state and code exactly as the provider sent them" in (result.error or "")
    forged = anonymous.execute("CAL_SAVE_STRIPE_CREDENTIALS", {"state": json.dumps({"accessToken": "x"}), "code": "c"})
    assert forged.status_code == 401 and "Invalid Access token." in (forged.error or "")
