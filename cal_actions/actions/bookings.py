"""TODO module docstring."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import Field

from cal_actions.action import NoParams, Params, Route, declare


class Attendee(Params):
    name: str = Field(description='SPEC: The name of the attendee.')
    email: str = Field(description='SPEC: The email of the attendee.')
    timeZone: str = Field(description='SPEC: The time zone of the attendee.')
    language: Literal["ar", "ca", "de", "es", "eu", "he", "id", "ja", "lv", "pl", "ro", "sr", "th", "vi", "az", "cs", "el", "es-419", "fi", "hr", "it", "km", "nl", "pt", "ru", "sv", "tr", "zh-CN", "bg", "da", "en", "et", "fr", "hu", "iw", "ko", "no", "pt-BR", "sk", "ta", "uk", "zh-TW"] = Field('en', description='SPEC: The preferred language of the attendee. Used for booking confirmation.')


class CreateBooking(Params):
    start: str = Field(description='SPEC: The start time of the booking in ISO 8601 format in UTC timezone.')
    lengthInMinutes: int = Field(None, description='SPEC: If it is an event type that has multiple possible lengths that attendee can pick from, you can pass the desired booking length here.')
    eventTypeId: int = Field(description='SPEC: The ID of the event type that is booked.')
    attendee: Attendee = Field(description="SPEC: The attendee's details.")
    guests: list[str] = Field(None, description='SPEC: An optional list of guest emails attending the event.')
    meetingUrl: str = Field(None, description="SPEC: Deprecated - use 'location' instead. Meeting URL just for this booking. Displayed in email and calendar event. If not provided then cal video link will be generated.")
    location: str = Field(None, description='SPEC: Location for this booking. Displayed in email and calendar event.')
    metadata: dict[str, Any] = Field(None, description='SPEC: You can store any additional data you want here. Metadata must have at most 50 keys, each key up to 40 characters, and string values up to 500 characters.')
    bookingFieldsResponses: dict[str, Any] = Field(None, description='SPEC: Booking field responses consisting of an object with booking field slug as keys and user response as values.')
    instant: bool = Field(None, description='SPEC: Flag indicating if the booking is an instant booking. Only available for team events.')
    recurrenceCount: int = Field(None, description="SPEC: The number of recurrences. If not provided then event type recurrence count will be used. Can't be more than")


CAL_CREATE_BOOKING = declare(
    "CAL_CREATE_BOOKING",
    description="TODO (Create a booking)",
    params=CreateBooking,
    route=Route("POST", "/v2/bookings", version="2024-08-13"),
    tags=('bookings',),
    aliases=('CAL_POST_NEW_BOOKING_REQUEST',),
)


class ListBookings(Params):
    status: list[Literal["upcoming", "recurring", "past", "cancelled", "unconfirmed"]] = Field(None, description='SPEC: Filter bookings by status. If you want to filter by multiple statuses, separate them with a comma.')
    attendeeEmail: str = Field(None, description="SPEC: Filter bookings by the attendee's email address.")
    attendeeName: str = Field(None, description="SPEC: Filter bookings by the attendee's name.")
    eventTypeIds: str = Field(None, description='SPEC: Filter bookings by event type ids belonging to the user. Event type ids must be separated by a comma.')
    eventTypeId: str = Field(None, description='SPEC: Filter bookings by event type id belonging to the user.')
    teamsIds: str = Field(None, description='SPEC: Filter bookings by team ids that user is part of. Team ids must be separated by a comma.')
    teamId: str = Field(None, description='SPEC: Filter bookings by team id that user is part of')
    afterStart: str = Field(None, description='SPEC: Filter bookings with start after this date string.')
    beforeEnd: str = Field(None, description='SPEC: Filter bookings with end before this date string.')
    sortStart: Literal["asc", "desc"] = Field(None, description='SPEC: Sort results by their start time in ascending or descending order.')
    sortEnd: Literal["asc", "desc"] = Field(None, description='SPEC: Sort results by their end time in ascending or descending order.')
    sortCreated: Literal["asc", "desc"] = Field(None, description='SPEC: Sort results by their creation time (when booking was made) in ascending or descending order.')
    take: int = Field(None, description='SPEC: The number of items to return')
    skip: int = Field(None, description='SPEC: The number of items to skip')


CAL_LIST_BOOKINGS = declare(
    "CAL_LIST_BOOKINGS",
    description="TODO (Get all bookings)",
    params=ListBookings,
    route=Route("GET", "/v2/bookings", version="2024-08-13"),
    tags=('bookings',),
    aliases=('CAL_FETCH_ALL_BOOKINGS',),
)


class GetBooking(Params):
    bookingUid: str = Field(description='SPEC: ')


CAL_GET_BOOKING = declare(
    "CAL_GET_BOOKING",
    description="TODO (Get a booking)",
    params=GetBooking,
    route=Route("GET", "/v2/bookings/{bookingUid}", version="2024-08-13"),
    tags=('bookings',),
    aliases=('CAL_RETRIEVE_BOOKING_DETAILS_BY_UID',),
)


class RescheduleBooking(Params):
    bookingUid: str = Field(description='SPEC: ')
    start: str = Field(description='SPEC: Start time in ISO 8601 format for the new booking')
    rescheduledBy: str = Field(None, description='SPEC: Email of the person who is rescheduling the booking - only needed when rescheduling a booking that requires a confirmation.')
    reschedulingReason: str = Field(None, description='SPEC: Reason for rescheduling the booking')
    emailVerificationCode: str = Field(None, description='SPEC: Email verification code required when event type has email verification enabled.')
    seatUid: str = Field(None, description='SPEC: Uid of the specific seat within booking.')


# NOTE: body from the live API (pinned spec omits it)
CAL_RESCHEDULE_BOOKING = declare(
    "CAL_RESCHEDULE_BOOKING",
    description="TODO (Reschedule a booking)",
    params=RescheduleBooking,
    route=Route("POST", "/v2/bookings/{bookingUid}/reschedule", version="2024-08-13"),
    tags=('bookings',),
    aliases=('CAL_RESCHEDULE_BOOKING_BY_UID',),
)


class CancelBooking(Params):
    bookingUid: str = Field(description='SPEC: ')
    cancellationReason: str = Field(None, description='SPEC: ')
    cancelSubsequentBookings: bool = Field(None, description='SPEC: For recurring non-seated booking - if true, cancel booking with the bookingUid of the individual recurrence and all recurrences that come after it.')
    seatUid: str = Field(None, description='SPEC: Uid of the specific seat within booking.')


# NOTE: body from the live API (pinned spec omits it)
CAL_CANCEL_BOOKING = declare(
    "CAL_CANCEL_BOOKING",
    description="TODO (Cancel a booking)",
    params=CancelBooking,
    route=Route("POST", "/v2/bookings/{bookingUid}/cancel", version="2024-08-13"),
    tags=('bookings',),
    aliases=('CAL_CANCEL_BOOKING_VIA_UID',),
)


class MarkBookingAbsent(Params):
    bookingUid: str = Field(description='SPEC: ')
    host: bool = Field(None, description='SPEC: Whether the host was absent')
    attendees: list[Attendee] = Field(None, description='SPEC: ')


CAL_MARK_BOOKING_ABSENT = declare(
    "CAL_MARK_BOOKING_ABSENT",
    description="TODO (Mark a booking absence)",
    params=MarkBookingAbsent,
    route=Route("POST", "/v2/bookings/{bookingUid}/mark-absent", version="2024-08-13"),
    tags=('bookings',),
    aliases=('CAL_MARK_BOOKING_ABSENT_FOR_UID',),
)


class ReassignBooking(Params):
    bookingUid: str = Field(description='SPEC: ')


CAL_REASSIGN_BOOKING = declare(
    "CAL_REASSIGN_BOOKING",
    description="TODO (Automatically reassign booking to a new host)",
    params=ReassignBooking,
    route=Route("POST", "/v2/bookings/{bookingUid}/reassign", version="2024-08-13"),
    tags=('bookings',),
    aliases=('CAL_REASSIGN_BOOKING_WITH_UID',),
)


class ReassignBookingToUser(Params):
    bookingUid: str = Field(description='SPEC: ')
    userId: int = Field(description='SPEC: ')
    reason: str = Field(None, description='SPEC: Reason for reassigning the booking')


CAL_REASSIGN_BOOKING_TO_USER = declare(
    "CAL_REASSIGN_BOOKING_TO_USER",
    description="TODO (Reassign a booking to a specific user)",
    params=ReassignBookingToUser,
    route=Route("POST", "/v2/bookings/{bookingUid}/reassign/{userId}", version="2024-08-13"),
    tags=('bookings',),
    aliases=('CAL_REASSIGN_BOOKING_TO_ANOTHER_USER',),
)


class ConfirmBooking(Params):
    bookingUid: str = Field(description='SPEC: ')


CAL_CONFIRM_BOOKING = declare(
    "CAL_CONFIRM_BOOKING",
    description="TODO (Confirm booking that requires a confirmation)",
    params=ConfirmBooking,
    route=Route("POST", "/v2/bookings/{bookingUid}/confirm", version="2024-08-13"),
    tags=('bookings',),
    aliases=('CAL_CONFIRM_BOOKING_BY_UID',),
)


class DeclineBooking(Params):
    bookingUid: str = Field(description='SPEC: ')
    reason: str = Field(None, description='SPEC: Reason for declining a booking that requires a confirmation')


CAL_DECLINE_BOOKING = declare(
    "CAL_DECLINE_BOOKING",
    description="TODO (Decline booking that requires a confirmation)",
    params=DeclineBooking,
    route=Route("POST", "/v2/bookings/{bookingUid}/decline", version="2024-08-13"),
    tags=('bookings',),
    aliases=('CAL_DECLINE_BOOKING_WITH_REASON',),
)


ACTIONS = [CAL_CREATE_BOOKING, CAL_LIST_BOOKINGS, CAL_GET_BOOKING, CAL_RESCHEDULE_BOOKING, CAL_CANCEL_BOOKING, CAL_MARK_BOOKING_ABSENT, CAL_REASSIGN_BOOKING, CAL_REASSIGN_BOOKING_TO_USER, CAL_CONFIRM_BOOKING, CAL_DECLINE_BOOKING]
