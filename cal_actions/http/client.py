"""``Cal`` and ``AsyncCal``: run any action by name and return the envelope.

Both share argument checking, request building, retry decisions and response reading;
they differ only in how a request is sent and how a pause is taken.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Generator, Mapping
from typing import Any, Self

import httpx

from cal_actions.action import Action, Registry
from cal_actions.config import ClientConfig
from cal_actions.errors import CalActionsError
from cal_actions.http import retry
from cal_actions.http.request import build_request, parse_arguments
from cal_actions.http.response import read_response
from cal_actions.result import ActionResult

logger = logging.getLogger("cal_actions")

Arguments = Mapping[str, Any] | str | None


class _ClientBase:
    def __init__(
        self,
        *,
        api_key: str | None = None,
        base_url: str | None = None,
        client_id: str | None = None,
        client_secret: str | None = None,
        access_token: str | None = None,
        refresh_token: str | None = None,
        timeout: float | None = None,
        max_retries: int | None = None,
        registry: Registry | None = None,
    ) -> None:
        self.config = ClientConfig.resolve(
            api_key=api_key,
            base_url=base_url,
            client_id=client_id,
            client_secret=client_secret,
            access_token=access_token,
            refresh_token=refresh_token,
            timeout=timeout,
            max_retries=max_retries,
        )
        self._registry = registry

    @property
    def registry(self) -> Registry:
        if self._registry is None:
            from cal_actions.actions import registry

            self._registry = registry
        return self._registry

    def _timeout(self) -> httpx.Timeout:
        return httpx.Timeout(self.config.timeout, connect=self.config.connect_timeout)

    def _prepare(self, name: str, arguments: Arguments) -> tuple[Action, httpx.Request]:
        action = self.registry.get(name)
        params = parse_arguments(action, arguments)
        return action, build_request(action, params, self.config)

    def _retries(self, max_retries: int | None) -> int:
        return self.config.max_retries if max_retries is None else max(0, max_retries)

    def __repr__(self) -> str:
        return f"{type(self).__name__}(base_url={self.config.base_url!r})"


def _delay_after(method: str, outcome: httpx.Response | Exception, attempt: int, retries: int) -> float | None:
    """Pause before another attempt, or ``None`` when this outcome is final."""
    if attempt > retries:
        return None
    if isinstance(outcome, httpx.Response):
        if not retry.should_retry_status(method, outcome.status_code):
            return None
        return retry.next_delay(attempt - 1, outcome.headers)
    if not retry.should_retry_error(method, outcome):
        return None
    return retry.next_delay(attempt - 1, None)


def _outcome_result(outcome: httpx.Response | Exception, attempts: int, timeout: float) -> ActionResult:
    if isinstance(outcome, httpx.TimeoutException):
        message = f"network error: no answer within {timeout:g} s ({type(outcome).__name__})"
        return ActionResult.failure(message, attempts=attempts)
    if isinstance(outcome, Exception):
        return ActionResult.failure(f"network error: {type(outcome).__name__}: {outcome}", attempts=attempts)
    try:
        data = read_response(outcome)
    except CalActionsError as error:
        return ActionResult.failure(str(error), status_code=error.status_code, attempts=attempts)
    return ActionResult.success(data, status_code=outcome.status_code, attempts=attempts)


# The attempt loop, written once as a generator: it yields ``Send`` or a pause in seconds and
# is told each outcome; the sync and async clients only perform the I/O it asks for.
Send = object()
Flow = Generator[object, "httpx.Response | Exception | None", ActionResult]


def _execution_flow(action: Action, retries: int, timeout: float) -> Flow:
    attempt = 0
    while True:
        attempt += 1
        started = time.perf_counter()
        outcome = yield Send
        assert outcome is not None
        if logger.isEnabledFor(logging.DEBUG):
            shown = outcome.status_code if isinstance(outcome, httpx.Response) else type(outcome).__name__
            elapsed = (time.perf_counter() - started) * 1000
            logger.debug("%s %s -> %s (attempt %d, %.0f ms)", action.method, action.path, shown, attempt, elapsed)
        delay = _delay_after(action.method, outcome, attempt, retries)
        if delay is None:
            return _outcome_result(outcome, attempt, timeout)
        if isinstance(outcome, httpx.Response):
            outcome.close()
        yield delay


class Cal(_ClientBase):
    """Synchronous client. ``Cal().execute("CAL_GET_ME")`` → ``ActionResult``."""

    def __init__(self, *, transport: httpx.BaseTransport | None = None, **settings: Any) -> None:
        super().__init__(**settings)
        self._http = httpx.Client(transport=transport, timeout=self._timeout(), follow_redirects=False)

    def execute(self, name: str, arguments: Arguments = None, *, max_retries: int | None = None) -> ActionResult:
        try:
            action, request = self._prepare(name, arguments)
        except CalActionsError as error:
            return ActionResult.failure(str(error))
        flow = _execution_flow(action, self._retries(max_retries), self.config.timeout)
        try:
            command = next(flow)
            while True:
                if command is Send:
                    try:
                        response = self._http.send(request)
                        response.read()
                        command = flow.send(response)
                    except httpx.HTTPError as error:
                        command = flow.send(error)
                else:
                    time.sleep(command)  # type: ignore[arg-type]
                    command = next(flow)
        except StopIteration as done:
            return done.value

    def close(self) -> None:
        self._http.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()


class AsyncCal(_ClientBase):
    """Asynchronous client. ``await AsyncCal().execute("CAL_GET_ME")`` → ``ActionResult``."""

    def __init__(self, *, transport: httpx.AsyncBaseTransport | None = None, **settings: Any) -> None:
        super().__init__(**settings)
        self._http = httpx.AsyncClient(transport=transport, timeout=self._timeout(), follow_redirects=False)

    async def execute(self, name: str, arguments: Arguments = None, *, max_retries: int | None = None) -> ActionResult:
        try:
            action, request = self._prepare(name, arguments)
        except CalActionsError as error:
            return ActionResult.failure(str(error))
        flow = _execution_flow(action, self._retries(max_retries), self.config.timeout)
        try:
            command = next(flow)
            while True:
                if command is Send:
                    try:
                        response = await self._http.send(request)
                        await response.aread()
                        command = flow.send(response)
                    except httpx.HTTPError as error:
                        command = flow.send(error)
                else:
                    await asyncio.sleep(command)  # type: ignore[arg-type]
                    command = next(flow)
        except StopIteration as done:
            return done.value

    async def aclose(self) -> None:
        await self._http.aclose()

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self.aclose()
