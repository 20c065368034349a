"""Writes whose outcome is unknown: read back what happened instead of sending them again.

A POST or PATCH that got no answer (read timeout, connection broken after sending, a gateway's
502/504) may or may not have been applied, and Cal.com takes no idempotency key, so it is never
repeated. Instead, within what is left of the call's time limit:

- create booking: the bookings list is searched for the booking it made (same attendee email,
  event type and start, created after the attempt began); exactly one match is the result;
- cancel, confirm, decline: the booking is read back and its status says whether it took effect;
- reschedule: the old booking is read back; the booking it moved to (``rescheduledToUid``, or the
  booking whose ``rescheduledFromUid`` is the old uid) is the result;
- any other write: a failure saying the outcome is unknown and which action reads it back, derived
  from the route (the GET route of the same path or of its nearest parent; of two actions on one route,
  the first declared).

A read-back result has ``reconciled=True``. Reads run as ordinary GET actions through the same flow
(``read``), so they get its retries, time limit and scrubbing.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Generator
from datetime import UTC, datetime, timedelta
from functools import cache
from typing import Any

from cal_actions.action import Action, Registry
from cal_actions.result import ActionResult

#: Runs a read action with arguments and returns its envelope (a sub-flow of the execution flow).
Read = Callable[[Action, dict[str, Any]], Generator[Any, Any, ActionResult]]

#: The status each booking write leaves behind when it took effect.
TARGET_STATUS = {
    "CAL_CANCEL_BOOKING": "cancelled",
    "CAL_CONFIRM_BOOKING": "accepted",
    "CAL_DECLINE_BOOKING": "rejected",
}
RECONCILED = frozenset({"CAL_CREATE_BOOKING", "CAL_RESCHEDULE_BOOKING", *TARGET_STATUS})
#: Share of the time left that a reconcilable write may wait for its answer; the rest is for reading back.
WRITE_SHARE = 2 / 3
#: Allowance for the difference between this machine's clock and Cal.com's when comparing creation times.
CLOCK_SKEW = timedelta(minutes=2)


def reads_back(action: Action) -> bool:
    return action.name in RECONCILED


def write_deadline(action: Action, started: float, deadline: float) -> float:
    """How long this attempt may wait: part of the call's time for writes that are read back."""
    return started + (deadline - started) * WRITE_SHARE if reads_back(action) else deadline


def reconcile(
    action: Action, arguments: dict[str, Any], cause: str, began: datetime, read: Read, registry: Registry
) -> Generator[Any, Any, ActionResult]:
    """The envelope for a write whose answer never came (``attempts`` counts the reads only)."""
    if action.name == "CAL_CREATE_BOOKING":
        return (yield from _created_booking(action, arguments, cause, began, read))
    if action.name == "CAL_RESCHEDULE_BOOKING":
        return (yield from _rescheduled_booking(action, arguments, cause, read))
    if action.name in TARGET_STATUS:
        return (yield from _booking_status(action, arguments, cause, read))
    return unknown(action, cause, read_back(action, arguments, registry))


def unknown(
    action: Action, cause: str, check: tuple[str, dict[str, Any]] | None, detail: str = "", reads: int = 0
) -> ActionResult:
    """The failure that says the outcome is unknown, why, and how to find out."""
    how = f"check with {check[0]} {json.dumps(check[1])}" if check else "check with the matching get or list action"
    message = (
        f"outcome unknown: {action.method} {action.path} {cause}; it may or may not have been applied and was "
        f"not sent again{'; ' + detail if detail else ''}. Before repeating it, {how}"
    )
    return ActionResult.failure(message, attempts=reads)


def _reconciled(data: Any, reply: ActionResult, reads: int) -> ActionResult:
    return ActionResult.success(data, status_code=reply.status_code, attempts=reads, reconciled=True)


def _created_booking(
    action: Action, arguments: dict[str, Any], cause: str, began: datetime, read: Read
) -> Generator[Any, Any, ActionResult]:
    from cal_actions.actions.bookings import CAL_LIST_BOOKINGS

    query = lookup_query(arguments)
    if query is None or arguments.get("recurrenceCount"):
        return unknown(action, cause, (CAL_LIST_BOOKINGS.name, query or {}))
    reply = yield from read(CAL_LIST_BOOKINGS, query)
    if not reply.successful:
        return unknown(action, cause, (CAL_LIST_BOOKINGS.name, query), f"reading it back failed ({reply.error})",
                       reply.attempts)  # fmt: skip
    found = matching_bookings(_items(reply.data), arguments, began)
    if len(found) == 1:
        return _reconciled(found[0], reply, reply.attempts)
    detail = "no booking made by it was found yet" if not found else f"{len(found)} bookings match it"
    return unknown(action, cause, (CAL_LIST_BOOKINGS.name, query), detail, reply.attempts)


def _booking_status(
    action: Action, arguments: dict[str, Any], cause: str, read: Read
) -> Generator[Any, Any, ActionResult]:
    from cal_actions.actions.bookings import CAL_GET_BOOKING

    check = (CAL_GET_BOOKING.name, {"bookingUid": arguments["bookingUid"]})
    reply = yield from read(CAL_GET_BOOKING, check[1])
    if not reply.successful:
        return unknown(action, cause, check, f"reading it back failed ({reply.error})", reply.attempts)
    status = reply.data.get("status") if isinstance(reply.data, dict) else None
    if status == TARGET_STATUS[action.name]:
        return _reconciled(reply.data, reply, reply.attempts)
    return unknown(action, cause, check, f"the booking reads back as {status!r}, so it has not taken effect (yet)",
                   reply.attempts)  # fmt: skip


