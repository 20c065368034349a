"""Field types shared by the resource modules: dates Cal.com parses as ISO 8601, metadata maps, languages, URLs,
email addresses, and the ways of naming an event type."""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import Annotated, Literal
from urllib.parse import urlsplit

from pydantic import AfterValidator, Field, StringConstraints, WithJsonSchema

from cal_actions.action import Params

#: Cal.com's languages (booking attendees and user locales); the live document adds bn.
Language = Literal[
    "ar", "ca", "de", "es", "eu", "he", "id", "ja", "lv", "pl", "ro", "sr", "th", "vi",
    "az", "cs", "el", "es-419", "fi", "hr", "it", "km", "nl", "pt", "ru", "sv", "tr", "zh-CN",
    "bg", "da", "en", "et", "fr", "hu", "iw", "ko", "no", "pt-BR", "sk", "ta", "uk", "zh-TW", "bn",
]  # fmt: skip


def _iso_8601(value: str) -> str:
    """Cal.com's IsDateString/IsISO8601 check: a date, or a date and time with an optional offset."""
    text = value.strip()
    try:
        if len(text) == 10:
            date.fromisoformat(text)
        elif len(text) < 10 or text[10] not in "Tt ":
            raise ValueError
        else:
            datetime.fromisoformat(text[:-1] + "+00:00" if text[-1] in "Zz" else text)
    except ValueError:
        # The time first: most of these fields are instants, where a bare date means midnight.
        raise ValueError("must be ISO 8601, e.g. 2025-01-31T09:00:00Z (a bare date, 2025-01-31, is midnight)") from None
    return value


#: A date or date-time as Cal.com's ``IsDateString``/``IsISO8601`` accept it; refused here, by the field's
#: name, rather than as Cal.com's 400. The schema's pattern only makes a model start with the date (the rest of
#: the form is the description's to say, and the validator's to check): a full pattern costs twice its tokens
#: on each of the 30-odd date fields.
ISO_PATTERN = r"^\d{4}-\d\d-\d\d"
IsoDate = Annotated[str, AfterValidator(_iso_8601), WithJsonSchema({"type": "string", "pattern": ISO_PATTERN})]

_Key = Annotated[str, StringConstraints(max_length=40)]
_Value = Annotated[str, StringConstraints(max_length=500)] | int | float | bool

#: Cal.com's metadata (ValidateMetadata in platform/types): at most 50 keys of up to 40 characters,
#: values strings of up to 500 characters, numbers or booleans.
Metadata = Annotated[dict[_Key, _Value], Field(max_length=50)]
#: A booking's metadata: the same limits, string values only (the server refused a number: "metadata.n - Expected
#: string, received number", as the booking's metadata is ``Record<string, string>`` in create-booking.input.ts).
BookingMetadata = Annotated[dict[_Key, Annotated[str, StringConstraints(max_length=500)]], Field(max_length=50)]


def _url(value: str) -> str:
    parts = urlsplit(value.strip())
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise ValueError("must be a URL, e.g. https://example.com/logo.png")
    return value


#: A web address, where Cal.com checks one with ``IsUrl``.
Url = Annotated[str, AfterValidator(_url), WithJsonSchema({"type": "string", "format": "uri"})]


# A local part, then dot-separated non-empty domain labels; no spaces anywhere (the value is sent as given).
_EMAIL = re.compile(r"^[^@\s]+@[^@\s.]+(?:\.[^@\s.]+)+$")


def _email(value: str) -> str:
    if not _EMAIL.match(value):
        raise ValueError("must be an email address, e.g. ada@example.com")
    return value


#: An email address, where Cal.com checks one (``IsEmail``/``isEmail``): a light check, so that a name or a
#: typo given for an address is refused by the field's name before sending rather than by Cal.com's 400.
Email = Annotated[str, AfterValidator(_email), WithJsonSchema({"type": "string", "format": "email"})]


# The three ways bookings and slots name an event type: by id, or by slug with its owner (a user or a team).
class ById(Params):
    eventTypeId: int = Field(description="From CAL_LIST_EVENT_TYPES or CAL_LIST_TEAM_EVENT_TYPES")


class BySlugAndUser(Params):
    eventTypeSlug: str = Field(description="Event type slug, instead of eventTypeId")
    username: str = Field(description="Its owner")
    organizationSlug: str | None = Field(None, description="If the owner is in an organization")


class BySlugAndTeam(Params):
    eventTypeSlug: str = Field(description="Event type slug, instead of eventTypeId")
    teamSlug: str = Field(description="The team owning it")
    organizationSlug: str | None = Field(None, description="If the team is in an organization")
