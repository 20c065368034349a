"""Slot computation: schedules, overrides, lengths, buffers, notice, bookings, reservations, zones, DST."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest

from cal_actions import Cal
from tests.test_sandbox_core import assert_matches_spec

MONDAY_MORNING = datetime(2030, 1, 7, 8, 0, tzinfo=UTC)  # 09:00 in Berlin
QUICK_CHAT, MEETING, CONSULTATION, TEAM_INTRO, ENG_SYNC = 1, 2, 3, 5, 6


@pytest.fixture
def cal() -> Any:
    with Cal.sandbox(now=MONDAY_MORNING) as client:
        yield client


def slots(cal: Cal, day: str, event_type_id: int = MEETING, **extra: Any) -> dict[str, list[dict[str, str]]]:
    arguments = {"eventTypeId": event_type_id, "start": day, "end": extra.pop("end", day), **extra}
    result = cal.execute("CAL_LIST_AVAILABLE_SLOTS", arguments)
    assert result.successful, result.error
    return result.data


def starts(cal: Cal, day: str, event_type_id: int = MEETING, **extra: Any) -> list[str]:
    zone = extra.setdefault("timeZone", "Europe/Berlin")
    found = slots(cal, day, event_type_id, **extra)
    times = [item["start"] for items in found.values() for item in items]
    return [t[11:16] for t in times] if zone != "UTC" else times


def book(cal: Cal, start: str, event_type_id: int = MEETING, **extra: Any) -> dict[str, Any]:
    attendee = {"name": "Mary Somerville", "email": "mary@example.com", "timeZone": "Europe/London"}
    result = cal.execute(
        "CAL_CREATE_BOOKING", {"eventTypeId": event_type_id, "start": start, "attendee": attendee, **extra}
    )
    assert result.successful, result.error
    return result.data


def test_weekday_schedule_gives_half_hour_slots_in_berlin_time(cal: Cal) -> None:
    found = slots(cal, "2030-01-08", timeZone="Europe/Berlin")
    assert list(found) == ["2030-01-08"]
    assert found["2030-01-08"][0] == {"start": "2030-01-08T09:00:00.000+01:00"}
    assert [item["start"][11:16] for item in found["2030-01-08"]][-1] == "16:30"
    assert len(found["2030-01-08"]) == 16
    assert starts(cal, "2030-01-12") == []  # Saturday


def test_output_time_zone_and_utc_default(cal: Cal) -> None:
    utc = starts(cal, "2030-01-08", timeZone="UTC")
    assert utc[0] == "2030-01-08T08:00:00.000Z"
    new_york = slots(cal, "2030-01-08", timeZone="America/New_York")
    assert new_york["2030-01-08"][0]["start"] == "2030-01-08T03:00:00.000-05:00"


def test_date_overrides_replace_the_day_and_can_close_it(cal: Cal) -> None:
    overrides = [
        {"date": "2030-01-08", "startTime": "12:00", "endTime": "14:00"},
        {"date": "2030-01-09", "startTime": "00:00", "endTime": "00:00"},
    ]
    assert cal.execute("CAL_UPDATE_SCHEDULE", {"scheduleId": 1, "overrides": overrides}).successful
    assert starts(cal, "2030-01-08") == ["12:00", "12:30", "13:00", "13:30"]
    assert starts(cal, "2030-01-09") == []
    assert len(starts(cal, "2030-01-11")) == 16  # no override: the weekly hours


def test_minimum_notice_and_buffers_around_existing_bookings(cal: Cal) -> None:
    # Quick chat: 15 minutes, 10 before, 5 after, two hours' notice. Now is 09:00 Berlin.
    assert starts(cal, "2030-01-07", QUICK_CHAT)[0] == "11:00"
    book(cal, "2030-01-08T09:00:00Z")  # a 30-minute meeting, 10:00–10:30 Berlin
    tuesday = starts(cal, "2030-01-08", QUICK_CHAT)
    assert "09:30" in tuesday and "10:45" in tuesday
    for blocked in ("09:45", "10:00", "10:15", "10:30"):
        assert blocked not in tuesday


def test_existing_bookings_block_unless_cancelled(cal: Cal) -> None:
    # Seeded on Thursday: accepted 10:00, cancelled 11:00, unconfirmed consultation 14:00–15:00.
    thursday = starts(cal, "2030-01-10")
    assert "10:00" not in thursday and "11:00" in thursday
    assert "14:00" not in thursday and "14:30" not in thursday and "15:00" in thursday


def test_lengths_among_options_and_range_format(cal: Cal) -> None:
    hourly = slots(cal, "2030-01-08", duration=60, format="range", timeZone="Europe/Berlin")["2030-01-08"]
    assert hourly[0] == {"start": "2030-01-08T09:00:00.000+01:00", "end": "2030-01-08T10:00:00.000+01:00"}
    assert len(hourly) == 8
    refused = cal.execute(
        "CAL_LIST_AVAILABLE_SLOTS", {"eventTypeId": MEETING, "start": "2030-01-08", "end": "2030-01-08", "duration": 45}
    )
    assert not refused.successful and refused.status_code == 400


def test_slug_with_username_or_team_slug(cal: Cal) -> None:
    by_slug = cal.execute(
        "CAL_LIST_AVAILABLE_SLOTS",
        {"eventTypeSlug": "meeting", "username": "ada", "start": "2030-01-08", "end": "2030-01-08"},
    )
    assert by_slug.successful and len(by_slug.data["2030-01-08"]) == 16
    team = cal.execute(
        "CAL_LIST_AVAILABLE_SLOTS",
        {"eventTypeSlug": "team-intro", "teamSlug": "sandbox-team", "start": "2030-01-08", "end": "2030-01-08"},
    )
    assert team.successful and team.data["2030-01-08"]


def test_round_robin_unites_and_collective_intersects_host_hours(cal: Cal) -> None:
    # Ada works 08–16 UTC (Berlin), Alan 09–17 UTC (London), Grace 14–22 UTC (New York).
    round_robin = starts(cal, "2030-01-08", TEAM_INTRO, timeZone="UTC")
    assert round_robin[0] == "2030-01-08T08:00:00.000Z" and round_robin[-1] == "2030-01-08T21:30:00.000Z"
    collective = starts(cal, "2030-01-08", ENG_SYNC, timeZone="UTC")
    assert collective == [f"2030-01-08T{hour}:00.000Z" for hour in ("14:00", "14:30", "15:00", "15:30")]


def test_reschedule_ignores_the_booking_being_moved(cal: Cal) -> None:
    booking = book(cal, "2030-01-08T09:00:00Z")
    assert "10:00" not in starts(cal, "2030-01-08")
    assert "10:00" in starts(cal, "2030-01-08", bookingUidToReschedule=booking["uid"])


def test_reservation_holds_a_slot_until_released(cal: Cal) -> None:
    held = cal.execute("CAL_RESERVE_SLOT", {"eventTypeId": MEETING, "slotStart": "2030-01-08T08:00:00Z"})
    assert held.successful, held.error
    assert held.data["slotEnd"] == "2030-01-08T08:30:00.000Z" and held.data["reservationDuration"] == 5
    assert "09:00" not in starts(cal, "2030-01-08")
    again = cal.execute("CAL_RESERVE_SLOT", {"eventTypeId": MEETING, "slotStart": "2030-01-08T08:00:00Z"})
    # Cal.com's server: a held slot is refused as already reserved (422), before anything about the hosts.
    assert again.status_code == 422 and "already reserved by another user" in str(again.error)
    assert cal.execute("CAL_DELETE_SLOT_RESERVATION", {"uid": held.data["reservationUid"]}).successful
    assert "09:00" in starts(cal, "2030-01-08")
    gone = cal.execute("CAL_DELETE_SLOT_RESERVATION", {"uid": held.data["reservationUid"]})
    assert gone.status_code == 404


def test_reservation_expires_with_the_clock(cal: Cal) -> None:
    from datetime import timedelta

    cal.execute("CAL_RESERVE_SLOT", {"eventTypeId": MEETING, "slotStart": "2030-01-08T08:00:00Z"})
    assert "09:00" not in starts(cal, "2030-01-08")
    cal.emulator.clock.advance(timedelta(minutes=6))
    assert "09:00" in starts(cal, "2030-01-08")


def test_dst_start_day_keeps_wall_clock_hours(cal: Cal) -> None:
    every_day = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
    overrides = [{"date": "2030-03-31", "startTime": "01:00", "endTime": "04:00"}]
    availability = [{"days": every_day, "startTime": "09:00", "endTime": "17:00"}]
    assert cal.execute(
        "CAL_UPDATE_SCHEDULE", {"scheduleId": 1, "availability": availability, "overrides": overrides}
    ).successful
    assert starts(cal, "2030-03-30", timeZone="UTC")[0] == "2030-03-30T08:00:00.000Z"  # CET, +01:00
    assert starts(cal, "2030-04-01", timeZone="UTC")[0] == "2030-04-01T07:00:00.000Z"  # CEST, +02:00
    # 01:00–04:00 local on the DST night lasts two real hours: 02:00–03:00 never happens.
    night = slots(cal, "2030-03-30", end="2030-03-31T12:00:00Z", timeZone="Europe/Berlin")["2030-03-31"]
    assert [item["start"] for item in night] == [
        "2030-03-31T01:00:00.000+01:00",
        "2030-03-31T01:30:00.000+01:00",
        "2030-03-31T03:00:00.000+02:00",
        "2030-03-31T03:30:00.000+02:00",
    ]


def test_slot_and_reservation_envelopes_match_the_spec(cal: Cal) -> None:
    import httpx

    from cal_actions.sandbox import API_KEY, SANDBOX_BASE_URL, SandboxTransport

    headers = {"authorization": f"Bearer {API_KEY}", "cal-api-version": "2024-09-04"}
    with httpx.Client(transport=SandboxTransport(cal.emulator), base_url=SANDBOX_BASE_URL, headers=headers) as raw:
        reservation = raw.post(
            "/v2/slots/reservations", json={"eventTypeId": MEETING, "slotStart": "2030-01-08T12:00:00Z"}
        )
    assert reservation.status_code == 201
    assert_matches_spec("POST", "/v2/slots/reservations", 201, reservation.json())
