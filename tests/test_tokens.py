"""Managed-user tokens: one refresh on a 401, the call retried once, the new pair handed back."""

from __future__ import annotations

import asyncio
import json
import logging
import threading
import time
from concurrent.futures import ThreadPoolExecutor

import httpx
import pytest

from cal_actions import AsyncCal, Cal
from cal_actions.http.tokens import Tokens

CREDENTIALS = {
    "base_url": "https://cal.test",
    "client_id": "client-1",
    "client_secret": "client-secret-value",
    "access_token": "old-access-token",
    "refresh_token": "old-refresh-token",
}
OK = {"status": "success", "data": {"ok": True}}


class FakeCal:
    """Accepts only the current access token; the refresh route rotates both tokens."""

    def __init__(self, *, refresh_status: int = 200, accept_new: bool = True, refresh_delay: float = 0.0) -> None:
        self.refresh_status = refresh_status
        self.accept_new = accept_new
        self.refresh_delay = refresh_delay
        self.refreshes: list[httpx.Request] = []
        self.calls: list[httpx.Request] = []
        self.lock = threading.Lock()

    def _refresh(self, request: httpx.Request) -> httpx.Response:
        with self.lock:
            self.refreshes.append(request)
            number = len(self.refreshes)
        if self.refresh_status != 200:
            error = {"code": "UnauthorizedException", "message": "Invalid refresh token"}
            return httpx.Response(self.refresh_status, json={"status": "error", "error": error})
        data = {"accessToken": f"new-access-token-{number}", "refreshToken": f"new-refresh-token-{number}"}
        return httpx.Response(200, json={"status": "success", "data": data})

    def _call(self, request: httpx.Request) -> httpx.Response:
        with self.lock:
            self.calls.append(request)
        token = request.headers.get("authorization", "")
        if self.accept_new and token.startswith("Bearer new-access-token"):
            return httpx.Response(200, json=OK)
        return httpx.Response(401, json={"status": "error", "error": {"code": "UnauthorizedException"}})

    def handler(self, request: httpx.Request) -> httpx.Response:
        if request.url.path == "/v2/oauth/client-1/refresh":
            time.sleep(self.refresh_delay)
            return self._refresh(request)
        return self._call(request)

    async def async_handler(self, request: httpx.Request) -> httpx.Response:
        if request.url.path == "/v2/oauth/client-1/refresh":
            await asyncio.sleep(self.refresh_delay)
            return self._refresh(request)
        return self._call(request)


def _cal(fake: FakeCal, **settings) -> Cal:
    return Cal(transport=httpx.MockTransport(fake.handler), **{**CREDENTIALS, **settings})


@pytest.mark.parametrize(("action", "arguments"), [("CAL_GET_ME", {}), ("CAL_CANCEL_BOOKING", {"bookingUid": "b1"})])
def test_a_401_refreshes_once_and_retries_the_call(action: str, arguments: dict) -> None:
    fake, stored = FakeCal(), []
    cal = _cal(fake, on_tokens=stored.append, max_retries=0)
    result = cal.execute(action, arguments)
    assert result.model_dump() == {"data": {"ok": True}, "successful": True, "error": None}
    assert result.attempts == 2
    (refresh,) = fake.refreshes
    assert refresh.method == "POST" and refresh.headers["x-cal-secret-key"] == "client-secret-value"
    assert json.loads(refresh.content) == {"refreshToken": "old-refresh-token"}
    assert [call.headers["authorization"] for call in fake.calls] == [
        "Bearer old-access-token",
        "Bearer new-access-token-1",
    ]
    assert fake.calls[0].content == fake.calls[1].content  # the same request, only the token changed
    assert stored == [Tokens("new-access-token-1", "new-refresh-token-1")]
    assert cal.config.access_token == "new-access-token-1" and cal.config.refresh_token == "new-refresh-token-1"
    # The next call goes straight through with the new token.
    assert cal.execute("CAL_GET_ME").attempts == 1 and len(fake.refreshes) == 1


