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


# The window and shape of a slot search, shared with the routing-form actions that answer with slots.
class SlotWindow(Params):
    # Spec (2025-10): every query parameter of GET /v2/slots has an empty schema; types come from the descriptions.
    start: str = Field(description="ISO 8601 UTC date or time")
    end: str = Field(description="ISO 8601 UTC; a bare date means its end")
    duration: int | None = Field(None, description="Minutes, for multi-length event types")
    format: Literal["time", "range"] | None = Field(
        None, description="time: starts only (default); range: start and end"
    )
    timeZone: str | None = Field(None, description="IANA zone of the results; default UTC")
    bookingUidToReschedule: str | None = Field(None, description="Booking being rescheduled: its time counts as free")


class ListAvailableSlots(SlotWindow):
    eventTypeId: int | None = Field(None, description="From CAL_LIST_EVENT_TYPES or CAL_LIST_TEAM_EVENT_TYPES")
    eventTypeSlug: str | None = Field(None, description="Instead of the id; needs username or teamSlug")
    username: str | None = Field(None, description="Owner, with eventTypeSlug")
    teamSlug: str | None = Field(None, description="Owner team, with eventTypeSlug")
    organizationSlug: str | None = Field(None, description="If that user or team is in one")
    usernames: str | None = Field(None, description="Comma-separated, at least 2: their common free time; set duration")


CAL_LIST_AVAILABLE_SLOTS = declare(
    "CAL_LIST_AVAILABLE_SLOTS",
    description="Find an event type's free times between start and end, by date; use before booking or rescheduling.",
    params=ListAvailableSlots,
    route=Route("GET", "/v2/slots", version=SLOTS_VERSION),
    tags=TAGS,
    aliases=("CAL_GET_AVAILABLE_SLOTS_INFO",),
)


class ReserveSlot(Params):
    eventTypeId: int = Field(description="From CAL_LIST_EVENT_TYPES or CAL_LIST_TEAM_EVENT_TYPES")
    slotStart: str = Field(description="From CAL_LIST_AVAILABLE_SLOTS, ISO 8601 UTC")
    slotDuration: int | None = Field(None, description="Minutes, multi-length types only")
    reservationDuration: int | None = Field(None, description="Minutes to hold; default 5")


CAL_RESERVE_SLOT = declare(
    "CAL_RESERVE_SLOT",
    description="Hold a free slot for a few minutes while collecting booking details; returns reservationUid.",
    params=ReserveSlot,
    route=Route("POST", "/v2/slots/reservations", version=SLOTS_VERSION),
    tags=TAGS,
    aliases=("CAL_RESERVE_SLOT_FOR_EVENT",),
)


class SlotReservationPath(Params):
    uid: str = Field(description="reservationUid from CAL_RESERVE_SLOT")


# Live API: reading, moving and releasing a reservation need no credentials (the controller has no guard);
# holding its uid is the proof. The document names none either.
CAL_GET_SLOT_RESERVATION = declare(
    "CAL_GET_SLOT_RESERVATION",
    description="Get a slot hold: its event type, times and how long it lasts. data is null once it was "
    "released or expired.",
    params=SlotReservationPath,
    route=Route("GET", "/v2/slots/reservations/{uid}", version=SLOTS_VERSION, auth="none"),
    tags=TAGS,
)


class UpdateSlotReservation(ReserveSlot, SlotReservationPath):
    pass


CAL_UPDATE_SLOT_RESERVATION = declare(
    "CAL_UPDATE_SLOT_RESERVATION",
    description="Move a slot hold to another free slot (or event type) and restart its timer; the uid stays. "
    "Cal.com refuses a new time overlapping the hold's own current one.",
    params=UpdateSlotReservation,
    route=Route("PATCH", "/v2/slots/reservations/{uid}", version=SLOTS_VERSION, auth="none"),
    tags=TAGS,
)


CAL_DELETE_SLOT_RESERVATION = declare(
    "CAL_DELETE_SLOT_RESERVATION",
    description="Release a slot hold; bookings are not touched.",
    params=SlotReservationPath,
    route=Route("DELETE", "/v2/slots/reservations/{uid}", version=SLOTS_VERSION),
    tags=TAGS,
    aliases=("CAL_DELETE_SELECTED_SLOT",),
)


ACTIONS = [
    CAL_LIST_AVAILABLE_SLOTS,
    CAL_RESERVE_SLOT,
    CAL_GET_SLOT_RESERVATION,
    CAL_UPDATE_SLOT_RESERVATION,
    CAL_DELETE_SLOT_RESERVATION,
]
