"""Slot holds read and moved by uid: the same hold CAL_RESERVE_SLOT makes, with its timer and its expiry."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from cal_actions import Cal
from tests.support import ok
from tests.test_sandbox_contract import validate_answer

MONDAY_MORNING = datetime(2030, 1, 7, 8, 0, tzinfo=UTC)  # 09:00 in Berlin
MEETING = 2
HOLD = {"eventTypeId": MEETING, "slotStart": "2030-01-08T08:00:00Z"}  # Tuesday 09:00 Berlin


@pytest.fixture
def cal() -> Any:
    with Cal.sandbox(now=MONDAY_MORNING) as client:
        yield client


def starts_on_tuesday(cal: Cal) -> list[str]:
    found = ok(cal, "CAL_LIST_AVAILABLE_SLOTS", {"eventTypeId": MEETING, "start": "2030-01-08", "end": "2030-01-08"})
    return [item["start"][11:16] for item in found["2030-01-08"]]  # UTC


def test_a_hold_is_read_back_until_released(cal: Cal) -> None:
    held = ok(cal, "CAL_RESERVE_SLOT", HOLD)
    uid = held["reservationUid"]
    read = ok(cal, "CAL_GET_SLOT_RESERVATION", {"uid": uid})
    assert read == {key: held[key] for key in held if key != "reservationDuration"}
    with Cal.sandbox(cal.emulator, api_key="") as anonymous:  # the route takes no credentials
        assert ok(anonymous, "CAL_GET_SLOT_RESERVATION", {"uid": uid}) == read
    ok(cal, "CAL_DELETE_SLOT_RESERVATION", {"uid": uid})
    assert ok(cal, "CAL_GET_SLOT_RESERVATION", {"uid": uid}) is None  # Cal.com answers null, not 404
    assert ok(cal, "CAL_GET_SLOT_RESERVATION", {"uid": "never-issued"}) is None


def test_moving_a_hold_frees_the_old_slot_blocks_the_new_and_restarts_the_timer(cal: Cal) -> None:
    uid = ok(cal, "CAL_RESERVE_SLOT", HOLD)["reservationUid"]
    assert "08:00" not in starts_on_tuesday(cal)
    cal.emulator.clock.advance(timedelta(minutes=4))
    moved = ok(cal, "CAL_UPDATE_SLOT_RESERVATION",
               {"uid": uid, **HOLD, "slotStart": "2030-01-08T10:00:00Z", "reservationDuration": 10})  # fmt: skip
    assert moved["reservationUid"] == uid and moved["slotEnd"] == "2030-01-08T10:30:00.000Z"
    assert moved["reservationUntil"] == "2030-01-07T08:14:00.000Z" and moved["reservationDuration"] == 10
    tuesday = starts_on_tuesday(cal)
    assert "08:00" in tuesday and "10:00" not in tuesday
    assert ok(cal, "CAL_GET_SLOT_RESERVATION", {"uid": uid})["slotStart"] == "2030-01-08T10:00:00.000Z"
    cal.emulator.clock.advance(timedelta(minutes=9))  # past the first hold's end, inside the second's
    assert "10:00" not in starts_on_tuesday(cal)
    cal.emulator.clock.advance(timedelta(minutes=2))
    assert "10:00" in starts_on_tuesday(cal)
    assert ok(cal, "CAL_GET_SLOT_RESERVATION", {"uid": uid}) is None


def test_a_move_is_refused_onto_a_held_booked_or_past_slot_or_after_expiry(cal: Cal) -> None:
    uid = ok(cal, "CAL_RESERVE_SLOT", HOLD)["reservationUid"]
    other = ok(cal, "CAL_RESERVE_SLOT", {**HOLD, "slotStart": "2030-01-08T12:00:00Z"})
    onto_itself = cal.execute("CAL_UPDATE_SLOT_RESERVATION", {"uid": uid, **HOLD})  # Cal.com counts its own hold
    onto_other = cal.execute("CAL_UPDATE_SLOT_RESERVATION", {"uid": uid, **HOLD, "slotStart": other["slotStart"]})
    assert onto_itself.status_code == 422 and "already reserved by another user" in (onto_itself.error or "")
    assert onto_other.status_code == 422
    past = cal.execute("CAL_UPDATE_SLOT_RESERVATION", {"uid": uid, **HOLD, "slotStart": "2030-01-07T07:00:00Z"})
    assert past.status_code == 400
    assert ok(cal, "CAL_GET_SLOT_RESERVATION", {"uid": uid})["slotStart"] == "2030-01-08T08:00:00.000Z"  # unchanged

    cal.emulator.clock.advance(timedelta(minutes=6))
    expired = cal.execute("CAL_UPDATE_SLOT_RESERVATION", {"uid": uid, **HOLD, "slotStart": "2030-01-08T13:00:00Z"})
    assert expired.status_code == 404 and f"Slot with uid={uid} not found" in (expired.error or "")
    missing = cal.execute("CAL_UPDATE_SLOT_RESERVATION", {"uid": "nope", **HOLD})
    assert missing.status_code == 404


def test_reservation_answers_match_the_live_document(cal: Cal) -> None:
    uid = ok(cal, "CAL_RESERVE_SLOT", HOLD)["reservationUid"]
    validate_answer("CAL_GET_SLOT_RESERVATION", cal.emulator, {"uid": uid})
    validate_answer("CAL_GET_SLOT_RESERVATION", cal.emulator, {"uid": "gone"})  # data null
    validate_answer(
        "CAL_UPDATE_SLOT_RESERVATION", cal.emulator, {"uid": uid, **HOLD, "slotStart": "2030-01-08T11:00:00Z"}
    )
