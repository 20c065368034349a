"""TODO module docstring."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import Field

from cal_actions.action import NoParams, Params, Route, declare


class CreateEventType(Params):
    lengthInMinutes: int = Field(description='SPEC: ')
    lengthInMinutesOptions: list[str] = Field(None, description='SPEC: If you want that user can choose between different lengths of the event you can specify them here. Must include the provided `lengthInMinutes`.')
    title: str = Field(description='SPEC: ')
    slug: str = Field(description='SPEC: ')
    description: str = Field(None, description='SPEC: ')
    locations: list[dict[str, Any]] = Field(None, description='SPEC: Locations where the event will take place. If not provided, cal video link will be used as the location.')
    bookingFields: list[dict[str, Any]] = Field(None, description='SPEC: Custom fields that can be added to the booking form when the event is booked by someone. By default booking form has name and email field.')
    disableGuests: bool = Field(None, description="SPEC: If true, person booking this event't cant add guests via their emails.")
    slotInterval: int = Field(None, description='SPEC: Number representing length of each slot when event is booked. By default it equal length of the event type.')
    minimumBookingNotice: int = Field(None, description='SPEC: Minimum number of minutes before the event that a booking can be made.')
    beforeEventBuffer: int = Field(None, description='SPEC: Time spaces that can be pre-pended before an event to give more time before it.')
    afterEventBuffer: int = Field(None, description='SPEC: Time spaces that can be appended after an event to give more time after it.')
    scheduleId: int = Field(None, description="SPEC: If you want that this event has different schedule than user's default one you can specify it here.")
    bookingLimitsCount: dict[str, Any] = Field(None, description='SPEC: Limit how many times this event can be booked')
    onlyShowFirstAvailableSlot: bool = Field(None, description='SPEC: This will limit your availability for this event type to one slot per day, scheduled at the earliest available time.')
    bookingLimitsDuration: dict[str, Any] = Field(None, description='SPEC: Limit total amount of time that this event can be booked')
    bookingWindow: dict[str, Any] = Field(None, description='SPEC: Limit how far in the future this event can be booked')
    offsetStart: int = Field(None, description='SPEC: Offset timeslots shown to bookers by a specified number of minutes')
    bookerLayouts: dict[str, Any] = Field(None, description='SPEC: Should booker have week, month or column view. Specify default layout and enabled layouts user can pick.')
    confirmationPolicy: dict[str, Any] = Field(None, description='SPEC: Specify how the booking needs to be manually confirmed before it is pushed to the integrations and a confirmation mail is sent.')
    recurrence: dict[str, Any] = Field(None, description='SPEC: Create a recurring event type.')
    requiresBookerEmailVerification: bool = Field(None, description='SPEC: ')
    hideCalendarNotes: bool = Field(None, description='SPEC: ')
    lockTimeZoneToggleOnBookingPage: bool = Field(None, description='SPEC: ')
    color: dict[str, Any] = Field(None, description='SPEC: ')
    seats: dict[str, Any] = Field(None, description='SPEC: Create an event type with multiple seats.')
    customName: str = Field(None, description='SPEC: Customizable event name with valid variables: ')
    destinationCalendar: dict[str, Any] = Field(None, description='SPEC: ')
    useDestinationCalendarEmail: bool = Field(None, description='SPEC: ')
    hideCalendarEventDetails: bool = Field(None, description='SPEC: ')
    successRedirectUrl: str = Field(None, description='SPEC: A valid URL where the booker will redirect to, once the booking is completed successfully')


# NOTE: not required by the live API: ['lengthInMinutesOptions']
CAL_CREATE_EVENT_TYPE = declare(
    "CAL_CREATE_EVENT_TYPE",
    description="TODO (Create an event type)",
    params=CreateEventType,
    route=Route("POST", "/v2/event-types", version="2024-06-14"),
    tags=('event-types',),
)


class ListEventTypes(Params):
    username: str = Field(None, description='SPEC: The username of the user to get event types for. If only username provided will get all event types.')
    eventSlug: str = Field(None, description='SPEC: Slug of event type to return. Notably, if eventSlug is provided then username must be provided too, because multiple users can have event with same slug.')
    usernames: str = Field(None, description='SPEC: Get dynamic event type for multiple usernames separated by comma. e.g `usernames=alice,bob`')
    orgSlug: str = Field(None, description="SPEC: slug of the user's organization if he is in one, orgId is not required if using this parameter")
    orgId: int = Field(None, description='SPEC: ID of the organization of the user you want the get the event-types of, orgSlug is not needed when using this parameter')


CAL_LIST_EVENT_TYPES = declare(
    "CAL_LIST_EVENT_TYPES",
    description="TODO (Get all event types)",
    params=ListEventTypes,
    route=Route("GET", "/v2/event-types", version="2024-06-14"),
    tags=('event-types',),
)


class GetEventType(Params):
    eventTypeId: str = Field(description='SPEC: ')


CAL_GET_EVENT_TYPE = declare(
    "CAL_GET_EVENT_TYPE",
    description="TODO (Get an event type)",
    params=GetEventType,
    route=Route("GET", "/v2/event-types/{eventTypeId}", version="2024-06-14"),
    tags=('event-types',),
    aliases=('CAL_RETRIEVE_EVENT_TYPE_BY_ID',),
)


class UpdateEventType(Params):
    eventTypeId: int = Field(description='SPEC: ')
    lengthInMinutes: int = Field(None, description='SPEC: ')
    lengthInMinutesOptions: list[str] = Field(None, description='SPEC: If you want that user can choose between different lengths of the event you can specify them here. Must include the provided `lengthInMinutes`.')
    title: str = Field(None, description='SPEC: ')
    slug: str = Field(None, description='SPEC: ')
    description: str = Field(None, description='SPEC: ')
    locations: list[dict[str, Any]] = Field(None, description='SPEC: Locations where the event will take place. If not provided, cal video link will be used as the location.')
    bookingFields: list[dict[str, Any]] = Field(None, description='SPEC: Custom fields that can be added to the booking form when the event is booked by someone. By default booking form has name and email field.')
    disableGuests: bool = Field(None, description="SPEC: If true, person booking this event't cant add guests via their emails.")
    slotInterval: int = Field(None, description='SPEC: Number representing length of each slot when event is booked. By default it equal length of the event type.')
    minimumBookingNotice: int = Field(None, description='SPEC: Minimum number of minutes before the event that a booking can be made.')
    beforeEventBuffer: int = Field(None, description='SPEC: Time spaces that can be pre-pended before an event to give more time before it.')
    afterEventBuffer: int = Field(None, description='SPEC: Time spaces that can be appended after an event to give more time after it.')
    scheduleId: int = Field(None, description="SPEC: If you want that this event has different schedule than user's default one you can specify it here.")
    bookingLimitsCount: dict[str, Any] = Field(None, description='SPEC: Limit how many times this event can be booked')
    onlyShowFirstAvailableSlot: bool = Field(None, description='SPEC: This will limit your availability for this event type to one slot per day, scheduled at the earliest available time.')
    bookingLimitsDuration: dict[str, Any] = Field(None, description='SPEC: Limit total amount of time that this event can be booked')
    bookingWindow: dict[str, Any] = Field(None, description='SPEC: Limit how far in the future this event can be booked')
    offsetStart: int = Field(None, description='SPEC: Offset timeslots shown to bookers by a specified number of minutes')
    bookerLayouts: dict[str, Any] = Field(None, description='SPEC: Should booker have week, month or column view. Specify default layout and enabled layouts user can pick.')
    confirmationPolicy: dict[str, Any] = Field(None, description='SPEC: Specify how the booking needs to be manually confirmed before it is pushed to the integrations and a confirmation mail is sent.')
    recurrence: dict[str, Any] = Field(None, description='SPEC: Create a recurring event type.')
    requiresBookerEmailVerification: bool = Field(None, description='SPEC: ')
    hideCalendarNotes: bool = Field(None, description='SPEC: ')
    lockTimeZoneToggleOnBookingPage: bool = Field(None, description='SPEC: ')
    color: dict[str, Any] = Field(None, description='SPEC: ')
    seats: dict[str, Any] = Field(None, description='SPEC: Create an event type with multiple seats.')
    customName: str = Field(None, description='SPEC: Customizable event name with valid variables: ')
    destinationCalendar: dict[str, Any] = Field(None, description='SPEC: ')
    useDestinationCalendarEmail: bool = Field(None, description='SPEC: ')
    hideCalendarEventDetails: bool = Field(None, description='SPEC: ')
    successRedirectUrl: str = Field(None, description='SPEC: A valid URL where the booker will redirect to, once the booking is completed successfully')


# NOTE: not required by the live API: ['lengthInMinutesOptions']
CAL_UPDATE_EVENT_TYPE = declare(
    "CAL_UPDATE_EVENT_TYPE",
    description="TODO (Update an event type)",
    params=UpdateEventType,
    route=Route("PATCH", "/v2/event-types/{eventTypeId}", version="2024-06-14"),
    tags=('event-types',),
)


class DeleteEventType(Params):
    eventTypeId: int = Field(description='SPEC: ')


CAL_DELETE_EVENT_TYPE = declare(
    "CAL_DELETE_EVENT_TYPE",
    description="TODO (Delete an event type)",
    params=DeleteEventType,
    route=Route("DELETE", "/v2/event-types/{eventTypeId}", version="2024-06-14"),
    tags=('event-types',),
    aliases=('CAL_DELETE_EVENT_TYPE_BY_ID',),
)


ACTIONS = [CAL_CREATE_EVENT_TYPE, CAL_LIST_EVENT_TYPES, CAL_GET_EVENT_TYPE, CAL_UPDATE_EVENT_TYPE, CAL_DELETE_EVENT_TYPE]
