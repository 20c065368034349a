"""Events in a connected calendar (Cal.com's unified calendar API), found through a booking's references."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from cal_actions.action import Params, Route, declare

TAGS = ("calendars",)

ResponseStatus = Literal["accepted", "pending", "declined", "needsAction"]


class CalendarEventPath(Params):
    # Spec: the live document offers only google here.
    calendar: Literal["google"] = Field(description="Provider")
    eventUid: str = Field(description="eventUid of a google_calendar reference from CAL_LIST_BOOKING_REFERENCES")


# A moment of the event; either part may be sent alone.
class EventTime(Params):
    time: str | None = Field(None, description="ISO 8601, e.g. 2025-01-31T09:00:00Z")
    timeZone: str | None = Field(None, description="IANA zone")


# One attendee as the calendar keeps them.
class EventAttendee(Params):
    email: str | None = None
    name: str | None = None
    responseStatus: ResponseStatus | None = None
    self: bool | None = Field(None, description="true: the calendar's owner")
    optional: bool | None = None
    host: bool | None = Field(None, description="true: a host")


class UpdateCalendarEvent(CalendarEventPath):
    start: EventTime | None = Field(None, description="New start")
    end: EventTime | None = Field(None, description="New end")
    title: str | None = None
    description: str | None = Field(None, description="Details")
    attendees: list[EventAttendee] | None = Field(
        None, description="Replaces the whole list: attendees left out are removed"
    )
    status: Literal["accepted", "pending", "declined", "cancelled"] | None = None


CAL_GET_CALENDAR_EVENT = declare(
    "CAL_GET_CALENDAR_EVENT",
    description="Read a booking's event as your connected Google Calendar holds it: times, attendees and their "
    "answers, video links. For the booking itself use CAL_GET_BOOKING.",
    params=CalendarEventPath,
    route=Route("GET", "/v2/calendars/{calendar}/event/{eventUid}"),
    tags=TAGS,
    examples=({"calendar": "google", "eventUid": "6p2k3j9b4s0tqg1v8c5r7m2e1o"},),
)

CAL_UPDATE_CALENDAR_EVENT = declare(
    "CAL_UPDATE_CALENDAR_EVENT",
    description="Edit a booking's event in your connected Google Calendar (title, times, attendees, status). "
    "Only the calendar copy changes; to move the booking itself use CAL_RESCHEDULE_BOOKING.",
    params=UpdateCalendarEvent,
    route=Route("PATCH", "/v2/calendars/{calendar}/events/{eventUid}"),
    tags=TAGS,
    examples=(
        {"calendar": "google", "eventUid": "6p2k3j9b4s0tqg1v8c5r7m2e1o",
         "start": {"time": "2027-03-04T10:00:00Z", "timeZone": "Europe/Berlin"},
         "end": {"time": "2027-03-04T10:30:00Z", "timeZone": "Europe/Berlin"}, "title": "Intro call: Anna / Dana"},
        {"calendar": "google", "eventUid": "6p2k3j9b4s0tqg1v8c5r7m2e1o",
         "attendees": [{"email": "anna.mueller@example.com", "name": "Anna Müller", "responseStatus": "accepted"},
                       {"email": "lena@northwind.io", "optional": True}]},
    ),
)  # fmt: skip


ACTIONS = [CAL_GET_CALENDAR_EVENT, CAL_UPDATE_CALENDAR_EVENT]
