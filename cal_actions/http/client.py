"""``Cal`` and ``AsyncCal``: run any action by name and return the envelope.

Every decision lives in ``flow.execution_flow``; the two clients differ only in how they
perform its commands: send a request, pause, refresh tokens under a lock, ask for confirmation.
"""

from __future__ import annotations

import asyncio
import copy
import dataclasses
import inspect
import logging
import threading
import time
from collections.abc import Callable, Mapping
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, Self, TypedDict, Unpack

import httpx

from cal_actions.action import Action, Registry
from cal_actions.config import (
    MAX_CONNECTIONS,
    MAX_KEEPALIVE_CONNECTIONS,
    SECRET_FIELDS,
    ClientConfig,
    checked_retries,
    checked_seconds,
)
from cal_actions.errors import TokenRefreshError
from cal_actions.http import tokens
from cal_actions.http.flow import Arguments, Call, Confirm, DeadlineStream, Flow, Pause, Refresh, Send, execution_flow
from cal_actions.http.ratelimit import RateLimiter
from cal_actions.policy import ConfirmScope, Policy
from cal_actions.result import ActionResult

if TYPE_CHECKING:
    from cal_actions.sandbox.app import Sandbox

logger = logging.getLogger("cal_actions")

#: ``(action, arguments) -> bool``, consulted before every destructive action, or every write with
#: ``confirm_scope="writes"`` (may be async for AsyncCal).
ConfirmCallback = Callable[[Action, dict[str, Any]], Any]
#: Receives the renewed ``Tokens`` after a refresh, to store them (may be async for AsyncCal).
TokensCallback = Callable[[tokens.Tokens], Any]



class Settings(TypedDict, total=False):
    """Client settings, each optional; unset ones come from ``CAL_*`` variables, then defaults."""

    api_key: str | None
    base_url: str | None
    client_id: str | None
    client_secret: str | None
    access_token: str | None
    refresh_token: str | None
    timeout: float | None
    connect_timeout: float | None
    max_retries: int | None
    policy: Policy | None
    confirm_scope: ConfirmScope | None
    dry_run: bool | None
    api_versions: Mapping[str, str] | None
    rate_limit: int | None
    confirm: ConfirmCallback | None
    on_tokens: TokensCallback | None
    registry: Registry | None


_LIMITS = httpx.Limits(max_connections=MAX_CONNECTIONS, max_keepalive_connections=MAX_KEEPALIVE_CONNECTIONS)


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
        connect_timeout: float | None = None,
        max_retries: int | None = None,
        policy: Policy | None = None,
        confirm_scope: ConfirmScope | None = None,
        dry_run: bool | None = None,
        api_versions: Mapping[str, str] | None = None,
        rate_limit: int | None = None,
        confirm: ConfirmCallback | None = None,
        on_tokens: TokensCallback | None = None,
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
            connect_timeout=connect_timeout,
            max_retries=max_retries,
            policy=policy,
            confirm_scope=confirm_scope,
            dry_run=dry_run,
            api_versions=api_versions,
            rate_limit=rate_limit,
        )
        # Cal.com counts requests per credential: every call of this client shares one budget.
        self.limiter = RateLimiter(self.config.rate_limit)
        self._registry = registry
        self._confirm = confirm
        self._on_tokens = on_tokens
        self._emulator: Sandbox | None = None

    @property
    def emulator(self) -> Sandbox:
        """The embedded Cal.com behind a client made by ``sandbox()``: clock, outbox, stored documents."""
        if self._emulator is None:
            raise AttributeError("this client talks to Cal.com, not to a sandbox: make it with sandbox()")
        return self._emulator

    @property
    def registry(self) -> Registry:
        if self._registry is None:
            from cal_actions.actions import registry

            self._registry = registry
        return self._registry

    def with_bearer(self, token: str) -> Self:
        """A client that acts as ``token`` (an API key or access token) and nothing else.

        For a server acting for many callers: the copy shares this client's connection pool,
        in-flight cap, settings, policy and sandbox, but none of its credentials (API key, tokens,
        OAuth client), and it never refreshes or reports tokens. Building one costs a config copy.
        """
        # Shallow: the httpx client is shared, and it adds nothing of its own to a request (requests are built
        # whole, so its cookie jar is never sent, and redirects are not followed).
        twin = copy.copy(self)
        nothing_else: dict[str, Any] = dict.fromkeys(SECRET_FIELDS)  # every credential field, present or future
        twin.config = dataclasses.replace(self.config, **{**nothing_else, "client_id": None, "api_key": token})
        twin._on_tokens = None
        twin.limiter = RateLimiter(self.config.rate_limit)  # Cal.com budgets per key: never share another's
        return twin

    def _timeout(self) -> httpx.Timeout:
        return httpx.Timeout(self.config.timeout, connect=self.config.connect_timeout)

    def _flow(
        self, name: str, arguments: Arguments, max_retries: int | None, timeout: float | None, dry_run: bool | None
    ) -> Flow:
        """Per-call settings override the client's; ``None`` keeps the client's. A value the client's
        constructor would refuse raises ``ValueError`` here too: it is the calling code's mistake."""
        config = self.config
        return execution_flow(
            Call(
                name=name,
                arguments=arguments,
                config=config,
                registry=self.registry,
                retries=config.max_retries if max_retries is None else checked_retries(max_retries),
                timeout=config.timeout if timeout is None else checked_seconds("timeout", timeout),
                dry_run=config.dry_run if dry_run is None else dry_run,
                confirm=self._confirm is not None,
                limiter=self.limiter,
            )
        )

    def _adopt(self, renewed: tokens.Tokens) -> Any:
        """Use the new pair from now on and hand it to ``on_tokens``; returns what the callback returned."""
        self.config = renewed.applied_to(self.config)
        if self._on_tokens is None:
            return None
        try:
            return self._on_tokens(renewed)
        except Exception as error:  # the call goes on: the client already holds the new tokens
            _callback_failed(error)
            return None

    def __repr__(self) -> str:
        return f"{type(self).__name__}(base_url={self.config.base_url!r})"


