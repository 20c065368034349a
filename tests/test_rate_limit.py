"""Cal.com's announced rate limit is waited out instead of run into; an optional client-side pace."""

from __future__ import annotations

import asyncio
import threading
import time
from collections import deque

import httpx
import pytest

from cal_actions import AsyncCal, Cal
from cal_actions.http import ratelimit
from cal_actions.http.ratelimit import Budget, RateLimiter, Window
from tests.loopback import Handler, serve

OK = {"status": "success", "data": {"ok": True}}


def _headers(remaining: int, reset: float, name: str = "Default", limit: int = 120) -> dict[str, str]:
    return {f"X-RateLimit-Limit-{name}": str(limit), f"X-RateLimit-Remaining-{name}": str(remaining),
            f"X-RateLimit-Reset-{name}": str(reset)}  # fmt: skip


def test_windows_are_read_as_cal_com_names_them() -> None:
    headers = httpx.Headers({**_headers(3, 42), **_headers(0, 5, "Short", 10), "x-ratelimit-remaining": "7",
                             "x-ratelimit-reset": "n/a", "content-type": "application/json"})  # fmt: skip
    assert sorted(ratelimit.windows(headers.multi_items()), key=lambda w: w.name) == [
        Window("default", 3, 42.0, 120),
        Window("short", 0, 5.0, 10),
    ]  # the unsuffixed pair has no readable reset, so it is left out


def test_a_request_passes_while_any_window_has_room() -> None:
    assert ratelimit.observed([], 100.0) is None
    assert ratelimit.observed([Window("a", 0, 5), Window("b", 2, 30)], 100.0) == Budget(2, 130.0)
    assert ratelimit.observed([Window("a", 0, 5, 10), Window("b", 0, 30, 120)], 100.0) == Budget(0, 105.0, 10)


def test_taking_from_the_budget() -> None:
    assert ratelimit.take(Budget(), 0.0) == (Budget(), 0.0)
    assert ratelimit.take(Budget(2, 50.0, 120), 10.0) == (Budget(1, 50.0, 120), 0.0)
    assert ratelimit.take(Budget(0, 50.0, 120), 10.0) == (Budget(0, 50.0, 120), 40.0)
    assert ratelimit.take(Budget(0, 50.0, 120), 50.0) == (Budget(119, 110.0, 120), 0.0)


def test_client_side_pace_keeps_any_minute_under_the_limit() -> None:
    recent: deque[float] = deque([0.0, 1.0, 2.0])
    assert ratelimit.next_slot(recent, 3.0, per_minute=4) == 3.0
    assert ratelimit.next_slot(recent, 3.0, per_minute=3) == 60.0
    limiter = RateLimiter(per_minute=3)
    waits = [limiter.before_send(10.0) for _ in range(7)]
    assert waits == [0.0, 0.0, 0.0, 60.0, 60.0, 60.0, 120.0]


def test_concurrent_callers_share_one_budget() -> None:
    limiter = RateLimiter()
    limiter.after_answer(_headers(5, 30).items(), 0.0)
    waits: list[float] = []
    threads = [threading.Thread(target=lambda: waits.append(limiter.before_send(1.0))) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(waits) == [0.0] * 5 + [29.0] * 3


def _exhausted(reset: float):
    def respond(handler: Handler, hit: int) -> None:
        handler.send(200, OK, _headers(0, reset))

    return respond


def test_an_exhausted_budget_is_not_called_again_before_its_reset() -> None:
    with serve(_exhausted(1)) as (base_url, seen), Cal(api_key="cal_test_key", base_url=base_url) as cal:
        times = []
        for _ in range(2):
            assert cal.execute("CAL_GET_ME").successful
            times.append(time.monotonic())
    assert len(seen.requests) == 2
    assert times[1] - times[0] >= 0.95, "the second request waited for the announced reset"


def test_a_reset_beyond_the_time_limit_sends_nothing() -> None:
    with serve(_exhausted(60)) as (base_url, seen), Cal(api_key="cal_test_key", base_url=base_url) as cal:
        assert cal.execute("CAL_GET_ME").successful
        started = time.monotonic()
        result = cal.execute("CAL_GET_ME", timeout=5)
    assert len(seen.requests) == 1 and time.monotonic() - started < 0.5
    assert not result.successful and result.status_code == 429 and result.attempts == 0
    assert result.error.startswith("HTTP 429: rate limit reached: Cal.com's budget for these credentials renews in 60")


def test_a_429_with_a_reset_waits_for_it_before_retrying() -> None:
    def respond(handler: Handler, hit: int) -> None:
        if hit == 1:  # Cal.com's throttler: no Retry-After, the reset in its own header
            handler.send(429, {"status": "error", "error": {"code": "ThrottlerException"}}, _headers(0, 1))
        else:
            handler.send(200, OK, _headers(119, 60))

    with serve(respond) as (base_url, seen), Cal(api_key="cal_test_key", base_url=base_url) as cal:
        pauses: list[float] = []
        cal._pause = pauses.append  # type: ignore[method-assign]
        attendee = {"name": "A", "email": "a@b.c", "timeZone": "UTC"}
        arguments = {"eventTypeId": 1, "start": "2030-01-08T09:00:00Z", "attendee": attendee}
        result = cal.execute("CAL_CREATE_BOOKING", arguments)
    assert result.successful and result.attempts == 2 and len(seen.requests) == 2
    assert len(pauses) == 2 and 0.3 <= pauses[0] <= 0.5 and 0.4 <= pauses[1] <= 1.0, pauses
    assert cal.limiter.budget.remaining == 119


def test_async_calls_share_the_client_budget() -> None:
    async def run(base_url: str) -> list[float]:
        async with AsyncCal(api_key="cal_test_key", base_url=base_url) as cal:
            await cal.execute("CAL_GET_ME")
            started = time.monotonic()
            await asyncio.gather(*(cal.execute("CAL_GET_ME") for _ in range(3)))
            return [time.monotonic() - started]

    with serve(_exhausted(1)) as (base_url, seen):
        (elapsed,) = asyncio.run(run(base_url))
    assert len(seen.requests) == 4 and elapsed >= 0.95


@pytest.mark.parametrize("wrong", [0, -1, True, 1.5])
def test_rate_limit_setting_is_checked(wrong: object) -> None:
    assert Cal(api_key="k", rate_limit=30).limiter.per_minute == 30
    with pytest.raises(ValueError, match="rate_limit"):
        Cal(api_key="k", rate_limit=wrong)  # type: ignore[arg-type]
