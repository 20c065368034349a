"""Personal event types, and the event-type field set that team event types reuse."""

from __future__ import annotations

from typing import Any

from pydantic import Field

from cal_actions.action import EVENT_TYPES_VERSION, Params, Route, all_optional, declare
from cal_actions.actions._paths import EventTypePath

TAGS = ("event-types",)


class EventTypeFields(Params):
    """Settings of an event type, shared by personal, team and organization-team event types."""

    lengthInMinutes: int = Field(description="Default duration in minutes.")
    # Spec: the pinned spec requires lengthInMinutesOptions on create and update and types its items as
    # strings; the live API (2025-10 spec) dropped the requirement and validates whole minutes.
    lengthInMinutesOptions: list[int] = Field(
        None, min_length=1, description="Durations in minutes the booker may pick; must include lengthInMinutes."
    )
    title: str = Field(description="Name shown to bookers.")
    slug: str = Field(description="URL slug, unique per owner, e.g. 30min.")
    description: str = Field(None, description="Text shown on the booking page.")
    locations: list[dict[str, Any]] = Field(
        None,
        description="Where it takes place (default Cal Video). Items: {type: 'address', address, public}, "
        "{type: 'link', link, public}, {type: 'phone', phone, public} or "
        "{type: 'integration', integration: 'cal-video'|'google-meet'}.",
    )
    bookingFields: list[dict[str, Any]] = Field(
        None,
        description="Extra booking-form questions (name and email are always asked). Items: {type: 'text'|'textarea'|"
        "'number'|'phone'|'address'|'select'|'multiselect'|'checkbox'|'radio'|'boolean'|'multiemail', slug, label, "
        "required, hidden, placeholder?, options?}.",
    )
    disableGuests: bool = Field(None, description="If true, bookers cannot add guests.")
    slotInterval: int = Field(None, description="Minutes between offered start times; default the event length.")
    minimumBookingNotice: int = Field(None, description="Minimum minutes between booking time and start.")
    beforeEventBuffer: int = Field(None, description="Minutes kept free before each booking.")
    afterEventBuffer: int = Field(None, description="Minutes kept free after each booking.")
    scheduleId: int = Field(None, description="Availability schedule instead of the default, from CAL_LIST_SCHEDULES.")
    bookingLimitsCount: dict[str, Any] = Field(
        None, description="Max bookings per period: {day?, week?, month?, year?} counts, or {disabled: true}."
    )
    onlyShowFirstAvailableSlot: bool = Field(None, description="If true, offer only the earliest slot of each day.")
    bookingLimitsDuration: dict[str, Any] = Field(
        None,
        description="Max booked minutes per period, multiples of 15: {day?, week?, month?, year?} or {disabled: true}.",
    )
    bookingWindow: dict[str, Any] = Field(
        None,
        description="How far ahead it can be booked: {type: 'businessDays'|'calendarDays', value: days, rolling?}, "
        "{type: 'range', value: ['YYYY-MM-DD', 'YYYY-MM-DD']} or {disabled: true}.",
    )
    offsetStart: int = Field(None, description="Shift offered start times by this many minutes.")
    bookerLayouts: dict[str, Any] = Field(
        None, description="{defaultLayout: 'month'|'week'|'column', enabledLayouts: list of the same values}."
    )
    confirmationPolicy: dict[str, Any] = Field(
        None,
        description="Host must confirm bookings: {type: 'always'} or {type: 'time', noticeThreshold: {unit: "
        "'minutes'|'hours', count}}; {disabled: true} turns it off.",
    )
    recurrence: dict[str, Any] = Field(
        None,
        description="Repeats: {frequency: 'weekly'|'monthly'|'yearly', interval, occurrences}, or {disabled: true}.",
    )
    requiresBookerEmailVerification: bool = Field(None, description="If true, bookers must verify their email.")
    hideCalendarNotes: bool = Field(None, description="If true, booking notes stay out of calendar events.")
    lockTimeZoneToggleOnBookingPage: bool = Field(None, description="If true, bookers cannot change the time zone.")
    color: dict[str, Any] = Field(None, description="{lightThemeHex, darkThemeHex}, e.g. '#292929'.")
    seats: dict[str, Any] = Field(
        None,
        description="Several attendees per slot: {seatsPerTimeSlot, showAttendeeInfo, showAvailabilityCount}, "
        "or {disabled: true}.",
    )
    customName: str = Field(
        None,
        description="Calendar event title template, e.g. '{Event type title} between {Organiser} and {Scheduler}'.",
    )
    destinationCalendar: dict[str, Any] = Field(
        None, description="Calendar that receives bookings: {integration, externalId} from CAL_LIST_CALENDARS."
    )
    useDestinationCalendarEmail: bool = Field(
        None, description="If true, invites come from the destination calendar's email."
    )
    hideCalendarEventDetails: bool = Field(None, description="If true, others see the calendar event as busy only.")
    successRedirectUrl: str = Field(None, description="URL the booker is sent to after booking.")


