"""When to try a request again, and how long to wait first. Pure functions only.

Cal.com accepts no idempotency key, so a POST or PATCH that may have reached the server is
never repeated: a second attempt could create a second booking. Every failed attempt is
classified by :func:`delivery`: *never sent* (the connection was never made: any method may
retry), *refused* (the server answered without doing it, final except 429, which asks for a
later try), or *outcome unknown* (it may have been processed: only idempotent methods retry,
writes are reconciled by reading back, see ``reconcile``).
"""

from __future__ import annotations

import email.utils
import enum
import random
import time

import httpx

INITIAL_DELAY = 0.5
MAX_DELAY = 8.0
#: A server asking for a longer wait than this is not obeyed; the failure is returned instead.
MAX_RETRY_AFTER = 60.0

IDEMPOTENT_METHODS = frozenset({"GET", "HEAD", "OPTIONS", "PUT", "DELETE"})
#: Besides these, every 5xx: the server failed, the request itself may be fine.
RETRY_STATUSES = frozenset({408, 429})
#: Errors raised before a single byte of the request left this machine.
NOT_SENT_ERRORS = (httpx.ConnectError, httpx.ConnectTimeout, httpx.PoolTimeout)
#: Errors raised after the request may have reached the server: no answer, a broken one, or one cut off.
UNKNOWN_ERRORS = (httpx.TimeoutException, httpx.NetworkError, httpx.RemoteProtocolError, httpx.DecodingError)
#: A gateway answering for a server that may have processed the request before failing or timing out.
UNKNOWN_STATUSES = frozenset({502, 504})


class Delivery(enum.Enum):
    NEVER_SENT = "never sent"
    REFUSED = "refused"
    UNKNOWN = "outcome unknown"


def delivery(outcome: httpx.Response | Exception) -> Delivery:
    """What a failed attempt says about the request: never sent, refused, or outcome unknown."""
    if isinstance(outcome, httpx.Response):
        return Delivery.UNKNOWN if outcome.status_code in UNKNOWN_STATUSES else Delivery.REFUSED
    if isinstance(outcome, NOT_SENT_ERRORS):  # before UNKNOWN_ERRORS: ConnectTimeout is a TimeoutException
        return Delivery.NEVER_SENT
    return Delivery.UNKNOWN if isinstance(outcome, UNKNOWN_ERRORS) else Delivery.REFUSED


def is_idempotent(method: str) -> bool:
    return method in IDEMPOTENT_METHODS


def should_retry_status(method: str, status: int) -> bool:
    if status == 429:
        return True
    return method in IDEMPOTENT_METHODS and (status in RETRY_STATUSES or status >= 500)


def should_retry_error(method: str, error: Exception) -> bool:
    kind = delivery(error)
    return kind is Delivery.NEVER_SENT or (kind is Delivery.UNKNOWN and method in IDEMPOTENT_METHODS)


def retry_after(headers: httpx.Headers, now: float | None = None) -> float | None:
    """Seconds the server asked us to wait (``retry-after-ms``, seconds or HTTP date)."""
    milliseconds = headers.get("retry-after-ms")
    if milliseconds:
        try:
            return max(0.0, float(milliseconds) / 1000)
        except ValueError:
            pass
    value = headers.get("retry-after")
    if not value:
        return None
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    parsed = email.utils.parsedate_tz(value)
    if parsed is None:
        return None
    return max(0.0, float(email.utils.mktime_tz(parsed)) - (time.time() if now is None else now))


def backoff_delay(retries_done: int, jitter: float | None = None) -> float:
    """Exponential backoff from 0.5 s, capped at 8 s, with up to 25 % downward jitter."""
    delay = min(INITIAL_DELAY * 2.0**retries_done, MAX_DELAY)
    factor = 1 - 0.25 * (random.random() if jitter is None else jitter)
    return delay * factor


def next_delay(retries_done: int, headers: httpx.Headers | None) -> float | None:
    """The wait before the next attempt, or ``None`` when the server asks for too long."""
    requested = retry_after(headers) if headers is not None else None
    if requested is None:
        return backoff_delay(retries_done)
    return requested if requested <= MAX_RETRY_AFTER else None
