"""Parsing and printing instants the way Cal.com does (ISO 8601, milliseconds, ``Z`` for UTC)."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from functools import cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from cal_actions.sandbox.errors import BadRequest


def parse_instant(text: str, field: str, *, end_of_day: bool = False) -> datetime:
    """An ISO 8601 date or date-time as aware UTC; a bare date is its UTC midnight (or day end)."""
    try:
        if len(text) == 10:
            day = date.fromisoformat(text)
            moment = datetime(day.year, day.month, day.day, tzinfo=UTC)
            return moment + timedelta(days=1) - timedelta(milliseconds=1) if end_of_day else moment
        moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except (TypeError, ValueError):
        raise BadRequest(f"{field} must be a valid ISO 8601 date string") from None
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


def iso_utc(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.") + f"{moment.microsecond // 1000:03d}Z"


def iso_local(moment: datetime, zone: ZoneInfo) -> str:
    """Local time with its offset, e.g. ``2050-09-05T09:00:00.000+02:00``; UTC keeps ``Z``."""
    if zone.key == "UTC":
        return iso_utc(moment)
    local = moment.astimezone(zone)
    text = local.isoformat(timespec="milliseconds")
    return text


@cache
def zone(name: str) -> ZoneInfo:
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise BadRequest(f"Invalid time zone {name!r}") from None


def valid_zone(name: str) -> bool:
    try:
        zone(name)
    except BadRequest:
        return False
    return True
