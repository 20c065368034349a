"""The declarations as Cal.com's server takes them today: what is sent, what is refused before sending, and
with which words. Each case mirrors an answer of the real server (quoted in the comments of the declarations)."""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import parse_qs

import httpx
import pytest

from cal_actions import Cal
from cal_actions.result import ActionResult

# A union that serializes by the wrong branch warns: here that fails the test.
pytestmark = pytest.mark.filterwarnings("error")

ATTENDEE = {"name": "Ada", "email": "ada@example.com", "timeZone": "Europe/Rome"}
BOOKING = {"start": "2030-01-31T09:00:00Z", "attendee": ATTENDEE}


def call(name: str, arguments: dict[str, Any], **settings: str) -> tuple[httpx.Request | None, ActionResult]:
    sent: list[httpx.Request] = []

    def answer(request: httpx.Request) -> httpx.Response:
        sent.append(request)
        return httpx.Response(200, json={"status": "success", "data": {}})

    credentials = settings or {"api_key": "cal_test_k", "client_id": "cid", "client_secret": "csecret"}
    with Cal(transport=httpx.MockTransport(answer), max_retries=0, **credentials) as cal:  # type: ignore[arg-type]
        result = cal.execute(name, arguments)
    return (sent[0] if sent else None), result


def body(name: str, arguments: dict[str, Any]) -> dict[str, Any]:
    request, result = call(name, arguments)
    assert result.successful and request is not None, result.error
    return dict(json.loads(request.content))


def query(name: str, arguments: dict[str, Any]) -> dict[str, list[str]]:
    request, result = call(name, arguments)
    assert result.successful and request is not None, result.error
    return parse_qs(request.url.query.decode())


def refused(name: str, arguments: dict[str, Any]) -> str:
    request, result = call(name, arguments)
    assert request is None and not result.successful, "refused before anything is sent"
    return result.error or ""


# --- create booking: regular | instant | recurring, each by id, by slug and user, or by slug and team ------------


def test_a_booking_names_its_event_type_by_id_or_by_slug_and_owner() -> None:
    assert body("CAL_CREATE_BOOKING", {**BOOKING, "eventTypeId": 7})["eventTypeId"] == 7
    by_user = {**BOOKING, "eventTypeSlug": "intro", "username": "ada", "organizationSlug": "acme"}
    assert body("CAL_CREATE_BOOKING", by_user) == by_user
    by_team = {**BOOKING, "eventTypeSlug": "intro", "teamSlug": "sales"}
    assert body("CAL_CREATE_BOOKING", by_team) == by_team


def test_a_booking_naming_its_event_type_twice_or_not_at_all_is_refused() -> None:
    both = refused("CAL_CREATE_BOOKING", {**BOOKING, "eventTypeId": 7, "eventTypeSlug": "intro", "username": "ada"})
    assert "eventTypeSlug: unknown field" in both and "read as a booking by eventTypeId" in both
    assert "a booking by eventTypeSlug and username | a booking by eventTypeSlug and teamSlug" in both
    none = refused("CAL_CREATE_BOOKING", BOOKING)
    assert "Either eventTypeId or eventTypeSlug + username or eventTypeSlug + teamSlug must be provided" in none


def test_instant_and_recurring_are_separate_forms_as_on_the_server() -> None:
    # Server: "instant property is wrong,property instant should not exist".
    error = refused("CAL_CREATE_BOOKING", {**BOOKING, "eventTypeId": 7, "instant": True, "recurrenceCount": 2})
    assert "instant: unknown field" in error and "read as a recurring booking (recurrenceCount)" in error
    assert body("CAL_CREATE_BOOKING", {**BOOKING, "eventTypeId": 7, "recurrenceCount": 2})["recurrenceCount"] == 2
    assert body("CAL_CREATE_BOOKING", {**BOOKING, "eventTypeId": 7, "instant": True})["instant"] is True
    assert "instant: unknown field" in refused("CAL_CREATE_BOOKING", {**BOOKING, "eventTypeId": 7, "instant": False})