def _rescheduled_booking(
    action: Action, arguments: dict[str, Any], cause: str, read: Read
) -> Generator[Any, Any, ActionResult]:
    from cal_actions.actions.bookings import CAL_GET_BOOKING, CAL_LIST_BOOKINGS

    uid = arguments["bookingUid"]
    check = (CAL_GET_BOOKING.name, {"bookingUid": uid})
    reply = yield from read(CAL_GET_BOOKING, check[1])
    reads = reply.attempts
    if not reply.successful or not isinstance(reply.data, dict):
        return unknown(action, cause, check, f"reading it back failed ({reply.error})", reads)
    old = reply.data
    if old.get("status") != "cancelled":
        detail = f"the booking reads back as {old.get('status')!r}, so it has not moved (yet)"
        return unknown(action, cause, check, detail, reads)
    if old.get("rescheduledToUid"):  # the live API names the booking it moved to
        moved = yield from read(CAL_GET_BOOKING, {"bookingUid": old["rescheduledToUid"]})
        reads += moved.attempts
        if moved.successful:
            return _reconciled(moved.data, moved, reads)
        return unknown(action, cause, check, f"reading the new booking failed ({moved.error})", reads)
    query = moved_query(old, arguments)  # older servers only link the new booking back to the old one
    found = yield from read(CAL_LIST_BOOKINGS, query)
    reads += found.attempts
    successors = [item for item in _items(found.data) if item.get("rescheduledFromUid") == uid]
    if found.successful and len(successors) == 1:
        return _reconciled(successors[0], found, reads)
    return unknown(action, cause, (CAL_LIST_BOOKINGS.name, query), "the booking it moved to was not found", reads)


def lookup_query(arguments: dict[str, Any]) -> dict[str, Any] | None:
    """List arguments that find a booking made by these create-booking arguments."""
    start = instant(arguments.get("start"))
    email = (arguments.get("attendee") or {}).get("email")
    if start is None or not email:
        return None
    return {"attendeeEmail": email, "eventTypeId": arguments["eventTypeId"], "afterStart": _iso(start),
            "sortStart": "asc", "take": 50}  # fmt: skip


def moved_query(old: dict[str, Any], arguments: dict[str, Any]) -> dict[str, Any]:
    query: dict[str, Any] = {"sortStart": "asc", "take": 50}
    start = instant(arguments.get("start"))
    if start is not None:
        query["afterStart"] = _iso(start)
    attendees = old.get("attendees") or []
    if attendees and isinstance(attendees[0], dict) and attendees[0].get("email"):
        query["attendeeEmail"] = attendees[0]["email"]
    event_type = old.get("eventTypeId") or (old.get("eventType") or {}).get("id")
    if event_type is not None:
        query["eventTypeId"] = event_type
    return query


def matching_bookings(bookings: list[Any], arguments: dict[str, Any], began: datetime) -> list[dict[str, Any]]:
    """Bookings that this create call could have made: same start, event type and attendee, made since it began."""
    start = instant(arguments.get("start"))
    email = str((arguments.get("attendee") or {}).get("email", "")).lower()
    event_type = arguments.get("eventTypeId")
    found = []
    for booking in bookings:
        if not isinstance(booking, dict) or instant(booking.get("start")) != start:
            continue
        if event_type not in (booking.get("eventTypeId"), (booking.get("eventType") or {}).get("id")):
            continue
        if not any(str(person.get("email", "")).lower() == email for person in booking.get("attendees") or []):
            continue
        created = instant(booking.get("createdAt"))
        if created is not None and created < began - CLOCK_SKEW:
            continue  # older than this call: someone else's booking
        found.append(booking)
    return found


def read_back(action: Action, arguments: dict[str, Any], registry: Registry) -> tuple[str, dict[str, Any]] | None:
    """The GET action that shows a write's result, with the arguments the write already names."""
    found = _read_route(action.path, registry)
    if found is None:
        return None
    reader = registry.get(found)
    return reader.name, {name: arguments[name] for name in reader.route.placeholders if name in arguments}


@cache
def _read_route(path: str, registry: Registry) -> str | None:
    """The GET action of ``path`` or of its nearest parent that needs nothing but path ids. When two
    actions share a route, the one declared first is its canonical reader (``CAL_GET_ME``; a later one
    reads a part of the same answer, as ``CAL_GET_MY_ORGANIZATION_ID`` does)."""
    readers: dict[str, str] = {}
    for action in registry:
        if action.method == "GET" and not action.legacy and _needs_only_path(action):
            readers.setdefault(action.path, action.name)
    segments = path.split("/")
    while len(segments) > 2:
        name = readers.get("/".join(segments))
        if name is not None:
            return name
        segments.pop()
    return None


def _needs_only_path(action: Action) -> bool:
    return all(
        not info.is_required() or action.placement.get(info.alias or name) == "path"
        for name, info in action.params.model_fields.items()
    )


def _items(data: Any) -> list[Any]:
    """The bookings of a list answer, paged (``{"data": [...]}``) or bare."""
    if isinstance(data, dict):
        data = data.get("data")
    return data if isinstance(data, list) else []


def instant(value: Any) -> datetime | None:
    if not isinstance(value, str):
        return None
    try:
        moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


def _iso(moment: datetime) -> str:
    return moment.strftime("%Y-%m-%dT%H:%M:%S.") + f"{moment.microsecond // 1000:03d}Z"
