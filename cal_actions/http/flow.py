"""One call, written once as a generator that both clients drive.

The generator makes every decision: validation, guard rails, dry run, retries, token refresh,
rate-limit waits, reading back a write whose outcome is unknown, the call's total time limit and
the envelope. It yields a command and is sent its outcome;
``Cal`` and ``AsyncCal`` only perform commands (send, pause, refresh under a lock, ask).
"""

from __future__ import annotations

import logging
import time
from collections.abc import AsyncIterator, Generator, Iterator, Mapping
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from typing import Any

import httpx

from cal_actions import policy
from cal_actions.action import Action, Params, Registry, sensitive_values
from cal_actions.config import ClientConfig
from cal_actions.errors import CalActionsError, TokenRefreshError
from cal_actions.http import reconcile, retry, tokens
from cal_actions.http.ratelimit import RateLimiter
from cal_actions.http.redact import effective, mentions, scrub, scrub_data
from cal_actions.http.request import build_request, describe_request, parse_arguments
from cal_actions.http.response import read_response
from cal_actions.http.retry import Delivery
from cal_actions.result import ActionResult

logger = logging.getLogger("cal_actions")

Arguments = Mapping[str, Any] | str | None


@dataclass(frozen=True, slots=True)
class Send:
    """Send ``request``; reply with the fully read ``httpx.Response`` or the ``httpx.HTTPError``."""

    request: httpx.Request
    deadline: float  # time.monotonic() past which reading the body stops


@dataclass(frozen=True, slots=True)
class Pause:
    seconds: float


@dataclass(frozen=True, slots=True)
class Refresh:
    """Send ``request`` unless another call already replaced ``stale_token``; reply with the
    client's current ``ClientConfig`` or a ``TokenRefreshError`` from ``tokens.refreshed``."""

    stale_token: str | None
    request: httpx.Request
    deadline: float


@dataclass(frozen=True, slots=True)
class Confirm:
    """Ask the confirm callback; reply ``True`` to go ahead, anything else (or an exception) blocks."""

    action: Action
    arguments: dict[str, Any]


Command = Send | Pause | Refresh | Confirm
Flow = Generator[Command, Any, ActionResult]


@dataclass(frozen=True, slots=True)
class Call:
    name: str
    arguments: Arguments
    config: ClientConfig
    registry: Registry
    retries: int
    timeout: float  # seconds for the whole call: every attempt and every pause
    dry_run: bool
    confirm: bool  # the client has a confirm callback (asked as ``config.confirm_scope`` says)
    limiter: RateLimiter | None = None  # the client's rate-limit state, shared by its calls


def execution_flow(call: Call) -> Flow:
    secrets = set(call.config.secrets)
    result = yield from _run(call, secrets)
    return _scrubbed(result, secrets)


def _run(call: Call, secrets: set[str]) -> Flow:
    try:
        action = call.registry.get(call.name)
        params = parse_arguments(action, call.arguments)
        secrets.update(sensitive_values(params))  # secret arguments are masked like the client's credentials
        refusal = policy.refusal(action, call.config.policy)
        if refusal:
            return ActionResult.failure(refusal)
        request = build_request(action, params, call.config)
    except CalActionsError as error:
        return ActionResult.failure(str(error))
    if call.dry_run:  # the request as it would go, every credential masked wherever it sits
        return ActionResult.success(scrub_data(describe_request(request), effective(secrets)), attempts=0)
    if call.confirm and policy.needs_confirmation(action, call.config.confirm_scope):
        answer = yield Confirm(action, params.model_dump(mode="json", by_alias=True, exclude_none=True))
        if answer is not True:
            return ActionResult.failure(policy.declined(action, answer if isinstance(answer, BaseException) else None))
    return (yield from _attempts(action, params, request, call, secrets))


