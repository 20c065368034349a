"""What hangs off one booking: add-to-calendar links, its calendar and video references, and the
recordings and transcripts of its Cal Video meeting."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from cal_actions.action import BOOKINGS_VERSION, Route, declare
from cal_actions.actions.bookings import BookingUid

TAGS = ("bookings",)

ReferenceType = Literal[
    "google_calendar", "office365_calendar", "daily_video", "google_video", "office365_video", "zoom_video"
]


class ListBookingReferences(BookingUid):
    type: ReferenceType | None = Field(None, description="Only references of this kind")


CAL_GET_BOOKING_CALENDAR_LINKS = declare(
    "CAL_GET_BOOKING_CALENDAR_LINKS",
    description="Get 'add to calendar' links for a booking (Google Calendar, Outlook, Office 365, an ICS file) "
    "to hand to an attendee.",
    params=BookingUid,
    route=Route("GET", "/v2/bookings/{bookingUid}/calendar-links", version=BOOKINGS_VERSION),
    tags=TAGS,
    examples=({"bookingUid": "bk_8f2c41d9e7a3"},),
)

# Live API: the document names no credentials for recordings and transcripts (the 2025-10 controller had
# only a booking-uid guard); Cal.com's later controllers require an API key or access token with access to
# the booking, so they are sent.
CAL_LIST_BOOKING_RECORDINGS = declare(
    "CAL_LIST_BOOKING_RECORDINGS",
    description="List the Cal Video recordings of a booking's meeting, with download links; empty until the "
    "meeting has been recorded. Bookings on other video apps have none.",
    params=BookingUid,
    route=Route("GET", "/v2/bookings/{bookingUid}/recordings", version=BOOKINGS_VERSION),
    tags=TAGS,
    examples=({"bookingUid": "bk_3a6f20b8d4c1"},),
)

CAL_LIST_BOOKING_TRANSCRIPTS = declare(
    "CAL_LIST_BOOKING_TRANSCRIPTS",
    description="List download links of the transcripts of a booking's Cal Video meeting; empty until one "
    "was generated.",
    params=BookingUid,
    route=Route("GET", "/v2/bookings/{bookingUid}/transcripts", version=BOOKINGS_VERSION),
    tags=TAGS,
    examples=({"bookingUid": "bk_3a6f20b8d4c1"},),
)

CAL_LIST_BOOKING_REFERENCES = declare(
    "CAL_LIST_BOOKING_REFERENCES",
    description="List where a booking you organize lives in other apps: its event in your connected calendar "
    "(eventUid for CAL_GET_CALENDAR_EVENT) and its video meeting. For organization team bookings use "
    "CAL_LIST_ORG_TEAM_BOOKING_REFERENCES.",
    params=ListBookingReferences,
    route=Route("GET", "/v2/bookings/{bookingUid}/references", version=BOOKINGS_VERSION),
    tags=TAGS,
    examples=({"bookingUid": "bk_8f2c41d9e7a3"}, {"bookingUid": "bk_8f2c41d9e7a3", "type": "google_calendar"}),
)


ACTIONS = [
    CAL_GET_BOOKING_CALENDAR_LINKS,
    CAL_LIST_BOOKING_RECORDINGS,
    CAL_LIST_BOOKING_TRANSCRIPTS,
    CAL_LIST_BOOKING_REFERENCES,
]
