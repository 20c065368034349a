"""Free time slots of an event type, and short holds (reservations) on them."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from cal_actions.action import SLOTS_VERSION, Params, Route, declare

TAGS = ("slots",)

# Live API: the three slot routes of the pinned spec (GET /v2/slots/available, POST /v2/slots/reserve,
# DELETE /v2/slots/selected-slot?uid=) were retired. These actions target their replacements, which answer only
# cal-api-version 2024-09-04; fields follow the 2025-10 spec. GET /v2/slots is public, but it keeps bearer auth
# here: an authenticated call is accepted too.


class ListAvailableSlots(Params):
    # Spec (2025-10): every query parameter of GET /v2/slots has an empty schema; types come from the descriptions.
    start: str = Field(description="Range start, UTC ISO 8601 date or time, e.g. 2025-01-31 or 2025-01-31T09:00:00Z.")
    end: str = Field(description="Range end, UTC; a bare date such as 2025-02-07 means the end of that day.")
    eventTypeId: int = Field(None, description="Event type id, from CAL_LIST_EVENT_TYPES or CAL_LIST_TEAM_EVENT_TYPES.")
    eventTypeSlug: str = Field(None, description="Event type slug instead of the id; needs username or teamSlug.")
    username: str = Field(None, description="Owner's username, with eventTypeSlug.")
    teamSlug: str = Field(None, description="Owning team's slug, with eventTypeSlug.")
    organizationSlug: str = Field(None, description="Organization slug, when that user or team is in one.")
    usernames: str = Field(
        None, description="Comma-separated usernames (at least 2) to find common free time, e.g. alice,bob."
    )
    duration: int = Field(None, description="Slot length in minutes, for multi-length or username-group searches.")
    format: Literal["time", "range"] = Field(
        None, description="time (default): start times only; range: start and end."
    )
    timeZone: str = Field(None, description="IANA time zone of the returned times, e.g. Europe/Rome; default UTC.")
    bookingUidToReschedule: str = Field(
        None, description="When rescheduling: the booking's uid, so its current time is listed as free."
    )


CAL_LIST_AVAILABLE_SLOTS = declare(
    "CAL_LIST_AVAILABLE_SLOTS",
    description="Find the free times of an event type between start and end, grouped by date. Identify it by "
    "eventTypeId, or eventTypeSlug with username or teamSlug. Use before CAL_CREATE_BOOKING, "
    "CAL_RESCHEDULE_BOOKING or CAL_RESERVE_SLOT.",
    params=ListAvailableSlots,
    route=Route("GET", "/v2/slots", version=SLOTS_VERSION),
    tags=TAGS,
    aliases=("CAL_GET_AVAILABLE_SLOTS_INFO",),
)


class ReserveSlot(Params):
    eventTypeId: int = Field(description="Event type id, from CAL_LIST_EVENT_TYPES or CAL_LIST_TEAM_EVENT_TYPES.")
    slotStart: str = Field(
        description="Slot start from CAL_LIST_AVAILABLE_SLOTS, ISO 8601 UTC, e.g. 2025-01-31T09:00:00Z."
    )
    slotDuration: int = Field(None, description="Slot length in minutes, only for multi-length event types.")
    reservationDuration: int = Field(None, description="Minutes to hold the slot; default 5.")


CAL_RESERVE_SLOT = declare(
    "CAL_RESERVE_SLOT",
    description="Hold a free slot for a few minutes so nobody else books it while you collect details, then book "
    "it with CAL_CREATE_BOOKING. Returns reservationUid and reservationUntil.",
    params=ReserveSlot,
    route=Route("POST", "/v2/slots/reservations", version=SLOTS_VERSION),
    tags=TAGS,
    aliases=("CAL_RESERVE_SLOT_FOR_EVENT",),
)


class DeleteSlotReservation(Params):
    uid: str = Field(description="reservationUid returned by CAL_RESERVE_SLOT.")


CAL_DELETE_SLOT_RESERVATION = declare(
    "CAL_DELETE_SLOT_RESERVATION",
    description="Release a hold made with CAL_RESERVE_SLOT so the slot is free again. Bookings are not touched: "
    "to cancel one, use CAL_CANCEL_BOOKING.",
    params=DeleteSlotReservation,
    route=Route("DELETE", "/v2/slots/reservations/{uid}", version=SLOTS_VERSION),
    tags=TAGS,
    aliases=("CAL_DELETE_SELECTED_SLOT",),
)


ACTIONS = [CAL_LIST_AVAILABLE_SLOTS, CAL_RESERVE_SLOT, CAL_DELETE_SLOT_RESERVATION]
