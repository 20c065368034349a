"""Personal event types, and the event-type field set that team event types reuse."""

from __future__ import annotations

from pydantic import Field

from cal_actions.action import EVENT_TYPES_VERSION, Params, Route, all_optional, declare
from cal_actions.actions._paths import EventTypePath
from cal_actions.actions.event_type_settings import (
    BookerLayouts,
    BookingLimitsCount,
    BookingLimitsDuration,
    BookingQuestion,
    BookingWindow,
    CalVideoSettings,
    ConfirmationPolicy,
    DestinationCalendar,
    Disabled,
    EventTypeColor,
    Location,
    Recurrence,
    Seats,
)

TAGS = ("event-types",)


class EventTypeFields(Params):
    """Settings of an event type, shared by personal, team and organization-team event types."""

    lengthInMinutes: int = Field(description="Default duration")
    # Spec: the document types the items as strings; the server refuses them ("each value in lengthInMinutesOptions
    # must be an integer number", create-event-type.input.ts IsInt each) and takes whole minutes.
    lengthInMinutesOptions: list[int] | None = Field(
        None, min_length=1, description="Booker's choices; include lengthInMinutes"
    )
    title: str
    slug: str = Field(description="Unique per owner, e.g. 30min")
    description: str | None = None
    locations: list[Location] | None = Field(None, min_length=1, description="Where it happens; default Cal Video")
    bookingFields: list[BookingQuestion] | None = Field(
        None, min_length=1, description="Booking questions; name and email are always asked"
    )
    disableGuests: bool | None = None
    slotInterval: int | None = Field(None, description="Minutes between start times; default the length")
    minimumBookingNotice: int | None = Field(None, description="Minutes between booking and start")
    beforeEventBuffer: int | None = Field(None, description="Free minutes before")
    afterEventBuffer: int | None = Field(None, description="Free minutes after")
    scheduleId: int | None = Field(None, description="From CAL_LIST_SCHEDULES")
    bookingLimitsCount: BookingLimitsCount | None = Field(None, description="Max bookings per period")
    onlyShowFirstAvailableSlot: bool | None = Field(None, description="Offer only each day's first slot")
    bookingLimitsDuration: BookingLimitsDuration | Disabled | None = Field(
        None, description="Max booked minutes per period"
    )
    bookingWindow: BookingWindow | None = Field(None, description="How far ahead it can be booked")
    offsetStart: int | None = Field(None, description="Shift start times by minutes")
    bookerLayouts: BookerLayouts | None = None
    confirmationPolicy: ConfirmationPolicy | Disabled | None = Field(None, description="When the host confirms")
    recurrence: Recurrence | Disabled | None = Field(None, description="Makes it recurring")
    requiresBookerEmailVerification: bool | None = None
    hideCalendarNotes: bool | None = None
    lockTimeZoneToggleOnBookingPage: bool | None = None
    color: EventTypeColor | None = None  # on the booking page
    seats: Seats | Disabled | None = Field(None, description="Several attendees per slot")
    customName: str | None = Field(
        None,
        description="Calendar event title; variables {Event type title}, {Organiser}, {Scheduler}",
    )
    destinationCalendar: DestinationCalendar | None = Field(None, description="Calendar new bookings go to")
    useDestinationCalendarEmail: bool | None = Field(None, description="Invite from that calendar's email")
    hideCalendarEventDetails: bool | None = Field(None, description="Others see busy only")
    successRedirectUrl: str | None = Field(None, description="Where bookers go after booking")
    hideOrganizerEmail: bool | None = None
    calVideoSettings: CalVideoSettings | None = None
    hidden: bool | None = Field(None, description="Not listed on the profile page")
    bookingRequiresAuthentication: bool | None = Field(
        None, description="Only the owner's credentials may book it through the API"
    )


@all_optional
class EventTypeUpdateFields(EventTypeFields):
    """The same fields, none required."""


