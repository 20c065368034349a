"""Guard rails: read-only and no-destructive policies, the confirm callback and dry runs send nothing."""

from __future__ import annotations

import asyncio

import httpx
import pytest

from cal_actions import AsyncCal, Cal, registry
from cal_actions.action import Action
from tests.support import example_arguments

OK = {"status": "success", "data": {"ok": True}}
CREDENTIALS = {"api_key": "cal_live_policy_key", "client_id": "client-1", "client_secret": "secret-value-1"}


def _cal(sent: list[httpx.Request], **settings) -> Cal:
    transport = httpx.MockTransport(lambda request: sent.append(request) or httpx.Response(200, json=OK))
    return Cal(transport=transport, base_url="https://cal.test", **CREDENTIALS, **settings)


def _arguments(action: Action) -> dict:
    return example_arguments(action.json_schema())


@pytest.mark.parametrize("policy", ["read_only", "deny_destructive"])
def test_every_action_is_blocked_or_sent_as_its_hints_say(policy: str) -> None:
    sent: list[httpx.Request] = []
    cal = _cal(sent, policy=policy)
    for action in registry:
        before = len(sent)
        result = cal.execute(action.name, _arguments(action))
        forbidden = not action.read_only if policy == "read_only" else action.destructive
        if forbidden:
            assert len(sent) == before and result.attempts == 0
            assert result.error == (
                f"{action.name} blocked: the client's policy is {policy} and this action "
                + ("can change data" if policy == "read_only" else "may overwrite or remove existing data")
                + "; nothing was sent"
            )
        else:
            assert result.successful and len(sent) == before + 1, action.name


def test_deny_destructive_stops_an_update_that_wipes_working_hours() -> None:
    sent: list[httpx.Request] = []
    cal = _cal(sent, policy="deny_destructive")
    result = cal.execute("CAL_UPDATE_SCHEDULE", {"scheduleId": 5, "availability": []})
    assert not result.successful and "may overwrite or remove existing data" in (result.error or "") and not sent
    asked: list[str] = []
    confirming = _cal(sent, confirm=lambda action, arguments: asked.append(action.name) or False)
    assert not confirming.execute("CAL_UPDATE_SCHEDULE", {"scheduleId": 5, "availability": []}).successful
    assert asked == ["CAL_UPDATE_SCHEDULE"] and not sent


def test_an_unknown_policy_is_refused() -> None:
    with pytest.raises(ValueError, match="policy must be one of read_only, deny_destructive"):
        Cal(policy="careful")


def test_confirm_is_asked_before_destructive_actions_only() -> None:
    sent: list[httpx.Request] = []
    asked: list[tuple[str, dict]] = []

    def confirm(action: Action, arguments: dict) -> bool:
        asked.append((action.name, arguments))
        return arguments.get("bookingUid") == "approved"

    cal = _cal(sent, confirm=confirm)
    declined = cal.execute("CAL_CANCEL_BOOKING", {"bookingUid": "b1", "cancellationReason": "ill"})
    approved = cal.execute("CAL_CANCEL_BOOKING", {"bookingUid": "approved"})
    read = cal.execute("CAL_GET_BOOKING", {"bookingUid": "b1"})
    assert declined.model_dump() == {
        "data": None,
        "successful": False,
        "error": "CAL_CANCEL_BOOKING blocked: the confirm callback did not approve this destructive action; "
        "nothing was sent",
    }
    assert approved.successful and read.successful
    assert asked == [
        ("CAL_CANCEL_BOOKING", {"bookingUid": "b1", "cancellationReason": "ill"}),
        ("CAL_CANCEL_BOOKING", {"bookingUid": "approved"}),
    ]
    assert [request.url.path for request in sent] == ["/v2/bookings/approved/cancel", "/v2/bookings/b1"]


@pytest.mark.parametrize("answer", [None, "yes", 1])
def test_only_a_true_answer_approves(answer: object) -> None:
    sent: list[httpx.Request] = []
    result = _cal(sent, confirm=lambda action, arguments: answer).execute("CAL_DELETE_WEBHOOK", {"webhookId": "w"})
    assert not result.successful and sent == []


def test_a_confirm_callback_that_raises_blocks() -> None:
    def confirm(action: Action, arguments: dict) -> bool:
        raise RuntimeError("no operator")

    sent: list[httpx.Request] = []
    result = _cal(sent, confirm=confirm).execute("CAL_DELETE_WEBHOOK", {"webhookId": "w"})
    assert result.error == (
        "CAL_DELETE_WEBHOOK blocked: the confirm callback failed (RuntimeError) so it is treated as a no; "
        "nothing was sent"
    )
    assert sent == []


def test_async_client_awaits_an_async_confirm() -> None:
    sent: list[httpx.Request] = []

    async def confirm(action: Action, arguments: dict) -> bool:
        await asyncio.sleep(0)
        return arguments["webhookId"] == "keep-going"

    async def handler(request: httpx.Request) -> httpx.Response:
        sent.append(request)
        return httpx.Response(200, json=OK)

    async def run() -> tuple:
        async with AsyncCal(transport=httpx.MockTransport(handler), confirm=confirm, **CREDENTIALS) as cal:
            return (
                await cal.execute("CAL_DELETE_WEBHOOK", {"webhookId": "stop"}),
                await cal.execute("CAL_DELETE_WEBHOOK", {"webhookId": "keep-going"}),
            )

    stopped, done = asyncio.run(run())
    assert "blocked" in stopped.error and done.successful
    assert [request.url.path for request in sent] == ["/v2/webhooks/keep-going"]


