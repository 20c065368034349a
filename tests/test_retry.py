"""Retry decisions and the number of attempts each method gets."""

from __future__ import annotations

import logging

import httpx
import pytest

from cal_actions import Cal
from cal_actions.http import retry


@pytest.mark.parametrize(
    ("method", "status", "expected"),
    [
        ("GET", 500, True),
        ("GET", 503, True),
        ("GET", 408, True),
        ("GET", 429, True),
        ("GET", 404, False),
        ("DELETE", 502, True),
        ("PUT", 504, True),
        ("POST", 500, False),
        ("POST", 429, True),
        ("PATCH", 503, False),
        ("POST", 409, False),
        ("GET", 409, False),
        ("GET", 501, True),
        ("DELETE", 408, True),
        ("PATCH", 429, True),
        ("PATCH", 408, False),
        ("PUT", 400, False),
    ],
)
def test_status_decisions(method: str, status: int, expected: bool) -> None:
    assert retry.should_retry_status(method, status) is expected


def test_error_decisions() -> None:
    request = httpx.Request("POST", "https://cal.test/v2/bookings")
    refused = httpx.ConnectError("refused", request=request)
    read_timeout = httpx.ReadTimeout("slow", request=request)
    assert retry.should_retry_error("POST", refused)
    assert not retry.should_retry_error("POST", read_timeout)
    assert retry.should_retry_error("GET", read_timeout)
    assert not retry.should_retry_error("PATCH", httpx.RemoteProtocolError("reset", request=request))


def test_retry_after_forms() -> None:
    assert retry.retry_after(httpx.Headers({"retry-after-ms": "1500"})) == 1.5
    assert retry.retry_after(httpx.Headers({"retry-after": "3"})) == 3.0
    date = "Wed, 01 Jan 2030 00:00:10 GMT"
    assert retry.retry_after(httpx.Headers({"retry-after": date}), now=1893456000.0) == 10.0
    assert retry.retry_after(httpx.Headers({"retry-after": "soon"})) is None
    assert retry.next_delay(0, httpx.Headers({"retry-after": "3600"})) is None


def test_backoff_is_capped_with_downward_jitter() -> None:
    assert retry.backoff_delay(0, jitter=0) == 0.5
    assert retry.backoff_delay(1, jitter=0) == 1.0
    assert retry.backoff_delay(10, jitter=0) == retry.MAX_DELAY
    assert retry.backoff_delay(2, jitter=1) == 2.0 * 0.75


def _counting(status: int, headers: dict | None = None):
    calls = []

    def handler(request: httpx.Request) -> httpx.Response:
        calls.append(request)
        return httpx.Response(status, headers=headers or {}, json={"status": "error", "error": {"message": "x"}})

    return calls, handler


@pytest.mark.parametrize(
    ("action", "arguments", "status", "attempts"),
    [
        ("CAL_GET_BOOKING", {"bookingUid": "u"}, 503, 3),
        ("CAL_CANCEL_BOOKING", {"bookingUid": "u"}, 503, 1),
        ("CAL_CANCEL_BOOKING", {"bookingUid": "u"}, 429, 3),
        ("CAL_CANCEL_BOOKING", {"bookingUid": "u"}, 409, 1),
        ("CAL_DELETE_WEBHOOK", {"webhookId": "w"}, 500, 3),
    ],
)
def test_attempts_per_method(monkeypatch: pytest.MonkeyPatch, action, arguments, status, attempts) -> None:
    monkeypatch.setattr(retry, "backoff_delay", lambda *_: 0.0)
    calls, handler = _counting(status, {"retry-after": "0"})
    result = Cal(api_key="k", transport=httpx.MockTransport(handler)).execute(action, arguments)
    assert len(calls) == attempts == result.attempts
    assert not result.successful and f"HTTP {status}" in result.error


def test_per_call_override(monkeypatch: pytest.MonkeyPatch) -> None:
    calls, handler = _counting(500, {"retry-after": "0"})
    cal = Cal(api_key="k", transport=httpx.MockTransport(handler), max_retries=5)
    assert cal.execute("CAL_GET_ME", max_retries=0).attempts == 1
    assert len(calls) == 1


def test_one_debug_line_per_attempt_without_argument_values(caplog: pytest.LogCaptureFixture) -> None:
    calls, handler = _counting(503, {"retry-after": "0"})
    cal = Cal(api_key="k", transport=httpx.MockTransport(handler))
    with caplog.at_level(logging.DEBUG, logger="cal_actions"):
        cal.execute("CAL_GET_BOOKING", {"bookingUid": "uid-private-value"})
    lines = [record.getMessage() for record in caplog.records if record.name == "cal_actions"]
    assert len(lines) == len(calls) == 3
    for attempt, line in enumerate(lines, start=1):
        assert line.startswith(f"GET /v2/bookings/{{bookingUid}} -> 503 (attempt {attempt}, ")
        assert line.endswith(" ms)") and "uid-private-value" not in line


def test_defaults_live_in_one_place() -> None:
    from cal_actions import config

    cal = Cal(api_key="k")
    assert (cal.config.max_retries, cal.config.timeout, cal.config.connect_timeout) == (
        config.DEFAULT_MAX_RETRIES,
        config.DEFAULT_TIMEOUT,
        config.DEFAULT_CONNECT_TIMEOUT,
    ) == (2, 30.0, 5.0)
