"""Against Cal.com's own API v2 server (opt-in: ``CAL_REAL_BASE_URL`` and ``CAL_REAL_API_KEY``).

A proxy on 127.0.0.1 forwards every request to the real server, but for the write under test it
drops the answer after the server has applied it: the client must read the outcome back from the
real server, never send the write twice. Also checks the rate-limit headers the real server sends.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
import pytest

from cal_actions import Cal
from tests.loopback import Handler, Seen, serve

BASE_URL = os.environ.get("CAL_REAL_BASE_URL")
API_KEY = os.environ.get("CAL_REAL_API_KEY")
pytestmark = [
    pytest.mark.real_calcom,
    pytest.mark.skipif(not (BASE_URL and API_KEY), reason="no real Cal.com server configured"),
]
PROBE = {"name": "Exactly Once", "email": "exactly-once@example.com", "timeZone": "Europe/London"}


@contextmanager
def proxy(lose: str) -> Iterator[tuple[str, Seen]]:
    """Forwards to the real server; the POST whose path ends with ``lose`` is applied, then its answer is lost."""

    def respond(handler: Handler, hit: int) -> None:
        headers = {
            key: value for key, value in handler.headers.items() if key.lower() not in ("host", "content-length")
        }
        with httpx.Client(base_url=str(BASE_URL), trust_env=False, timeout=30) as client:
            answer = client.request(handler.command, handler.path, headers=headers, content=handler.body)
        if handler.command == "POST" and handler.path.split("?")[0].endswith(lose):
            handler.reset()
            return
        passed = {key: value for key, value in answer.headers.items() if key.lower().startswith("x-ratelimit")}
        handler.send(answer.status_code, answer.content, {"content-type": "application/json", **passed})

    with serve(respond) as running:
        yield running


@pytest.fixture
def real() -> Iterator[tuple[Cal, int]]:
    with Cal(api_key=API_KEY, base_url=BASE_URL) as cal:
        slug = "exactly-once-" + datetime.now(UTC).strftime("%H%M%S%f")
        created = cal.execute("CAL_CREATE_EVENT_TYPE", {"title": "Exactly once", "slug": slug, "lengthInMinutes": 30})
        assert created.successful, created.error
        try:
            yield cal, created.data["id"]
        finally:
            cal.execute("CAL_DELETE_EVENT_TYPE", {"eventTypeId": created.data["id"]})


def _free_starts(cal: Cal, event_type_id: int) -> list[str]:
    day = datetime.now(UTC) + timedelta(days=8)
    while day.weekday() >= 5:
        day += timedelta(days=1)
    window = {"eventTypeId": event_type_id, "start": day.date().isoformat(), "end": day.date().isoformat()}
    slots = cal.execute("CAL_LIST_AVAILABLE_SLOTS", window)
    assert slots.successful, slots.error
    return [slot["start"] for day_slots in slots.data.values() for slot in day_slots]


def _methods(seen: Seen) -> list[str]:
    return [method for method, _ in seen.requests]


def test_a_real_booking_whose_answer_is_lost_is_found(real: tuple[Cal, int]) -> None:
    cal, event_type_id = real
    start = _free_starts(cal, event_type_id)[0]
    with proxy("/v2/bookings") as (base_url, seen), Cal(api_key=API_KEY, base_url=base_url) as lossy:
        result = lossy.execute("CAL_CREATE_BOOKING", {"eventTypeId": event_type_id, "start": start, "attendee": PROBE})
    assert _methods(seen) == ["POST", "GET"] and result.successful and result.reconciled, result.error
    listed = cal.execute("CAL_LIST_BOOKINGS", {"attendeeEmail": PROBE["email"], "eventTypeId": event_type_id})
    assert [booking["uid"] for booking in listed.data["data"]] == [result.data["uid"]], "made once"
    assert cal.execute(
        "CAL_CANCEL_BOOKING", {"bookingUid": result.data["uid"], "cancellationReason": "test done"}
    ).successful


def test_a_real_reschedule_whose_answer_is_lost_finds_the_new_booking(real: tuple[Cal, int]) -> None:
    cal, event_type_id = real
    first, later = _free_starts(cal, event_type_id)[:3:2]
    booked = cal.execute("CAL_CREATE_BOOKING", {"eventTypeId": event_type_id, "start": first, "attendee": PROBE})
    assert booked.successful, booked.error
    with proxy("/reschedule") as (base_url, seen), Cal(api_key=API_KEY, base_url=base_url) as lossy:
        moved = lossy.execute("CAL_RESCHEDULE_BOOKING", {"bookingUid": booked.data["uid"], "start": later})
    # This server names no rescheduledToUid: the new booking is found by its rescheduledFromUid.
    assert _methods(seen) == ["POST", "GET", "GET"] and moved.successful and moved.reconciled, moved.error
    assert moved.data["rescheduledFromUid"] == booked.data["uid"]
    assert cal.execute(
        "CAL_CANCEL_BOOKING", {"bookingUid": moved.data["uid"], "cancellationReason": "test done"}
    ).successful


def test_the_real_server_announces_its_budget() -> None:
    with Cal(api_key=API_KEY, base_url=BASE_URL) as cal:
        assert cal.execute("CAL_GET_ME").successful
        budget: Any = cal.limiter.budget
    assert budget.limit is not None and budget.remaining is not None and 0 <= budget.remaining < budget.limit
