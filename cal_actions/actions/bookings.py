"""Bookings: create, list, reschedule, cancel, confirm or decline, reassign, and record no-shows."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Annotated, Any, ClassVar, Literal

from pydantic import ConfigDict, Field, create_model, model_validator

from cal_actions.action import BOOKINGS_VERSION, Forms, OneOf, Params, Route, declare
from cal_actions.actions._fields import (
    BookingMetadata,
    ById,
    BySlugAndTeam,
    BySlugAndUser,
    Email,
    IsoDate,
    Language,
)

TAGS = ("bookings",)
UTC_EXAMPLE = "ISO 8601 UTC, e.g. 2025-01-31T09:00:00Z"


class Attendee(Params):
    # The schema says what the validator below checks: an email, a phone number, or both.
    model_config = ConfigDict(json_schema_extra={"anyOf": [{"required": ["email"]}, {"required": ["phoneNumber"]}]})

    name: str = Field(description="Full name")
    # Live API: email is optional (2025-10 spec); the attendee needs an email or a phone number, and the event
    # type's booking fields decide which (its email field is required unless the event type asks for a phone).
    email: Email | None = Field(
        None, description="Receives the confirmation; omit only if the event type takes a phone"
    )
    timeZone: str = Field(description="IANA, e.g. Europe/Rome")
    phoneNumber: str | None = Field(None, description="E.164")
    language: Language | None = Field(None, description="Email language; default en")

    @model_validator(mode="after")
    def _email_or_phone(self) -> Attendee:
        # Server: platform/types/bookings/2024-08-13/inputs/create-booking.input.ts (RequireEmailOrPhone).
        if not self.email and not self.phoneNumber:
            raise ValueError("Attendee must have at least one contact method (email or phone number)")
        return self


class BookingUid(Params):
    bookingUid: str = Field(description="From CAL_LIST_BOOKINGS")


# The booking's location: one of the event type's location kinds, told apart by `type` (live document's oneOf;
# the server also takes a bare string for old clients, which the document no longer offers).
class OrganizerLocation(Params):
    type: Literal["address", "link", "phone", "organizersDefaultApp"] = Field(
        description="The organizer's address, link or phone; organizersDefaultApp: each host's default video app"
    )


class IntegrationLocation(Params):
    type: Literal["integration"]
    integration: Literal[
        "cal-video", "google-meet", "zoom", "whereby-video", "whatsapp-video", "webex-video", "telegram-video",
        "tandem", "sylaps-video", "skype-video", "sirius-video", "signal-video", "shimmer-video", "salesroom-video",
        "roam-video", "riverside-video", "ping-video", "office365-video", "mirotalk-video", "jitsi", "jelly-video",
        "jelly-conferencing", "huddle", "facetime-video", "element-call-video", "eightxeight-video",
        "discord-video", "demodesk-video", "campfire-video",
    ]  # fmt: skip


class AttendeeAddress(Params):
    type: Literal["attendeeAddress"] = Field(description="The attendee's address")
    address: str


class AttendeePhone(Params):
    type: Literal["attendeePhone"] = Field(description="The attendee's phone")
    phone: str = Field(description="E.164")


class AttendeeDefined(Params):
    type: Literal["attendeeDefined"] = Field(description="A place the attendee names")
    location: str


BookingLocation = Annotated[
    OrganizerLocation | IntegrationLocation | AttendeeAddress | AttendeePhone | AttendeeDefined,
    Field(discriminator="type"),
]


class Routing(Params):
    teamMemberIds: list[int] = Field(description="Members the routing form picked")
    responseId: int | None = None
    queuedResponseId: str | None = None
    teamMemberEmail: str | None = None
    skipContactOwner: bool | None = None
    crmAppSlug: str | None = Field(None, description="e.g. salesforce")
    crmOwnerRecordType: str | None = Field(None, description="e.g. Account")


#: A custom booking question's answer: text, a number, a yes/no, or the options picked.
BookingAnswer = str | int | float | bool | list[str]


class BookingFields(Params):
    """What every booking form shares."""

    start: IsoDate = Field(description=f"Free slot from CAL_LIST_AVAILABLE_SLOTS, {UTC_EXAMPLE}")
    attendee: Attendee = Field(description="The booker")
    lengthInMinutes: int | None = Field(None, ge=1, description="Only for multi-length event types")
    guests: list[Email] | None = Field(None, description="Extra guest emails")
    meetingUrl: str | None = Field(None, description="Deprecated: use location")
    location: BookingLocation | None = Field(None, description="One of the event type's location kinds")
    metadata: BookingMetadata | None = Field(None, description="Own key-value data, text values")
    bookingFieldsResponses: dict[str, BookingAnswer] | None = Field(
        None, description="Answers to custom booking questions, keyed by field slug"
    )
    routing: Routing | None = Field(None, description="Routing form result that picked the hosts")
    emailVerificationCode: str | None = Field(None, description="If the event type verifies bookers' emails")


# The event type is named by id, or by slug with its owner; the server's RequireEventTypeIdentification validator
# takes any of the three and, given several, uses the first (bookings.service.ts getBookedEventType): a mix is
# refused here rather than silently resolved.
class EventTypeNamed(OneOf):
    unmatched = "Either eventTypeId or eventTypeSlug + username or eventTypeSlug + teamSlug must be provided"

    @classmethod
    def pick(cls, data: Mapping[str, Any]) -> str | None:
        if data.get("eventTypeId"):
            return "by id"
        if data.get("eventTypeSlug") and data.get("username"):
            return "by slug and user"
        if data.get("eventTypeSlug") and data.get("teamSlug"):
            return "by slug and team"
        return None


def _booking_kind(name: str, doc: str, kind: type[BookingFields]) -> type[EventTypeNamed]:
    """A booking kind in its three ways of naming the event type."""
    ways: dict[str, tuple[type[Params], str]] = {
        "by id": (ById, f"{doc} by eventTypeId"),
        "by slug and user": (BySlugAndUser, f"{doc} by eventTypeSlug and username"),
        "by slug and team": (BySlugAndTeam, f"{doc} by eventTypeSlug and teamSlug"),
    }
    forms = {
        way: create_model(f"{name}{named.__name__}", __base__=(kind, named), __doc__=text, __module__=__name__)
        for way, (named, text) in ways.items()
    }
    return type(name, (EventTypeNamed,), {"__doc__": doc, "forms": forms, "__module__": __name__})


class InstantFields(BookingFields):
    instant: Literal[True] = Field(description="Book an instant meeting now")


class RecurringFields(BookingFields):
    recurrenceCount: int = Field(ge=1, description="Occurrences to book, ≤ the event type's count")


RegularBooking = _booking_kind("RegularBooking", "a booking", BookingFields)
InstantBooking = _booking_kind("InstantBooking", "an instant team meeting (instant: true)", InstantFields)
RecurringBooking = _booking_kind("RecurringBooking", "a recurring booking (recurrenceCount)", RecurringFields)


class CreateBooking(OneOf):
    # Server: platform/types/bookings/2024-08-13/inputs/create-booking-input.pipe.ts reads a body with
    # recurrenceCount as recurring, else one with instant true as instant, else as regular; each refuses the
    # others' fields ("property instant should not exist").
    forms: ClassVar[Forms] = {"regular": RegularBooking, "instant": InstantBooking, "recurring": RecurringBooking}

    @classmethod
    def pick(cls, data: Mapping[str, Any]) -> str:
        if "recurrenceCount" in data:
            return "recurring"
        return "instant" if data.get("instant") is True else "regular"


CAL_CREATE_BOOKING = declare(
    "CAL_CREATE_BOOKING",
    description="Book an event type for an attendee; returns the booking uid. Take start from its free slots "
    "(CAL_LIST_AVAILABLE_SLOTS).",
    params=CreateBooking,
    route=Route("POST", "/v2/bookings", version=BOOKINGS_VERSION, auth="bearer_or_platform"),
    tags=TAGS,
    aliases=("CAL_POST_NEW_BOOKING_REQUEST",),
    examples=(
        {"eventTypeId": 42, "start": "2027-03-04T09:00:00Z",
         "attendee": {"name": "Anna Müller", "email": "anna.mueller@example.com", "timeZone": "Europe/Berlin"}},
        {"eventTypeSlug": "30min", "username": "dana-lee", "start": "2027-03-04T15:30:00Z",
         "attendee": {"name": "Ravi Patel", "email": "ravi@northwind.io", "timeZone": "America/New_York",
                      "language": "en"},
         "guests": ["lena@northwind.io"], "location": {"type": "integration", "integration": "google-meet"},
         "bookingFieldsResponses": {"company": "Northwind", "topic": "Onboarding"}},
        {"eventTypeSlug": "product-demo", "teamSlug": "sales", "organizationSlug": "acme",
         "start": "2027-03-05T08:00:00Z",
         "attendee": {"name": "Kenji Sato", "email": "kenji.sato@example.jp", "timeZone": "Asia/Tokyo"},
         "location": {"type": "attendeePhone", "phone": "+81312345678"}},
        {"eventTypeId": 57, "recurrenceCount": 4, "start": "2027-03-08T10:00:00Z",
         "attendee": {"name": "Anna Müller", "email": "anna.mueller@example.com", "timeZone": "Europe/Berlin"}},
    ),
)  # fmt: skip


class ListBookings(Params):
    status: list[Literal["upcoming", "recurring", "past", "cancelled", "unconfirmed"]] | None = Field(
        None, description="unconfirmed: awaiting the host"
    )
    attendeeEmail: str | None = None
    attendeeName: str | None = None
    bookingUid: str | None = None
    # Server: get-bookings.input.ts splits these on commas and wants numbers ("each value in eventTypeIds must be a
    # number"); the document types them as strings. Sent comma-separated.
    eventTypeIds: list[int] | None = Field(None, min_length=1, description="Any of these")
    eventTypeId: int | None = None
    teamsIds: list[int] | None = Field(None, min_length=1, description="Any of these teams' event types")
    teamId: int | None = Field(None, description="That team's event types")
    afterStart: IsoDate | None = Field(None, description="Starting after; ISO 8601 UTC")
    beforeEnd: IsoDate | None = Field(None, description="Ending before; ISO 8601 UTC")
    afterCreatedAt: IsoDate | None = Field(None, description="Made after; ISO 8601 UTC")
    beforeCreatedAt: IsoDate | None = Field(None, description="Made before; ISO 8601 UTC")
    afterUpdatedAt: IsoDate | None = Field(None, description="Last changed after; ISO 8601 UTC")
    beforeUpdatedAt: IsoDate | None = Field(None, description="Last changed before; ISO 8601 UTC")
    sortStart: Literal["asc", "desc"] | None = None
    sortEnd: Literal["asc", "desc"] | None = None
    sortCreated: Literal["asc", "desc"] | None = None
    sortUpdatedAt: Literal["asc", "desc"] | None = None
    take: int | None = Field(None, ge=1, le=250)
    skip: int | None = Field(None, ge=0)


CAL_LIST_BOOKINGS = declare(
    "CAL_LIST_BOOKINGS",
    description="List your bookings with their uids, filtered by status, attendee, event type, team or dates.",
    params=ListBookings,
    route=Route("GET", "/v2/bookings", version=BOOKINGS_VERSION),
    tags=TAGS,
    aliases=("CAL_FETCH_ALL_BOOKINGS",),
    examples=(
        {"status": ["upcoming"], "attendeeEmail": "anna.mueller@example.com", "sortStart": "asc", "take": 10},
        {"status": ["past", "cancelled"], "afterStart": "2027-02-01T00:00:00Z", "beforeEnd": "2027-03-01T00:00:00Z",
         "eventTypeIds": [42, 57]},
    ),
)  # fmt: skip


CAL_GET_BOOKING = declare(
    "CAL_GET_BOOKING",
    description="Get one booking by uid: times, status, attendees, location.",
    params=BookingUid,
    route=Route("GET", "/v2/bookings/{bookingUid}", version=BOOKINGS_VERSION, auth="bearer_or_platform"),
    tags=TAGS,
    aliases=("CAL_RETRIEVE_BOOKING_DETAILS_BY_UID",),
    examples=({"bookingUid": "bk_8f2c41d9e7a3"},),
)


class RescheduleFields(BookingUid):
    start: IsoDate = Field(description=f"Free slot from CAL_LIST_AVAILABLE_SLOTS, {UTC_EXAMPLE}")
    rescheduledBy: Email | None = Field(None, description="Rescheduler's email; the owner's auto-confirms")
    emailVerificationCode: str | None = Field(None, description="If the event type verifies bookers' emails")


class RegularReschedule(RescheduleFields):
    """the whole booking"""

    reschedulingReason: str | None = Field(None, description="Shown to participants")


class SeatedReschedule(RescheduleFields):
    """one seat of a seated booking (seatUid)"""

    seatUid: str = Field(description="Seated bookings: the seat to move")


class SeatedOrNot(OneOf):
    """A body whose seated form is told apart by seatUid, as the reschedule and cancel input pipes do."""

    @classmethod
    def pick(cls, data: Mapping[str, Any]) -> str:
        return "seated" if "seatUid" in data else "regular"


class RescheduleBooking(SeatedOrNot):
    # Server: platform/types/bookings/2024-08-13/inputs/reschedule-booking-input.pipe.ts reads a body with seatUid as
    # the seated form, which takes no reschedulingReason ("property reschedulingReason should not exist").
    forms: ClassVar[Forms] = {"regular": RegularReschedule, "seated": SeatedReschedule}


# Spec: the pinned spec has no body for reschedule; this is the live API's body (2025-10 spec).
CAL_RESCHEDULE_BOOKING = declare(
    "CAL_RESCHEDULE_BOOKING",
    description="Move a booking, or with seatUid one seat of it, to a new start time; the new booking gets a new "
    "uid, the old one is cancelled.",
    params=RescheduleBooking,
    route=Route("POST", "/v2/bookings/{bookingUid}/reschedule", version=BOOKINGS_VERSION, auth="bearer_or_platform"),
    tags=TAGS,
    aliases=("CAL_RESCHEDULE_BOOKING_BY_UID",),
    destructive=True,
    hints_note="a POST, but it cancels the original booking and moves its attendees to a new one; a repeat "
    "fails on the cancelled original",
    examples=(
        {"bookingUid": "bk_8f2c41d9e7a3", "start": "2027-03-05T14:00:00Z", "reschedulingReason": "Flight moved"},
        {"bookingUid": "bk_5d07a9c3e1f2", "start": "2027-03-06T16:00:00Z", "seatUid": "st_1c9e0b74a2d8"},
    ),
)


class RegularCancel(BookingUid):
    """the whole booking (a recurring uid: the series)"""

    # Server: handleCancelBooking.ts refuses the organizer's own cancel without one ("Cancellation reason is required
    # when you are the host"), unless it comes through an OAuth client; the document has it optional.
    cancellationReason: str | None = Field(
        None, description="Sent to participants; required when you are the booking's organizer"
    )
    cancelSubsequentBookings: bool | None = Field(None, description="Recurring: also cancel later occurrences")


class SeatedCancel(BookingUid):
    """one seat of a seated booking (seatUid); not as its organizer, whom Cal.com asks for a reason"""

    seatUid: str = Field(description="Seated bookings: cancel only this seat")


class CancelBooking(SeatedOrNot):
    # Server: platform/types/bookings/2024-08-13/inputs/cancel-booking-input.pipe.ts reads a body with seatUid as the
    # seated form, which takes nothing else ("property cancellationReason should not exist").
    forms: ClassVar[Forms] = {"regular": RegularCancel, "seated": SeatedCancel}


# Spec: the pinned spec has no body for cancel; this is the live API's body (2025-10 spec).
CAL_CANCEL_BOOKING = declare(
    "CAL_CANCEL_BOOKING",
    description="Cancel a booking, or with seatUid one seat of it, and notify participants; a recurring uid cancels "
    "the series. To refuse an unconfirmed one use CAL_DECLINE_BOOKING.",
    params=CancelBooking,
    route=Route("POST", "/v2/bookings/{bookingUid}/cancel", version=BOOKINGS_VERSION, auth="bearer_or_platform"),
    tags=TAGS,
    aliases=("CAL_CANCEL_BOOKING_VIA_UID",),
    destructive=True,
    idempotent=True,
    hints_note="a POST that removes a booking from the calendar; cancelling it again changes nothing",
    examples=(
        {"bookingUid": "bk_8f2c41d9e7a3", "cancellationReason": "No longer needed"},
        {"bookingUid": "bk_3a6f20b8d4c1", "cancelSubsequentBookings": True},
        {"bookingUid": "bk_5d07a9c3e1f2", "seatUid": "st_1c9e0b74a2d8"},
    ),
)


class AbsentAttendee(Params):
    email: Email = Field(description="As in the booking")
    absent: bool = Field(description="true: no-show; false clears it")


class MarkBookingAbsent(BookingUid):
    host: bool | None = Field(None, description="true: the host did not show")
    # Spec: items are typed as the booking Attendee (a name clash in the spec); the API takes {email, absent}.
    attendees: list[AbsentAttendee] | None = Field(None, min_length=1, description="Attendees to mark")


CAL_MARK_BOOKING_ABSENT = declare(
    "CAL_MARK_BOOKING_ABSENT",
    description="Record no-shows of the host or attendees on a past booking (attendees once it has started).",
    params=MarkBookingAbsent,
    route=Route("POST", "/v2/bookings/{bookingUid}/mark-absent", version=BOOKINGS_VERSION),
    tags=TAGS,
    # Server: packages/features/handleMarkNoShow.ts turns every failure (unknown or foreign uid, an email that
    # is not an attendee, attendees marked before the meeting started) into 500 "Failed to update no-show status".
    error_hints={500: "Cal.com answers 500 when the booking does not exist, is not yours, an email is not one of "
                 "its attendees or the meeting has not started yet: check them with CAL_GET_BOOKING"},
    aliases=("CAL_MARK_BOOKING_ABSENT_FOR_UID",),
    destructive=True,
    idempotent=True,
    hints_note="a POST that overwrites no-show flags (absent false clears one); the same flags again change nothing",
    examples=(
        {"bookingUid": "bk_8f2c41d9e7a3", "attendees": [{"email": "anna.mueller@example.com", "absent": True}]},
        {"bookingUid": "bk_3a6f20b8d4c1", "host": True},
    ),
)


CAL_REASSIGN_BOOKING = declare(
    "CAL_REASSIGN_BOOKING",
    description="Give a round-robin booking to another host that Cal.com picks.",
    params=BookingUid,
    route=Route("POST", "/v2/bookings/{bookingUid}/reassign", version=BOOKINGS_VERSION),
    tags=TAGS,
    aliases=("CAL_REASSIGN_BOOKING_WITH_UID",),
    destructive=True,
    hints_note="a POST that replaces the booking's host; Cal.com picks the new host, so a repeat may move it again",
    examples=({"bookingUid": "bk_8f2c41d9e7a3"},),
)


class ReassignBookingToUser(BookingUid):
    userId: int = Field(description="New host, a member of the event type's team")
    reason: str | None = Field(None, description="Why it changes")


CAL_REASSIGN_BOOKING_TO_USER = declare(
    "CAL_REASSIGN_BOOKING_TO_USER",
    description="Give a round-robin booking to a team member you choose.",
    params=ReassignBookingToUser,
    route=Route("POST", "/v2/bookings/{bookingUid}/reassign/{userId}", version=BOOKINGS_VERSION),
    tags=TAGS,
    aliases=("CAL_REASSIGN_BOOKING_TO_ANOTHER_USER",),
    destructive=True,
    idempotent=True,
    hints_note="a POST that replaces the booking's host; the same user again changes nothing",
    examples=({"bookingUid": "bk_8f2c41d9e7a3", "userId": 118, "reason": "Dana is on leave this week"},),
)


CAL_CONFIRM_BOOKING = declare(
    "CAL_CONFIRM_BOOKING",
    description="Accept a booking awaiting the host's confirmation (status unconfirmed).",
    params=BookingUid,
    route=Route("POST", "/v2/bookings/{bookingUid}/confirm", version=BOOKINGS_VERSION),
    tags=TAGS,
    aliases=("CAL_CONFIRM_BOOKING_BY_UID",),
    idempotent=True,
    hints_note="a POST that adds the host's acceptance to a pending booking and loses nothing; confirming again "
    "changes nothing",
    examples=({"bookingUid": "bk_8f2c41d9e7a3"},),
)


class DeclineBooking(BookingUid):
    reason: str | None = Field(None, description="Sent to the attendee")


CAL_DECLINE_BOOKING = declare(
    "CAL_DECLINE_BOOKING",
    description="Refuse a booking awaiting the host's confirmation; the attendee is told.",
    params=DeclineBooking,
    route=Route("POST", "/v2/bookings/{bookingUid}/decline", version=BOOKINGS_VERSION),
    tags=TAGS,
    aliases=("CAL_DECLINE_BOOKING_WITH_REASON",),
    destructive=True,
    idempotent=True,
    hints_note="a POST that rejects a pending booking; declining it again changes nothing",
    examples=({"bookingUid": "bk_8f2c41d9e7a3", "reason": "Fully booked that day; please pick another slot"},),
)


ACTIONS = [
    CAL_CREATE_BOOKING,
    CAL_LIST_BOOKINGS,
    CAL_GET_BOOKING,
    CAL_RESCHEDULE_BOOKING,
    CAL_CANCEL_BOOKING,
    CAL_MARK_BOOKING_ABSENT,
    CAL_REASSIGN_BOOKING,
    CAL_REASSIGN_BOOKING_TO_USER,
    CAL_CONFIRM_BOOKING,
    CAL_DECLINE_BOOKING,
]
