"""Pure availability arithmetic: schedules → working windows → free slot starts.

Times are aware UTC datetimes. Schedule hours are wall-clock times in the schedule's zone, so a
DST day simply has a shorter or longer UTC window.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from cal_actions.sandbox.times import zone

Window = tuple[datetime, datetime]
_BEGINNING = datetime(1970, 1, 1, tzinfo=UTC)
WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


@dataclass(frozen=True)
class SlotRules:
    length: timedelta
    interval: timedelta
    before: timedelta = timedelta(0)
    after: timedelta = timedelta(0)
    earliest: datetime = _BEGINNING  # now + minimum booking notice


def _clock(text: str) -> time:
    hours, minutes = (int(part) for part in text.split(":")[:2])
    return time(23, 59, 59, 999999) if hours == 24 else time(hours, minutes)


def _local(day: date, moment: time, zone_name: str) -> datetime:
    return datetime.combine(day, moment, tzinfo=zone(zone_name)).astimezone(UTC)


def working_windows(schedule: dict[str, Any], first: date, last: date) -> list[Window]:
    """UTC windows of the schedule on each local day from ``first`` to ``last``.

    A day with date overrides uses only them (an override from 00:00 to 00:00 makes the day free).
    """
    overrides: dict[str, list[dict[str, str]]] = {}
    for item in schedule.get("overrides") or []:
        overrides.setdefault(item["date"], []).append(item)
    windows = []
    day = first
    while day <= last:
        hours = overrides.get(day.isoformat())
        if hours is None:
            name = WEEKDAY_NAMES[day.weekday()]
            hours = [rule for rule in schedule.get("availability") or [] if name in rule["days"]]
        for rule in hours:
            start_clock, end_clock = _clock(rule["startTime"]), _clock(rule["endTime"])
            start = _local(day, start_clock, schedule["timeZone"])
            if end_clock == time(0, 0) and start_clock != time(0, 0):
                end = _local(day + timedelta(days=1), time(0, 0), schedule["timeZone"])  # until midnight
            else:
                end = _local(day, end_clock, schedule["timeZone"])
            if end > start:
                windows.append((start, end))
        day += timedelta(days=1)
    return sorted(windows)


def windows_around(schedule: dict[str, Any], start: datetime, end: datetime) -> list[Window]:
    """Windows of every local day that can touch [start, end] (a day of margin for zone offsets)."""
    return working_windows(schedule, start.date() - timedelta(days=1), end.date() + timedelta(days=1))


class Busy:
    """Sorted busy intervals with a fast overlap test."""

    def __init__(self, intervals: Iterable[Window]) -> None:
        self._intervals = sorted(intervals)
        self._starts = [start for start, _ in self._intervals]
        self._longest = max((end - start for start, end in self._intervals), default=timedelta(0))

    def overlaps(self, start: datetime, end: datetime) -> bool:
        # Only intervals starting before `end` and after `start - longest` can overlap.
        low = bisect.bisect_left(self._starts, start - self._longest)
        high = bisect.bisect_left(self._starts, end)
        return any(busy_end > start for _, busy_end in self._intervals[low:high])


def free_starts(
    windows: list[Window], busy: Busy, rules: SlotRules, first: datetime, last: datetime
) -> Iterator[datetime]:
    """Slot starts in [first, last]: inside a window, after the notice, clear of busy time incl. buffers."""
    for window_start, window_end in windows:
        moment = window_start
        while moment + rules.length <= window_end:
            in_range = first <= moment <= last and moment >= rules.earliest
            if in_range and not busy.overlaps(moment - rules.before, moment + rules.length + rules.after):
                yield moment
            moment += rules.interval


def can_book(windows: list[Window], busy: Busy, rules: SlotRules, start: datetime) -> bool:
    """Whether [start, start + length] fits one window, respects the notice and is clear of busy time."""
    end = start + rules.length
    inside = any(window_start <= start and end <= window_end for window_start, window_end in windows)
    clear = not busy.overlaps(start - rules.before, end + rules.after)
    return inside and clear and start >= rules.earliest
