"""Availability of event types from stored state: whose schedule, what is busy, which hosts are free."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime, timedelta

from cal_actions.sandbox.availability import Busy, SlotRules, Window, can_book, free_starts, windows_around
from cal_actions.sandbox.errors import BadRequest
from cal_actions.sandbox.resources.event_types import host_ids
from cal_actions.sandbox.store import Document, Tx
from cal_actions.sandbox.times import parse_instant

BLOCKING_STATUSES = frozenset({"accepted", "pending"})


def slot_length(event_type: Document, requested: int | None, field: str = "lengthInMinutes") -> int:
    """The booked length: the default, or one of ``lengthInMinutesOptions`` (``field`` names the request's)."""
    if requested is None or requested == event_type["lengthInMinutes"]:
        return int(event_type["lengthInMinutes"])
    options = event_type.get("lengthInMinutesOptions") or []
    if requested not in options:
        allowed = ", ".join(map(str, options or [event_type["lengthInMinutes"]]))
        lengths = "lengths" if field == "lengthInMinutes" else "lengths for this variable length event type"
        raise BadRequest(  # Cal.com's server's words (input.service.ts, slots.service.ts)
            f"Provided '{field}' is not one of the possible lengths for the event type. The possible {lengths} are: "
            f"{allowed}"
        )
    return int(requested)


def rules_for(event_type: Document, length: int, now: datetime) -> SlotRules:
    interval = event_type.get("slotInterval") or length
    return SlotRules(
        length=timedelta(minutes=length),
        interval=timedelta(minutes=int(interval)),
        before=timedelta(minutes=event_type.get("beforeEventBuffer") or 0),
        after=timedelta(minutes=event_type.get("afterEventBuffer") or 0),
        earliest=now + timedelta(minutes=event_type.get("minimumBookingNotice") or 0),
    )


def host_schedule(tx: Tx, event_type: Document, host_id: int) -> Document | None:
    schedule_id = event_type.get("scheduleId")
    if schedule_id is None:
        user = tx.get("user", host_id)
        schedule_id = user.get("defaultScheduleId") if user else None
    return tx.get("schedule", schedule_id) if schedule_id is not None else None


def busy_by_host(
    tx: Tx, now: datetime, *, ignore_uid: str | None = None, ignore_reservation: str | None = None
) -> dict[int, list[Window]]:
    """Busy time of every user: blocking bookings (with their buffers), live slot reservations and
    out-of-office days (the one place they make a user unavailable)."""
    busy: dict[int, list[Window]] = {}
    for booking in tx.all("booking"):
        if booking["status"] not in BLOCKING_STATUSES or booking["uid"] == ignore_uid:
            continue
        start = parse_instant(booking["start"], "start") - timedelta(minutes=booking.get("bufferBefore", 0))
        end = parse_instant(booking["end"], "end") + timedelta(minutes=booking.get("bufferAfter", 0))
        for host in booking["hostIds"]:
            busy.setdefault(host, []).append((start, end))
    for reservation in tx.all("reservation"):
        if reservation["uid"] == ignore_reservation or parse_instant(reservation["until"], "until") <= now:
            continue
        interval = (
            parse_instant(reservation["slotStart"], "slotStart"),
            parse_instant(reservation["slotEnd"], "slotEnd"),
        )
        for host in reservation["hostIds"]:
            busy.setdefault(host, []).append(interval)
    for entry in tx.all("ooo"):
        away = (parse_instant(entry["start"], "start"), parse_instant(entry["end"], "end"))
        busy.setdefault(entry["userId"], []).append(away)
    return busy


def _host_starts(
    tx: Tx, event_type: Document, host: int, busy: list[Window], rules: SlotRules, first: datetime, last: datetime
) -> set[datetime]:
    schedule = host_schedule(tx, event_type, host)
    if schedule is None:
        return set()
    return set(free_starts(windows_around(schedule, first, last), Busy(busy), rules, first, last))


def available_starts(
    tx: Tx, event_type: Document, rules: SlotRules, first: datetime, last: datetime, busy: dict[int, list[Window]]
) -> list[datetime]:
    """Slot starts: any host free (round robin, personal) or every host free (collective)."""
    per_host = [
        _host_starts(tx, event_type, host, busy.get(host, []), rules, first, last) for host in host_ids(tx, event_type)
    ]
    if not per_host:
        return []
    if event_type.get("schedulingType") == "collective":
        return sorted(set.intersection(*per_host))
    return sorted(set.union(*per_host))


def free_hosts(
    tx: Tx,
    event_type: Document,
    rules: SlotRules,
    start: datetime,
    busy: dict[int, list[Window]],
    candidates: Iterable[int],
) -> list[int]:
    """Candidates whose schedule fits [start, start + length] and who are not busy then."""
    free = []
    for host in candidates:
        schedule = host_schedule(tx, event_type, host)
        if schedule is None:
            continue
        windows = windows_around(schedule, start, start + rules.length)
        if can_book(windows, Busy(busy.get(host, [])), rules, start):
            free.append(host)
    return free
