"""Bookings (2024-08-13): create, read, reschedule, cancel, confirm or decline, no-shows, reassignment.

Each request runs in one store transaction, so the availability check and the insert are atomic:
two callers racing for one slot get exactly one booking.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta
from typing import Any

from cal_actions.sandbox import scheduling
from cal_actions.sandbox.errors import ApiError, BadRequest, Forbidden, InvalidInput, LibraryError, NotFound
from cal_actions.sandbox.resources import booking_list, teams
from cal_actions.sandbox.resources.booking_records import (
    KIND,
    booking_output,
    integration_location,
    new_booking,
    no_show_payload,
    webhook_payload,
)
from cal_actions.sandbox.resources.event_types import host_ids, load_event_type, requires_confirmation
from cal_actions.sandbox.routing import Call, Reply, Routes
from cal_actions.sandbox.store import Document, Tx
from cal_actions.sandbox.times import iso_utc, parse_instant, valid_zone

routes = Routes()

UNAVAILABLE = "User either already has booking at this time or is not available"
IN_THE_PAST = "Attempting to book a meeting in the past."


def _emit(call: Call, trigger: str, booking: Document, **extra: Any) -> None:
    call.emit(
        trigger,
        webhook_payload(call.tx, booking, **extra),
        user_id=booking["hostIds"][0],
        event_type_id=booking["eventTypeId"],
    )


def _pick_hosts(call: Call, event_type: Document, start: datetime, length: int, *, ignore_uid: str | None = None,
                exclude: frozenset[int] = frozenset()) -> list[int]:  # fmt: skip
    """Hosts for a new booking at ``start``, or a 400 when the time is taken or outside availability."""
    if start < call.now:
        raise BadRequest(IN_THE_PAST)
    rules = scheduling.rules_for(event_type, length, call.now)
    busy = scheduling.busy_by_host(call.tx, call.now, ignore_uid=ignore_uid)
    candidates = [host for host in host_ids(call.tx, event_type) if host not in exclude]
    free = scheduling.free_hosts(call.tx, event_type, rules, start, busy, candidates)
    if event_type.get("schedulingType") == "collective":
        if not candidates or len(free) != len(candidates):
            raise BadRequest(UNAVAILABLE)
        return free
    if not free:
        raise BadRequest(UNAVAILABLE)
    if event_type.get("schedulingType") == "roundRobin":
        return [_least_busy(call.tx, event_type, free)]
    return free


def _least_busy(tx: Tx, event_type: Document, free: list[int]) -> int:
    """Round robin's fairness rule: the host with the fewest live bookings of it; ties go to the lowest id."""
    load = dict.fromkeys(free, 0)
    for booking in tx.all(KIND):
        if booking["eventTypeId"] == event_type["id"] and booking["status"] in scheduling.BLOCKING_STATUSES:
            for host in booking["hostIds"]:
                if host in load:
                    load[host] += 1
    return min(free, key=lambda host: (load[host], host))


def _asks_email(event_type: Document) -> bool:
    """Cal.com requires the email answer unless the event type's email field was made optional (phone-only)."""
    fields: list[dict[str, Any]] = event_type.get("bookingFields") or []
    email = next((field for field in fields if field.get("type") == "email"), {})
    return email.get("required", True) is not False


def booking_location(tx: Tx, event_type: Document, location: dict[str, Any]) -> str:
    """The booking's location text from the booker's pick, which must be one of the event type's kinds."""
    kinds = {item["type"] for item in event_type.get("locations") or []}
    if location["type"] not in kinds:
        raise BadRequest(
            f"Booking location with type {location['type']} not valid for event type with id={event_type['id']}. "
            f"The event type has following location types: {', '.join(sorted(kinds))}, and only these types are "
            "allowed for booking location."
        )
    if location["type"] == "integration":
        return integration_location(location["integration"])
    if location["type"] in ("attendeeAddress", "attendeePhone", "attendeeDefined"):
        return str(location.get("address") or location.get("phone") or location.get("location"))
    if location["type"] == "organizersDefaultApp":
        return "integrations:daily"  # the stand-in hosts keep Cal Video as their default
    chosen = next(item for item in event_type["locations"] if item["type"] == location["type"])
    return str(chosen.get(location["type"]) or "")


def visible(tx: Tx, booking: Document, user_id: int) -> bool:
    if user_id in booking["hostIds"]:
        return True
    team_id = booking.get("teamId")
    return team_id is not None and teams.membership(tx, team_id, user_id) is not None


def _load(call: Call) -> Document:
    uid = call.params["bookingUid"]
    booking = call.tx.get(KIND, uid)
    if booking is None or not visible(call.tx, booking, call.user_id):
        raise NotFound(f"Booking with uid={uid} not found")
    return booking