def test_the_attendee_needs_an_email_or_a_phone_number() -> None:
    phone_only = {**BOOKING, "eventTypeId": 7, "attendee": {"name": "Ada", "phoneNumber": "+14155550123",
                                                             "timeZone": "UTC"}}  # fmt: skip
    assert "email" not in body("CAL_CREATE_BOOKING", phone_only)["attendee"]
    neither = {**BOOKING, "eventTypeId": 7, "attendee": {"name": "Ada", "timeZone": "UTC"}}
    assert "attendee: Attendee must have at least one contact method (email or phone number)" in refused(
        "CAL_CREATE_BOOKING", neither
    )
    assert body("CAL_CREATE_BOOKING", {**BOOKING, "eventTypeId": 7, "attendee": {**ATTENDEE, "language": "bn"}})


def test_the_booking_location_is_one_of_the_typed_location_objects() -> None:
    for location in ({"type": "attendeeDefined", "location": "Rome"}, {"type": "integration", "integration": "zoom"},
                     {"type": "attendeePhone", "phone": "+14155550123"}, {"type": "organizersDefaultApp"}):  # fmt: skip
        assert body("CAL_CREATE_BOOKING", {**BOOKING, "eventTypeId": 7, "location": location})["location"] == location
    assert "location: Unable to extract tag" in refused(
        "CAL_CREATE_BOOKING", {**BOOKING, "eventTypeId": 7, "location": {"address": "Rome"}}
    )
    assert "location.attendeeAddress.address: Field required" in refused(
        "CAL_CREATE_BOOKING", {**BOOKING, "eventTypeId": 7, "location": {"type": "attendeeAddress"}}
    )
    assert "location: Input should be a valid dictionary" in refused(
        "CAL_CREATE_BOOKING", {**BOOKING, "eventTypeId": 7, "location": "Rome"}
    )


def test_routing_verification_code_answers_and_metadata_travel() -> None:
    sent = body(
        "CAL_CREATE_BOOKING",
        {**BOOKING, "eventTypeId": 7, "routing": {"teamMemberIds": [3], "responseId": 9}, "emailVerificationCode": "1",
         "bookingFieldsResponses": {"topics": ["a", "b"], "seats": 2}, "metadata": {"crm": "x1", "tier": "gold"}},
    )  # fmt: skip
    assert sent["routing"] == {"teamMemberIds": [3], "responseId": 9} and sent["emailVerificationCode"] == "1"
    assert sent["bookingFieldsResponses"] == {"topics": ["a", "b"], "seats": 2}
    too_long = {"k" * 41: "v"}
    assert "metadata." in refused("CAL_CREATE_BOOKING", {**BOOKING, "eventTypeId": 7, "metadata": too_long})
    # Server: "metadata.n - Expected string, received number" for a booking (profiles and teams take numbers):
    # a number is sent as its text, a boolean refused.
    assert body("CAL_CREATE_BOOKING", {**BOOKING, "eventTypeId": 7, "metadata": {"n": 1}})["metadata"] == {"n": "1"}
    assert "metadata.vip: Input should be a valid string" in refused(
        "CAL_CREATE_BOOKING", {**BOOKING, "eventTypeId": 7, "metadata": {"vip": True}}
    )


@pytest.mark.parametrize("start", ["tomorrow 10am", "2030-13-01", "31/01/2030"])
def test_start_times_are_iso_8601(start: str) -> None:
    # Server: "start property is wrong,start must be a valid ISO 8601 date string".
    error = refused("CAL_CREATE_BOOKING", {**BOOKING, "eventTypeId": 7, "start": start})
    assert "start: must be ISO 8601, e.g. 2025-01-31T09:00:00Z" in error
    assert "slotStart: must be ISO 8601" in refused("CAL_RESERVE_SLOT", {"eventTypeId": 7, "slotStart": start})
    rescheduled = refused("CAL_RESCHEDULE_BOOKING", {"bookingUid": "b", "start": start})
    assert "start: must be ISO 8601" in rescheduled


