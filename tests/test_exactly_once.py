"""Writes whose answer is lost are never sent twice: their outcome is read back from Cal.com.

The stand-in is a real server on 127.0.0.1 whose answers come from the embedded sandbox; for the
write under test it applies the request (or not) and then withholds the answer or resets the
connection, as a proxy timing out or a dropped connection would.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from typing import Any

import httpx
import pytest

from cal_actions import AsyncCal, Cal, registry
from cal_actions.http import reconcile
from cal_actions.sandbox.app import Sandbox
from cal_actions.sandbox.seed import API_KEY
from tests.loopback import Handler, Seen, serve

MONDAY_MORNING = datetime(2030, 1, 7, 8, 0, tzinfo=UTC)
MARY = {"name": "Mary Somerville", "email": "mary@example.com", "timeZone": "Europe/London"}
TIMEOUT = 1.2  # the write waits 0.8 s for its answer, the read-back has the rest


@contextmanager
def stand_in(
    sandbox: Sandbox, lose: str, *, apply: bool = True, how: str = "reset", edit: Callable[[Any], Any] | None = None
) -> Iterator[tuple[str, Seen]]:
    """A Cal.com on 127.0.0.1; the POST whose path ends with ``lose`` is applied (or not), then its answer is lost."""

    def respond(handler: Handler, hit: int) -> None:
        request = httpx.Request(handler.command, "https://sandbox.cal.local" + handler.path,
                                headers=dict(handler.headers), content=handler.body)  # fmt: skip
        lost = handler.command == "POST" and handler.path.split("?")[0].endswith(lose)
        response = sandbox.handle(request) if apply or not lost else None
        if lost:
            if how == "withhold":
                time.sleep(TIMEOUT)  # longer than the client waits for this answer
            handler.reset()
            return
        assert response is not None
        body = response.json()
        if edit is not None and handler.command == "GET":
            body = edit(body)
        handler.send(response.status_code, body)

    with serve(respond) as running:
        yield running


@pytest.fixture
def sandbox() -> Iterator[Sandbox]:
    emulator = Sandbox(now=MONDAY_MORNING, deliver=False)
    yield emulator
    emulator.close()


def _client(base_url: str) -> Cal:
    return Cal(api_key=API_KEY, base_url=base_url, timeout=TIMEOUT)


def _methods(seen: Seen) -> list[str]:
    return [method for method, _ in seen.requests]


def _book(sandbox: Sandbox, start: str, event_type_id: int = 2) -> dict[str, Any]:
    with Cal.sandbox(sandbox) as cal:
        result = cal.execute("CAL_CREATE_BOOKING", {"eventTypeId": event_type_id, "start": start, "attendee": MARY})
    assert result.successful, result.error
    return result.data


BOOKING = {"eventTypeId": 2, "start": "2030-01-08T09:00:00Z", "attendee": MARY}


@pytest.mark.parametrize("how", ["reset", "withhold"])
def test_a_booking_whose_answer_is_lost_is_found_not_made_twice(sandbox: Sandbox, how: str) -> None:
    with stand_in(sandbox, "/v2/bookings", how=how) as (base_url, seen), _client(base_url) as cal:
        result = cal.execute("CAL_CREATE_BOOKING", BOOKING)
    assert _methods(seen) == ["POST", "GET"], "exactly one POST, then the list read"
    assert result.successful and result.reconciled, result.error
    made = [b for b in sandbox.read("booking") if b["attendees"][0]["email"] == MARY["email"]]
    assert len(made) == 1 and result.data["uid"] == made[0]["uid"]
    assert result.attempts == 2 and set(result.model_dump()) == {"data", "successful", "error"}
    assert "reconciled" not in repr(result)


def test_a_booking_that_was_never_made_is_reported_unknown(sandbox: Sandbox) -> None:
    with stand_in(sandbox, "/v2/bookings", apply=False) as (base_url, seen), _client(base_url) as cal:
        result = cal.execute("CAL_CREATE_BOOKING", BOOKING)
    assert _methods(seen) == ["POST", "GET"]
    assert not result.successful and not result.reconciled
    assert result.error.startswith("outcome unknown: POST /v2/bookings lost its answer (")
    assert "no booking made by it was found yet" in result.error
    assert 'check with CAL_LIST_BOOKINGS {"attendeeEmail": "mary@example.com", "eventTypeId": 2, ' in result.error
    assert not [b for b in sandbox.read("booking") if b["attendees"][0]["email"] == MARY["email"]]


def test_another_booking_of_the_same_attendee_is_not_taken_for_it(sandbox: Sandbox) -> None:
    _book(sandbox, "2030-01-08T10:00:00Z")  # same attendee and event type, another time
    with stand_in(sandbox, "/v2/bookings", apply=False) as (base_url, _), _client(base_url) as cal:
        result = cal.execute("CAL_CREATE_BOOKING", BOOKING)
    assert not result.successful and "outcome unknown" in result.error


def test_a_cancel_whose_answer_is_lost_is_read_back(sandbox: Sandbox) -> None:
    booking = _book(sandbox, "2030-01-08T09:00:00Z")
    with stand_in(sandbox, "/cancel") as (base_url, seen), _client(base_url) as cal:
        result = cal.execute("CAL_CANCEL_BOOKING", {"bookingUid": booking["uid"], "cancellationReason": "Ill"})
    assert _methods(seen) == ["POST", "GET"]
    assert result.successful and result.reconciled
    assert result.data["uid"] == booking["uid"] and result.data["status"] == "cancelled"


def test_a_cancel_that_did_not_happen_says_so(sandbox: Sandbox) -> None:
    booking = _book(sandbox, "2030-01-08T09:00:00Z")
    with stand_in(sandbox, "/cancel", apply=False) as (base_url, seen), _client(base_url) as cal:
        result = cal.execute("CAL_CANCEL_BOOKING", {"bookingUid": booking["uid"]})
    assert _methods(seen) == ["POST", "GET"] and not result.successful
    assert "the booking reads back as 'accepted', so it has not taken effect (yet)" in result.error
    assert f'check with CAL_GET_BOOKING {{"bookingUid": "{booking["uid"]}"}}' in result.error


def _without_successor(body: Any) -> Any:
    """An older Cal.com: the old booking does not name the booking it moved to."""
    items = body["data"] if isinstance(body["data"], list) else [body["data"]]
    for item in items:
        item.pop("rescheduledToUid", None)
    return body


@pytest.mark.parametrize("edit", [None, _without_successor], ids=["live", "without-rescheduledToUid"])
def test_a_reschedule_whose_answer_is_lost_finds_the_new_booking(sandbox: Sandbox, edit: Any) -> None:
    booking = _book(sandbox, "2030-01-08T09:00:00Z")
    move = {"bookingUid": booking["uid"], "start": "2030-01-09T09:00:00Z"}
    with stand_in(sandbox, "/reschedule", how="withhold", edit=edit) as (base_url, seen), _client(base_url) as cal:
        result = cal.execute("CAL_RESCHEDULE_BOOKING", move)
    assert _methods(seen) == ["POST", "GET", "GET"], "one POST, the old booking, then the new one or the list"
    assert result.successful and result.reconciled, result.error
    assert result.data["rescheduledFromUid"] == booking["uid"] and result.data["start"].startswith("2030-01-09T09:00")
    assert sum(b["start"].startswith("2030-01-09T09:00") for b in sandbox.read("booking")) == 1


def test_a_reschedule_that_did_not_happen_says_so(sandbox: Sandbox) -> None:
    booking = _book(sandbox, "2030-01-08T09:00:00Z")
    move = {"bookingUid": booking["uid"], "start": "2030-01-09T09:00:00Z"}
    with stand_in(sandbox, "/reschedule", apply=False) as (base_url, seen), _client(base_url) as cal:
        result = cal.execute("CAL_RESCHEDULE_BOOKING", move)
    assert _methods(seen) == ["POST", "GET"] and not result.successful
    assert "so it has not moved (yet)" in result.error


@pytest.mark.parametrize(("name", "status"), [("CAL_CONFIRM_BOOKING", "accepted"), ("CAL_DECLINE_BOOKING", "rejected")])
def test_confirm_and_decline_are_read_back(sandbox: Sandbox, name: str, status: str) -> None:
    pending = _book(sandbox, "2030-01-09T09:00:00Z", event_type_id=3)  # needs the host's confirmation
    lose = "/confirm" if name == "CAL_CONFIRM_BOOKING" else "/decline"
    with stand_in(sandbox, lose) as (base_url, seen), _client(base_url) as cal:
        result = cal.execute(name, {"bookingUid": pending["uid"]})
    assert _methods(seen) == ["POST", "GET"]
    assert result.successful and result.reconciled and result.data["status"] == status


def test_other_writes_say_which_action_reads_them_back(sandbox: Sandbox) -> None:
    hook = {"subscriberUrl": "https://example.com/hook", "triggers": ["BOOKING_CREATED"], "active": True}
    with stand_in(sandbox, "/v2/webhooks") as (base_url, seen), _client(base_url) as cal:
        result = cal.execute("CAL_CREATE_WEBHOOK", hook)
    assert _methods(seen) == ["POST"], "nothing is read: the caller is told how"
    assert result.error.startswith("outcome unknown: POST /v2/webhooks lost its answer")
    assert result.error.endswith("Before repeating it, check with CAL_LIST_WEBHOOKS {}")
    assert result.attempts == 1


def test_async_client_reconciles_the_same_way(sandbox: Sandbox) -> None:
    async def run(base_url: str) -> Any:
        async with AsyncCal(api_key=API_KEY, base_url=base_url, timeout=TIMEOUT) as cal:
            return await cal.execute("CAL_CREATE_BOOKING", BOOKING)

    with stand_in(sandbox, "/v2/bookings", how="withhold") as (base_url, seen):
        result = asyncio.run(run(base_url))
    assert _methods(seen) == ["POST", "GET"]
    assert result.successful and result.reconciled and result.data["attendees"][0]["email"] == MARY["email"]


def test_async_cancel_that_did_not_happen(sandbox: Sandbox) -> None:
    booking = _book(sandbox, "2030-01-08T09:00:00Z")

    async def run(base_url: str) -> Any:
        async with AsyncCal(api_key=API_KEY, base_url=base_url, timeout=TIMEOUT) as cal:
            return await cal.execute("CAL_CANCEL_BOOKING", {"bookingUid": booking["uid"]})

    with stand_in(sandbox, "/cancel", apply=False) as (base_url, seen):
        result = asyncio.run(run(base_url))
    assert _methods(seen) == ["POST", "GET"] and "has not taken effect" in result.error


def test_read_backs_are_derived_from_the_routes() -> None:
    def check(name: str, arguments: dict[str, Any]) -> Any:
        return reconcile.read_back(registry.get(name), arguments, registry)

    assert check("CAL_UPDATE_WEBHOOK", {"webhookId": "w1", "active": False}) == ("CAL_GET_WEBHOOK", {"webhookId": "w1"})
    listing = ("CAL_LIST_EVENT_TYPE_WEBHOOKS", {"eventTypeId": 7})
    assert check("CAL_CREATE_EVENT_TYPE_WEBHOOK", {"eventTypeId": 7, "active": True}) == listing
    assert check("CAL_MARK_BOOKING_ABSENT", {"bookingUid": "b1"}) == ("CAL_GET_BOOKING", {"bookingUid": "b1"})
    assert check("CAL_UPDATE_SCHEDULE", {"scheduleId": 3}) == ("CAL_GET_SCHEDULE", {"scheduleId": 3})
    assert check("CAL_UPDATE_ME", {"timeZone": "Europe/Paris"}) == ("CAL_GET_ME", {}), "not the org-id twin"
    writes = [action for action in registry if action.method in ("POST", "PATCH")]
    for write in writes:  # of the GET actions sharing a route, the read-back is the one declared first
        found = reconcile.read_back(write, {}, registry)
        reader = registry.get(found[0]) if found else None
        twins = [action for action in registry if reader and (action.method, action.path) == ("GET", reader.path)]
        assert reader is None or twins[0] == reader, write.name
    covered = [action for action in writes if reconcile.read_back(action, {}, registry) is not None]
    assert len(covered) >= 0.8 * len(writes), f"{len(covered)} of {len(writes)} writes have a derived read-back"


def test_matching_needs_the_same_start_event_type_attendee_and_a_recent_creation() -> None:
    began = datetime(2026, 1, 1, 12, tzinfo=UTC)
    base = {"start": "2030-01-08T09:00:00.000Z", "eventTypeId": 2, "attendees": [{"email": "MARY@example.com"}],
            "createdAt": "2026-01-01T12:00:05.000Z"}  # fmt: skip
    arguments = {"start": "2030-01-08T10:00:00+01:00", "eventTypeId": 2, "attendee": {"email": "mary@example.com"}}
    assert reconcile.matching_bookings([base], arguments, began) == [base]
    for change in ({"start": "2030-01-08T09:30:00Z"}, {"eventTypeId": 3}, {"attendees": [{"email": "x@y.z"}]},
                   {"createdAt": "2025-12-31T09:00:00Z"}):  # fmt: skip
        assert reconcile.matching_bookings([{**base, **change}], arguments, began) == []


def test_async_reschedule_whose_answer_is_lost(sandbox: Sandbox) -> None:
    booking = _book(sandbox, "2030-01-08T09:00:00Z")

    async def run(base_url: str) -> Any:
        async with AsyncCal(api_key=API_KEY, base_url=base_url, timeout=TIMEOUT) as cal:
            return await cal.execute(
                "CAL_RESCHEDULE_BOOKING", {"bookingUid": booking["uid"], "start": "2030-01-09T09:00:00Z"}
            )

    with stand_in(sandbox, "/reschedule") as (base_url, seen):
        result = asyncio.run(run(base_url))
    assert _methods(seen) == ["POST", "GET", "GET"]
    assert result.successful and result.reconciled and result.data["rescheduledFromUid"] == booking["uid"]