def _no_seats(call: Call, booking: Document) -> None:
    """The seated forms of reschedule and cancel act on one seat; the sandbox books no seated event types, so a
    seat is never found (rather than the whole booking being moved or cancelled), in Cal.com's words."""
    if "seatUid" in call.body:
        raise BadRequest("Invalid seatUid: this seat does not exist or has already been cancelled.")


def _save(call: Call, booking: Document) -> None:
    booking["updatedAt"] = iso_utc(call.now)
    call.tx.put(KIND, booking["uid"], booking)


def booked_event_type(tx: Tx, body: dict[str, Any]) -> Document:
    """The event type named by id, or by slug and its owner (a user or a team), as bookings.service.ts
    getBookedEventType resolves it."""
    if body.get("eventTypeId"):
        return load_event_type(tx, body["eventTypeId"])
    slug, org = body["eventTypeSlug"], body.get("organizationSlug")
    if body.get("username"):
        user = next((u for u in tx.all("user") if u["username"] == body["username"] and _in_org(tx, u, org)), None)
        if user is None:
            raise NotFound(f"User with username {body['username']} not found")
        owner: dict[str, Any] = {"ownerId": user["id"], "teamId": None}
    else:
        teams_named = (t for t in tx.all("team") if t["slug"] == body["teamSlug"] and not t["isOrganization"])
        team = next((t for t in teams_named if _in_org(tx, t, org)), None)
        if team is None:
            raise NotFound(f"Team with slug {body['teamSlug']} not found")
        owner = {"teamId": team["id"]}
    found = next((e for e in tx.all("event_type") if e["slug"] == slug and owner.items() <= e.items()), None)
    if found is None:
        raise NotFound(f"Event type with slug {slug} not found")
    return found


def _in_org(tx: Tx, owner: Document, org_slug: str | None) -> bool:
    """Whether a user or team belongs to the organization named by slug (any owner, without one)."""
    if org_slug is None:
        return True
    org_id = owner.get("organizationId") if "username" in owner else owner.get("parentId")
    org = tx.get("team", org_id) if org_id is not None else None
    return org is not None and org["slug"] == org_slug


@routes.action("CAL_CREATE_BOOKING", status=201)
def create_booking(call: Call) -> dict[str, Any]:
    body = call.body
    event_type = booked_event_type(call.tx, body)
    attendee = body["attendee"]
    if not valid_zone(attendee["timeZone"]):
        # The validation pipe's words for a nested field.
        raise BadRequest(
            "attendee property is wrong, timeZone property is wrong,timeZone must be a valid IANA time-zone "
        )
    if not attendee.get("email") and _asks_email(event_type):
        raise InvalidInput("responses - {email}error_required_field, ")
    start = parse_instant(body["start"], "start")
    length = scheduling.slot_length(event_type, body.get("lengthInMinutes"))
    hosts = _pick_hosts(call, event_type, start, length)
    pending = requires_confirmation(event_type)
    extra = {key: body[key] for key in ("guests", "metadata", "meetingUrl") if body.get(key) is not None}
    if body.get("location") is not None:
        extra["location"] = booking_location(call.tx, event_type, body["location"])
    answers = {"name": attendee["name"], "email": attendee.get("email")}
    answers["attendeePhoneNumber"] = attendee.get("phoneNumber")
    extra["bookingFieldsResponses"] = {
        **{key: value for key, value in answers.items() if value is not None},
        **(body.get("bookingFieldsResponses") or {}),
    }
    booking = new_booking(
        call.tx, event_type, start=start, length=length, host_ids=hosts, attendee=attendee,
        status="pending" if pending else "accepted", now=call.now, extra=extra,
    )  # fmt: skip
    _emit(call, "BOOKING_REQUESTED" if pending else "BOOKING_CREATED", booking)
    return booking_output(call.tx, booking)


@routes.action("CAL_LIST_BOOKINGS")
def list_bookings(call: Call) -> Reply:
    return booking_list.listed(call, [b for b in call.tx.all(KIND) if visible(call.tx, b, call.user_id)])


@routes.action("CAL_GET_BOOKING")
def get_booking(call: Call) -> dict[str, Any]:
    uid = call.params["bookingUid"]
    booking = call.tx.get(KIND, uid)
    if booking is None or not visible(call.tx, booking, call.user_id):
        raise NotFound(f"Booking with uid={uid} was not found in the database")
    return booking_output(call.tx, booking)


