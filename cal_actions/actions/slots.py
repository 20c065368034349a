"""TODO module docstring."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import Field

from cal_actions.action import NoParams, Params, Route, declare


class ListAvailableSlots(Params):
    bookingUidToReschedule: Any = Field(None, description='SPEC: The unique identifier of the booking being rescheduled. When provided will ensure that the original booking time appears within the returned available slots when rescheduling.')
    start: Any = Field(description='SPEC: Time starting from which available slots should be checked.')
    end: Any = Field(description='SPEC: Time until which available slots should be checked.')
    organizationSlug: Any = Field(None, description='SPEC: The slug of the organization to which user with username belongs or team with teamSlug belongs.')
    teamSlug: Any = Field(None, description='SPEC: The slug of the team who owns event type with eventTypeSlug - used when slots are checked for team event type.')
    username: Any = Field(None, description='SPEC: The username of the user who owns event type with eventTypeSlug - used when slots are checked for individual user event type.')
    eventTypeSlug: Any = Field(None, description='SPEC: The slug of the event type for which available slots should be checked. If slug is provided then username or teamSlug must be provided too and if relevant organizationSlug too.')
    eventTypeId: Any = Field(None, description='SPEC: The ID of the event type for which available slots should be checked.')
    usernames: Any = Field(None, description='SPEC: The usernames for which available slots should be checked separated by a comma.')
    format: Any = Field(None, description="SPEC: Format of slot times in response. Use 'range' to get start and end times. Use 'time' or omit this query parameter to get only start time.")
    duration: Any = Field(None, description='SPEC: If event type has multiple possible durations then you can specify the desired duration here. Also, if you are fetching slots for a dynamic event then you can specify the duration her which defaults to 30, meaning that returned slots will be each 30 minutes long.')
    timeZone: Any = Field(None, description='SPEC: Time zone in which the available slots should be returned. Defaults to UTC.')


# NOTE: replaces retired GET /v2/slots/available
CAL_LIST_AVAILABLE_SLOTS = declare(
    "CAL_LIST_AVAILABLE_SLOTS",
    description="TODO (Get available time slots for an event type)",
    params=ListAvailableSlots,
    route=Route("GET", "/v2/slots", version="2024-09-04"),
    tags=('slots',),
    aliases=('CAL_GET_AVAILABLE_SLOTS_INFO',),
)


class ReserveSlot(Params):
    eventTypeId: int = Field(description='SPEC: The ID of the event type for which slot should be reserved.')
    slotStart: str = Field(description='SPEC: ISO 8601 datestring in UTC timezone representing available slot.')
    slotDuration: int = Field(None, description="SPEC: By default slot duration is equal to event type length, but if you want to reserve a slot for an event type that has a variable length you can specify it here as a number in minutes. If you don't have this set explicitly that event type can have one of many lengths you can omit this.")
    reservationDuration: int = Field(None, description='SPEC: ONLY for authenticated requests with api key, access token or OAuth credentials (ID + secret).')


# NOTE: replaces retired POST /v2/slots/reserve
CAL_RESERVE_SLOT = declare(
    "CAL_RESERVE_SLOT",
    description="TODO (Reserve a slot)",
    params=ReserveSlot,
    route=Route("POST", "/v2/slots/reservations", version="2024-09-04"),
    tags=('slots',),
    aliases=('CAL_RESERVE_SLOT_FOR_EVENT',),
)


class DeleteSlotReservation(Params):
    uid: str = Field(description='SPEC: ')


# NOTE: replaces retired DELETE /v2/slots/selected-slot
CAL_DELETE_SLOT_RESERVATION = declare(
    "CAL_DELETE_SLOT_RESERVATION",
    description="TODO (Delete a reserved slot)",
    params=DeleteSlotReservation,
    route=Route("DELETE", "/v2/slots/reservations/{uid}", version="2024-09-04"),
    tags=('slots',),
    aliases=('CAL_DELETE_SELECTED_SLOT',),
)


ACTIONS = [CAL_LIST_AVAILABLE_SLOTS, CAL_RESERVE_SLOT, CAL_DELETE_SLOT_RESERVATION]
