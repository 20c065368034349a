"""Free time slots of an event type, and short holds (reservations) on them."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar, Literal

from pydantic import Field

from cal_actions.action import SLOTS_VERSION, Forms, OneOf, Params, Route, declare
from cal_actions.actions._fields import ById, BySlugAndTeam, BySlugAndUser, IsoDate

TAGS = ("slots",)

# Live API: the three slot routes of the pinned spec (GET /v2/slots/available, POST /v2/slots/reserve,
# DELETE /v2/slots/selected-slot?uid=) were retired. These actions target their replacements, which answer only
# cal-api-version 2024-09-04; fields follow the 2025-10 spec.


# The window and shape of a slot search, shared with the routing-form actions that answer with slots.
# Spec (2025-10): every query parameter of GET /v2/slots has an empty schema; types come from the descriptions.
class SlotWindow(Params):
    start: IsoDate = Field(description="ISO 8601 UTC date or time")
    end: IsoDate = Field(description="ISO 8601 UTC; a bare date means its end")
    duration: int | None = Field(None, description="Minutes, for multi-length event types")
    format: Literal["time", "range"] | None = Field(
        None, description="time: starts only (default); range: start and end"
    )
    timeZone: str | None = Field(None, description="IANA zone of the results; default UTC")
    bookingUidToReschedule: str | None = Field(None, description="Booking being rescheduled: its time counts as free")


class SlotsById(SlotWindow, ById):
    """an event type by eventTypeId"""


class SlotsBySlugAndUser(SlotWindow, BySlugAndUser):
    """a user's event type by eventTypeSlug and username"""


class SlotsBySlugAndTeam(SlotWindow, BySlugAndTeam):
    """a team's event type by eventTypeSlug and teamSlug"""


class SlotsByUsernames(SlotWindow):
    """the common free time of usernames, in organizationSlug"""

    usernames: list[str] = Field(
        min_length=2, description="At least 2: their common free time; 30-minute slots unless duration"
    )
    # Server: get-slots.input.ts (ByUsernames_2024_09_04) requires the organization slug; the document does not say.
    organizationSlug: str = Field(description="The organization all of them belong to")


class ListAvailableSlots(OneOf):
    # Server: platform/types/slots/slots-2024-09-04/inputs/get-slots-input.pipe.ts reads a query with eventTypeId by
    # id, else one with username and eventTypeSlug, else one with teamSlug and eventTypeSlug, else by usernames; each
    # refuses the others' fields ("property eventTypeSlug should not exist").
    forms: ClassVar[Forms] = {
        "by id": SlotsById,
        "by slug and user": SlotsBySlugAndUser,
        "by slug and team": SlotsBySlugAndTeam,
        "by usernames": SlotsByUsernames,
    }

    @classmethod
    def pick(cls, data: Mapping[str, Any]) -> str:
        if "eventTypeId" in data:
            return "by id"
        if "eventTypeSlug" in data and "username" in data:
            return "by slug and user"
        if "eventTypeSlug" in data and "teamSlug" in data:
            return "by slug and team"
        return "by usernames"


CAL_LIST_AVAILABLE_SLOTS = declare(
    "CAL_LIST_AVAILABLE_SLOTS",
    description="Find an event type's free times between start and end, by date, or the common free time of "
    "several people; use before booking or rescheduling.",
    params=ListAvailableSlots,
    # Server: slots.controller.ts guards no listing; the slots are public.
    route=Route("GET", "/v2/slots", version=SLOTS_VERSION, auth="none"),
    tags=TAGS,
    aliases=("CAL_GET_AVAILABLE_SLOTS_INFO",),
    examples=(
        {"eventTypeId": 42, "start": "2027-03-04", "end": "2027-03-06", "timeZone": "Europe/Berlin"},
        {"eventTypeSlug": "30min", "username": "dana-lee", "start": "2027-03-04T00:00:00Z",
         "end": "2027-03-10T23:59:59Z", "format": "range"},
        {"eventTypeSlug": "product-demo", "teamSlug": "sales", "organizationSlug": "acme", "start": "2027-03-04",
         "end": "2027-03-05", "timeZone": "America/New_York"},
        {"usernames": ["dana-lee", "omar-haddad"], "organizationSlug": "acme", "start": "2027-03-04",
         "end": "2027-03-05", "duration": 45},
    ),
)  # fmt: skip


class ReserveSlot(Params):
    eventTypeId: int = Field(description="From CAL_LIST_EVENT_TYPES or CAL_LIST_TEAM_EVENT_TYPES")
    slotStart: IsoDate = Field(description="From CAL_LIST_AVAILABLE_SLOTS, ISO 8601 UTC")
    slotDuration: int | None = Field(None, description="Minutes, multi-length types only")
    reservationDuration: int | None = Field(None, description="Minutes to hold; default 5")


# The route takes a bearer token or none (OptionalApiAuthGuard); only an authenticated call may set
# reservationDuration, so the token is sent.
CAL_RESERVE_SLOT = declare(
    "CAL_RESERVE_SLOT",
    description="Hold a free slot for a few minutes while collecting booking details; returns reservationUid.",
    params=ReserveSlot,
    route=Route("POST", "/v2/slots/reservations", version=SLOTS_VERSION),
    tags=TAGS,
    aliases=("CAL_RESERVE_SLOT_FOR_EVENT",),
    examples=({"eventTypeId": 42, "slotStart": "2027-03-04T09:00:00Z", "reservationDuration": 10},),
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
    examples=({"uid": "e84be5a3-4696-49e3-acc7-b2f3999c3b94"},),
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
    examples=({"uid": "e84be5a3-4696-49e3-acc7-b2f3999c3b94", "eventTypeId": 42, "slotStart": "2027-03-04T10:00:00Z"},),
)


CAL_DELETE_SLOT_RESERVATION = declare(
    "CAL_DELETE_SLOT_RESERVATION",
    description="Release a slot hold; bookings are not touched.",
    params=SlotReservationPath,
    route=Route("DELETE", "/v2/slots/reservations/{uid}", version=SLOTS_VERSION, auth="none"),
    tags=TAGS,
    aliases=("CAL_DELETE_SELECTED_SLOT",),
    examples=({"uid": "e84be5a3-4696-49e3-acc7-b2f3999c3b94"},),
)


ACTIONS = [
    CAL_LIST_AVAILABLE_SLOTS,
    CAL_RESERVE_SLOT,
    CAL_GET_SLOT_RESERVATION,
    CAL_UPDATE_SLOT_RESERVATION,
    CAL_DELETE_SLOT_RESERVATION,
]