# --- reschedule and cancel: regular | seated -----------------------------------------------------------------


def test_a_seat_is_moved_or_cancelled_without_the_whole_booking_s_fields() -> None:
    # Server: "property reschedulingReason should not exist" / "property cancellationReason should not exist".
    moved = {"bookingUid": "b", "start": "2030-01-31T10:00:00Z", "seatUid": "s1", "reschedulingReason": "late"}
    assert "reschedulingReason: unknown field" in refused("CAL_RESCHEDULE_BOOKING", moved)
    del moved["reschedulingReason"]
    assert body("CAL_RESCHEDULE_BOOKING", moved) == {"start": "2030-01-31T10:00:00Z", "seatUid": "s1"}
    cancelled = refused("CAL_CANCEL_BOOKING", {"bookingUid": "b", "seatUid": "s1", "cancellationReason": "ill"})
    assert "cancellationReason: unknown field" in cancelled and "read as one seat of a seated booking" in cancelled
    assert body("CAL_CANCEL_BOOKING", {"bookingUid": "b", "cancellationReason": "ill"}) == {"cancellationReason": "ill"}


# --- slots: by id | by slug and user | by slug and team | by usernames ------------------------------------------


RANGE = {"start": "2030-01-31", "end": "2030-02-01"}


def test_slots_take_exactly_one_way_of_naming_whose_time() -> None:
    # Server: "eventTypeSlug property is wrong,property eventTypeSlug should not exist".
    assert "eventTypeSlug: unknown field" in refused("CAL_LIST_AVAILABLE_SLOTS", {**RANGE, "eventTypeId": 7,
                                                                                  "eventTypeSlug": "x"})  # fmt: skip
    # Server: "usernames must be an array… The array must contain at least 2 elements… organizationSlug must be a
    # string".
    none = refused("CAL_LIST_AVAILABLE_SLOTS", RANGE)
    assert "usernames: Field required" in none and "organizationSlug: Field required" in none
    pair = query("CAL_LIST_AVAILABLE_SLOTS", {**RANGE, "usernames": ["ada", "bob"], "organizationSlug": "acme"})
    assert pair["usernames"] == ["ada,bob"]
    assert "at least 2" in refused("CAL_LIST_AVAILABLE_SLOTS", {**RANGE, "usernames": ["ada"], "organizationSlug": "a"})
    assert query("CAL_LIST_AVAILABLE_SLOTS", {**RANGE, "eventTypeSlug": "x", "teamSlug": "t"})["teamSlug"] == ["t"]


@pytest.mark.parametrize(
    ("name", "arguments"),
    [
        ("CAL_LIST_AVAILABLE_SLOTS", {**RANGE, "eventTypeId": 7}),
        ("CAL_DELETE_SLOT_RESERVATION", {"uid": "r1"}),
        ("CAL_LIST_TEAM_EVENT_TYPES", {"teamId": 2}),
        ("CAL_SAVE_STRIPE_CREDENTIALS", {"state": "{}", "code": "c"}),
        ("CAL_SAVE_CONFERENCING_CREDENTIALS", {"app": "zoom", "state": "{}", "code": "c"}),
        ("CAL_SAVE_CALENDAR_CREDENTIALS", {"calendar": "google", "state": "s", "code": "c"}),
    ],
)
def test_public_routes_need_and_send_no_credentials(name: str, arguments: dict[str, Any]) -> None:
    request, result = call(name, arguments, base_url="https://cal.test")
    assert result.successful and request is not None, result.error
    assert not {"authorization", "x-cal-secret-key", "x-cal-client-id"} & set(request.headers)