@routes.action("CAL_RESCHEDULE_BOOKING", status=201)
def reschedule_booking(call: Call) -> dict[str, Any]:
    old = _load(call)
    _no_seats(call, old)
    if old["status"] in ("cancelled", "rejected"):
        raise BadRequest(f"Booking with uid={old['uid']} is {old['status']} and cannot be rescheduled")
    event_type = load_event_type(call.tx, old["eventTypeId"])
    start = parse_instant(call.body["start"], "start")
    hosts = _pick_hosts(call, event_type, start, old["duration"], ignore_uid=old["uid"])
    if event_type.get("schedulingType") == "roundRobin" and old["hostIds"][0] in hosts:
        hosts = [old["hostIds"][0]]  # keep the same host when still free
    reason = call.body.get("reschedulingReason")
    by = call.body.get("rescheduledBy")
    new = new_booking(
        call.tx, event_type, start=start, length=old["duration"], host_ids=hosts, attendee=old["attendees"][0],
        status="pending" if requires_confirmation(event_type) else "accepted", now=call.now,
        extra={"rescheduledFromUid": old["uid"], "reschedulingReason": reason, "rescheduledByEmail": by,
               "guests": old["guests"], "metadata": old["metadata"],
               # Cal.com's server files the reason among the new booking's answers too.
               "bookingFieldsResponses": {**old["bookingFieldsResponses"],
                                          **({"rescheduledReason": reason} if reason else {})}},
    )  # fmt: skip
    old.update(status="cancelled", rescheduledToUid=new["uid"], rescheduled=True, rescheduledByEmail=by)
    _save(call, old)
    _emit(call, "BOOKING_RESCHEDULED", new, rescheduleUid=old["uid"], rescheduleId=old["id"],
          rescheduleStartTime=old["start"], rescheduleEndTime=old["end"], rescheduledBy=by)  # fmt: skip
    return booking_output(call.tx, new)


@routes.action("CAL_CANCEL_BOOKING")
def cancel_booking(call: Call) -> dict[str, Any]:
    booking = _load(call)
    # Cal.com's handleCancelBooking: the organizer cancelling through their own credentials gives a reason;
    # platform clients and other team members need not.
    if not call.body.get("cancellationReason") and call.principal.oauth_client_id is None and (
        booking["hostIds"][:1] == [call.user_id]
    ):
        raise LibraryError("Cancellation reason is required when you are the host")
    _no_seats(call, booking)
    # Cal.com's server cancels a cancelled booking again without complaint (and tells its webhooks again).
    canceller = call.tx.get("user", call.user_id) or {}
    booking.update(status="cancelled", cancelledByEmail=canceller.get("email"))
    if call.body.get("cancellationReason"):
        booking["cancellationReason"] = call.body["cancellationReason"]
    _save(call, booking)
    _emit(call, "BOOKING_CANCELLED", booking, cancellationReason=booking.get("cancellationReason"),
          cancelledBy=booking.get("cancelledByEmail"))  # fmt: skip
    return booking_output(call.tx, booking)


def _pending_for_host(call: Call) -> Document:
    booking = _load(call)
    if call.user_id not in booking["hostIds"] and not _team_admin(call, booking):
        raise Forbidden("Only the booking's host can confirm or decline it")
    if booking["status"] != "pending":
        raise BadRequest(f"Booking with uid={booking['uid']} is not awaiting confirmation (status {booking['status']})")
    return booking


def _team_admin(call: Call, booking: Document) -> bool:
    found = teams.membership(call.tx, booking["teamId"], call.user_id) if booking.get("teamId") else None
    return found is not None and found["role"] in teams.ADMIN_ROLES


@routes.action("CAL_CONFIRM_BOOKING")
def confirm_booking(call: Call) -> dict[str, Any]:
    booking = _pending_for_host(call)
    booking["status"] = "accepted"
    _save(call, booking)
    _emit(call, "BOOKING_CREATED", booking)  # Cal.com announces a confirmed booking as created
    return booking_output(call.tx, booking)


@routes.action("CAL_DECLINE_BOOKING")
def decline_booking(call: Call) -> dict[str, Any]:
    booking = _pending_for_host(call)
    booking["status"] = "rejected"
    if call.body.get("reason"):
        booking["rejectionReason"] = call.body["reason"]
    _save(call, booking)
    _emit(call, "BOOKING_REJECTED", booking, rejectionReason=booking.get("rejectionReason"))
    return booking_output(call.tx, booking)


NO_SHOW_FAILED = "Failed to update no-show status"


