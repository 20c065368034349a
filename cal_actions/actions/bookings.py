"""Bookings: create, list, reschedule, cancel, confirm or decline, reassign, and record no-shows."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import Field

from cal_actions.action import BOOKINGS_VERSION, Params, Route, declare

TAGS = ("bookings",)
UTC_EXAMPLE = "ISO 8601 UTC, e.g. 2025-01-31T09:00:00Z"


class Attendee(Params):
    name: str = Field(description="Full name")
    email: str = Field(description="Receives the confirmation")
    timeZone: str = Field(description="IANA, e.g. Europe/Rome")
    # Live API: the 2025-10 spec adds phoneNumber; the pinned spec lacks it.
    phoneNumber: str | None = Field(None, description="E.164, e.g. +14155550123")
    language: Literal[
        "ar", "ca", "de", "es", "eu", "he", "id", "ja", "lv", "pl", "ro", "sr", "th", "vi", "az", "cs", "el", "es-419",
        "fi", "hr", "it", "km", "nl", "pt", "ru", "sv", "tr", "zh-CN", "bg", "da", "en", "et", "fr", "hu", "iw", "ko",
        "no", "pt-BR", "sk", "ta", "uk", "zh-TW",
    ] | None = Field(None, description="Email language; default en")  # fmt: skip


class BookingUid(Params):
    bookingUid: str = Field(description="From CAL_LIST_BOOKINGS")


# Spec: the body is oneOf three shapes (regular, instant with `instant: true`, recurring with `recurrenceCount`)
# that differ only by those fields; they are merged here, and the event type decides which one applies.
class CreateBooking(Params):
    start: str = Field(description=f"Free slot from CAL_LIST_AVAILABLE_SLOTS, {UTC_EXAMPLE}")
    eventTypeId: int = Field(description="From CAL_LIST_EVENT_TYPES or CAL_LIST_TEAM_EVENT_TYPES")
    attendee: Attendee = Field(description="The booker")
    lengthInMinutes: int | None = Field(None, description="Only for multi-length event types")
    guests: list[str] | None = Field(None, description="Extra guest emails")
    meetingUrl: str | None = Field(None, description="Deprecated: use location")
    location: str | None = Field(None, description="Meeting place, e.g. an address")
    metadata: dict[str, Any] | None = Field(
        None, description="Own key-value data: ≤50 keys of ≤40 chars, string values ≤500 chars"
    )
    bookingFieldsResponses: dict[str, Any] | None = Field(
        None, description="Answers to custom booking questions, keyed by field slug"
    )
    instant: bool | None = Field(None, description="Team event types: book an instant meeting")
    recurrenceCount: int | None = Field(None, description="Recurring: occurrences to book, ≤ the event type's count")


CAL_CREATE_BOOKING = declare(
    "CAL_CREATE_BOOKING",
    description="Book an event type for an attendee; returns the booking uid. Take start from "
    "CAL_LIST_AVAILABLE_SLOTS.",
    params=CreateBooking,
    route=Route("POST", "/v2/bookings", version=BOOKINGS_VERSION, auth="bearer_or_platform"),
    tags=TAGS,
    aliases=("CAL_POST_NEW_BOOKING_REQUEST",),
)


class ListBookings(Params):
    status: list[Literal["upcoming", "recurring", "past", "cancelled", "unconfirmed"]] | None = Field(
        None, description="unconfirmed: awaiting the host"
    )
    attendeeEmail: str | None = Field(None, description="Filter")
    attendeeName: str | None = Field(None, description="Filter")
    eventTypeIds: str | None = Field(None, description="Comma-separated, e.g. 12,34")
    eventTypeId: int | None = Field(None, description="Filter")
    teamsIds: str | None = Field(None, description="Comma-separated, e.g. 5,6")
    teamId: int | None = Field(None, description="Filter: that team's event types")
    afterStart: str | None = Field(None, description="Starting after; ISO 8601 UTC")
    beforeEnd: str | None = Field(None, description="Ending before; ISO 8601 UTC")
    sortStart: Literal["asc", "desc"] | None = Field(None, description="Sort by start")
    sortEnd: Literal["asc", "desc"] | None = Field(None, description="Sort by end")
    sortCreated: Literal["asc", "desc"] | None = Field(None, description="Sort by creation")
    take: int | None = Field(None, description="Page size")
    skip: int | None = Field(None, description="Items to skip")


CAL_LIST_BOOKINGS = declare(
    "CAL_LIST_BOOKINGS",
    description="List your bookings with their uids, filtered by status, attendee, event type, team or dates.",
    params=ListBookings,
    route=Route("GET", "/v2/bookings", version=BOOKINGS_VERSION),
    tags=TAGS,
    aliases=("CAL_FETCH_ALL_BOOKINGS",),
)


CAL_GET_BOOKING = declare(
    "CAL_GET_BOOKING",
    description="Get one booking by uid: times, status, attendees, location.",
    params=BookingUid,
    route=Route("GET", "/v2/bookings/{bookingUid}", version=BOOKINGS_VERSION, auth="bearer_or_platform"),
    tags=TAGS,
    aliases=("CAL_RETRIEVE_BOOKING_DETAILS_BY_UID",),
)


class RescheduleBooking(BookingUid):
    start: str = Field(description="Free slot from CAL_LIST_AVAILABLE_SLOTS, ISO 8601 UTC")
    rescheduledBy: str | None = Field(None, description="Rescheduler's email; the owner's auto-confirms")
    reschedulingReason: str | None = Field(None, description="Shown to participants")
    emailVerificationCode: str | None = Field(None, description="If the event type requires email verification")
    seatUid: str | None = Field(None, description="Seated bookings: the seat to move")


# Spec: the pinned spec has no body for reschedule; this is the live API's body (2025-10 spec).
CAL_RESCHEDULE_BOOKING = declare(
    "CAL_RESCHEDULE_BOOKING",
    description="Move a booking to a new start time; the new booking gets a new uid, the old one is cancelled.",
    params=RescheduleBooking,
    route=Route("POST", "/v2/bookings/{bookingUid}/reschedule", version=BOOKINGS_VERSION, auth="bearer_or_platform"),
    tags=TAGS,
    aliases=("CAL_RESCHEDULE_BOOKING_BY_UID",),
    destructive=True,
    hints_note="a POST, but it cancels the original booking and moves its attendees to a new one; a repeat "
    "fails on the cancelled original",
)


class CancelBooking(BookingUid):
    cancellationReason: str | None = Field(None, description="Sent to participants")
    cancelSubsequentBookings: bool | None = Field(None, description="Recurring: also cancel later occurrences")
    seatUid: str | None = Field(None, description="Seated bookings: cancel only this seat")


# Spec: the pinned spec has no body for cancel; this is the live API's body (2025-10 spec).
CAL_CANCEL_BOOKING = declare(
    "CAL_CANCEL_BOOKING",
    description="Cancel a booking and notify participants; a recurring uid cancels the series. To refuse an "
    "unconfirmed one use CAL_DECLINE_BOOKING.",
    params=CancelBooking,
    route=Route("POST", "/v2/bookings/{bookingUid}/cancel", version=BOOKINGS_VERSION, auth="bearer_or_platform"),
    tags=TAGS,
    aliases=("CAL_CANCEL_BOOKING_VIA_UID",),
    destructive=True,
    idempotent=True,
    hints_note="a POST that removes a booking from the calendar; cancelling it again changes nothing",
)


class AbsentAttendee(Params):
    email: str = Field(description="As in the booking")
    absent: bool = Field(description="true: no-show; false clears it")


class MarkBookingAbsent(BookingUid):
    host: bool | None = Field(None, description="true: the host did not show")
    # Spec: items are typed as the booking Attendee (a name clash in the spec); the API takes {email, absent}.
    attendees: list[AbsentAttendee] | None = Field(None, min_length=1, description="Attendees to mark")


CAL_MARK_BOOKING_ABSENT = declare(
    "CAL_MARK_BOOKING_ABSENT",
    description="Record no-shows of the host or attendees on a past booking.",
    params=MarkBookingAbsent,
    route=Route("POST", "/v2/bookings/{bookingUid}/mark-absent", version=BOOKINGS_VERSION),
    tags=TAGS,
    aliases=("CAL_MARK_BOOKING_ABSENT_FOR_UID",),
    destructive=True,
    idempotent=True,
    hints_note="a POST that overwrites no-show flags (absent false clears one); the same flags again change nothing",
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
