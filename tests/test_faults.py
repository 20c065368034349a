"""Fault injection against a real server on 127.0.0.1: each fault's envelope and the exact attempts.

GET may be repeated; POST only when the request never reached the server or on 429, so a
booking is never made twice; a POST whose outcome is unknown is read back instead. Pauses are
recorded instead of slept, keeping the suite fast.
"""

from __future__ import annotations

import asyncio
import time
from email.utils import formatdate

import pytest

from cal_actions import AsyncCal, Cal
from tests.loopback import Handler, free_port, serve

OK = {"status": "success", "data": {"ok": True}}
ERROR_PAGE = b"<html><body><h1>502 Bad Gateway</h1><p>nginx</p></body></html>"


def _fault(handler: Handler, hit: int) -> None:
    """The fault is named by the booking uid in the path: /v2/bookings/<fault>[/cancel]."""
    fault = handler.path.split("/")[3]
    if fault == "rate-limited":
        handler.send(429, {"status": "error", "error": {"code": "TooManyRequestsException"}}, {"retry-after": "2"})
    elif fault == "rate-limited-ms":
        handler.send(429, {"status": "error"}, {"retry-after-ms": "250", "retry-after": "9"})
    elif fault == "rate-limited-date":
        handler.send(429, {"status": "error"}, {"retry-after": formatdate(time.time() + 30, usegmt=True)})
    elif fault == "rate-limited-too-long":
        handler.send(429, {"status": "error"}, {"retry-after": "3600"})
    elif fault == "rate-limited-once":
        handler.send(*((429, {"status": "error"}, {"retry-after": "0"}) if hit == 1 else (200, OK)))
    elif fault.startswith("status-"):
        handler.send(int(fault[7:]), {"status": "error", "error": {"code": "E", "message": f"failed {fault}"}})
    elif fault == "html":
        handler.send(502, ERROR_PAGE)
    elif fault == "slow":
        time.sleep(0.5)
        handler.send(200, OK)
    elif fault == "trickle":
        handler.send_response(200)
        handler.send_header("content-length", "400")
        handler.end_headers()
        for _ in range(40):  # 10 bytes every 50 ms: each read is quick, the whole body is not
            handler.wfile.write(b" " * 10)
            handler.wfile.flush()
            time.sleep(0.05)
    elif fault == "reset":
        handler.send_response(200)
        handler.send_header("content-type", "application/json")
        handler.send_header("content-length", "500")
        handler.end_headers()
        handler.wfile.write(b'{"status": "success", "da')
        handler.reset()
    elif fault == "truncated":
        handler.send(200, b'{"status": "success", "data": {"uid": "tr', {"content-type": "application/json"})
    elif fault == "empty":
        handler.send(204)
    elif fault == "error-envelope":
        handler.send(200, {"status": "error", "error": {"code": "BadRequestException", "message": "no slots"}})
    elif fault == "conflict":
        handler.send(409, {"status": "error", "error": {"code": "ConflictException", "message": "taken"}})
    else:
        handler.send(200, OK)


@pytest.fixture(scope="module")
def server():
    with serve(_fault) as running:
        yield running


def _call(base_url: str, method: str, fault: str, pauses: list[float], **settings):
    cal = Cal(api_key="cal_test_key", base_url=base_url, **settings)
    cal._pause = pauses.append  # type: ignore[method-assign]
    name = "CAL_GET_BOOKING" if method == "GET" else "CAL_CANCEL_BOOKING"
    with cal:
        return cal.execute(name, {"bookingUid": fault})


# (fault, GET attempts, POSTs sent, read-backs after the POST, successful, fragment of the error).
# A POST answered by a gateway's 502 or cut off after sending may have been applied: it is never
# sent again; the booking is read back instead (here the read meets the same fault, three times).
CASES = [
    ("rate-limited", 3, 3, 0, False, "HTTP 429 TooManyRequestsException"),
    ("rate-limited-once", 2, 2, 0, True, None),
    ("rate-limited-too-long", 1, 1, 0, False, "HTTP 429"),
    ("status-500", 3, 1, 0, False, "HTTP 500 E: failed status-500"),
    ("status-502", 3, 1, 3, False, "HTTP 502"),
    ("status-503", 3, 1, 0, False, "HTTP 503"),
    ("html", 3, 1, 3, False, "HTTP 502: <html><body><h1>502 Bad Gateway"),
    ("reset", 3, 1, 3, False, "network error"),
    ("truncated", 1, 1, 0, False, "HTTP 200: response is not JSON (application/json)"),
    ("empty", 1, 1, 0, True, None),
    ("error-envelope", 1, 1, 0, False, "BadRequestException: no slots"),
    ("conflict", 1, 1, 0, False, "HTTP 409 ConflictException: taken"),
]