CAL_CREATE_EVENT_TYPE = declare(
    "CAL_CREATE_EVENT_TYPE",
    description="Create a personal event type (a bookable meeting kind); returns its id.",
    params=EventTypeFields,
    route=Route("POST", "/v2/event-types", version=EVENT_TYPES_VERSION),
    tags=TAGS,
    examples=(
        {"title": "30 min intro call", "slug": "30min", "lengthInMinutes": 30},
        {"title": "Tax consultation", "slug": "tax-consultation", "lengthInMinutes": 60,
         "lengthInMinutesOptions": [30, 60], "description": "Bring last year's return.",
         "locations": [{"type": "integration", "integration": "zoom"},
                       {"type": "address", "address": "Friedrichstraße 68, 10117 Berlin", "public": True}],
         "bookingFields": [{"type": "select", "slug": "service", "label": "Service", "required": True,
                            "options": ["Income tax", "VAT", "Payroll"]},
                           {"type": "text", "slug": "company", "label": "Company", "required": False}],
         "minimumBookingNotice": 240, "beforeEventBuffer": 10, "scheduleId": 311},
    ),
)  # fmt: skip


class ListEventTypes(Params):
    username: str | None = Field(None, description="Another user's public ones instead of yours")
    eventSlug: str | None = Field(None, description="Only this slug; needs username")
    usernames: str | None = Field(None, description="Comma-separated, for a dynamic group event")
    orgSlug: str | None = Field(None, description="That user's organization slug")
    orgId: int | None = Field(None, description="That user's organization id, instead of orgSlug")


CAL_LIST_EVENT_TYPES = declare(
    "CAL_LIST_EVENT_TYPES",
    description="List personal event types with ids: yours, or another user's by username.",
    params=ListEventTypes,
    route=Route("GET", "/v2/event-types", version=EVENT_TYPES_VERSION, auth="bearer_or_platform"),
    tags=TAGS,
    examples=({}, {"username": "dana-lee", "eventSlug": "30min"}),
)


CAL_GET_EVENT_TYPE = declare(
    "CAL_GET_EVENT_TYPE",
    description="Get one personal event type with all its settings.",
    params=EventTypePath,
    route=Route("GET", "/v2/event-types/{eventTypeId}", version=EVENT_TYPES_VERSION),
    tags=TAGS,
    aliases=("CAL_RETRIEVE_EVENT_TYPE_BY_ID",),
    examples=({"eventTypeId": 42},),
)


class UpdateEventType(EventTypeUpdateFields, EventTypePath):
    pass


CAL_UPDATE_EVENT_TYPE = declare(
    "CAL_UPDATE_EVENT_TYPE",
    description="Partially update a personal event type's settings: length, title, locations, questions, limits.",
    params=UpdateEventType,
    route=Route("PATCH", "/v2/event-types/{eventTypeId}", version=EVENT_TYPES_VERSION),
    tags=TAGS,
    examples=(
        {"eventTypeId": 42, "title": "45 min consultation", "lengthInMinutes": 45, "slug": "45min"},
        {"eventTypeId": 42, "locations": [{"type": "phone", "phone": "+493012345678", "public": False},
                                          {"type": "attendeePhone"}]},
        {"eventTypeId": 42, "bookingWindow": {"type": "businessDays", "value": 10, "rolling": True},
         "bookingLimitsCount": {"day": 3, "week": 10},
         "confirmationPolicy": {"type": "time", "noticeThreshold": {"unit": "hours", "count": 24},
                                "blockUnconfirmedBookingsInBooker": True},
         "seats": {"disabled": True}},
    ),
)  # fmt: skip


CAL_DELETE_EVENT_TYPE = declare(
    "CAL_DELETE_EVENT_TYPE",
    description="Permanently delete a personal event type and its booking page.",
    params=EventTypePath,
    route=Route("DELETE", "/v2/event-types/{eventTypeId}", version=EVENT_TYPES_VERSION),
    tags=TAGS,
    aliases=("CAL_DELETE_EVENT_TYPE_BY_ID",),
    examples=({"eventTypeId": 42},),
)


ACTIONS = [
    CAL_CREATE_EVENT_TYPE,
    CAL_LIST_EVENT_TYPES,
    CAL_GET_EVENT_TYPE,
    CAL_UPDATE_EVENT_TYPE,
    CAL_DELETE_EVENT_TYPE,
]
