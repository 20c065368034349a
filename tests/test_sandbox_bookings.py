"""Booking lifecycle through ``Cal.sandbox()``: create, conflicts, reschedule, cancel, confirm, list, reassign."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import httpx
import pytest

from cal_actions import Cal
from cal_actions.sandbox import API_KEY, SANDBOX_BASE_URL, Sandbox, SandboxTransport
from tests.test_sandbox_core import assert_matches_spec

MONDAY_MORNING = datetime(2030, 1, 7, 8, 0, tzinfo=UTC)
QUICK_CHAT, MEETING, CONSULTATION, TEAM_INTRO = 1, 2, 3, 5
UNAVAILABLE = "User either already has booking at this time or is not available"
MARY = {"name": "Mary Somerville", "email": "mary@example.com", "timeZone": "Europe/London"}


@pytest.fixture
def cal() -> Any:
    with Cal.sandbox(now=MONDAY_MORNING) as client:
        yield client


def create(cal: Cal, start: str, event_type_id: int = MEETING, **extra: Any) -> Any:
    return cal.execute("CAL_CREATE_BOOKING", {"eventTypeId": event_type_id, "start": start, "attendee": MARY, **extra})


def test_free_slot_books_and_the_same_slot_then_conflicts(cal: Cal) -> None:
    first = create(cal, "2030-01-08T09:00:00Z")
    assert first.successful, first.error
    booking = first.data
    assert booking["status"] == "accepted" and booking["duration"] == 30
    assert booking["start"] == "2030-01-08T09:00:00.000Z" and booking["end"] == "2030-01-08T09:30:00.000Z"
    assert booking["hosts"][0]["username"] == "ada" and booking["eventType"] == {"id": MEETING, "slug": "meeting"}
    assert booking["attendees"][0]["email"] == MARY["email"]
    second = create(cal, "2030-01-08T09:15:00Z")
    assert not second.successful and second.status_code == 400
    assert UNAVAILABLE in second.error and "BadRequestException" in second.error


def test_past_and_out_of_hours_times_are_refused(cal: Cal) -> None:
    past = create(cal, "2030-01-07T07:00:00Z")
    assert past.status_code == 400 and "past" in past.error
    night = create(cal, "2030-01-08T22:00:00Z")
    assert night.status_code == 400 and UNAVAILABLE in night.error
    missing = cal.execute("CAL_CREATE_BOOKING", {"eventTypeId": 999, "start": "2030-01-08T09:00:00Z", "attendee": MARY})
    assert missing.status_code == 404


def test_length_option_sets_duration_and_other_lengths_are_refused(cal: Cal) -> None:
    hour = create(cal, "2030-01-08T10:00:00Z", lengthInMinutes=60)
    assert hour.successful and hour.data["duration"] == 60 and hour.data["end"] == "2030-01-08T11:00:00.000Z"
    assert create(cal, "2030-01-08T13:00:00Z", lengthInMinutes=45).status_code == 400


def test_booking_output_matches_the_spec() -> None:
    sandbox = Sandbox(now=MONDAY_MORNING)
    headers = {"authorization": f"Bearer {API_KEY}", "cal-api-version": "2024-08-13"}
    with httpx.Client(transport=SandboxTransport(sandbox), base_url=SANDBOX_BASE_URL, headers=headers) as raw:
        created = raw.post(
            "/v2/bookings", json={"eventTypeId": MEETING, "start": "2030-01-08T09:00:00Z", "attendee": MARY}
        )
        listed = raw.get("/v2/bookings", params={"take": 2})
        cancelled = raw.post(f"/v2/bookings/{created.json()['data']['uid']}/cancel", json={"cancellationReason": "x"})
    assert created.status_code == 201 and listed.status_code == 200 and cancelled.status_code == 200
    assert_matches_spec("POST", "/v2/bookings", 201, created.json())
    assert_matches_spec("GET", "/v2/bookings", 200, listed.json())
    assert_matches_spec("POST", "/v2/bookings/{bookingUid}/cancel", 200, cancelled.json())


def test_reschedule_links_both_bookings_and_frees_the_old_time(cal: Cal) -> None:
    old = create(cal, "2030-01-08T09:00:00Z").data
    moved = cal.execute(
        "CAL_RESCHEDULE_BOOKING",
        {"bookingUid": old["uid"], "start": "2030-01-09T13:00:00Z", "reschedulingReason": "Clash"},
    )
    assert moved.successful, moved.error
    assert moved.data["rescheduledFromUid"] == old["uid"] and moved.data["start"] == "2030-01-09T13:00:00.000Z"
    previous = cal.execute("CAL_GET_BOOKING", {"bookingUid": old["uid"]}).data
    assert previous["status"] == "cancelled" and previous["rescheduledToUid"] == moved.data["uid"]
    assert create(cal, "2030-01-08T09:00:00Z").successful  # the old time is free again
    again = cal.execute("CAL_RESCHEDULE_BOOKING", {"bookingUid": old["uid"], "start": "2030-01-10T08:00:00Z"})
    assert again.status_code == 400


def test_reschedule_onto_its_own_time_shifted_inside_it_is_allowed(cal: Cal) -> None:
    old = create(cal, "2030-01-08T09:00:00Z", lengthInMinutes=60).data
    moved = cal.execute("CAL_RESCHEDULE_BOOKING", {"bookingUid": old["uid"], "start": "2030-01-08T09:30:00Z"})
    assert moved.successful, moved.error
    assert moved.data["duration"] == 60


def test_cancel_keeps_the_booking_with_its_reason(cal: Cal) -> None:
    booking = create(cal, "2030-01-08T09:00:00Z").data
    result = cal.execute("CAL_CANCEL_BOOKING", {"bookingUid": booking["uid"], "cancellationReason": "Ill"})
    assert result.successful
    stored = cal.execute("CAL_GET_BOOKING", {"bookingUid": booking["uid"]}).data
    assert stored["status"] == "cancelled" and stored["cancellationReason"] == "Ill"
    twice = cal.execute("CAL_CANCEL_BOOKING", {"bookingUid": booking["uid"]})
    assert twice.status_code == 400


def test_confirmation_flow_only_for_pending_bookings(cal: Cal) -> None:
    pending = create(cal, "2030-01-08T09:00:00Z", CONSULTATION).data
    assert pending["status"] == "pending"
    confirmed = cal.execute("CAL_CONFIRM_BOOKING", {"bookingUid": pending["uid"]})
    assert confirmed.successful and confirmed.data["status"] == "accepted"
    assert cal.execute("CAL_CONFIRM_BOOKING", {"bookingUid": pending["uid"]}).status_code == 400
    other = create(cal, "2030-01-09T09:00:00Z", CONSULTATION).data
    declined = cal.execute("CAL_DECLINE_BOOKING", {"bookingUid": other["uid"], "reason": "Fully booked"})
    assert declined.successful and declined.data["status"] == "rejected"
    plain = create(cal, "2030-01-09T13:00:00Z").data
    assert cal.execute("CAL_CONFIRM_BOOKING", {"bookingUid": plain["uid"]}).status_code == 400
    assert create(cal, "2030-01-09T09:00:00Z", CONSULTATION).successful  # a rejected booking frees its time


def _uids(result: Any) -> list[str]:
    assert result.successful, result.error
    return [booking["uid"] for booking in result.data["data"]]


def test_list_filters_sorting_and_paging(cal: Cal) -> None:
    mine = [create(cal, f"2030-01-08T{hour}:00:00Z").data["uid"] for hour in ("09", "10", "11")]
    seeded = cal.execute("CAL_LIST_BOOKINGS", {"status": ["upcoming"]})
    upcoming = _uids(seeded)
    assert set(mine) <= set(upcoming) and len(upcoming) == 5  # plus the seeded accepted and unconfirmed ones
    assert len(_uids(cal.execute("CAL_LIST_BOOKINGS", {"status": ["past"]}))) == 1
    assert len(_uids(cal.execute("CAL_LIST_BOOKINGS", {"status": ["unconfirmed"]}))) == 1
    assert len(_uids(cal.execute("CAL_LIST_BOOKINGS", {"status": ["cancelled", "past"]}))) == 2
    by_email = _uids(cal.execute("CAL_LIST_BOOKINGS", {"attendeeEmail": "MARY@example.com"}))
    assert by_email == mine
    assert _uids(cal.execute("CAL_LIST_BOOKINGS", {"attendeeName": "somerville", "sortStart": "desc"})) == mine[::-1]
    assert len(_uids(cal.execute("CAL_LIST_BOOKINGS", {"eventTypeId": CONSULTATION}))) == 1
    assert len(_uids(cal.execute("CAL_LIST_BOOKINGS", {"eventTypeIds": [MEETING, QUICK_CHAT]}))) == 6
    window = {"afterStart": "2030-01-08T09:30:00Z", "beforeEnd": "2030-01-08T12:00:00Z"}
    assert _uids(cal.execute("CAL_LIST_BOOKINGS", window)) == mine[1:]
    page = cal.execute("CAL_LIST_BOOKINGS", {"attendeeEmail": MARY["email"], "take": 2, "skip": 2})
    assert _uids(page) == mine[2:]
    assert page.data["pagination"] == {
        "totalItems": 3, "remainingItems": 0, "returnedItems": 1, "itemsPerPage": 2,
        "currentPage": 2, "totalPages": 2, "hasNextPage": False, "hasPreviousPage": True,
    }  # fmt: skip
    created_order = _uids(cal.execute("CAL_LIST_BOOKINGS", {"attendeeEmail": MARY["email"], "sortCreated": "asc"}))
    assert created_order == mine


def test_mark_absent_records_no_shows(cal: Cal) -> None:
    booking = create(cal, "2030-01-08T09:00:00Z").data
    marks = {"bookingUid": booking["uid"], "host": False, "attendees": [{"email": MARY["email"], "absent": True}]}
    early = cal.execute("CAL_MARK_BOOKING_ABSENT", marks)  # Cal.com's server: only once the meeting has started
    assert early.status_code == 500 and "has not started yet" in str(early.error)
    assert cal.execute("CAL_MARK_BOOKING_ABSENT", {"bookingUid": booking["uid"], "host": True}).successful
    cal.emulator.clock.freeze(datetime(2030, 1, 8, 9, 1, tzinfo=UTC))
    result = cal.execute("CAL_MARK_BOOKING_ABSENT", marks)
    assert result.successful and result.data["attendees"][0]["absent"] is True and result.data["absentHost"] is False
    stranger = cal.execute(
        "CAL_MARK_BOOKING_ABSENT",
        {"bookingUid": booking["uid"], "attendees": [{"email": "x@example.com", "absent": True}]},
    )
    # Cal.com answers every failure here with a 500; the declaration says what to check.
    assert stranger.status_code == 500 and stranger.error == (
        "HTTP 500 InternalServerErrorException: Failed to update no-show status (Cal.com answers 500 when the booking "
        "does not exist, is not yours, an email is not one of its attendees or the meeting has not started yet: check "
        "them with CAL_GET_BOOKING)"
    )
    unknown = cal.execute("CAL_MARK_BOOKING_ABSENT", {"bookingUid": "no-such-uid", "host": True})
    assert unknown.status_code == 500 and "check them with CAL_GET_BOOKING" in (unknown.error or "")


def test_round_robin_spreads_bookings_and_reassigns(cal: Cal) -> None:
    # 14:00 UTC: all three hosts work. Each new booking goes to the least busy free host.
    hosts = [create(cal, "2030-01-08T14:00:00Z", TEAM_INTRO).data["hosts"][0]["id"] for _ in range(3)]
    assert sorted(hosts) == [1, 2, 3]
    assert create(cal, "2030-01-08T14:00:00Z", TEAM_INTRO).status_code == 400  # everyone is taken
    booking = create(cal, "2030-01-08T15:00:00Z", TEAM_INTRO).data
    before = booking["hosts"][0]["id"]
    moved = cal.execute("CAL_REASSIGN_BOOKING", {"bookingUid": booking["uid"]})
    assert moved.successful, moved.error
    assert moved.data["reassignedTo"]["id"] != before
    to_alan = cal.execute("CAL_REASSIGN_BOOKING_TO_USER", {"bookingUid": booking["uid"], "userId": 3})
    assert (
        to_alan.successful
        and cal.execute("CAL_GET_BOOKING", {"bookingUid": booking["uid"]}).data["hosts"][0]["id"] == 3
    )
    not_host = cal.execute("CAL_REASSIGN_BOOKING_TO_USER", {"bookingUid": booking["uid"], "userId": 4})
    assert not_host.status_code == 400
    personal = create(cal, "2030-01-08T09:00:00Z").data
    assert cal.execute("CAL_REASSIGN_BOOKING", {"bookingUid": personal["uid"]}).status_code == 400


def test_other_users_cannot_see_or_cancel_my_bookings(cal: Cal) -> None:
    booking = create(cal, "2030-01-08T09:00:00Z").data
    with Cal.sandbox(cal.emulator, api_key="cal_sandbox_alan_7a1b3c5d7e9f1a2b") as alan:
        assert alan.execute("CAL_GET_BOOKING", {"bookingUid": booking["uid"]}).status_code == 404
        assert alan.execute("CAL_CANCEL_BOOKING", {"bookingUid": booking["uid"]}).status_code == 404
        assert alan.execute("CAL_LIST_BOOKINGS").data["pagination"]["totalItems"] == 0