def _attempts(
    action: Action, params: Params, request: httpx.Request, call: Call, secrets: set[str], deadline: float | None = None
) -> Flow:
    config = call.config
    deadline = time.monotonic() + call.timeout if deadline is None else deadline
    began = time.time()  # a float now, a datetime only if a lost answer needs it
    attempt = retried = 0
    refreshed = False
    while True:
        wait = call.limiter.before_send(time.monotonic()) if call.limiter is not None else 0.0
        if wait > 0:
            if time.monotonic() + wait >= deadline:
                return _rate_limited(wait, call.timeout, attempt)
            yield Pause(wait)
        attempt += 1
        started = time.monotonic()
        until = reconcile.write_deadline(action, started, deadline)
        outcome = yield Send(_limited(request, config, until - started), until)
        if call.limiter is not None and isinstance(outcome, httpx.Response):
            call.limiter.after_answer(outcome.headers.raw, time.monotonic())
        _log_attempt(action, outcome, attempt, started)
        if not refreshed and _token_expired(action, outcome, config):
            # One refresh per call, outside the retry budget: a 401 means nothing was processed.
            refreshed = True
            refresh = _limited(tokens.refresh_request(config), config, deadline - time.monotonic())
            reply = yield Refresh(config.access_token, refresh, deadline)
            logger.debug("token refresh -> %s", type(reply).__name__ if isinstance(reply, Exception) else "renewed")
            if isinstance(reply, TokenRefreshError):
                return ActionResult.failure(str(reply), status_code=reply.status_code, attempts=attempt)
            config = reply
            secrets.update(config.secrets)
            request = build_request(action, params, config)
            continue
        if retry.delivery(outcome) is Delivery.UNKNOWN and not retry.is_idempotent(action.method):
            # It may have been applied: never send it again, read back what happened instead.
            arguments = params.model_dump(mode="json", by_alias=True, exclude_none=True)
            read = _reader(replace(call, config=config), secrets, deadline)
            cause = _unknown_cause(outcome, time.monotonic() - started)
            began_at = datetime.fromtimestamp(began, UTC)
            result = yield from reconcile.reconcile(action, arguments, cause, began_at, read, call.registry)
            return result.model_copy(update={"attempts": attempt + result.attempts})
        delay = _delay_after(action.method, outcome, retried, call.retries)
        if delay is None or time.monotonic() + delay >= deadline:
            return _with_hint(action, _outcome_result(outcome, attempt, call.timeout, effective(secrets)))
        retried += 1
        yield Pause(delay)


def _reader(call: Call, secrets: set[str], deadline: float) -> reconcile.Read:
    """Reads for reconciliation: ordinary GET actions in the same call, with its time limit and secrets."""

    def read(action: Action, arguments: dict[str, Any]) -> Flow:
        try:
            params = action.params.model_validate(arguments)
            request = build_request(action, params, call.config)
        except (CalActionsError, ValueError) as error:
            return ActionResult.failure(str(error))
        return (yield from _attempts(action, params, request, call, secrets, deadline))

    return read


def _unknown_cause(outcome: httpx.Response | Exception, waited: float) -> str:
    if isinstance(outcome, httpx.Response):
        return f"got HTTP {outcome.status_code} from a gateway"
    if isinstance(outcome, httpx.TimeoutException):
        return f"got no answer within {waited:.3g} s ({type(outcome).__name__})"
    return f"lost its answer ({type(outcome).__name__})"


def _rate_limited(wait: float, timeout: float, attempts: int) -> ActionResult:
    message = (
        f"HTTP 429: rate limit reached: Cal.com's budget for these credentials renews in {wait:.0f} s, "
        f"after this call's time limit ({timeout:g} s); nothing more was sent. Try again later"
    )
    return ActionResult.failure(message, status_code=429, attempts=attempts)


def _limited(request: httpx.Request, config: ClientConfig, remaining: float) -> httpx.Request:
    """No single wait of this attempt may outlast what is left of the call's time."""
    remaining = max(remaining, 0.001)
    total = min(config.timeout, remaining)
    limit = {"connect": min(config.connect_timeout, remaining), "read": total, "write": total, "pool": total}
    request.extensions = {**request.extensions, "timeout": limit}  # the form httpx.Timeout.as_dict() gives
    return request


