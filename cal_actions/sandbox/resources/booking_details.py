"""What hangs off one booking (2024-08-13): add-to-calendar links, references, Cal Video recordings and transcripts.

Recordings and transcripts are stand-ins: a Cal Video meeting that has taken place (accepted, ended)
has one recording and one transcript, served under the stand-in host.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any, get_args
from urllib.parse import quote, urlencode

from cal_actions.actions.booking_details import ReferenceType
from cal_actions.sandbox.errors import BadRequest, Forbidden, NotFound
from cal_actions.sandbox.resources import org_access
from cal_actions.sandbox.resources.booking_records import KIND
from cal_actions.sandbox.resources.booking_references import (
    CAL_VIDEO,
    reference_output,
    references_of,
    video_url,
)
from cal_actions.sandbox.resources.bookings import visible
from cal_actions.sandbox.resources.credentials import stand_in_url
from cal_actions.sandbox.routing import Call, Routes
from cal_actions.sandbox.store import Document
from cal_actions.sandbox.times import parse_instant

routes = Routes()


def _booking(call: Call, missing: str) -> Document:
    uid = call.params["bookingUid"]
    booking = call.tx.get(KIND, uid)
    if booking is None:
        raise NotFound(missing.format(uid=uid))
    return booking


# -- calendar links ------------------------------------------------------------------------------


def _ics_text(value: str) -> str:
    return value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def calendar_links(booking: Document) -> list[dict[str, str]]:
    """Links that open a new event of the booking in each calendar app, and the same event as an ICS file."""
    start, end = parse_instant(booking["start"], "start"), parse_instant(booking["end"], "end")
    title, details, place = booking["title"], booking.get("description") or "", video_url(booking)
    located = {"location": place} if place else {}
    google = {"dates": f"{_compact(start)}/{_compact(end)}", "text": title, "details": details, **located}
    compose = {"body": details, "enddt": _plain(end), "path": "/calendar/action/compose", "rru": "addevent",
               "startdt": _plain(start), "subject": title, **located}  # fmt: skip
    event = [
        "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//cal-actions//sandbox//EN", "BEGIN:VEVENT",
        f"UID:{booking['uid']}", f"DTSTAMP:{_compact(parse_instant(booking['createdAt'], 'createdAt'))}",
        f"DTSTART:{_compact(start)}", f"DTEND:{_compact(end)}", f"SUMMARY:{_ics_text(title)}",
        *([f"LOCATION:{_ics_text(place)}"] if place else []), "END:VEVENT", "END:VCALENDAR",
    ]  # fmt: skip
    return [
        {"label": "Google Calendar", "id": "googleCalendar",
         "link": "https://calendar.google.com/calendar/r/eventedit?" + urlencode(google)},
        {"label": "Microsoft Office", "id": "microsoftOffice",
         "link": "https://outlook.office.com/calendar/0/deeplink/compose?" + urlencode(compose)},
        {"label": "Microsoft Outlook", "id": "microsoftOutlook",
         "link": "https://outlook.live.com/calendar/0/deeplink/compose?" + urlencode(compose)},
        {"label": "ICS", "id": "ics", "link": "data:text/calendar," + quote("\r\n".join(event) + "\r\n")},
    ]  # fmt: skip


def _compact(moment: datetime) -> str:
    return moment.strftime("%Y%m%dT%H%M%SZ")


def _plain(moment: datetime) -> str:
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


@routes.action("CAL_GET_BOOKING_CALENDAR_LINKS")
def get_calendar_links(call: Call) -> list[dict[str, str]]:
    # Like Cal.com, any authenticated caller holding the uid gets the links.
    return calendar_links(_booking(call, "Booking with uid {uid} not found"))


# -- references ----------------------------------------------------------------------------------

_REFERENCE_TYPES = get_args(ReferenceType)


def _references(call: Call, booking: Document) -> list[dict[str, Any]]:
    kind = call.query.get("type")
    if kind is not None and kind not in _REFERENCE_TYPES:
        raise BadRequest(f"type must be one of the following values: {', '.join(_REFERENCE_TYPES)}")
    return [reference_output(reference) for reference in references_of(booking, kind)]


@routes.action("CAL_LIST_BOOKING_REFERENCES")
def list_references(call: Call) -> list[dict[str, Any]]:
    booking = _booking(call, "Booking with uid {uid} not found")
    if booking["hostIds"][0] != call.user_id:  # Cal.com checks the organizer only
        raise BadRequest(f"Booking with uid {booking['uid']} does not belong to user")
    return _references(call, booking)


@routes.action("CAL_LIST_ORG_TEAM_BOOKING_REFERENCES")
def list_org_team_references(call: Call) -> list[dict[str, Any]]:
    org_access.require_org_team_role(call, "ADMIN")
    # Like Cal.com, the booking is looked up by uid alone; its team is not compared with the path's.
    return _references(call, _booking(call, "Booking with uid {uid} not found"))


# -- Cal Video recordings and transcripts (stand-ins) --------------------------------------------


def _cal_video_room(call: Call) -> tuple[Document, str | None]:
    """The booking and the Cal Video room of its meeting if that meeting has taken place, else None."""
    booking = _booking(call, "Booking with uid={uid} was not found in the database")
    if not visible(call.tx, booking, call.user_id):
        raise Forbidden(
            f"BookingPbacGuard - user with id={call.user_id} does not have access to booking with uid={booking['uid']}"
        )
    rooms = references_of(booking, CAL_VIDEO)
    if not rooms:
        raise NotFound(f"No Cal Video reference found with booking uid {booking['uid']}")
    held = booking["status"] == "accepted" and parse_instant(booking["end"], "end") <= call.now
    return booking, rooms[-1]["uid"] if held else None


@routes.action("CAL_LIST_BOOKING_RECORDINGS")
def list_recordings(call: Call) -> list[dict[str, Any]]:
    booking, room = _cal_video_room(call)
    if room is None:
        return []
    start = parse_instant(booking["start"], "start")
    recording_id = f"stand-in-recording-{room}"
    return [{
        "id": recording_id, "roomName": room, "startTs": int(start.timestamp()), "status": "finished",
        "maxParticipants": len(booking["hostIds"]) + len(booking["attendees"]), "duration": booking["duration"] * 60,
        "shareToken": f"stand-in-share-{room}", "downloadLink": stand_in_url("daily", f"recordings/{recording_id}.mp4"),
    }]  # fmt: skip


@routes.action("CAL_LIST_BOOKING_TRANSCRIPTS")
def list_transcripts(call: Call) -> list[str]:
    _, room = _cal_video_room(call)
    return [] if room is None else [stand_in_url("daily", f"transcripts/{room}.vtt")]
