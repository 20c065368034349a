"""TODO module docstring."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import Field

from cal_actions.action import NoParams, Params, Route, declare


class Host(Params):
    userId: int = Field(description='SPEC: Which user is the host of this event')
    mandatory: bool = Field(None, description='SPEC: Only relevant for round robin event types. If true then the user must attend round robin event always.')
    priority: Literal["lowest", "low", "medium", "high", "highest"] = Field(None, description='SPEC: ')


class CreateTeamEventType(Params):
    teamId: int = Field(description='SPEC: ')
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
    schedulingType: dict[str, Any] = Field(description='SPEC: ')
    hosts: list[Host] = Field(description='SPEC: ')
    assignAllTeamMembers: bool = Field(None, description='SPEC: If true, all current and future team members will be assigned to this event type')


# NOTE: not required by the live API: ['lengthInMinutesOptions']
CAL_CREATE_TEAM_EVENT_TYPE = declare(
    "CAL_CREATE_TEAM_EVENT_TYPE",
    description="TODO (Create an event type)",
    params=CreateTeamEventType,
    route=Route("POST", "/v2/teams/{teamId}/event-types"),
    tags=('event-types', 'teams'),
)


class ListTeamEventTypes(Params):
    teamId: int = Field(description='SPEC: ')
    eventSlug: str = Field(None, description='SPEC: Slug of team event type to return.')


CAL_LIST_TEAM_EVENT_TYPES = declare(
    "CAL_LIST_TEAM_EVENT_TYPES",
    description="TODO (Get a team event type)",
    params=ListTeamEventTypes,
    route=Route("GET", "/v2/teams/{teamId}/event-types"),
    tags=('event-types', 'teams'),
    aliases=('CAL_RETRIEVE_TEAM_EVENT_TYPES',),
)


class GetTeamEventType(Params):
    teamId: int = Field(description='SPEC: ')
    eventTypeId: int = Field(description='SPEC: ')


CAL_GET_TEAM_EVENT_TYPE = declare(
    "CAL_GET_TEAM_EVENT_TYPE",
    description="TODO (Get an event type)",
    params=GetTeamEventType,
    route=Route("GET", "/v2/teams/{teamId}/event-types/{eventTypeId}"),
    tags=('event-types', 'teams'),
    aliases=('CAL_GET_EVENT_TYPE_BY_TEAM_ID',),
)


class UpdateTeamEventType(Params):
    teamId: int = Field(description='SPEC: ')
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
    hosts: list[Host] = Field(None, description='SPEC: ')
    assignAllTeamMembers: bool = Field(None, description='SPEC: If true, all current and future team members will be assigned to this event type')


# NOTE: not required by the live API: ['lengthInMinutesOptions']
CAL_UPDATE_TEAM_EVENT_TYPE = declare(
    "CAL_UPDATE_TEAM_EVENT_TYPE",
    description="TODO (Update a team event type)",
    params=UpdateTeamEventType,
    route=Route("PATCH", "/v2/teams/{teamId}/event-types/{eventTypeId}"),
    tags=('event-types', 'teams'),
)


class DeleteTeamEventType(Params):
    teamId: int = Field(description='SPEC: ')
    eventTypeId: int = Field(description='SPEC: ')


CAL_DELETE_TEAM_EVENT_TYPE = declare(
    "CAL_DELETE_TEAM_EVENT_TYPE",
    description="TODO (Delete a team event type)",
    params=DeleteTeamEventType,
    route=Route("DELETE", "/v2/teams/{teamId}/event-types/{eventTypeId}"),
    tags=('event-types', 'teams'),
    aliases=('CAL_DELETE_EVENT_TYPE_IN_TEAM',),
)


class CreateTeamEventTypePhoneCall(Params):
    teamId: int = Field(description='SPEC: ')
    eventTypeId: int = Field(description='SPEC: ')
    yourPhoneNumber: str = Field(description='SPEC: Your phone number')
    numberToCall: str = Field(description='SPEC: Number to call')
    calApiKey: str = Field(description='SPEC: CAL API Key')
    enabled: dict[str, Any] = Field(description='SPEC: Enabled status')
    templateType: Literal["CHECK_IN_APPOINTMENT", "CUSTOM_TEMPLATE"] = Field(description='SPEC: Template type')
    schedulerName: str = Field(None, description='SPEC: Scheduler name')
    guestName: str = Field(None, description='SPEC: Guest name')
    guestEmail: str = Field(None, description='SPEC: Guest email')
    guestCompany: str = Field(None, description='SPEC: Guest company')
    beginMessage: str = Field(None, description='SPEC: Begin message')
    generalPrompt: str = Field(None, description='SPEC: General prompt')


CAL_CREATE_TEAM_EVENT_TYPE_PHONE_CALL = declare(
    "CAL_CREATE_TEAM_EVENT_TYPE_PHONE_CALL",
    description="TODO (Create a phone call)",
    params=CreateTeamEventTypePhoneCall,
    route=Route("POST", "/v2/teams/{teamId}/event-types/{eventTypeId}/create-phone-call"),
    tags=('event-types', 'teams'),
    aliases=('CAL_CREATE_PHONE_CALL_EVENT',),
)


class CreateOrgTeamEventType(Params):
    orgId: int = Field(description='SPEC: ')
    teamId: int = Field(description='SPEC: ')
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
    schedulingType: dict[str, Any] = Field(description='SPEC: ')
    hosts: list[Host] = Field(description='SPEC: ')
    assignAllTeamMembers: bool = Field(None, description='SPEC: If true, all current and future team members will be assigned to this event type')


# NOTE: not required by the live API: ['lengthInMinutesOptions']
CAL_CREATE_ORG_TEAM_EVENT_TYPE = declare(
    "CAL_CREATE_ORG_TEAM_EVENT_TYPE",
    description="TODO (Create an event type)",
    params=CreateOrgTeamEventType,
    route=Route("POST", "/v2/organizations/{orgId}/teams/{teamId}/event-types"),
    tags=('event-types', 'orgs', 'teams'),
    aliases=('CAL_CREATE_TEAM_EVENT_TYPES_WITH_CUSTOM_OPTIONS',),
)


class ListOrgTeamEventTypes(Params):
    orgId: int = Field(description='SPEC: ')
    teamId: int = Field(description='SPEC: ')
    eventSlug: str = Field(None, description='SPEC: Slug of team event type to return.')


CAL_LIST_ORG_TEAM_EVENT_TYPES = declare(
    "CAL_LIST_ORG_TEAM_EVENT_TYPES",
    description="TODO (Get a team event type)",
    params=ListOrgTeamEventTypes,
    route=Route("GET", "/v2/organizations/{orgId}/teams/{teamId}/event-types"),
    tags=('event-types', 'orgs', 'teams'),
    aliases=('CAL_LIST_TEAM_EVENT_TYPES_BY_ORG_AND_TEAM_ID',),
)


class GetOrgTeamEventType(Params):
    orgId: int = Field(description='SPEC: ')
    teamId: int = Field(description='SPEC: ')
    eventTypeId: int = Field(description='SPEC: ')


CAL_GET_ORG_TEAM_EVENT_TYPE = declare(
    "CAL_GET_ORG_TEAM_EVENT_TYPE",
    description="TODO (Get an event type)",
    params=GetOrgTeamEventType,
    route=Route("GET", "/v2/organizations/{orgId}/teams/{teamId}/event-types/{eventTypeId}"),
    tags=('event-types', 'orgs', 'teams'),
    aliases=('CAL_FETCH_EVENT_TYPE_DETAILS',),
)


class UpdateOrgTeamEventType(Params):
    orgId: int = Field(description='SPEC: ')
    teamId: int = Field(description='SPEC: ')
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
    hosts: list[Host] = Field(None, description='SPEC: ')
    assignAllTeamMembers: bool = Field(None, description='SPEC: If true, all current and future team members will be assigned to this event type')


# NOTE: not required by the live API: ['lengthInMinutesOptions']
CAL_UPDATE_ORG_TEAM_EVENT_TYPE = declare(
    "CAL_UPDATE_ORG_TEAM_EVENT_TYPE",
    description="TODO (Update a team event type)",
    params=UpdateOrgTeamEventType,
    route=Route("PATCH", "/v2/organizations/{orgId}/teams/{teamId}/event-types/{eventTypeId}"),
    tags=('event-types', 'orgs', 'teams'),
)


class DeleteOrgTeamEventType(Params):
    orgId: int = Field(description='SPEC: ')
    teamId: int = Field(description='SPEC: ')
    eventTypeId: int = Field(description='SPEC: ')


CAL_DELETE_ORG_TEAM_EVENT_TYPE = declare(
    "CAL_DELETE_ORG_TEAM_EVENT_TYPE",
    description="TODO (Delete a team event type)",
    params=DeleteOrgTeamEventType,
    route=Route("DELETE", "/v2/organizations/{orgId}/teams/{teamId}/event-types/{eventTypeId}"),
    tags=('event-types', 'orgs', 'teams'),
)


class CreateOrgTeamEventTypePhoneCall(Params):
    orgId: int = Field(description='SPEC: ')
    teamId: int = Field(description='SPEC: ')
    eventTypeId: int = Field(description='SPEC: ')
    yourPhoneNumber: str = Field(description='SPEC: Your phone number')
    numberToCall: str = Field(description='SPEC: Number to call')
    calApiKey: str = Field(description='SPEC: CAL API Key')
    enabled: dict[str, Any] = Field(description='SPEC: Enabled status')
    templateType: Literal["CHECK_IN_APPOINTMENT", "CUSTOM_TEMPLATE"] = Field(description='SPEC: Template type')
    schedulerName: str = Field(None, description='SPEC: Scheduler name')
    guestName: str = Field(None, description='SPEC: Guest name')
    guestEmail: str = Field(None, description='SPEC: Guest email')
    guestCompany: str = Field(None, description='SPEC: Guest company')
    beginMessage: str = Field(None, description='SPEC: Begin message')
    generalPrompt: str = Field(None, description='SPEC: General prompt')


CAL_CREATE_ORG_TEAM_EVENT_TYPE_PHONE_CALL = declare(
    "CAL_CREATE_ORG_TEAM_EVENT_TYPE_PHONE_CALL",
    description="TODO (Create a phone call)",
    params=CreateOrgTeamEventTypePhoneCall,
    route=Route("POST", "/v2/organizations/{orgId}/teams/{teamId}/event-types/{eventTypeId}/create-phone-call"),
    tags=('event-types', 'orgs', 'teams'),
    aliases=('CAL_CREATE_PHONE_CALL_FOR_EVENT_TYPE',),
)


class ListOrgTeamsEventTypes(Params):
    orgId: int = Field(description='SPEC: ')
    take: int = Field(None, description='SPEC: The number of items to return')
    skip: int = Field(None, description='SPEC: The number of items to skip')


CAL_LIST_ORG_TEAMS_EVENT_TYPES = declare(
    "CAL_LIST_ORG_TEAMS_EVENT_TYPES",
    description="TODO (Get all team event types)",
    params=ListOrgTeamsEventTypes,
    route=Route("GET", "/v2/organizations/{orgId}/teams/event-types"),
    tags=('event-types', 'orgs', 'teams'),
    aliases=('CAL_GET_ORGANIZATION_TEAMS_EVENT_TYPES',),
)


ACTIONS = [CAL_CREATE_TEAM_EVENT_TYPE, CAL_LIST_TEAM_EVENT_TYPES, CAL_GET_TEAM_EVENT_TYPE, CAL_UPDATE_TEAM_EVENT_TYPE, CAL_DELETE_TEAM_EVENT_TYPE, CAL_CREATE_TEAM_EVENT_TYPE_PHONE_CALL, CAL_CREATE_ORG_TEAM_EVENT_TYPE, CAL_LIST_ORG_TEAM_EVENT_TYPES, CAL_GET_ORG_TEAM_EVENT_TYPE, CAL_UPDATE_ORG_TEAM_EVENT_TYPE, CAL_DELETE_ORG_TEAM_EVENT_TYPE, CAL_CREATE_ORG_TEAM_EVENT_TYPE_PHONE_CALL, CAL_LIST_ORG_TEAMS_EVENT_TYPES]