def _token_expired(action: Action, outcome: httpx.Response | Exception, config: ClientConfig) -> bool:
    return (
        isinstance(outcome, httpx.Response)
        and outcome.status_code == 401
        and action.route.auth in ("bearer", "bearer_or_platform")  # the access token was sent
        and tokens.can_refresh(config)
    )


def _delay_after(method: str, outcome: httpx.Response | Exception, retried: int, retries: int) -> float | None:
    """Pause before another attempt, or ``None`` when this outcome is final."""
    if retried >= retries:
        return None
    if isinstance(outcome, httpx.Response):
        if not retry.should_retry_status(method, outcome.status_code):
            return None
        return retry.next_delay(retried, outcome.headers)
    if not retry.should_retry_error(method, outcome):
        return None
    return retry.next_delay(retried, None)


def _log_attempt(action: Action, outcome: httpx.Response | Exception, attempt: int, started: float) -> None:
    # Route template only: argument values and credentials never reach the log.
    if logger.isEnabledFor(logging.DEBUG):
        shown = outcome.status_code if isinstance(outcome, httpx.Response) else type(outcome).__name__
        elapsed = (time.monotonic() - started) * 1000
        logger.debug("%s %s -> %s (attempt %d, %.0f ms)", action.method, action.path, shown, attempt, elapsed)


def _outcome_result(
    outcome: httpx.Response | Exception, attempts: int, timeout: float, secrets: tuple[str, ...]
) -> ActionResult:
    if isinstance(outcome, httpx.TimeoutException):
        message = f"network error: no answer within {timeout:g} s ({type(outcome).__name__})"
        return ActionResult.failure(message, attempts=attempts)
    if isinstance(outcome, Exception):
        return ActionResult.failure(f"network error: {type(outcome).__name__}: {outcome}", attempts=attempts)
    try:
        data = read_response(outcome)
    except CalActionsError as error:
        return ActionResult.failure(str(error), status_code=error.status_code, attempts=attempts)
    if mentions(outcome.content, secrets):
        data = scrub_data(data, secrets)
    return ActionResult.success(data, status_code=outcome.status_code, attempts=attempts)


def _with_hint(action: Action, result: ActionResult) -> ActionResult:
    """A failure's error with what the declaration says the caller can do about that status."""
    hint = action.error_hints.get(result.status_code) if result.error and result.status_code else None
    if hint is None:
        return result
    return ActionResult.failure(f"{result.error} ({hint})", status_code=result.status_code, attempts=result.attempts)


def _scrubbed(result: ActionResult, secrets: set[str]) -> ActionResult:
    if result.error is None or not secrets:  # most calls: nothing to scrub, so nothing to prepare
        return result
    cleaned = scrub(result.error, effective(secrets))
    if cleaned == result.error:
        return result
    return ActionResult.failure(cleaned, status_code=result.status_code, attempts=result.attempts)


class DeadlineStream(httpx.SyncByteStream, httpx.AsyncByteStream):
    """A response body stream that stops a server trickling bytes past the call's time limit.

    Put in place of ``response.stream`` before reading, so httpx reads and decodes the body as
    usual (no copy) while the deadline is checked between chunks.
    """

    def __init__(self, stream: Any, deadline: float, request: httpx.Request) -> None:
        self._stream, self._deadline, self._request = stream, deadline, request

    def __iter__(self) -> Iterator[bytes]:
        for chunk in self._stream:
            check_deadline(self._deadline, self._request)
            yield chunk

    async def __aiter__(self) -> AsyncIterator[bytes]:
        async for chunk in self._stream:
            check_deadline(self._deadline, self._request)
            yield chunk

    def close(self) -> None:
        self._stream.close()

    async def aclose(self) -> None:
        await self._stream.aclose()


def check_deadline(deadline: float, request: httpx.Request) -> None:
    """Called between body chunks, so a server trickling bytes cannot stretch a call forever."""
    if time.monotonic() > deadline:
        raise httpx.ReadTimeout("the call's time limit was reached while reading the body", request=request)
