"""The executors run only what the model was offered, when told what that was.

A model may call a tool it was never offered: a made-up name, or one planted in a page or an email it
read. Given ``tools=`` (the list a view returned, or names), the OpenAI and Anthropic executors answer
such a call with an envelope error and send nothing, as the MCP server does for unlisted tools.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import Callable
from typing import Any

import pytest

from cal_actions import Cal
from cal_actions.adapters.anthropic import aexecute_tool_uses, anthropic_tools, execute_tool_uses
from cal_actions.adapters.openai import aexecute_tool_calls, execute_tool_calls, openai_tools

REFUSAL = "CAL_DELETE_WEBHOOK was not offered to the model; nothing was sent"


def _openai_message(*calls: tuple[str, dict[str, Any]]) -> dict[str, Any]:
    tool_calls = [
        {"id": f"c{n}", "type": "function", "function": {"name": name, "arguments": json.dumps(arguments)}}
        for n, (name, arguments) in enumerate(calls)
    ]
    return {"role": "assistant", "content": None, "tool_calls": tool_calls}


def _anthropic_message(*calls: tuple[str, dict[str, Any]]) -> dict[str, Any]:
    content = [{"type": "tool_use", "id": f"t{n}", "name": name, "input": arguments} for n, (name, arguments) in
               enumerate(calls)]  # fmt: skip
    return {"role": "assistant", "content": content}


def _errors(answers: list[dict[str, Any]]) -> list[str | None]:
    return [json.loads(answer["content"])["error"] for answer in answers]


# Each executor as (cal, calls, tools) → the error of each answer, with the view that offers its tools.
Run = Callable[[Cal, list[tuple[str, dict[str, Any]]], Any], list[str | None]]
EXECUTORS: dict[str, tuple[Run, Callable[..., Any]]] = {
    "openai": (lambda cal, calls, tools: _errors(execute_tool_calls(cal, _openai_message(*calls), tools=tools)),
               openai_tools),
    "openai-async": (lambda cal, calls, tools: _errors(
        asyncio.run(aexecute_tool_calls(cal, _openai_message(*calls), tools=tools))), openai_tools),
    "anthropic": (lambda cal, calls, tools: _errors(
        execute_tool_uses(cal, _anthropic_message(*calls), tools=tools)), anthropic_tools),
    "anthropic-async": (lambda cal, calls, tools: _errors(
        asyncio.run(aexecute_tool_uses(cal, _anthropic_message(*calls), tools=tools))), anthropic_tools),
}  # fmt: skip


@pytest.mark.parametrize("executor", list(EXECUTORS))
@pytest.mark.parametrize("given", ["view", "names", "responses"])
def test_a_tool_not_offered_is_refused_and_nothing_is_sent(executor: str, given: str) -> None:
    run, view = EXECUTORS[executor]
    tools = {
        "view": view(preset="scheduling"),
        "names": ["CAL_GET_ME", "CAL_LIST_WEBHOOKS"],
        "responses": openai_tools(["CAL_GET_ME", "CAL_LIST_WEBHOOKS"], api="responses"),
    }[given]
    with Cal.sandbox() as cal:
        webhook = cal.execute("CAL_LIST_WEBHOOKS").data[0]["id"]
        offered = "CAL_GET_ME" if given != "view" else "CAL_LIST_BOOKINGS"
        errors = run(cal, [(offered, {}), ("CAL_DELETE_WEBHOOK", {"webhookId": webhook})], tools)
        assert errors == [None, REFUSAL]
        assert cal.execute("CAL_GET_WEBHOOK", {"webhookId": webhook}).successful, "the webhook is still there"


@pytest.mark.parametrize("executor", list(EXECUTORS))
def test_without_tools_any_action_runs_and_an_alias_of_an_offered_tool_is_that_tool(executor: str) -> None:
    run, view = EXECUTORS[executor]
    with Cal.sandbox() as cal:
        webhook = cal.execute("CAL_LIST_WEBHOOKS").data[0]["id"]
        assert run(cal, [("cal_fetch_all_bookings", {"take": 1})], view("CAL_LIST_BOOKINGS")) == [None]
        assert run(cal, [("CAL_DELETE_WEBHOOK", {"webhookId": webhook})], None) == [None]
        assert not cal.execute("CAL_GET_WEBHOOK", {"webhookId": webhook}).successful, "deleted: nothing restricted it"


def test_an_empty_list_offers_nothing_and_a_list_of_non_tools_is_a_programming_error() -> None:
    with Cal.sandbox() as cal:
        assert EXECUTORS["openai"][0](cal, [("CAL_GET_ME", {})], []) == [
            "CAL_GET_ME was not offered to the model; nothing was sent"
        ]
        with pytest.raises(TypeError, match="tools must be the tools offered"):
            execute_tool_calls(cal, _openai_message(("CAL_GET_ME", {})), tools=[{"type": "function"}])


def test_the_router_behind_tools_and_a_policy() -> None:
    """The router's tools pass the policy filter (the action they run meets the policy when it runs), and a
    model offered CAL_EXECUTE_ACTION may run any action through it, the policy still standing behind it."""
    names = [tool["function"]["name"] for tool in openai_tools(preset=["scheduling", "router"], policy="read_only")]
    assert names[-2:] == ["CAL_SEARCH_ACTIONS", "CAL_EXECUTE_ACTION"]
    assert all(name.startswith(("CAL_LIST", "CAL_GET")) for name in names[:-2]) and "CAL_CREATE_BOOKING" not in names
    routed = ("CAL_EXECUTE_ACTION", {"action": "CAL_DELETE_WEBHOOK", "arguments": '{"webhookId": "w"}'})
    with Cal.sandbox(policy="read_only") as cal:
        errors = EXECUTORS["openai"][0](cal, [routed, ("CAL_DELETE_WEBHOOK", {"webhookId": "w"})], names)
    assert errors[0] is not None and "policy is read_only" in errors[0]
    assert errors[1] == REFUSAL