@routes.action("CAL_MARK_BOOKING_ABSENT")
def mark_absent(call: Call) -> dict[str, Any]:
    # Like Cal.com's handleMarkNoShow, every failure (an unknown or foreign booking, an email that is not an
    # attendee's, attendees marked before the meeting started) is one 500.
    booking = call.tx.get(KIND, call.params["bookingUid"])
    if booking is None or (call.user_id not in booking["hostIds"] and not _team_admin(call, booking)):
        raise ApiError(NO_SHOW_FAILED)
    if call.body.get("attendees") and parse_instant(booking["start"], "start") > call.now:
        raise ApiError(NO_SHOW_FAILED)
    if "host" in call.body:
        booking["absentHost"] = bool(call.body["host"])
    by_email = {item["email"].lower(): item["absent"] for item in call.body.get("attendees") or []}
    if set(by_email) - {(a.get("email") or "").lower() for a in booking["attendees"]}:
        raise ApiError(NO_SHOW_FAILED)
    for attendee in booking["attendees"]:
        attendee["absent"] = by_email.get((attendee.get("email") or "").lower(), attendee["absent"])
    _save(call, booking)
    if by_email:  # Cal.com announces attendees' no-shows only, with their own payload
        call.emit("BOOKING_NO_SHOW_UPDATED", no_show_payload(booking, list(by_email)),
                  user_id=booking["hostIds"][0], event_type_id=booking["eventTypeId"])  # fmt: skip
    return booking_output(call.tx, booking)


def _reassign(call: Call, target: int | None) -> dict[str, Any]:
    booking = _load(call)
    event_type = load_event_type(call.tx, booking["eventTypeId"])
    if event_type.get("schedulingType") != "roundRobin":
        raise BadRequest("Only round robin bookings can be reassigned")
    if not _team_admin(call, booking) and call.user_id not in booking["hostIds"]:
        raise Forbidden("Only a team admin or the booking's host can reassign it")
    start = parse_instant(booking["start"], "start")
    if booking["status"] not in scheduling.BLOCKING_STATUSES or start < call.now:
        raise BadRequest(f"Booking with uid={booking['uid']} is past or {booking['status']} and cannot be reassigned")
    hosts = host_ids(call.tx, event_type)
    if target is not None and target not in hosts:
        raise BadRequest(f"User {target} is not a host of this event type")
    candidates = [target] if target is not None else [host for host in hosts if host not in booking["hostIds"]]
    # The booking already exists, so its event type's minimum notice no longer applies.
    rules = replace(scheduling.rules_for(event_type, booking["duration"], call.now), earliest=call.now)
    busy = scheduling.busy_by_host(call.tx, call.now, ignore_uid=booking["uid"])
    free = scheduling.free_hosts(call.tx, event_type, rules, start, busy, candidates)
    if not free:
        raise BadRequest("No available users found to reassign the booking")
    chosen = _least_busy(call.tx, event_type, free)
    booking["hostIds"] = [chosen]
    _save(call, booking)
    host = call.tx.get("user", chosen) or {}
    return {
        "bookingUid": booking["uid"],
        "reassignedTo": {"id": chosen, "name": host.get("name"), "email": host.get("email")},
    }


@routes.action("CAL_REASSIGN_BOOKING")
def reassign_booking(call: Call) -> dict[str, Any]:
    return _reassign(call, None)


@routes.action("CAL_REASSIGN_BOOKING_TO_USER")
def reassign_booking_to_user(call: Call) -> dict[str, Any]:
    return _reassign(call, call.int_param("userId"))


def seed_bookings(tx: Tx, now: datetime) -> None:
    """A few bookings of the seeded user around ``now``: upcoming, cancelled, unconfirmed and past."""
    from cal_actions.sandbox.times import zone

    local_today = now.astimezone(zone("Europe/Berlin")).date()
    day = local_today + timedelta(days=3)
    while day.weekday() >= 5:  # a weekday, so the bookings sit inside working hours
        day += timedelta(days=1)
    past_day = local_today - timedelta(days=7)
    guest = {"name": "Charles Babbage", "email": "charles@example.com", "timeZone": "Europe/London"}

    def at(moment_day: Any, hour: int) -> datetime:
        return datetime(moment_day.year, moment_day.month, moment_day.day, hour, tzinfo=zone("Europe/Berlin"))

    quick, meeting, consultation = (load_event_type(tx, event_type_id) for event_type_id in (1, 2, 3))
    created = now - timedelta(days=10)
    new_booking(tx, meeting, start=at(day, 10), length=30, host_ids=[1], attendee=guest, status="accepted", now=created)
    cancelled = {"cancellationReason": "Conflicting appointment", "cancelledByEmail": "charles@example.com"}
    new_booking(tx, meeting, start=at(day, 11), length=30, host_ids=[1], attendee=guest, status="cancelled",
                now=created, extra=cancelled)  # fmt: skip
    new_booking(
        tx, consultation, start=at(day, 14), length=60, host_ids=[1], attendee=guest, status="pending", now=created
    )
    new_booking(
        tx, quick, start=at(past_day, 10), length=15, host_ids=[1], attendee=guest, status="accepted", now=created
    )
