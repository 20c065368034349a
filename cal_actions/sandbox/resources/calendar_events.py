"""The unified calendar: a booking's event as the host's connected Google Calendar (a stand-in) holds it.

The event is found through the booking's google_calendar reference. It starts as the booking wrote
it; edits change the calendar copy only (as in Google, the booking keeps its own time), and the event
cannot be reached once the calendar credential that holds it is gone.
"""

from __future__ import annotations

from typing import Any

from cal_actions.sandbox.errors import BadRequest, NotFound, Unauthorized
from cal_actions.sandbox.resources import credentials
from cal_actions.sandbox.resources.booking_references import find_event, video_url
from cal_actions.sandbox.routing import Call, Routes
from cal_actions.sandbox.store import Document, Tx
from cal_actions.sandbox.times import iso_local, iso_utc, parse_instant, valid_zone, zone

routes = Routes()

KIND = "calendar_event_edit"  # what was changed in the stand-in calendar, keyed by event id
_STATUS = {"accepted": "accepted", "pending": "pending"}  # anything else no longer holds the time


def _located(call: Call, refused: str) -> tuple[Document, Document]:
    if call.params["calendar"] != "google":
        raise BadRequest(refused)
    found = find_event(call.tx, call.params["eventUid"], "google_calendar")
    if found is None:
        raise NotFound("Booking reference not found")
    if call.tx.get(credentials.KIND, found[1]["credentialId"]) is None:
        raise Unauthorized("No valid credentials available for Google Calendar")
    return found


def _person(tx: Tx, user_id: int) -> dict[str, Any]:
    return tx.get("user", user_id) or {"email": "", "name": None, "timeZone": "UTC"}


def _as_written(tx: Tx, booking: Document, reference: Document) -> dict[str, Any]:
    """The event the booking wrote into the calendar."""
    organizer = _person(tx, booking["hostIds"][0])
    moment = {"timeZone": organizer["timeZone"]}
    url = video_url(booking)
    invited = [{"email": a["email"], "name": a["name"]} for a in booking["attendees"]]
    invited += [{"email": email} for email in booking.get("guests") or []]
    return {
        "id": reference["uid"],
        "title": booking["title"],
        "description": booking.get("description") or None,
        "start": {"time": booking["start"], **moment},
        "end": {"time": booking["end"], **moment},
        "locations": [{"type": "video", "url": url, "label": "Video call"}] if url else [],
        "attendees": [{**person, "responseStatus": "needsAction", "self": False, "optional": False, "host": False}
                      for person in invited],
        "status": _STATUS.get(booking["status"], "cancelled"),
        "hosts": [{"email": host["email"], "name": host["name"], "responseStatus": "accepted"}
                  for host in (_person(tx, user_id) for user_id in booking["hostIds"])],
        "calendarEventOwner": {"email": reference["externalCalendarId"], "name": organizer["name"]},
        "source": "google",
    }  # fmt: skip


def _with_edits(event: dict[str, Any], edits: dict[str, Any]) -> dict[str, Any]:
    edited = dict(event)
    for key, value in edits.items():
        edited[key] = {**event[key], **value} if key in ("start", "end") else value
    return edited


def _output(event: dict[str, Any]) -> dict[str, Any]:
    """Times in the event's own zone, as Google gives them."""
    shown = dict(event)
    for key in ("start", "end"):
        moment = event[key]
        shown[key] = {**moment, "time": iso_local(parse_instant(moment["time"], key), zone(moment["timeZone"]))}
    return shown


@routes.action("CAL_GET_CALENDAR_EVENT")
def get_event(call: Call) -> dict[str, Any]:
    booking, reference = _located(call, "Meeting details are currently only available for Google Calendar")
    return _output(_with_edits(_as_written(call.tx, booking, reference), call.tx.get(KIND, reference["uid"]) or {}))


def _moment_edit(body: dict[str, Any], key: str) -> dict[str, str]:
    edit = {name: value for name, value in (body.get(key) or {}).items() if value is not None}
    if "time" in edit:
        edit["time"] = iso_utc(parse_instant(edit["time"], f"{key}.time"))
    if "timeZone" in edit and not valid_zone(edit["timeZone"]):
        raise BadRequest(f"{key}.timeZone must be a valid IANA time zone")
    return edit


@routes.action("CAL_UPDATE_CALENDAR_EVENT")
def update_event(call: Call) -> dict[str, Any]:
    booking, reference = _located(call, "Event updates are currently only available for Google Calendar")
    edits = call.tx.get(KIND, reference["uid"]) or {}
    for key in ("start", "end"):
        if key in call.body:
            edits[key] = {**edits.get(key, {}), **_moment_edit(call.body, key)}
    for key in ("title", "status"):
        if call.body.get(key) is not None:  # null leaves the value as it is
            edits[key] = call.body[key]
    if call.body.get("attendees") is not None:  # the whole list is replaced
        edits["attendees"] = [{k: v for k, v in item.items() if v is not None} for item in call.body["attendees"]]
    if "description" in call.body:
        edits["description"] = call.body["description"]
    event = _with_edits(_as_written(call.tx, booking, reference), edits)
    empty = parse_instant(event["end"]["time"], "end") <= parse_instant(event["start"]["time"], "start")
    if empty or any(not attendee.get("email") for attendee in event["attendees"]):
        # Google refuses an empty time range or an attendee without email; Cal.com reports any refusal so.
        raise NotFound("Failed to update meeting details")
    call.tx.put(KIND, reference["uid"], edits)
    return _output(event)
