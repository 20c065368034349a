"""Slots (2024-09-04): free start times of an event type, and short reservations that hold one."""

from __future__ import annotations

import uuid
from datetime import datetime, timedelta
from typing import Any

from cal_actions.actions.slots import ListAvailableSlots
from cal_actions.sandbox import scheduling, validation
from cal_actions.sandbox.errors import BadRequest, NotFound, Unprocessable
from cal_actions.sandbox.resources.bookings import UNAVAILABLE, booked_event_type
from cal_actions.sandbox.resources.event_types import host_ids, load_event_type
from cal_actions.sandbox.routing import NO_DATA, Call, Reply, Routes, csv_values, to_int
from cal_actions.sandbox.store import Document, Tx
from cal_actions.sandbox.times import iso_local, iso_utc, parse_instant, zone

routes = Routes()

KIND = "reservation"
DEFAULT_RESERVATION_MINUTES = 5
_NAMESPACE = uuid.UUID("a3c1f6e2-2b7d-4c9e-8f10-6d5e4c3b2a19")


def _find_event_type(call: Call) -> Document:
    """The event type the query names, after checking it as Cal.com's GetSlotsInputPipe does: one form (by id,
    by slug and username, by slug and team slug, else by usernames), the others' fields refused."""
    query: dict[str, Any] = {key: call.query[key] for key in call.query}
    usernames = csv_values(call.query, "usernames")
    if "usernames" in query:
        query["usernames"] = usernames
    validation.raise_pipe_errors(ListAvailableSlots, query)
    if "eventTypeId" in query:
        return load_event_type(call.tx, to_int(query["eventTypeId"], "eventTypeId"))
    if "usernames" in query:
        return _dynamic_event_type(call.tx, usernames, call.query.get("duration"))
    names = ("eventTypeSlug", "username", "teamSlug", "organizationSlug")
    named: dict[str, Any] = {key: query[key] for key in names if key in query}
    return booked_event_type(call.tx, named)


def _dynamic_event_type(tx: Tx, usernames: list[str], duration: str | None) -> Document:
    """Cal.com's dynamic event of several users: everyone must be free, 30 minutes unless a duration is given."""
    users = [next((u for u in tx.all("user") if u["username"] == name), None) for name in usernames]
    missing = [name for name, user in zip(usernames, users, strict=True) if user is None]
    if missing:
        raise NotFound(f"Users with usernames {', '.join(missing)} not found")
    length = to_int(duration, "duration") if duration else 30
    hosts = [{"userId": user["id"]} for user in users if user is not None]
    return {"id": None, "ownerId": None, "teamId": "dynamic", "hosts": hosts, "schedulingType": "collective",
            "lengthInMinutes": length, "lengthInMinutesOptions": None}  # fmt: skip


def _range(call: Call) -> tuple[datetime, datetime]:
    first = parse_instant(call.query["start"], "start")
    last = parse_instant(call.query["end"], "end", end_of_day=True)
    if last < first:
        raise BadRequest("end must be after start")
    return first, last


@routes.action("CAL_LIST_AVAILABLE_SLOTS")
def list_slots(call: Call) -> dict[str, list[dict[str, str]]]:
    event_type = _find_event_type(call)
    return free_slots(call, event_type)


def free_slots(call: Call, event_type: Document) -> dict[str, list[dict[str, str]]]:
    """The event type's free starts by local date, for the window and format the call's query asks
    (``start``, ``end``, ``timeZone``, ``duration``, ``format``, ``bookingUidToReschedule``)."""
    first, last = _range(call)
    duration = to_int(call.query["duration"], "duration") if call.query.get("duration") else None
    length = scheduling.slot_length(event_type, duration, "duration")
    output_zone = zone(call.query.get("timeZone") or "UTC")
    rules = scheduling.rules_for(event_type, length, call.now)
    busy = scheduling.busy_by_host(call.tx, call.now, ignore_uid=call.query.get("bookingUidToReschedule"))
    starts = scheduling.available_starts(call.tx, event_type, rules, first, last, busy)
    ranged = call.query.get("format") == "range"
    slots: dict[str, list[dict[str, str]]] = {}
    for start in starts:
        local_day = start.astimezone(output_zone).date().isoformat()
        item = {"start": iso_local(start, output_zone)}
        if ranged:
            item["end"] = iso_local(start + rules.length, output_zone)
        slots.setdefault(local_day, []).append(item)
    return slots