EventTypeUpdateFields = all_optional(EventTypeFields, "EventTypeUpdateFields")


CAL_CREATE_EVENT_TYPE = declare(
    "CAL_CREATE_EVENT_TYPE",
    description="Create a personal event type (a bookable kind of meeting: title, slug, length, locations, limits) for "
    "the authenticated user; returns it with its id. Team ones: CAL_CREATE_TEAM_EVENT_TYPE or "
    "CAL_CREATE_ORG_TEAM_EVENT_TYPE.",
    params=EventTypeFields,
    route=Route("POST", "/v2/event-types", version=EVENT_TYPES_VERSION),
    tags=TAGS,
)


class ListEventTypes(Params):
    username: str = Field(None, description="List this user's public event types instead of your own.")
    eventSlug: str = Field(None, description="Return only the event type with this slug; needs username.")
    usernames: str = Field(None, description="Comma-separated usernames for a dynamic group event, e.g. alice,bob.")
    orgSlug: str = Field(None, description="Organization slug of that user, if in one.")
    orgId: int = Field(None, description="Organization id of that user, instead of orgSlug.")


CAL_LIST_EVENT_TYPES = declare(
    "CAL_LIST_EVENT_TYPES",
    description="List personal event types: your own without filters, or another user's by username (one by "
    "eventSlug). Returns the ids that bookings and slot searches need. Team event types: CAL_LIST_TEAM_EVENT_TYPES.",
    params=ListEventTypes,
    route=Route("GET", "/v2/event-types", version=EVENT_TYPES_VERSION),
    tags=TAGS,
)


CAL_GET_EVENT_TYPE = declare(
    "CAL_GET_EVENT_TYPE",
    description="Get one personal event type with all its settings, by id from CAL_LIST_EVENT_TYPES.",
    params=EventTypePath,
    route=Route("GET", "/v2/event-types/{eventTypeId}", version=EVENT_TYPES_VERSION),
    tags=TAGS,
    aliases=("CAL_RETRIEVE_EVENT_TYPE_BY_ID",),
)


class UpdateEventType(EventTypeUpdateFields, EventTypePath):
    pass


CAL_UPDATE_EVENT_TYPE = declare(
    "CAL_UPDATE_EVENT_TYPE",
    description="Change settings of a personal event type; only the fields you pass change. Team ones: "
    "CAL_UPDATE_TEAM_EVENT_TYPE or CAL_UPDATE_ORG_TEAM_EVENT_TYPE.",
    params=UpdateEventType,
    route=Route("PATCH", "/v2/event-types/{eventTypeId}", version=EVENT_TYPES_VERSION),
    tags=TAGS,
)


CAL_DELETE_EVENT_TYPE = declare(
    "CAL_DELETE_EVENT_TYPE",
    description="Permanently delete a personal event type; its booking page stops working. Team ones: "
    "CAL_DELETE_TEAM_EVENT_TYPE or CAL_DELETE_ORG_TEAM_EVENT_TYPE.",
    params=EventTypePath,
    route=Route("DELETE", "/v2/event-types/{eventTypeId}", version=EVENT_TYPES_VERSION),
    tags=TAGS,
    aliases=("CAL_DELETE_EVENT_TYPE_BY_ID",),
)


ACTIONS = [
    CAL_CREATE_EVENT_TYPE,
    CAL_LIST_EVENT_TYPES,
    CAL_GET_EVENT_TYPE,
    CAL_UPDATE_EVENT_TYPE,
    CAL_DELETE_EVENT_TYPE,
]