def _callback_failed(error: BaseException) -> None:
    logger.warning("on_tokens callback failed (%s); the renewed tokens live only in this client", type(error).__name__)


class Cal(_ClientBase):
    """Synchronous client. ``Cal().execute("CAL_GET_ME")`` → ``ActionResult``."""

    def __init__(self, *, transport: httpx.BaseTransport | None = None, **settings: Unpack[Settings]) -> None:
        super().__init__(**settings)
        self._http = httpx.Client(transport=transport, timeout=self._timeout(), limits=_LIMITS, follow_redirects=False)
        self._refresh_lock = threading.Lock()

    @classmethod
    def sandbox(
        cls,
        sandbox: Sandbox | None = None,
        *,
        db: str | Path | None = None,
        now: datetime | str | None = None,
        **settings: Unpack[Settings],
    ) -> Self:
        """A client of a seeded in-process Cal.com emulator: no account, no network.

        ``db`` keeps state in a SQLite file; ``now`` (a datetime or an ISO 8601 string) freezes its
        clock; ``client.emulator`` is the :class:`~cal_actions.sandbox.Sandbox` (clock, outbox,
        stored documents).
        """
        from cal_actions.sandbox.transport import client_wiring

        emulator, transport, resolved = client_wiring(sandbox, db, now, dict(settings))
        client = cls(transport=transport, **resolved)
        client._emulator = emulator
        return client

    def execute(
        self,
        name: str,
        arguments: Arguments = None,
        *,
        max_retries: int | None = None,
        timeout: float | None = None,
        dry_run: bool | None = None,
    ) -> ActionResult:
        flow = self._flow(name, arguments, max_retries, timeout, dry_run)
        reply: Any = None
        try:
            while True:
                reply = self._perform(flow.send(reply))
        except StopIteration as done:
            result: ActionResult = done.value
            return result

    def _perform(self, command: Send | Pause | Refresh | Confirm) -> Any:
        if isinstance(command, Send):
            return self._send(command.request, command.deadline)
        if isinstance(command, Pause):
            return self._pause(command.seconds)
        if isinstance(command, Refresh):
            return self._refresh(command)
        try:
            return self._confirm(command.action, command.arguments)  # type: ignore[misc]
        except Exception as error:
            return error

    def _send(self, request: httpx.Request, deadline: float) -> httpx.Response | Exception:
        try:
            response = self._http.send(request, stream=True)
            try:
                response.stream = DeadlineStream(response.stream, deadline, request)
                response.read()
            finally:
                response.close()
            return response
        except httpx.HTTPError as error:
            return error

    def _pause(self, seconds: float) -> None:
        time.sleep(seconds)

    def _refresh(self, command: Refresh) -> ClientConfig | TokenRefreshError:
        with self._refresh_lock:  # concurrent calls share one refresh
            if self.config.access_token != command.stale_token:
                return self.config
            renewed = tokens.refreshed(self._send(command.request, command.deadline))
            if isinstance(renewed, TokenRefreshError):
                return renewed
            self._adopt(renewed)
            return self.config

    def close(self) -> None:
        self._http.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()


