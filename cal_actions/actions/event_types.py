"""Personal event types, and the event-type field set that team event types reuse."""

from __future__ import annotations

from typing import Any

from pydantic import Field

from cal_actions.action import EVENT_TYPES_VERSION, Params, Route, all_optional, declare
from cal_actions.actions._paths import EventTypePath

TAGS = ("event-types",)


class EventTypeFields(Params):
    """Settings of an event type, shared by personal, team and organization-team event types."""

    lengthInMinutes: int = Field(description="Default duration")
    # Spec: the pinned spec requires lengthInMinutesOptions on create and update and types its items as
    # strings; the live API (2025-10 spec) dropped the requirement and validates whole minutes.
    lengthInMinutesOptions: list[int] | None = Field(
        None, min_length=1, description="Booker's choices; include lengthInMinutes"
    )
    title: str = Field(description="Shown to bookers")
    slug: str = Field(description="Unique per owner, e.g. 30min")
    description: str | None = Field(None, description="Shown on the booking page")
    locations: list[dict[str, Any]] | None = Field(
        None,
        description="Default Cal Video. Items: {type:'address',address,public}, {type:'link',link,public}, "
        "{type:'phone',phone,public} or {type:'integration',integration:'cal-video'|'google-meet'}",
    )
    bookingFields: list[dict[str, Any]] | None = Field(
        None,
        description="Extra questions (name, email always asked): {type:'text'|'textarea'|'number'|'phone'|'address'|"
        "'select'|'multiselect'|'checkbox'|'radio'|'boolean'|'multiemail',slug,label,required,hidden,placeholder?,"
        "options?}",
    )
    disableGuests: bool | None = Field(None, description="Bookers cannot add guests")
    slotInterval: int | None = Field(None, description="Minutes between start times; default the length")
    minimumBookingNotice: int | None = Field(None, description="Minutes between booking and start")
    beforeEventBuffer: int | None = Field(None, description="Free minutes before")
    afterEventBuffer: int | None = Field(None, description="Free minutes after")
    scheduleId: int | None = Field(None, description="From CAL_LIST_SCHEDULES")
    bookingLimitsCount: dict[str, Any] | None = Field(
        None, description="Max bookings: {day?,week?,month?,year?} or {disabled:true}"
    )
    onlyShowFirstAvailableSlot: bool | None = Field(None, description="Offer only each day's first slot")
    bookingLimitsDuration: dict[str, Any] | None = Field(
        None,
        description="Max booked minutes, multiples of 15: {day?,week?,month?,year?} or {disabled:true}",
    )
    bookingWindow: dict[str, Any] | None = Field(
        None,
        description="{type:'businessDays'|'calendarDays',value:days,rolling?}, "
        "{type:'range',value:['YYYY-MM-DD','YYYY-MM-DD']} or {disabled:true}",
    )
    offsetStart: int | None = Field(None, description="Shift start times by minutes")
    bookerLayouts: dict[str, Any] | None = Field(
        None, description="{defaultLayout,enabledLayouts[]}, each 'month'|'week'|'column'"
    )
    confirmationPolicy: dict[str, Any] | None = Field(
        None,
        description="Host confirms: {type:'always'}, {type:'time',noticeThreshold:{unit:'minutes'|'hours',count}} or "
        "{disabled:true}",
    )
    recurrence: dict[str, Any] | None = Field(
        None,
        description="{frequency:'weekly'|'monthly'|'yearly',interval,occurrences} or {disabled:true}",
    )
    requiresBookerEmailVerification: bool | None = Field(None, description="Bookers verify their email")
    hideCalendarNotes: bool | None = Field(None, description="Keep notes out of calendar events")
    lockTimeZoneToggleOnBookingPage: bool | None = Field(None, description="Bookers cannot change time zone")
    color: dict[str, Any] | None = Field(None, description="{lightThemeHex,darkThemeHex}")
    seats: dict[str, Any] | None = Field(
        None,
        description="{seatsPerTimeSlot,showAttendeeInfo,showAvailabilityCount} or {disabled:true}",
    )
    customName: str | None = Field(
        None,
        description="Calendar event title; variables {Event type title}, {Organiser}, {Scheduler}",
    )
    destinationCalendar: dict[str, Any] | None = Field(
        None, description="{integration,externalId} from CAL_LIST_CALENDARS"
    )
    useDestinationCalendarEmail: bool | None = Field(None, description="Invite from that calendar's email")
    hideCalendarEventDetails: bool | None = Field(None, description="Others see busy only")
    successRedirectUrl: str | None = Field(None, description="Where bookers go after booking")


@all_optional
class EventTypeUpdateFields(EventTypeFields):
    """The same fields, none required."""


CAL_CREATE_EVENT_TYPE = declare(
    "CAL_CREATE_EVENT_TYPE",
    description="Create a personal event type (a bookable meeting kind); returns its id.",
    params=EventTypeFields,
    route=Route("POST", "/v2/event-types", version=EVENT_TYPES_VERSION),
    tags=TAGS,
)


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
)


CAL_GET_EVENT_TYPE = declare(
    "CAL_GET_EVENT_TYPE",
    description="Get one personal event type with all its settings.",
    params=EventTypePath,
    route=Route("GET", "/v2/event-types/{eventTypeId}", version=EVENT_TYPES_VERSION),
    tags=TAGS,
    aliases=("CAL_RETRIEVE_EVENT_TYPE_BY_ID",),
)


class UpdateEventType(EventTypeUpdateFields, EventTypePath):
    pass


CAL_UPDATE_EVENT_TYPE = declare(
    "CAL_UPDATE_EVENT_TYPE",
    description="Partially update a personal event type's settings.",
    params=UpdateEventType,
    route=Route("PATCH", "/v2/event-types/{eventTypeId}", version=EVENT_TYPES_VERSION),
    tags=TAGS,
)


CAL_DELETE_EVENT_TYPE = declare(
    "CAL_DELETE_EVENT_TYPE",
    description="Permanently delete a personal event type and its booking page.",
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