def test_dry_run_returns_the_request_without_sending_it() -> None:
    sent: list[httpx.Request] = []
    cal = _cal(sent, dry_run=True, confirm=lambda *_: False)
    arguments = {"bookingUid": "b 1", "cancellationReason": "ill"}
    result = cal.execute("CAL_CANCEL_BOOKING", arguments)
    assert result.successful and result.attempts == 0 and sent == []
    assert result.data == {
        "method": "POST",
        "url": "https://cal.test/v2/bookings/b%201/cancel",
        "headers": {
            "host": "cal.test",
            "accept": "application/json",
            "accept-encoding": "gzip, deflate",
            "user-agent": "cal-actions/0.1.0",
            "cal-api-version": "2024-08-13",
            "authorization": "***",
            "content-length": "28",
            "content-type": "application/json",
        },
        "json": {"cancellationReason": "ill"},
    }
    platform = cal.execute("CAL_LIST_MANAGED_USERS", {"clientId": "client-1", "limit": 5})
    assert platform.data["headers"]["x-cal-secret-key"] == "***" and platform.data["json"] is None
    assert platform.data["url"] == "https://cal.test/v2/oauth-clients/client-1/users?limit=5"


def test_dry_run_per_call_overrides_the_client() -> None:
    sent: list[httpx.Request] = []
    live = _cal(sent)
    assert live.execute("CAL_GET_ME", dry_run=True).data["url"] == "https://cal.test/v2/me" and sent == []
    rehearsing = _cal(sent, dry_run=True)
    assert rehearsing.execute("CAL_GET_ME", dry_run=False).data == {"ok": True} and len(sent) == 1


def test_dry_run_still_validates_and_obeys_the_policy() -> None:
    sent: list[httpx.Request] = []
    cal = _cal(sent, dry_run=True, policy="read_only")
    assert "bookingUid" in cal.execute("CAL_GET_BOOKING", {}).error
    assert "blocked" in cal.execute("CAL_DELETE_WEBHOOK", {"webhookId": "w"}).error
    assert sent == []


#: Actions with consequences for people outside the caller that are not destructive: creates and sends.
OUTWARD = [
    "CAL_CREATE_TEAM_EVENT_TYPE_PHONE_CALL",
    "CAL_CREATE_ORG_TEAM_EVENT_TYPE_PHONE_CALL",
    "CAL_CREATE_ORG_MEMBERSHIP",
    "CAL_CREATE_TEAM_MEMBERSHIP",
    "CAL_CREATE_ORG_USER",
    *[action.name for action in registry if "_SEND_" in action.name and "VERIFICATION_CODE" in action.name],
]


@pytest.mark.parametrize("scope", ["destructive", "writes"])
def test_confirm_scope_writes_asks_before_every_write_and_only_then(scope: str) -> None:
    assert len(OUTWARD) > 5 and not any(registry.get(name).destructive for name in OUTWARD)
    sent: list[httpx.Request] = []
    asked: list[str] = []
    cal = _cal(sent, confirm_scope=scope, confirm=lambda action, arguments: asked.append(action.name) or False)
    for action in registry:
        before = len(sent)
        result = cal.execute(action.name, _arguments(action))
        if action.destructive or (scope == "writes" and not action.read_only):
            assert asked[-1:] == [action.name] and len(sent) == before, action.name
            kind = "destructive action" if action.destructive else "action"
            assert result.error == (
                f"{action.name} blocked: the confirm callback did not approve this {kind}; nothing was sent"
            )
        else:
            assert result.successful and len(sent) == before + 1, action.name
    assert set(OUTWARD) <= set(asked) if scope == "writes" else not set(OUTWARD) & set(asked)


@pytest.mark.parametrize(("scope", "reaches"), [(None, True), ("writes", False)])
def test_confirm_scope_writes_stops_the_phone_call_the_default_lets_through(scope: str | None, reaches: bool) -> None:
    call = {"teamId": 1, "eventTypeId": 1, "yourPhoneNumber": "+14155550100", "numberToCall": "+14155550123",
            "calApiKey": "cal_live_agent_key_1", "enabled": True, "templateType": "CUSTOM_TEMPLATE"}  # fmt: skip
    asked: list[str] = []
    with Cal.sandbox(confirm=lambda a, b: asked.append(a.name) or False, policy="deny_destructive",
                     confirm_scope=scope) as cal:  # fmt: skip
        result = cal.execute("CAL_CREATE_TEAM_EVENT_TYPE_PHONE_CALL", call)
    assert (result.attempts > 0) is reaches and (asked == []) is reaches


def test_an_unknown_confirm_scope_is_refused() -> None:
    with pytest.raises(ValueError, match="confirm_scope must be one of destructive, writes"):
        Cal(api_key="k", confirm_scope="creates")  # type: ignore[arg-type]