def test_managed_users_need_only_the_client_secret_beside_the_path_s_client_id() -> None:
    request, result = call("CAL_GET_MANAGED_USER", {"clientId": "cid", "userId": 4}, client_secret="csecret")
    assert result.successful and request is not None and request.headers["x-cal-secret-key"] == "csecret"
    assert "authorization" not in request.headers


# --- lists and filters ----------------------------------------------------------------------------------------


def test_booking_filters_are_typed_and_travel_as_the_server_parses_them() -> None:
    # Server: get-bookings.input.ts splits eventTypeIds on commas and wants numbers.
    sent = query("CAL_LIST_BOOKINGS", {"eventTypeIds": [3, 4], "teamsIds": [5], "bookingUid": "u1",
                                       "afterCreatedAt": "2030-01-01", "sortUpdatedAt": "desc"})  # fmt: skip
    assert sent == {"eventTypeIds": ["3,4"], "teamsIds": ["5"], "bookingUid": ["u1"], "afterCreatedAt": ["2030-01-01"],
                    "sortUpdatedAt": ["desc"]}  # fmt: skip
    assert "eventTypeIds.0: Input should be a valid integer" in refused("CAL_LIST_BOOKINGS", {"eventTypeIds": ["abc"]})
    assert "beforeUpdatedAt: must be ISO 8601" in refused("CAL_LIST_BOOKINGS", {"beforeUpdatedAt": "yesterday"})


def test_org_user_and_managed_user_filters() -> None:
    sent = query("CAL_LIST_ORG_USERS", {"orgId": 1, "assignedOptionIds": ["o1", "o2"],
                                        "attributeQueryOperator": "OR", "teamIds": [3]})  # fmt: skip
    assert sent == {"assignedOptionIds": ["o1,o2"], "attributeQueryOperator": ["OR"], "teamIds": ["3"]}
    managed = query("CAL_LIST_MANAGED_USERS", {"clientId": "cid", "offset": 5, "limit": 5, "emails": ["a@x.io"]})
    assert managed == {"offset": ["5"], "limit": ["5"], "emails": ["a@x.io"]}
    # Server: organizations-teams.controller.ts still pages with take and skip, which the document dropped.
    assert query("CAL_LIST_ORG_TEAMS", {"orgId": 1, "take": 10, "skip": 20}) == {"take": ["10"], "skip": ["20"]}


def test_busy_times_need_both_dates() -> None:
    calendars = [{"credentialId": 1, "externalId": "ada@example.com"}]
    error = refused("CAL_LIST_BUSY_TIMES", {"loggedInUsersTz": "UTC", "calendarsToLoad": calendars})
    assert "dateFrom: Field required" in error and "dateTo: Field required" in error


def test_calendar_delegation_credentials_travel() -> None:
    chosen = {"integration": "google_calendar", "externalId": "a", "credentialId": 1, "delegationCredentialId": "d1"}
    assert body("CAL_ADD_SELECTED_CALENDAR", chosen)["delegationCredentialId"] == "d1"
    assert query("CAL_REMOVE_SELECTED_CALENDAR", chosen)["delegationCredentialId"] == ["d1"]
    destination = {"integration": "google_calendar", "externalId": "a", "delegationCredentialId": "d1"}
    assert body("CAL_UPDATE_DESTINATION_CALENDAR", destination) == destination


# --- event types -----------------------------------------------------------------------------------------------