_RESERVATION_FIELDS = ("eventTypeId", "slotStart", "slotEnd", "slotDuration", "reservationUid", "reservationUntil")


def _reservation_output(reservation: Document) -> dict[str, Any]:
    return {key: reservation[key] for key in (*_RESERVATION_FIELDS, "reservationDuration")}


def _hold(call: Call, *, moving: str | None = None) -> dict[str, Any]:
    """The slot the body asks to hold, if a host is free then: the reservation's fields but its uid and owner.
    ``moving``: the uid of the hold being moved, which no longer blocks its hosts."""
    event_type = load_event_type(call.tx, call.body["eventTypeId"])
    start = parse_instant(call.body["slotStart"], "slotStart")
    length = scheduling.slot_length(event_type, call.body.get("slotDuration"), "slotDuration")
    minutes = call.body.get("reservationDuration") or DEFAULT_RESERVATION_MINUTES
    if start < call.now:
        raise BadRequest("Can't reserve a slot in the past")
    slot_start, slot_end = iso_utc(start), iso_utc(start + timedelta(minutes=length))
    if _overlaps_a_hold(call, event_type["id"], slot_start, slot_end):
        # Cal.com's server checks this before anything about the hosts (a moved hold counts itself).
        raise Unprocessable("This time slot is already reserved by another user. Please choose a different time.")
    rules = scheduling.rules_for(event_type, length, call.now)
    busy = scheduling.busy_by_host(call.tx, call.now, ignore_reservation=moving)
    free = scheduling.free_hosts(call.tx, event_type, rules, start, busy, host_ids(call.tx, event_type))
    if not free:
        raise BadRequest(UNAVAILABLE)
    until = iso_utc(call.now + timedelta(minutes=minutes))
    return {
        "eventTypeId": event_type["id"],
        "slotStart": slot_start,
        "slotEnd": slot_end,
        "slotDuration": length,
        "reservationDuration": minutes,
        "reservationUntil": until,
        "until": until,
        "hostIds": free,
    }


def _overlaps_a_hold(call: Call, event_type_id: int, start: str, end: str) -> bool:
    """A live hold of the event type over [start, end); instants are UTC ISO text, so text order is time order."""
    return any(
        r["eventTypeId"] == event_type_id and r["slotStart"] < end and start < r["slotEnd"]
        for r in call.tx.all(KIND)
        if live_reservation(call.tx, r["uid"], call.now) is not None
    )


@routes.action("CAL_RESERVE_SLOT", status=201)
def reserve_slot(call: Call) -> dict[str, Any]:
    hold = _hold(call)
    uid = str(uuid.uuid5(_NAMESPACE, f"reservation-{call.tx.next_id(KIND)}"))
    reservation = {"uid": uid, "reservationUid": uid, **hold, "userId": call.user_id}
    call.tx.put(KIND, uid, reservation)
    return _reservation_output(reservation)


def live_reservation(tx: Tx, uid: str, now: datetime) -> Document | None:
    reservation = tx.get(KIND, uid)
    if reservation is None or parse_instant(reservation["until"], "until") <= now:
        return None
    return reservation


@routes.action("CAL_GET_SLOT_RESERVATION")
def get_reservation(call: Call) -> dict[str, Any] | None:
    # Like Cal.com: an unknown (here also an expired) reservation is a success with null data.
    reservation = live_reservation(call.tx, call.params["uid"], call.now)
    return None if reservation is None else {key: reservation[key] for key in _RESERVATION_FIELDS}


@routes.action("CAL_UPDATE_SLOT_RESERVATION")
def update_reservation(call: Call) -> dict[str, Any]:
    uid = call.params["uid"]
    reservation = live_reservation(call.tx, uid, call.now)
    if reservation is None:
        raise NotFound(f"Slot with uid={uid} not found")
    reservation.update(_hold(call, moving=uid))
    call.tx.put(KIND, uid, reservation)
    return _reservation_output(reservation)


@routes.action("CAL_DELETE_SLOT_RESERVATION")
def delete_reservation(call: Call) -> Reply:
    uid = call.params["uid"]
    if live_reservation(call.tx, uid, call.now) is None:
        raise NotFound(f"Reserved slot with uid={uid} not found")
    call.tx.delete(KIND, uid)
    return Reply(NO_DATA)
