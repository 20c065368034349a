"""Booking documents: creation, the 2024-08-13 output shape, and the webhook payload."""

from __future__ import annotations

import hashlib
from datetime import datetime, timedelta
from typing import Any

from cal_actions.sandbox.resources.booking_references import new_references
from cal_actions.sandbox.store import Document, Tx
from cal_actions.sandbox.times import iso_utc, valid_zone, zone

KIND = "booking"
_INTERNAL = (
    "hostIds", "bufferBefore", "bufferAfter", "teamId", "eventTypeSlug", "rejectionReason", "rescheduled",
    "references",
)  # fmt: skip


def booking_uid(booking_id: int) -> str:
    """Stable, unguessable-looking uids, so a reset sandbox hands out the same ones."""
    return hashlib.sha256(f"sandbox-booking-{booking_id}".encode()).hexdigest()[:22]


def new_booking(
    tx: Tx,
    event_type: Document,
    *,
    start: datetime,
    length: int,
    host_ids: list[int],
    attendee: dict[str, Any],
    status: str,
    now: datetime,
    extra: dict[str, Any] | None = None,
) -> Document:
    booking_id = tx.next_id(KIND)
    host = tx.get("user", host_ids[0]) or {"name": ""}
    attendee = {"absent": False, "language": "en", **attendee}
    booking = {
        "id": booking_id,
        "uid": booking_uid(booking_id),
        "title": f"{event_type['title']} between {host['name']} and {attendee['name']}",
        "description": "",
        "hostIds": host_ids,
        "status": status,
        "start": iso_utc(start),
        "end": iso_utc(start + timedelta(minutes=length)),
        "duration": length,
        "eventTypeId": event_type["id"],
        "eventTypeSlug": event_type["slug"],
        "teamId": event_type.get("teamId"),
        "location": _location(event_type),
        "absentHost": False,
        "createdAt": iso_utc(now),
        "updatedAt": iso_utc(now),
        "metadata": {},
        "attendees": [attendee],
        "guests": [],
        "bookingFieldsResponses": {"name": attendee["name"], "email": attendee.get("email")},
        "bufferBefore": event_type.get("beforeEventBuffer") or 0,
        "bufferAfter": event_type.get("afterEventBuffer") or 0,
    }
    booking.update(extra or {})
    booking["references"] = new_references(tx, booking_id, host_ids[0], booking["location"])
    tx.put(KIND, booking["uid"], booking)
    return booking


def _location(event_type: Document) -> str:
    first = (event_type.get("locations") or [{}])[0]
    kind = first.get("type")
    if kind == "integration":
        return integration_location(first.get("integration", "cal-video"))
    return str(first.get(kind) or first.get("address") or first.get("link") or "integrations:daily")


def integration_location(app: str) -> str:
    """A video app as a booking's location text: Cal Video is Cal.com's ``integrations:daily``."""
    return "integrations:daily" if app == "cal-video" else f"integrations:{app.replace('-video', '')}"


def _host(tx: Tx, user_id: int) -> dict[str, Any]:
    user = tx.get("user", user_id) or {"name": "", "email": "", "username": "", "timeZone": "UTC"}
    return {key: user.get(key) for key in ("name", "email", "username", "timeZone")} | {"id": user_id}


def booking_output(tx: Tx, booking: Document) -> dict[str, Any]:
    output = {key: value for key, value in booking.items() if key not in _INTERNAL and value not in (None, [])}
    output["hosts"] = [_host(tx, user_id) for user_id in booking["hostIds"]]
    output["eventType"] = {"id": booking["eventTypeId"], "slug": booking["eventTypeSlug"]}
    # As Cal.com's server answers: the calendar invitation's uid, the (deprecated) meeting URL as the location,
    # and no rating until the attendee gives one.
    output.setdefault("icsUid", f"{booking['uid']}@Cal.com")
    output.setdefault("meetingUrl", booking["location"])
    output["rating"] = booking.get("rating")
    return output


def webhook_payload(tx: Tx, booking: Document, **extra: Any) -> dict[str, Any]:
    """The ``payload`` of a booking webhook, in Cal.com's field names.

    Cal.com sends the booking's ``CalendarEvent`` merged with event-type details (``eventTypeInfo``
    in ``packages/features/bookings/lib/handleNewBooking.ts``, ``handleCancelBooking.ts``,
    ``confirm.handler.ts``) and adds each person's ``utcOffset`` at the start time (``addUTCOffset``
    in ``packages/features/webhooks/lib/sendPayload.ts``).
    """
    organizer = tx.get("user", booking["hostIds"][0]) or {}
    event_type = tx.get("event_type", booking["eventTypeId"]) or {}
    start = datetime.fromisoformat(booking["start"].replace("Z", "+00:00"))
    payload = {
        "type": booking["eventTypeSlug"],
        "title": booking["title"],
        "description": booking["description"],
        "startTime": booking["start"],
        "endTime": booking["end"],
        "length": booking["duration"],
        "organizer": {
            "id": organizer.get("id"),
            "name": organizer.get("name"),
            "email": organizer.get("email"),
            "username": organizer.get("username"),
            "timeZone": organizer.get("timeZone"),
            "language": {"locale": organizer.get("locale", "en")},
            "utcOffset": _utc_offset(organizer.get("timeZone"), start),
        },
        "attendees": [
            {
                "name": a["name"],
                "email": a.get("email"),
                "timeZone": a["timeZone"],
                "language": {"locale": a.get("language", "en")},
                "utcOffset": _utc_offset(a["timeZone"], start),
            }
            for a in booking["attendees"]
        ],
        "location": booking["location"],
        "uid": booking["uid"],
        "bookingId": booking["id"],
        "eventTypeId": booking["eventTypeId"],
        "eventTitle": event_type.get("title"),
        "eventDescription": event_type.get("description"),
        "price": 0,
        "currency": "usd",
        "status": booking["status"].upper(),
        "responses": {key: {"value": value} for key, value in booking["bookingFieldsResponses"].items()},
        "metadata": booking["metadata"],
    }
    payload.update(extra)
    return payload


def no_show_payload(booking: Document, emails: list[str]) -> dict[str, Any]:
    """``BOOKING_NO_SHOW_UPDATED``: the attendees whose no-show changed and a message, not the booking
    (``buildResultPayload`` in ``packages/features/handleMarkNoShow.ts``)."""
    wanted = {email.lower() for email in emails}
    changed = [
        {"email": a["email"], "noShow": a["absent"]}
        for a in booking["attendees"]
        if (a.get("email") or "").lower() in wanted
    ]
    if len(changed) == 1:
        message = f"{changed[0]['email']} {'marked' if changed[0]['noShow'] else 'unmarked'} as no-show"
    else:
        message = "No-show status updated for attendees"
    return {"message": message, "attendees": changed, "bookingUid": booking["uid"], "bookingId": booking["id"]}


def _utc_offset(zone_name: str | None, moment: datetime) -> int | None:
    """Minutes east of UTC in ``zone_name`` at ``moment``, as Cal.com's ``getUTCOffsetByTimezone``."""
    if not zone_name or not valid_zone(zone_name):
        return None
    offset = moment.astimezone(zone(zone_name)).utcoffset()
    return None if offset is None else int(offset.total_seconds() // 60)
