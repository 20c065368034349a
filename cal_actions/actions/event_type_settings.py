"""The structured settings of an event type: locations, booking questions, limits, windows and policies.

Each is typed as the live document describes it (the server's DTOs in platform/types/event-types where the
document is wrong, noted per field), so a wrong shape is refused locally by field name and every event-type
tool is expressible in strict mode.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import Discriminator, Field, Tag

from cal_actions.action import Params
from cal_actions.actions._fields import IsoDate

# --- locations: told apart by `type` (the server refuses an item without one) --------------------------------


class AddressLocation(Params):
    type: Literal["address"]
    address: str
    public: bool = Field(description="Shown before booking")


class LinkLocation(Params):
    type: Literal["link"]
    link: str
    public: bool = Field(description="Shown before booking")


class IntegrationLocation(Params):
    type: Literal["integration"]
    integration: Literal["cal-video", "google-meet", "office365-video", "zoom"]


class PhoneLocation(Params):
    type: Literal["phone"]
    phone: str = Field(description="E.164")
    public: bool = Field(description="Shown before booking")


# Kinds that take no field but their `type` share a model (its `type` lists them), which keeps the tool schema small.
_BOOKER_PICKS = "The booker gives the address, phone number or place"


class BookerLocation(Params):
    type: Literal["attendeeAddress", "attendeePhone", "attendeeDefined"] = Field(description=_BOOKER_PICKS)


class TeamBookerLocation(Params):
    type: Literal["attendeeAddress", "attendeePhone", "attendeeDefined", "organizersDefaultApp"] = Field(
        description=f"{_BOOKER_PICKS}; organizersDefaultApp: each host's default video app"
    )


_Location = AddressLocation | LinkLocation | IntegrationLocation | PhoneLocation
Location = Annotated[_Location | BookerLocation, Field(discriminator="type")]
#: Team event types may also use each host's default app.
TeamLocation = Annotated[_Location | TeamBookerLocation, Field(discriminator="type")]


# --- booking questions: custom ones told apart by `type`, the default ones by `slug` ------------------------
# Kinds of one shape share a model (its `type` or `slug` lists them), which keeps the tool schema small.

_CUSTOM = ("phone", "address", "text", "number", "textarea", "multiemail", "url", "boolean")
_CHOICE = ("select", "multiselect", "checkbox", "radio")
_DEFAULT = ("title", "notes", "guests", "rescheduleReason")


class _Shown(Params):
    # Server: booking-fields.input.ts makes placeholder, hidden and disableOnPrefill optional; the document
    # requires placeholder and hidden on custom questions.
    placeholder: str | None = None
    hidden: bool | None = None
    disableOnPrefill: bool | None = None  # locked when prefilled from the URL


class CustomQuestion(_Shown):
    type: Literal["phone", "address", "text", "number", "textarea", "multiemail", "url", "boolean"] = Field(
        description="Answer kind; a phone question with slug attendeePhoneNumber allows phone-only bookings"
    )
    slug: str = Field(description="Answer key in bookingFieldsResponses")
    label: str
    required: bool


class ChoiceQuestion(CustomQuestion):
    type: Literal["select", "multiselect", "checkbox", "radio"]  # type: ignore[assignment]
    options: list[str]


# Server: booking-fields.input.ts makes label and placeholder of the name and email fields optional and types the
# email field's `required` as a boolean; the document requires both and types `required` as an object.
class NameField(_Shown):
    type: Literal["name"]
    label: str | None = None


class EmailField(NameField):
    type: Literal["email"]  # type: ignore[assignment]
    required: bool | None = Field(None, description="false (with hidden true) only for phone-only org team types")


class DefaultQuestion(_Shown):
    slug: Literal["title", "notes", "guests", "rescheduleReason"] = Field(description="A default question")
    label: str | None = None
    required: bool | None = None


class LocationField(Params):
    slug: Literal["location"] = Field(description="The booker picks one of the locations")
    label: str | None = None


def _question_kind(value: Any) -> str | None:
    """As the server's InputBookingFieldValidator picks the field's class: by `type`, else by `slug` (from the
    input when validating, from the model when serializing)."""
    if isinstance(value, dict):
        kind = value.get("type") or value.get("slug")
    else:
        kind = getattr(value, "type", None) or getattr(value, "slug", None)
    if kind in _CUSTOM:
        return "custom"
    if kind in _CHOICE:
        return "choice"
    return "default" if kind in _DEFAULT else kind


BookingQuestion = Annotated[
    Annotated[NameField, Tag("name")] | Annotated[EmailField, Tag("email")]
    | Annotated[LocationField, Tag("location")] | Annotated[DefaultQuestion, Tag("default")]
    | Annotated[CustomQuestion, Tag("custom")] | Annotated[ChoiceQuestion, Tag("choice")],
    Discriminator(_question_kind, custom_error_type="booking_field", custom_error_message=(
        "a booking field needs a type (name, email, phone, address, text, number, textarea, select, multiselect, "
        "multiemail, checkbox, radio, boolean, url) or the slug of a default one (title, location, notes, guests, "
        "rescheduleReason)")),
]  # fmt: skip


# --- limits, windows and policies ----------------------------------------------------------------------------


class Disabled(Params):
    disabled: Literal[True] = Field(description="true: turn this setting off")


class BookingLimitsCount(Params):
    day: int | None = Field(None, ge=1)
    week: int | None = Field(None, ge=1)
    month: int | None = Field(None, ge=1)
    year: int | None = Field(None, ge=1)
    # Server: interval-limits.ts maps every key but a true `disabled` to a limit, so `disabled: false` beside
    # the limits becomes an unknown limit and the event type is refused ("TRPCError: Bad request") after being
    # created. Only true is sent; leaving it out means the limits apply.
    disabled: Literal[True] | None = Field(None, description="true: no limit; omit to apply the limits")


class BookingLimitsDuration(Params):
    day: int | None = Field(None, ge=15, description="Minutes, a multiple of 15, as for each period")
    week: int | None = Field(None, ge=15)
    month: int | None = Field(None, ge=15)
    year: int | None = Field(None, ge=15)


class DaysWindow(Params):
    type: Literal["businessDays", "calendarDays"]
    value: int = Field(description="Days ahead")
    rolling: bool | None = Field(None, description="Keep that many bookable days open")


class RangeWindow(Params):
    type: Literal["range"]
    value: list[IsoDate] = Field(min_length=1, description="[first, last] date, YYYY-MM-DD")


class NoticeThreshold(Params):
    unit: Literal["minutes", "hours"]
    count: int


class ConfirmationPolicy(Params):
    type: Literal["always", "time"] = Field(description="always, or only when booked within the threshold")
    noticeThreshold: NoticeThreshold | None = Field(None, description="For type time")
    blockUnconfirmedBookingsInBooker: bool = Field(description="Unconfirmed bookings still block the slot")


class Recurrence(Params):
    frequency: Literal["weekly", "monthly", "yearly"]
    interval: int = Field(description="Every n weeks, months or years")
    occurrences: int = Field(description="At most this many")


class Seats(Params):
    seatsPerTimeSlot: int = Field(ge=1)
    showAttendeeInfo: bool = Field(description="Attendees see each other")
    showAvailabilityCount: bool = Field(description="Show seats left")


class BookerLayouts(Params):
    defaultLayout: Literal["month", "week", "column"]
    enabledLayouts: list[Literal["month", "week", "column"]]


class EventTypeColor(Params):
    lightThemeHex: str = Field(description="e.g. #292929")
    darkThemeHex: str


class DestinationCalendar(Params):
    integration: str = Field(description="From CAL_LIST_CALENDARS")
    externalId: str


class CalVideoSettings(Params):
    disableRecordingForOrganizer: bool | None = None
    disableRecordingForGuests: bool | None = None
    # Spec: typed as an object; it is the URL participants land on (a string).
    redirectUrlOnExit: str | None = None
    enableAutomaticRecordingForOrganizer: bool | None = None
    enableAutomaticTranscription: bool | None = None
    disableTranscriptionForGuests: bool | None = None
    disableTranscriptionForOrganizer: bool | None = None


BookingWindow = Annotated[DaysWindow | RangeWindow, Field(discriminator="type")] | Disabled
