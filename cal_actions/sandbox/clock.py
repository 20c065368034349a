"""The sandbox clock: real UTC time unless frozen, so tests can pin "now"."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta


class Clock:
    def __init__(self, now: datetime | None = None) -> None:
        self._frozen = _utc(now) if now is not None else None

    def now(self) -> datetime:
        return self._frozen if self._frozen is not None else datetime.now(UTC)

    def freeze(self, now: datetime) -> None:
        self._frozen = _utc(now)

    def advance(self, delta: timedelta) -> None:
        """Move a frozen clock forward (freezes at real now first if it was running)."""
        self._frozen = self.now() + delta

    def unfreeze(self) -> None:
        self._frozen = None

    @property
    def frozen(self) -> bool:
        return self._frozen is not None


def parse_moment(moment: datetime | str) -> datetime:
    """A datetime, or an ISO 8601 string such as ``2025-03-28T12:00:00Z`` (no zone: UTC)."""
    if isinstance(moment, datetime):
        return moment
    if isinstance(moment, str):
        try:
            return datetime.fromisoformat(moment.strip())
        except ValueError:
            pass
    raise ValueError(f"now must be a datetime or an ISO 8601 string such as '2025-03-28T12:00:00Z', not {moment!r}")


def _utc(moment: datetime) -> datetime:
    if moment.tzinfo is None:
        return moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC)