def test_event_type_locations_and_questions_are_typed() -> None:
    # Server: "Each object in 'locations' must have a 'type' property."
    assert "locations.0: Unable to extract tag using discriminator 'type'" in refused(
        "CAL_UPDATE_EVENT_TYPE", {"eventTypeId": 1, "locations": [{"address": "Rome", "public": True}]}
    )
    choice = {"type": "select", "slug": "topic", "label": "Topic", "required": True, "options": ["a", "b"]}
    questions = [{"type": "name"}, {"slug": "notes", "required": True}, choice]
    assert body("CAL_UPDATE_EVENT_TYPE", {"eventTypeId": 1, "bookingFields": questions})["bookingFields"] == questions
    assert "needs a type" in refused("CAL_UPDATE_EVENT_TYPE", {"eventTypeId": 1, "bookingFields": [{"label": "x"}]})
    assert "options: Field required" in refused(
        "CAL_UPDATE_EVENT_TYPE",
        {"eventTypeId": 1, "bookingFields": [{"type": "radio", "slug": "r", "label": "R", "required": True}]},
    )
    team = {"teamId": 2, "eventTypeId": 5, "locations": [{"type": "organizersDefaultApp"}]}
    assert body("CAL_UPDATE_TEAM_EVENT_TYPE", team)["locations"] == [{"type": "organizersDefaultApp"}]
    assert "locations.0: Input tag 'organizersDefaultApp'" in refused(
        "CAL_UPDATE_EVENT_TYPE", {"eventTypeId": 1, "locations": [{"type": "organizersDefaultApp"}]}
    )


def test_event_type_settings_new_to_the_live_api() -> None:
    settings = {"hidden": True, "hideOrganizerEmail": True, "bookingRequiresAuthentication": True,
                "calVideoSettings": {"disableRecordingForGuests": True, "redirectUrlOnExit": "https://x.io/bye"},
                "bookingWindow": {"type": "range", "value": ["2030-01-01", "2030-02-01"]},
                "confirmationPolicy": {"disabled": True}, "seats": {"seatsPerTimeSlot": 3, "showAttendeeInfo": False,
                                                                    "showAvailabilityCount": True}}  # fmt: skip
    assert body("CAL_UPDATE_EVENT_TYPE", {"eventTypeId": 1, **settings}) == settings
    too_short = {"eventTypeId": 1, "bookingLimitsDuration": {"day": 10}}  # multiples of 15 minutes
    assert "bookingLimitsDuration" in refused("CAL_UPDATE_EVENT_TYPE", too_short)


def test_length_options_are_whole_minutes() -> None:
    # Server: "each value in lengthInMinutesOptions must be an integer number" for ["30", "60"].
    sent = body("CAL_UPDATE_EVENT_TYPE", {"eventTypeId": 1, "lengthInMinutesOptions": ["30", 60]})
    assert sent["lengthInMinutesOptions"] == [30, 60]
    assert "lengthInMinutesOptions.0" in refused(
        "CAL_UPDATE_EVENT_TYPE", {"eventTypeId": 1, "lengthInMinutesOptions": ["half an hour"]}
    )


def test_team_scheduling_type_is_sent_as_the_document_spells_it_and_hosts_may_be_left_out() -> None:
    # Server: both collective and ROUND_ROBIN were taken; "Collective" was not.
    base = {"teamId": 2, "title": "T", "slug": "t", "lengthInMinutes": 30, "assignAllTeamMembers": True}
    upper = body("CAL_CREATE_TEAM_EVENT_TYPE", {**base, "schedulingType": "ROUND_ROBIN"})
    assert upper["schedulingType"] == "roundRobin"
    assert body("CAL_CREATE_TEAM_EVENT_TYPE", {**base, "schedulingType": "managed"})["schedulingType"] == "managed"
    assert "schedulingType" in refused("CAL_CREATE_TEAM_EVENT_TYPE", {**base, "schedulingType": "Collective"})
    assert query("CAL_LIST_TEAM_EVENT_TYPES", {"teamId": 2, "eventSlug": "t", "hostsLimit": 3})["hostsLimit"] == ["3"]