class AsyncCal(_ClientBase):
    """Asynchronous client. ``await AsyncCal().execute("CAL_GET_ME")`` → ``ActionResult``."""

    def __init__(self, *, transport: httpx.AsyncBaseTransport | None = None, **settings: Unpack[Settings]) -> None:
        super().__init__(**settings)
        self._http = httpx.AsyncClient(
            transport=transport, timeout=self._timeout(), limits=_LIMITS, follow_redirects=False
        )
        self._refresh_lock = asyncio.Lock()
        self._slots = asyncio.Semaphore(MAX_CONNECTIONS)

    @classmethod
    def sandbox(
        cls,
        sandbox: Sandbox | None = None,
        *,
        db: str | Path | None = None,
        now: datetime | str | None = None,
        **settings: Unpack[Settings],
    ) -> Self:
        """The async twin of :meth:`Cal.sandbox`."""
        from cal_actions.sandbox.transport import client_wiring

        emulator, transport, resolved = client_wiring(sandbox, db, now, dict(settings))
        client = cls(transport=transport, **resolved)
        client._emulator = emulator
        return client

    async def execute(
        self,
        name: str,
        arguments: Arguments = None,
        *,
        max_retries: int | None = None,
        timeout: float | None = None,
        dry_run: bool | None = None,
    ) -> ActionResult:
        flow = self._flow(name, arguments, max_retries, timeout, dry_run)
        reply: Any = None
        try:
            while True:
                reply = await self._perform(flow.send(reply))
        except StopIteration as done:
            result: ActionResult = done.value
            return result

    async def _perform(self, command: Send | Pause | Refresh | Confirm) -> Any:
        if isinstance(command, Send):
            return await self._send(command.request, command.deadline)
        if isinstance(command, Pause):
            return await self._pause(command.seconds)
        if isinstance(command, Refresh):
            return await self._refresh(command)
        try:
            answer = self._confirm(command.action, command.arguments)  # type: ignore[misc]
            return await answer if inspect.isawaitable(answer) else answer
        except Exception as error:
            return error

    async def _send(self, request: httpx.Request, deadline: float) -> httpx.Response | Exception:
        # httpcore's pool rescans every queued request on each event, which turns a few hundred
        # concurrent calls quadratic; waiting here instead keeps its queue empty.
        try:
            async with asyncio.timeout(max(deadline - time.monotonic(), 0)):
                await self._slots.acquire()
        except TimeoutError:
            return httpx.PoolTimeout("no free connection within the call's time limit", request=request)
        try:
            return await self._send_now(request, deadline)
        finally:
            self._slots.release()

    async def _send_now(self, request: httpx.Request, deadline: float) -> httpx.Response | Exception:
        # Cancelled mid-call, the finally clause closes the stream and httpx drops the connection.
        try:
            response = await self._http.send(request, stream=True)
            try:
                response.stream = DeadlineStream(response.stream, deadline, request)
                await response.aread()
            finally:
                await response.aclose()
            return response
        except httpx.HTTPError as error:
            return error

    async def _pause(self, seconds: float) -> None:
        await asyncio.sleep(seconds)

    async def _refresh(self, command: Refresh) -> ClientConfig | TokenRefreshError:
        async with self._refresh_lock:  # concurrent calls share one refresh
            if self.config.access_token != command.stale_token:
                return self.config
            renewed = tokens.refreshed(await self._send(command.request, command.deadline))
            if isinstance(renewed, TokenRefreshError):
                return renewed
            pending = self._adopt(renewed)
            if inspect.isawaitable(pending):
                try:
                    await pending
                except Exception as error:
                    _callback_failed(error)
            return self.config

    async def aclose(self) -> None:
        await self._http.aclose()

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self.aclose()