@pytest.mark.parametrize(("fault", "get_attempts", "posts", "reads", "successful", "error"), CASES)
@pytest.mark.parametrize("method", ["GET", "POST"])
def test_fault(server, method, fault, get_attempts, posts, reads, successful, error) -> None:
    base_url, seen = server
    before = len(seen.requests)
    result = _call(base_url, method, fault, [])
    sent = [request_method for request_method, _ in seen.requests[before:]]
    if method == "GET":
        assert result.attempts == get_attempts == len(sent) == sent.count("GET")
    else:
        assert sent.count("POST") == posts and sent.count("GET") == reads
        assert result.attempts == posts + reads
        assert ("outcome unknown" in (result.error or "")) is (reads > 0)
    assert result.successful is successful
    if error is not None:
        assert error in result.error and result.data is None
    assert set(result.model_dump()) == {"data", "successful", "error"}


def test_retry_after_is_obeyed_in_each_form(server) -> None:
    base_url, _ = server
    pauses: list[float] = []
    _call(base_url, "GET", "rate-limited", pauses)
    assert pauses == [2.0, 2.0]
    pauses.clear()
    _call(base_url, "GET", "rate-limited-ms", pauses)
    assert pauses == [0.25, 0.25]  # retry-after-ms wins over retry-after
    pauses.clear()
    _call(base_url, "GET", "rate-limited-date", pauses, timeout=60)
    assert len(pauses) == 2 and all(25 < pause <= 30 for pause in pauses)


def test_a_wait_longer_than_the_call_allows_is_not_taken(server) -> None:
    base_url, _ = server
    pauses: list[float] = []
    result = _call(base_url, "GET", "rate-limited", pauses, timeout=1)  # asks for 2 s, the call has 1 s
    assert pauses == [] and result.attempts == 1 and "HTTP 429" in result.error


def test_backoff_grows_between_server_errors(server) -> None:
    base_url, _ = server
    pauses: list[float] = []
    _call(base_url, "GET", "status-503", pauses, max_retries=3)
    assert len(pauses) == 3
    assert 0.375 <= pauses[0] <= 0.5 and 0.75 <= pauses[1] <= 1.0 and 1.5 <= pauses[2] <= 2.0


def test_slow_answer_uses_up_the_call_time(server) -> None:
    base_url, _ = server
    result = _call(base_url, "GET", "slow", [], timeout=0.2)
    assert result.attempts == 1
    assert result.error == "network error: no answer within 0.2 s (ReadTimeout)"


def test_a_slow_write_keeps_a_third_of_the_call_to_read_back(server) -> None:
    base_url, seen = server
    before = len(seen.requests)
    started = time.monotonic()
    result = _call(base_url, "POST", "slow", [], timeout=0.3)
    elapsed = time.monotonic() - started
    assert [method for method, _ in seen.requests[before:]] == ["POST", "GET"]
    assert result.error.startswith("outcome unknown: POST /v2/bookings/{bookingUid}/cancel got no answer within 0.2")
    assert 'check with CAL_GET_BOOKING {"bookingUid": "slow"}' in result.error
    assert elapsed < 0.45, "the read-back stays within the call's time limit"


def test_a_trickling_body_cannot_stretch_the_call(server) -> None:
    base_url, _ = server
    result = _call(base_url, "GET", "trickle", [], timeout=0.3)
    assert not result.successful and "no answer within 0.3 s" in result.error


@pytest.mark.parametrize(("method", "attempts"), [("GET", 3), ("POST", 3)])
def test_refused_connections_are_retried_even_for_post(method, attempts) -> None:
    result = _call(f"http://127.0.0.1:{free_port()}", method, "any", [])
    assert result.attempts == attempts and "network error: ConnectError" in result.error


def test_per_call_retries_override_the_client(server) -> None:
    base_url, _ = server
    cal = Cal(api_key="cal_test_key", base_url=base_url, max_retries=0)
    cal._pause = lambda seconds: None  # type: ignore[method-assign]
    with cal:
        assert cal.execute("CAL_GET_BOOKING", {"bookingUid": "status-500"}).attempts == 1
        assert cal.execute("CAL_GET_BOOKING", {"bookingUid": "status-500"}, max_retries=4).attempts == 5


def test_async_client_makes_the_same_attempts() -> None:
    async def run(base_url: str) -> list[tuple[int, bool]]:
        async with AsyncCal(api_key="cal_test_key", base_url=base_url) as cal:
            cal._pause = _no_pause  # type: ignore[method-assign]
            results = [
                await cal.execute(name, {"bookingUid": fault})
                for name in ("CAL_GET_BOOKING", "CAL_CANCEL_BOOKING")
                for fault in ("status-503", "reset", "rate-limited-once")
            ]
        return [(result.attempts, result.successful) for result in results]

    with serve(_fault) as (base_url, _):  # a fresh server: "rate-limited-once" counts its hits
        outcomes = asyncio.run(run(base_url))
    # The POST cut off after sending is read back (three GETs meeting the same reset), never sent again.
    assert outcomes == [(3, False), (3, False), (2, True), (1, False), (4, False), (2, True)]


async def _no_pause(seconds: float) -> None:
    return None
