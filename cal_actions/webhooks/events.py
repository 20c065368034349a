"""Typed webhook events, in the shapes Cal.com sends (May 2025 source, read for each trigger).

Cal.com posts ``{"triggerEvent", "createdAt", "payload"}`` (``sendPayload.ts``). The payload is:

- a booking (``CalendarEvent`` plus event-type details, ``sendPayload.ts``) for booking created,
  requested, rescheduled, cancelled, rejected, paid, payment initiated, recording ready and
  transcription generated (``handleNewBooking.ts``, ``handleCancelBooking.ts``, ``confirm.handler.ts``,
  ``handleConfirmation.ts``, ``triggerWebhooks.ts``);
- ``{message, bookingUid, bookingId, attendees: [{email, noShow}]}`` for no-show updates
  (``handleMarkNoShow.ts``);
- the booking row itself, at the top level with no ``payload`` and no ``createdAt``, for meeting
  started and ended (``scheduleTrigger.ts``); parsed here into ``payload``;
- ``{oooEntry}`` for out-of-office entries (``outOfOfficeCreateOrUpdate.handler.ts``);
- ``{formId, formName, teamId, responses}`` for routing-form submissions, whose answers are also
  repeated at the top level (``routing-forms/trpc/utils.ts``);
- ``{uid, responses, connectAndJoinUrl, eventTypeId, eventTypeTitle, …}`` for instant meetings;
- ``{title, bookingUid, participants, message, …}`` for the Cal Video no-show triggers.

Every model keeps fields it does not declare (``extra="allow"``). An unknown trigger, a payload that
does not fit its model, or a custom ``payloadTemplate`` body parses to a plain :class:`WebhookEvent`
carrying the payload as sent.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from datetime import datetime
from functools import cache
from typing import Annotated, Any, Literal, get_args

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, TypeAdapter, ValidationError


class _Open(BaseModel):
    # Validators are built on first use, so importing this module (the CLI does) stays cheap.
    model_config = ConfigDict(extra="allow", populate_by_name=True, defer_build=True)


class Person(_Open):
    name: str | None = None
    email: str | None = None
    timeZone: str | None = None
    language: dict[str, Any] | None = None  # {"locale": "en"}
    username: str | None = None
    id: int | None = None
    utcOffset: int | None = None  # minutes east of UTC at the booking's start
    phoneNumber: str | None = None


class BookingPayload(_Open):
    """A booking as Cal.com's webhooks describe it."""

    uid: str | None = None
    bookingId: int | None = None
    type: str | None = None  # the event type's slug
    title: str | None = None
    description: str | None = None
    startTime: datetime | None = None
    endTime: datetime | None = None
    organizer: Person | None = None
    attendees: list[Person] = []
    location: str | None = None
    status: str | None = None  # ACCEPTED, PENDING, CANCELLED, REJECTED
    eventTypeId: int | None = None
    eventTitle: str | None = None
    length: int | None = None
    price: float | None = None
    currency: str | None = None
    responses: dict[str, Any] | None = None
    metadata: dict[str, Any] | None = None
    cancellationReason: str | None = None
    cancelledBy: str | None = None
    rejectionReason: str | None = None
    rescheduleUid: str | None = None  # on BOOKING_RESCHEDULED: the booking it replaces
    rescheduleId: int | None = None
    rescheduleStartTime: datetime | None = None
    rescheduleEndTime: datetime | None = None
    rescheduledBy: str | None = None
    paymentId: int | None = None
    downloadLink: str | None = None  # RECORDING_READY
    downloadLinks: dict[str, Any] | None = None  # RECORDING_TRANSCRIPTION_GENERATED


class NoShowAttendee(_Open):
    email: str | None = None
    noShow: bool | None = None


class NoShowPayload(_Open):
    message: str | None = None
    bookingUid: str | None = None
    bookingId: int | None = None
    attendees: list[NoShowAttendee] = []


class MeetingPayload(_Open):
    """The booking row Cal.com sends when a meeting starts or ends."""

    id: int | None = None
    uid: str | None = None
    title: str | None = None
    startTime: datetime | None = None
    endTime: datetime | None = None
    status: str | None = None
    userId: int | None = None
    eventTypeId: int | None = None
    responses: dict[str, Any] | None = None


class OutOfOfficeEntry(_Open):
    id: int | None = None
    uuid: str | None = None
    start: datetime | None = None
    end: datetime | None = None
    notes: str | None = None
    reason: dict[str, Any] | None = None
    reasonId: int | None = None
    user: Person | None = None
    toUser: Person | None = None


class OutOfOfficePayload(_Open):
    oooEntry: OutOfOfficeEntry


class FormPayload(_Open):
    formId: str | None = None
    formName: str | None = None
    teamId: int | None = None
    responses: dict[str, Any] = {}
    responseId: int | None = None  # FORM_SUBMITTED_NO_EVENT
    redirect: Any = None


class InstantMeetingPayload(_Open):
    uid: str | None = None
    connectAndJoinUrl: str | None = None
    eventTypeId: int | None = None
    eventTypeTitle: str | None = None
    responses: dict[str, Any] | None = None


