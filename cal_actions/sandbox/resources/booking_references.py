"""Where a booking lives in other apps: its event in the host's destination calendar and its video meeting.

Cal.com stores these references once it has written the calendar event and opened the meeting room;
the sandbox makes them with the booking. Event ids and meeting rooms are stand-ins.
"""

from __future__ import annotations

import hashlib
from typing import Any

from cal_actions.sandbox.resources.credentials import stand_in_url
from cal_actions.sandbox.store import Document, Tx

COUNTER = "booking_reference"
CAL_VIDEO = "daily_video"
# Booking locations (the sandbox's and Cal.com's spellings) → the reference type of their meeting.
_VIDEO_TYPES = {
    "integrations:cal": CAL_VIDEO, "integrations:daily": CAL_VIDEO, "integrations:zoom": "zoom_video",
    "integrations:google-meet": "google_video", "integrations:google:meet": "google_video",
    "integrations:office365": "office365_video", "integrations:office365_video": "office365_video",
}  # fmt: skip


def _stand_in_id(what: str, booking_id: int) -> str:
    """Stable ids, so a reset sandbox hands out the same ones (Google event ids are base32hex)."""
    return hashlib.sha256(f"sandbox-{what}-{booking_id}".encode()).hexdigest()[:26]


def new_references(tx: Tx, booking_id: int, host_id: int, location: str | None) -> list[Document]:
    """The references of a new booking: the host's destination calendar, if any, and its video app, if any."""
    references: list[Document] = []
    destination = tx.get("destination_calendar", host_id)
    if destination is not None:
        references.append({
            "id": tx.next_id(COUNTER), "type": destination["integration"], "uid": _stand_in_id("event", booking_id),
            "externalCalendarId": destination["externalId"], "credentialId": destination["credentialId"],
        })  # fmt: skip
    video = _VIDEO_TYPES.get(location or "")
    if video is not None:
        room = _stand_in_id("room", booking_id)
        references.append({
            "id": tx.next_id(COUNTER), "type": video, "uid": room, "externalCalendarId": None,
            "credentialId": None, "meetingUrl": stand_in_url(video.removesuffix("_video"), f"rooms/{room}"),
        })  # fmt: skip
    return references


def references_of(booking: Document, kind: str | None = None) -> list[Document]:
    # Bookings stored by an older sandbox have no references.
    return [r for r in booking.get("references", []) if kind is None or r["type"] == kind]


def reference_output(reference: Document) -> dict[str, Any]:
    return {
        "type": reference["type"],
        "eventUid": reference["uid"],
        "id": reference["id"],
        "destinationCalendarId": reference["externalCalendarId"],
    }


def video_url(booking: Document) -> str | None:
    return next((r["meetingUrl"] for r in references_of(booking) if r.get("meetingUrl")), None)


def find_event(tx: Tx, event_uid: str, kind: str) -> tuple[Document, Document] | None:
    """The booking and its ``kind`` reference whose calendar event id is ``event_uid``."""
    for booking in tx.all("booking"):
        for reference in references_of(booking, kind):
            if reference["uid"] == event_uid:
                return booking, reference
    return None
