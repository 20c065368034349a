"""Staying inside Cal.com's rate limits instead of running into 429s.

Cal.com's API v2 throttler (``apps/api/v2/src/lib/throttler-guard.ts``) counts requests per API
key, access token or OAuth client in named windows (``default``: 120 requests a minute per API
key) and announces each window on every answer as ``X-RateLimit-Limit-<Name>``,
``X-RateLimit-Remaining-<Name>`` and ``X-RateLimit-Reset-<Name>``; the reset is in seconds from
now (the storage rounds milliseconds up). A key with several windows is refused only when all
of them are spent. Unsuffixed ``X-RateLimit-*`` headers (API v1's form) are read too.

The decisions are pure functions; :class:`RateLimiter` only holds one client's state under a
lock so that concurrent calls share it, and the execution flow asks it before every request.
"""

from __future__ import annotations

import threading
from collections import deque
from collections.abc import Iterable
from dataclasses import dataclass

PREFIX = "x-ratelimit-"
_PREFIX_LENGTH = len(PREFIX)
_PREFIXES = frozenset({PREFIX, PREFIX.encode()})
WINDOW = 60.0  # seconds: the client-side ``rate_limit`` is requests per minute


@dataclass(frozen=True, slots=True)
class Window:
    name: str
    remaining: int
    reset: float  # seconds from when the answer was read
    limit: int | None = None


@dataclass(frozen=True, slots=True)
class Budget:
    """What the last answer said: requests left, and when (monotonic time) the window renews."""

    remaining: int | None = None  # None: unknown, nothing to hold back
    reset_at: float = 0.0
    limit: int | None = None


def windows(headers: Iterable[tuple[str, str]] | Iterable[tuple[bytes, bytes]]) -> list[Window]:
    """The windows an answer announces (from ``httpx.Headers.raw`` or str pairs); unreadable ones are left out."""
    found: dict[str, dict[str, float]] = {}
    for key, value in headers:
        # Checked on the raw key first: this runs on every answer and most headers are something else.
        if len(key) <= _PREFIX_LENGTH or key[:_PREFIX_LENGTH].lower() not in _PREFIXES:
            continue
        text = key.decode("latin-1") if isinstance(key, bytes) else key
        kind, _, name = text[_PREFIX_LENGTH:].lower().partition("-")
        if kind in ("limit", "remaining", "reset"):
            try:
                found.setdefault(name, {})[kind] = float(value)
            except ValueError:
                continue
    return [
        Window(name, int(values["remaining"]), max(values["reset"], 0.0), _int(values.get("limit")))
        for name, values in found.items()
        if "remaining" in values and "reset" in values
    ]


def _int(value: float | None) -> int | None:
    return None if value is None else int(value)


def observed(announced: list[Window], now: float) -> Budget | None:
    """The budget an answer leaves; ``None`` when it announces none.

    A request passes while any window has room, so the budget is the roomiest window's; when all
    are spent, the first to renew frees the next request.
    """
    if not announced:
        return None
    if any(window.remaining > 0 for window in announced):
        best = max(announced, key=lambda window: window.remaining)
        return Budget(best.remaining, now + best.reset, best.limit)
    first = min(announced, key=lambda window: window.reset)
    return Budget(0, now + first.reset, first.limit)


def take(budget: Budget, now: float) -> tuple[Budget, float]:
    """Use one request of the budget: the budget left and the seconds to wait before sending."""
    if budget.remaining is None:
        return budget, 0.0
    if now >= budget.reset_at:  # the window renewed; the next answer tells its new state
        return Budget(None if budget.limit is None else budget.limit - 1, now + WINDOW, budget.limit), 0.0
    if budget.remaining > 0:
        return Budget(budget.remaining - 1, budget.reset_at, budget.limit), 0.0
    return budget, budget.reset_at - now  # spent: every caller waits for the same reset


def next_slot(recent: deque[float], now: float, per_minute: int) -> float:
    """When the next request may leave so that no 60 s holds more than ``per_minute`` of them.

    ``recent`` holds the start times of the latest requests, oldest first.
    """
    if len(recent) < per_minute:
        return now
    return max(now, recent[-per_minute] + WINDOW)


class RateLimiter:
    """One client's rate-limit state, shared by its concurrent calls (threads or tasks)."""

    def __init__(self, per_minute: int | None = None) -> None:
        self.per_minute = per_minute
        self._budget = Budget()
        self._recent: deque[float] = deque(maxlen=per_minute or 1)
        self._lock = threading.Lock()

    def before_send(self, now: float) -> float:
        """Reserve the next request; returns the seconds to wait before sending it."""
        with self._lock:
            self._budget, wait = take(self._budget, now)
            start = now + wait
            if self.per_minute:
                start = max(start, next_slot(self._recent, now, self.per_minute))
                self._recent.append(start)
            return start - now

    def after_answer(self, headers: Iterable[tuple[str, str]] | Iterable[tuple[bytes, bytes]], now: float) -> None:
        budget = observed(windows(headers), now)
        if budget is not None:
            with self._lock:
                self._budget = budget

    @property
    def budget(self) -> Budget:
        return self._budget