class VideoNoShowPayload(_Open):
    title: str | None = None
    bookingId: int | None = None
    bookingUid: str | None = None
    startTime: datetime | None = None
    endTime: datetime | None = None
    hostEmail: str | None = None
    message: str | None = None
    participants: list[Any] = []
    attendees: list[Any] = []


class WebhookEvent(_Open):
    """A delivery: ``trigger``, ``created_at`` and the ``payload`` (the raw payload for unknown triggers)."""

    trigger: str | None = Field(None, alias="triggerEvent")
    created_at: datetime | None = Field(None, alias="createdAt")
    payload: Any = None
    _raw: dict[str, Any] | None = PrivateAttr(None)

    @property
    def raw(self) -> dict[str, Any]:
        """The delivery exactly as Cal.com sent it (for an event built by :func:`parse_event`)."""
        return self._raw if self._raw is not None else self.model_dump(mode="json", by_alias=True, exclude_unset=True)

    def as_json(self) -> str:
        """The delivery as sent, on one line."""
        return json.dumps(self.raw, separators=(",", ":"), ensure_ascii=False)


BookingTrigger = Literal[
    "BOOKING_CREATED", "BOOKING_REQUESTED", "BOOKING_RESCHEDULED", "BOOKING_CANCELLED", "BOOKING_REJECTED",
    "BOOKING_PAID", "BOOKING_PAYMENT_INITIATED", "RECORDING_READY", "RECORDING_TRANSCRIPTION_GENERATED",
]  # fmt: skip


class BookingEvent(WebhookEvent):
    trigger: BookingTrigger = Field(alias="triggerEvent")
    payload: BookingPayload


class NoShowUpdated(WebhookEvent):
    trigger: Literal["BOOKING_NO_SHOW_UPDATED"] = Field(alias="triggerEvent")
    payload: NoShowPayload


class MeetingEvent(WebhookEvent):
    trigger: Literal["MEETING_STARTED", "MEETING_ENDED"] = Field(alias="triggerEvent")
    payload: MeetingPayload


class OutOfOfficeCreated(WebhookEvent):
    trigger: Literal["OOO_CREATED"] = Field(alias="triggerEvent")
    payload: OutOfOfficePayload


class FormSubmitted(WebhookEvent):
    trigger: Literal["FORM_SUBMITTED", "FORM_SUBMITTED_NO_EVENT"] = Field(alias="triggerEvent")
    payload: FormPayload


class InstantMeeting(WebhookEvent):
    trigger: Literal["INSTANT_MEETING"] = Field(alias="triggerEvent")
    payload: InstantMeetingPayload


class VideoNoShow(WebhookEvent):
    trigger: Literal["AFTER_HOSTS_CAL_VIDEO_NO_SHOW", "AFTER_GUESTS_CAL_VIDEO_NO_SHOW"] = Field(alias="triggerEvent")
    payload: VideoNoShowPayload


TypedEvent = Annotated[
    BookingEvent | NoShowUpdated | MeetingEvent | OutOfOfficeCreated | FormSubmitted | InstantMeeting | VideoNoShow,
    Field(discriminator="trigger"),
]
#: Every trigger with a typed model.
KNOWN_TRIGGERS = frozenset(
    trigger
    for model in get_args(get_args(TypedEvent)[0])
    for trigger in get_args(model.model_fields["trigger"].annotation)
)
#: Sent when due, with no ``createdAt``: the whole body is the booking.
SCHEDULED_TRIGGERS = frozenset({"MEETING_STARTED", "MEETING_ENDED"})


class MalformedBody(ValueError):
    """The body is not a JSON object."""


def parse_event(body: bytes | str | Mapping[str, Any]) -> WebhookEvent:
    """The typed event of a delivery body; raises :class:`MalformedBody` when it is not a JSON object."""
    data = _as_object(body)
    event = _parsed(data)
    event._raw = data
    return event


def _parsed(data: dict[str, Any]) -> WebhookEvent:
    trigger = data.get("triggerEvent")
    if trigger in SCHEDULED_TRIGGERS and "payload" not in data:
        data = {"triggerEvent": trigger, "payload": {k: v for k, v in data.items() if k != "triggerEvent"}}
    if trigger in KNOWN_TRIGGERS:
        try:
            return _typed().validate_python(data)
        except ValidationError:
            pass  # a shape this model does not expect: keep it as sent rather than lose it
    return WebhookEvent.model_validate({**data, "triggerEvent": trigger if isinstance(trigger, str) else None,
                                        "createdAt": _instant_or_none(data.get("createdAt"))})  # fmt: skip


def _as_object(body: bytes | str | Mapping[str, Any]) -> dict[str, Any]:
    if isinstance(body, Mapping):
        return dict(body)
    try:
        data = json.loads(body)
    except (ValueError, UnicodeDecodeError):
        raise MalformedBody("the body is not JSON") from None
    if not isinstance(data, dict):
        raise MalformedBody(f"the body is a JSON {type(data).__name__}, not an object")
    return data


@cache
def _typed() -> TypeAdapter[TypedEvent]:
    return TypeAdapter(TypedEvent)


@cache
def _instant() -> TypeAdapter[datetime]:
    return TypeAdapter(datetime)


def _instant_or_none(value: Any) -> datetime | None:
    try:
        return _instant().validate_python(value) if value is not None else None
    except ValidationError:
        return None
