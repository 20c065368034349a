"""Every adapter given what a model may send: the envelope the Python API gives, never an exception.

Each case pairs the arguments as the model sent them with what a Python caller would pass to
``Cal.execute`` for the same intent: the same thing, except that nulls are dropped (models send
them for fields they leave out). Every adapter must answer with exactly that call's envelope.
Batches of calls run concurrently when they only read, and in the model's order otherwise.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import Awaitable, Callable, Iterator
from typing import Any

import httpx
import pytest
from langchain_core.tools import StructuredTool
from mcp.types import TextContent

from cal_actions import AsyncCal, Cal
from cal_actions.adapters.anthropic import aexecute_tool_uses, execute_tool_uses
from cal_actions.adapters.langchain import langchain_tools
from cal_actions.adapters.mcp import call_listed, tool_result
from cal_actions.adapters.openai import aexecute_tool_calls, execute_tool_calls
from cal_actions.compact import compact_result
from cal_actions.router import router_tool

NAME = "CAL_GET_BOOKING"
# As deep as JSON parsing lets a model's arguments be: past drop_nulls' recursion, within the parser's.
_DEEP_LIST = json.loads("[" * 900 + "]" * 900)

# (label, as the model sent it, what a Python caller passes for the same intent)
CASES: list[tuple[str, Any, Any]] = [
    ("json object", '{"bookingUid": "bk_none"}', {"bookingUid": "bk_none"}),
    ("json with nulls", '{"bookingUid": "bk_none", "extra": null}', {"bookingUid": "bk_none"}),
    ("object with nested nulls", {"bookingUid": None, "x": {"y": None}}, {"x": {}}),
    ("not json", "bk_9", "bk_9"),
    ("truncated json", '{"bookingUid": ', '{"bookingUid": '),
    ("json array", "[1, 2]", "[1, 2]"),
    ("json null", "null", "null"),
    ("json number", "5", "5"),
    ("json string", '"bk_1"', '"bk_1"'),
    ("empty text", "", ""),
    ("list", [1, 2], [1, 2]),
    ("number", 7, 7),
    ("none", None, None),
    ("json nested too deeply", "[" * 5000 + "]" * 5000, "[" * 5000 + "]" * 5000),
    ("object nested too deeply", {"bookingUid": _DEEP_LIST}, {"bookingUid": _DEEP_LIST}),
]


@pytest.fixture(scope="module")
def cal() -> Iterator[Cal]:
    with Cal.sandbox() as client:
        yield client


def _openai(cal: Cal, raw: Any, compact: bool = True, name: str = NAME) -> dict[str, Any]:
    call = {"id": "call_1", "type": "function", "function": {"name": name, "arguments": raw}}
    [output] = execute_tool_calls(cal, {"role": "assistant", "tool_calls": [call]}, compact=compact)
    assert output["tool_call_id"] == "call_1"
    return json.loads(output["content"])


def _openai_responses_async(cal: Cal, raw: Any, compact: bool = True, name: str = NAME) -> dict[str, Any]:
    item = {"type": "function_call", "call_id": "call_1", "name": name, "arguments": raw}
    [output] = asyncio.run(aexecute_tool_calls(cal, [item], compact=compact))
    assert output["call_id"] == "call_1"
    return json.loads(output["output"])


def _anthropic(cal: Cal, raw: Any, compact: bool = True, name: str = NAME) -> dict[str, Any]:
    blocks = [{"type": "tool_use", "id": "toolu_1", "name": name, "input": raw}]
    [result] = execute_tool_uses(cal, blocks, compact=compact)
    envelope = json.loads(result["content"])
    assert result["tool_use_id"] == "toolu_1" and result["is_error"] is not envelope["successful"]
    return envelope


def _anthropic_async(cal: Cal, raw: Any, compact: bool = True, name: str = NAME) -> dict[str, Any]:
    message = {"role": "assistant", "content": [{"type": "tool_use", "id": "toolu_1", "name": name, "input": raw}]}
    [result] = asyncio.run(aexecute_tool_uses(cal, message, compact=compact))
    return json.loads(result["content"])


def _langchain_tool(cal: Cal, name: str, compact: bool) -> StructuredTool:
    """The tool of that name: an action's, or one of the router's."""
    if router_tool(name) is not None:
        return next(tool for tool in langchain_tools(cal, preset="router", compact=compact) if tool.name == name)
    (tool,) = langchain_tools(cal, name, compact=compact)
    return tool


def _langchain_input(cal: Cal, raw: Any, compact: bool = True, name: str = NAME) -> dict[str, Any]:
    return json.loads(_langchain_tool(cal, name, compact).invoke(raw))


def _langchain_tool_call(cal: Cal, raw: Any, compact: bool = True, name: str = NAME) -> dict[str, Any]:
    tool = _langchain_tool(cal, name, compact)
    message = asyncio.run(tool.ainvoke({"type": "tool_call", "name": name, "id": "c1", "args": raw}))
    envelope = json.loads(message.content)
    assert message.tool_call_id == "c1" and (message.status == "success") is envelope["successful"]
    return envelope


def _mcp(cal: Cal, raw: Any, compact: bool = True, name: str = NAME) -> dict[str, Any]:
    answer = tool_result(asyncio.run(call_listed(cal, {name}, name, raw)), name, raw, compact=compact)
    assert isinstance(answer.content[0], TextContent) and answer.structuredContent is not None
    assert json.loads(answer.content[0].text) == answer.structuredContent  # the same envelope, as text and data
    return answer.structuredContent


#: Each adapter path as "(client, arguments as the model sent them[, compact][, name=tool]) → what the model reads".
ADAPTERS: dict[str, Callable[..., dict[str, Any]]] = {
    "openai-chat": _openai,
    "openai-responses-async": _openai_responses_async,
    "anthropic": _anthropic,
    "anthropic-async": _anthropic_async,
    "langchain-input": _langchain_input,
    "langchain-tool-call": _langchain_tool_call,
    "mcp": _mcp,
}


@pytest.mark.parametrize("adapter", list(ADAPTERS))
@pytest.mark.parametrize(("raw", "python"), [case[1:] for case in CASES], ids=[case[0] for case in CASES])
def test_adapters_answer_as_the_python_api(cal: Cal, adapter: str, raw: Any, python: Any) -> None:
    expected = cal.execute(NAME, python).model_dump()
    assert expected["successful"] is False  # every case is a failure of some kind: the wording must match
    assert ADAPTERS[adapter](cal, raw) == expected


@pytest.mark.parametrize("adapter", list(ADAPTERS))
def test_a_good_call_succeeds_the_same_way_compact_by_default(cal: Cal, adapter: str) -> None:
    uid = cal.execute("CAL_LIST_BOOKINGS", {"take": 1}).data["data"][0]["uid"]
    raw = json.dumps({"bookingUid": uid, "unused": None})
    result = cal.execute(NAME, {"bookingUid": uid})
    assert result.successful is True
    compact = ADAPTERS[adapter](cal, raw)
    assert compact == compact_result(result, NAME, {"bookingUid": uid})
    assert "description" in result.data and "description" not in compact["data"]  # empty text: left out
    assert ADAPTERS[adapter](cal, raw, compact=False) == result.model_dump()  # the raw envelope on request


# --- batches ------------------------------------------------------------------------------------

BATCHES = {
    "openai": lambda calls: (
        aexecute_tool_calls,
        [{"id": i, "type": "function", "function": {"name": n, "arguments": json.dumps(a)}} for i, n, a in calls],
    ),
    "anthropic": lambda calls: (
        aexecute_tool_uses,
        [{"type": "tool_use", "id": i, "name": n, "input": a} for i, n, a in calls],
    ),
}


def _async_cal(answer: Callable[[httpx.Request], Awaitable[httpx.Response]]) -> AsyncCal:
    return AsyncCal(api_key="cal_test_key", transport=httpx.MockTransport(answer), max_retries=0, timeout=5)


@pytest.mark.parametrize("adapter", list(BATCHES))
def test_read_only_batches_run_together(adapter: str) -> None:
    """Each read waits until every read of the batch has arrived: run one at a time, they would time out."""
    arrived: list[str] = []

    async def run() -> list[dict[str, Any]]:
        everyone = asyncio.Event()

        async def answer(request: httpx.Request) -> httpx.Response:
            arrived.append(request.url.path)
            if len(arrived) == 3:
                everyone.set()
            await asyncio.wait_for(everyone.wait(), 2)
            return httpx.Response(200, json={"status": "success", "data": {"path": request.url.path}})

        helper, given = BATCHES[adapter]([("a", "CAL_GET_ME", {}), ("b", "CAL_LIST_EVENT_TYPES", {}),
                                          ("c", "CAL_GET_ME", {}), ("d", "CAL_NOT_AN_ACTION", {})])  # fmt: skip
        async with _async_cal(answer) as cal:
            return await helper(cal, given)

    outputs = asyncio.run(run())
    envelopes = [json.loads(output.get("content") or output.get("output")) for output in outputs]
    assert [envelope["successful"] for envelope in envelopes] == [True, True, True, False]
    assert [envelope["data"]["path"] for envelope in envelopes[:3]] == ["/v2/me", "/v2/event-types", "/v2/me"]
    assert sorted(arrived) == ["/v2/event-types", "/v2/me", "/v2/me"]


@pytest.mark.parametrize("adapter", list(BATCHES))
def test_a_batch_with_a_write_keeps_the_models_order(adapter: str) -> None:
    """The first read is the slowest: run together, it would arrive last."""
    started: list[httpx.Request] = []
    arrived: list[str] = []

    async def run() -> list[dict[str, Any]]:
        async def answer(request: httpx.Request) -> httpx.Response:
            started.append(request)
            if len(started) == 1:
                await asyncio.sleep(0.05)
            arrived.append(f"{request.method} {request.url.path}")
            return httpx.Response(200, json={"status": "success", "data": {}})

        helper, given = BATCHES[adapter]([("a", "CAL_GET_ME", {}), ("b", "CAL_DELETE_WEBHOOK", {"webhookId": "w1"}),
                                          ("c", "CAL_LIST_EVENT_TYPES", {})])  # fmt: skip
        async with _async_cal(answer) as cal:
            return await helper(cal, given)

    outputs = asyncio.run(run())
    assert len(outputs) == 3
    assert arrived == ["GET /v2/me", "DELETE /v2/webhooks/w1", "GET /v2/event-types"]