def test_still_unauthorized_after_a_refresh_is_returned_not_looped() -> None:
    fake = FakeCal(accept_new=False)
    result = _cal(fake).execute("CAL_GET_ME")
    assert not result.successful and "HTTP 401 UnauthorizedException" in result.error
    assert result.attempts == 2 and len(fake.refreshes) == 1


@pytest.mark.parametrize("status", [400, 401, 500])
def test_a_failed_refresh_gives_a_clear_error(status: int) -> None:
    fake, stored = FakeCal(refresh_status=status), []
    result = _cal(fake, on_tokens=stored.append).execute("CAL_GET_ME")
    assert result.model_dump()["successful"] is False
    assert result.error.startswith("the access token expired and could not be refreshed: ")
    assert f"HTTP {status}" in result.error and "Invalid refresh token" in result.error
    assert result.attempts == 1 and len(fake.calls) == 1 and stored == []
    assert "old-refresh-token" not in result.error and "client-secret-value" not in result.error


def test_a_refresh_that_cannot_connect() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path.endswith("/refresh"):
            raise httpx.ConnectError("refused", request=request)
        return httpx.Response(401, json={"status": "error"})

    result = Cal(transport=httpx.MockTransport(handler), **CREDENTIALS).execute("CAL_GET_ME")
    assert result.error == "the access token expired and could not be refreshed: network error (ConnectError)"


def test_an_answer_without_tokens_is_a_failed_refresh() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path.endswith("/refresh"):
            return httpx.Response(200, json={"status": "success", "data": {"accessToken": ""}})
        return httpx.Response(401, json={"status": "error"})

    result = Cal(transport=httpx.MockTransport(handler), **CREDENTIALS).execute("CAL_GET_ME")
    assert "no accessToken and refreshToken" in result.error


@pytest.mark.parametrize(
    "missing", [{"refresh_token": None}, {"client_secret": None}, {"access_token": None, "api_key": "cal_live_key"}]
)
def test_no_refresh_without_everything_it_needs(missing: dict, monkeypatch: pytest.MonkeyPatch) -> None:
    for variable in ("CAL_REFRESH_TOKEN", "CAL_CLIENT_SECRET", "CAL_ACCESS_TOKEN"):
        monkeypatch.delenv(variable, raising=False)
    fake = FakeCal()
    result = _cal(fake, **missing).execute("CAL_GET_ME")
    assert "HTTP 401" in result.error and result.attempts == 1 and fake.refreshes == []


def test_concurrent_async_calls_share_one_refresh() -> None:
    fake, stored = FakeCal(refresh_delay=0.05), []

    async def keep(tokens: Tokens) -> None:  # an async callback is awaited
        await asyncio.sleep(0)
        stored.append(tokens)

    async def run() -> list:
        async with AsyncCal(transport=httpx.MockTransport(fake.async_handler), on_tokens=keep, **CREDENTIALS) as cal:
            return await asyncio.gather(*(cal.execute("CAL_GET_ME") for _ in range(25)))

    results = asyncio.run(run())
    assert all(result.successful and result.attempts == 2 for result in results)
    assert len(fake.refreshes) == 1 and stored == [Tokens("new-access-token-1", "new-refresh-token-1")]


def test_concurrent_threads_share_one_refresh() -> None:
    fake = FakeCal(refresh_delay=0.05)
    cal = _cal(fake)
    with ThreadPoolExecutor(max_workers=8) as pool:
        results = list(pool.map(lambda _: cal.execute("CAL_GET_ME"), range(16)))
    assert all(result.successful for result in results)
    assert len(fake.refreshes) == 1


def test_a_failing_on_tokens_callback_does_not_fail_the_call(caplog: pytest.LogCaptureFixture) -> None:
    def broken(tokens: Tokens) -> None:
        raise OSError("disk full")

    with caplog.at_level(logging.WARNING, logger="cal_actions"):
        result = _cal(FakeCal(), on_tokens=broken).execute("CAL_GET_ME")
    assert result.successful
    assert "on_tokens callback failed (OSError)" in caplog.text


def test_tokens_never_show_in_their_repr() -> None:
    shown = repr(Tokens("new-access-token-1", "new-refresh-token-1"))
    assert "new-access" not in shown and "new-refresh" not in shown
