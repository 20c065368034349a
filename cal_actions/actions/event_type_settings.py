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
    type: Literal["address"] = Field(description="An in-person address")
    address: str = Field(description="Street, city")
    public: bool = Field(description="Shown before booking")


class LinkLocation(Params):
    type: Literal["link"] = Field(description="A meeting link")
    link: str = Field(description="URL")
    public: bool = Field(description="Shown before booking")


class IntegrationLocation(Params):
    type: Literal["integration"] = Field(description="A video app")
    integration: Literal["cal-video", "google-meet", "office365-video", "zoom"] = Field(description="App")


class PhoneLocation(Params):
    type: Literal["phone"] = Field(description="The organizer's phone")
    phone: str = Field(description="E.164, e.g. +14155550123")
    public: bool = Field(description="Shown before booking")


class AttendeeAddressLocation(Params):
    type: Literal["attendeeAddress"] = Field(description="The booker gives an address")


class AttendeePhoneLocation(Params):
    type: Literal["attendeePhone"] = Field(description="The booker gives a phone number")


class AttendeeDefinedLocation(Params):
    type: Literal["attendeeDefined"] = Field(description="The booker names a place")


class OrganizersDefaultAppLocation(Params):
    type: Literal["organizersDefaultApp"] = Field(description="Each host's default video app")


_Location = (
    AddressLocation | LinkLocation | IntegrationLocation | PhoneLocation | AttendeeAddressLocation
    | AttendeePhoneLocation | AttendeeDefinedLocation
)  # fmt: skip
Location = Annotated[_Location, Field(discriminator="type")]
#: Team event types may also use each host's default app.
TeamLocation = Annotated[_Location | OrganizersDefaultAppLocation, Field(discriminator="type")]


# --- booking questions: custom ones told apart by `type`, the default ones by `slug` ------------------------


class _Question(Params):
    label: str = Field(description="Question shown")
    required: bool = Field(description="Must be answered")
    # Server: booking-fields.input.ts makes placeholder and hidden optional; the document requires them.
    placeholder: str | None = Field(None, description="Hint text")
    hidden: bool | None = Field(None, description="Kept but not shown")
    disableOnPrefill: bool | None = Field(None, description="Lock it when prefilled from the URL")


class _Custom(_Question):
    slug: str = Field(description="Answer key in bookingFieldsResponses, e.g. company")


class PhoneQuestion(_Custom):
    type: Literal["phone"] = Field(description="A phone number; slug attendeePhoneNumber allows phone-only bookings")


class AddressQuestion(_Custom):
    type: Literal["address"] = Field(description="An address")


class TextQuestion(_Custom):
    type: Literal["text"] = Field(description="Short text")


class NumberQuestion(_Custom):
    type: Literal["number"] = Field(description="A number")


class TextAreaQuestion(_Custom):
    type: Literal["textarea"] = Field(description="Long text")


class MultiEmailQuestion(_Custom):
    type: Literal["multiemail"] = Field(description="Several emails")


class UrlQuestion(_Custom):
    type: Literal["url"] = Field(description="A URL")


class BooleanQuestion(_Custom):
    type: Literal["boolean"] = Field(description="A yes/no checkbox")


class _Choice(_Custom):
    options: list[str] = Field(description="Choices")


class SelectQuestion(_Choice):
    type: Literal["select"] = Field(description="Pick one from a list")


class MultiSelectQuestion(_Choice):
    type: Literal["multiselect"] = Field(description="Pick several from a list")


class CheckboxQuestion(_Choice):
    type: Literal["checkbox"] = Field(description="Tick several")


class RadioQuestion(_Choice):
    type: Literal["radio"] = Field(description="Pick one")


# Server: booking-fields.input.ts makes label and placeholder of the name and email fields optional and types the
# email field's `required` as a boolean; the document requires both and types `required` as an object.
class NameField(Params):
    type: Literal["name"] = Field(description="The booker's name (always asked)")
    label: str | None = Field(None, description="Question shown")
    placeholder: str | None = Field(None, description="Hint text")
    disableOnPrefill: bool | None = Field(None, description="Lock it when prefilled from the URL")


class EmailField(Params):
    type: Literal["email"] = Field(description="The booker's email")
    label: str | None = Field(None, description="Question shown")
    required: bool | None = Field(None, description="false only for phone-only org team event types")
    hidden: bool | None = Field(None, description="true only for phone-only org team event types")
    placeholder: str | None = Field(None, description="Hint text")
    disableOnPrefill: bool | None = Field(None, description="Lock it when prefilled from the URL")


class _DefaultQuestion(Params):
    required: bool | None = Field(None, description="Must be answered")
    hidden: bool | None = Field(None, description="Kept but not shown")
    label: str | None = Field(None, description="Question shown")
    placeholder: str | None = Field(None, description="Hint text")
    disableOnPrefill: bool | None = Field(None, description="Lock it when prefilled from the URL")


class TitleField(_DefaultQuestion):
    slug: Literal["title"] = Field(description="The meeting title")


class NotesField(_DefaultQuestion):
    slug: Literal["notes"] = Field(description="Additional notes")


class GuestsField(_DefaultQuestion):
    slug: Literal["guests"] = Field(description="Extra guests")


class RescheduleReasonField(_DefaultQuestion):
    slug: Literal["rescheduleReason"] = Field(description="Why the booker reschedules")