def test_phone_call_enabled_is_a_boolean_and_webhook_triggers_a_list() -> None:
    # Server: "enabled must be a boolean value" for {}; "triggers must be an array" for a lone string.
    call_body = {"teamId": 2, "eventTypeId": 5, "yourPhoneNumber": "+14155550123", "numberToCall": "+14155550124",
                 "calApiKey": "cal_live_x", "templateType": "CHECK_IN_APPOINTMENT"}  # fmt: skip
    assert "enabled: Input should be a valid boolean" in refused(
        "CAL_CREATE_TEAM_EVENT_TYPE_PHONE_CALL", {**call_body, "enabled": {}}
    )
    hook = {"subscriberUrl": "https://example.com/hook", "active": True}
    lone = refused("CAL_CREATE_WEBHOOK", {**hook, "triggers": "BOOKING_CREATED"})
    assert "triggers: Input should be a valid list" in lone


# --- profiles and teams --------------------------------------------------------------------------------------


def test_profiles_take_bio_and_metadata() -> None:
    profile = {"bio": "Mathematician", "metadata": {"crm": "a1", "score": 3, "vip": False}, "locale": "bn"}
    assert body("CAL_UPDATE_ME", profile) == profile
    assert body("CAL_UPDATE_MANAGED_USER", {"clientId": "cid", "userId": 4, **profile}) == profile
    assert body("CAL_CREATE_MANAGED_USER", {"clientId": "cid", "email": "a@x.io", "name": "A", **profile})["bio"]
    assert "metadata" in refused("CAL_UPDATE_ME", {"metadata": {"nested": {"no": 1}}})


def test_team_metadata_is_an_object_and_logos_are_urls() -> None:
    # Server: "metadata must be an object" for a JSON string; "appLogo must be a URL address" for "x".
    team = {"name": "Sales", "metadata": {"region": "EU"}, "calVideoLogo": "https://x.io/logo.png"}
    assert body("CAL_CREATE_TEAM", team)["metadata"] == {"region": "EU"}
    assert "metadata: Input should be a valid dictionary" in refused("CAL_CREATE_TEAM", {"name": "S", "metadata": "{}"})
    error = refused("CAL_UPDATE_ORG_TEAM", {"orgId": 1, "teamId": 3, "appLogo": "x", "appIconLogo": "logo.png"})
    assert "appLogo: must be a URL" in error and "appIconLogo: must be a URL" in error


def test_email_fields_refuse_what_is_not_an_address_before_sending() -> None:
    # Server: IsEmail/isEmail on the attendee's email, the rescheduler, a no-show's attendee, an organization
    # user and the verified addresses; guests are addresses too (Cal.com invites each one).
    booking = {"start": "2027-01-13T10:00:00Z", "eventTypeId": 2, "guests": ["lena@northwind.io", "Lena"],
               "attendee": {"name": "Ada", "email": "Ada Lovelace", "timeZone": "Europe/London"}}  # fmt: skip
    error = refused("CAL_CREATE_BOOKING", booking)
    assert "attendee.email: must be an email address" in error and "guests.1: must be an email address" in error
    assert "rescheduledBy: must be an email" in refused(
        "CAL_RESCHEDULE_BOOKING", {"bookingUid": "b1", "start": "2027-01-14T10:00:00Z", "rescheduledBy": "me"})
    assert "attendees.0.email: must be an email" in refused(
        "CAL_MARK_BOOKING_ABSENT", {"bookingUid": "b1", "attendees": [{"email": "ada", "absent": True}]})
    assert "email: must be an email" in refused("CAL_CREATE_ORG_USER", {"orgId": 1, "email": "ada@"})
    for near_miss in (" ada@x.io", "ada@x.io ", "ada@x..io", "ada@.io", "ada@x."):  # sent as given, so refused
        assert "email: must be an email" in refused("CAL_CREATE_ORG_USER", {"orgId": 1, "email": near_miss})
    assert "email: must be an email" in refused("CAL_SEND_EMAIL_VERIFICATION_CODE", {"email": "ada at x.io"})
    fine = {**booking, "guests": ["lena@northwind.io"], "attendee": {**booking["attendee"], "email": "ada@x.io"}}
    assert body("CAL_CREATE_BOOKING", fine)["attendee"]["email"] == "ada@x.io"