class LocationField(Params):
    slug: Literal["location"] = Field(description="The booker's pick among 2 or more locations")
    label: str | None = Field(None, description="Question shown")


def _question_kind(value: Any) -> str | None:
    """As the server's InputBookingFieldValidator picks the field's class: by `type`, else by `slug`."""
    if isinstance(value, dict):
        return value.get("type") or value.get("slug")
    return getattr(value, "type", None) or getattr(value, "slug", None)


BookingQuestion = Annotated[
    Annotated[NameField, Tag("name")] | Annotated[EmailField, Tag("email")] | Annotated[TitleField, Tag("title")]
    | Annotated[LocationField, Tag("location")] | Annotated[NotesField, Tag("notes")]
    | Annotated[GuestsField, Tag("guests")] | Annotated[RescheduleReasonField, Tag("rescheduleReason")]
    | Annotated[PhoneQuestion, Tag("phone")] | Annotated[AddressQuestion, Tag("address")]
    | Annotated[TextQuestion, Tag("text")] | Annotated[NumberQuestion, Tag("number")]
    | Annotated[TextAreaQuestion, Tag("textarea")] | Annotated[SelectQuestion, Tag("select")]
    | Annotated[MultiSelectQuestion, Tag("multiselect")] | Annotated[MultiEmailQuestion, Tag("multiemail")]
    | Annotated[CheckboxQuestion, Tag("checkbox")] | Annotated[RadioQuestion, Tag("radio")]
    | Annotated[BooleanQuestion, Tag("boolean")] | Annotated[UrlQuestion, Tag("url")],
    Discriminator(_question_kind, custom_error_type="booking_field", custom_error_message=(
        "a booking field needs a type (name, email, phone, address, text, number, textarea, select, multiselect, "
        "multiemail, checkbox, radio, boolean, url) or the slug of a default one (title, location, notes, guests, "
        "rescheduleReason)")),
]  # fmt: skip


# --- limits, windows and policies ----------------------------------------------------------------------------


class Disabled(Params):
    disabled: Literal[True] = Field(description="true: turn this setting off")


class BookingLimitsCount(Params):
    day: int | None = Field(None, ge=1, description="Bookings per day")
    week: int | None = Field(None, ge=1, description="Per week")
    month: int | None = Field(None, ge=1, description="Per month")
    year: int | None = Field(None, ge=1, description="Per year")
    disabled: bool | None = Field(None, description="true: no limit")


class BookingLimitsDuration(Params):
    day: int | None = Field(None, ge=15, description="Booked minutes per day, a multiple of 15")
    week: int | None = Field(None, ge=15, description="Per week")
    month: int | None = Field(None, ge=15, description="Per month")
    year: int | None = Field(None, ge=15, description="Per year")


class DaysWindow(Params):
    type: Literal["businessDays", "calendarDays"] = Field(description="Which days count")
    value: int = Field(description="Days into the future")
    rolling: bool | None = Field(None, description="Keep that many bookable days open")


class RangeWindow(Params):
    type: Literal["range"] = Field(description="Between two dates")
    value: list[IsoDate] = Field(min_length=1, description="[first, last] date, YYYY-MM-DD")


class NoticeThreshold(Params):
    unit: Literal["minutes", "hours"] = Field(description="Unit")
    count: int = Field(description="How many")


class ConfirmationPolicy(Params):
    type: Literal["always", "time"] = Field(description="always, or only when booked within the threshold")
    noticeThreshold: NoticeThreshold | None = Field(None, description="For type time")
    blockUnconfirmedBookingsInBooker: bool = Field(description="Unconfirmed bookings still block the slot")


class Recurrence(Params):
    frequency: Literal["weekly", "monthly", "yearly"] = Field(description="Repeats every")
    interval: int = Field(description="Every n weeks, months or years")
    occurrences: int = Field(description="At most this many")


class Seats(Params):
    seatsPerTimeSlot: int = Field(ge=1, description="Seats per slot")
    showAttendeeInfo: bool = Field(description="Attendees see each other")
    showAvailabilityCount: bool = Field(description="Show seats left")


class BookerLayouts(Params):
    defaultLayout: Literal["month", "week", "column"] = Field(description="Shown first")
    enabledLayouts: list[Literal["month", "week", "column"]] = Field(description="Offered")


class EventTypeColor(Params):
    lightThemeHex: str = Field(description="e.g. #292929")
    darkThemeHex: str = Field(description="e.g. #FAFAFA")


class DestinationCalendar(Params):
    integration: str = Field(description="From CAL_LIST_CALENDARS")
    externalId: str = Field(description="From CAL_LIST_CALENDARS")


class CalVideoSettings(Params):
    disableRecordingForOrganizer: bool | None = Field(None, description="Organizer cannot record")
    disableRecordingForGuests: bool | None = Field(None, description="Guests cannot record")
    # Spec: typed as an object; it is the URL participants land on (a string).
    redirectUrlOnExit: str | None = Field(None, description="URL shown after leaving the call")
    enableAutomaticRecordingForOrganizer: bool | None = Field(None, description="Record when the organizer joins")
    enableAutomaticTranscription: bool | None = Field(None, description="Transcribe automatically")
    disableTranscriptionForGuests: bool | None = Field(None, description="Guests get no transcript")
    disableTranscriptionForOrganizer: bool | None = Field(None, description="Organizer gets no transcript")


BookingWindow = Annotated[DaysWindow | RangeWindow, Field(discriminator="type")] | Disabled
