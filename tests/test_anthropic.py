"""Anthropic: tool definitions, running a model's tool_use blocks, and a whole conversation through the SDK."""

from __future__ import annotations

import asyncio
import json
import warnings
from typing import Any

import pytest
from anthropic import Anthropic, DefaultHttpxClient
from anthropic.types import Message, MessageParam, ToolParam, ToolResultBlockParam
from openai.types.chat import ChatCompletionMessage
from pydantic import TypeAdapter

from cal_actions import AsyncCal, Cal, registry
from cal_actions.adapters.anthropic import aexecute_tool_uses, anthropic_tools, execute_tool_uses
from cal_actions.compact import compact_result
from cal_actions.presets import select

try:  # the HTTP library the anthropic SDK is built on: httpx2 from its 2.x releases, httpx before
    import httpx2 as sdk_http
except ImportError:  # pragma: no cover
    import httpx as sdk_http  # type: ignore[no-redef]


def _message(*content: dict[str, Any], stop: str = "tool_use") -> dict[str, Any]:
    return {
        "id": "msg_1", "type": "message", "role": "assistant", "model": "claude-test", "content": list(content),
        "stop_reason": stop, "stop_sequence": None, "usage": {"input_tokens": 1, "output_tokens": 1},
    }  # fmt: skip


def _tool_use(use_id: str | None, name: Any, arguments: Any) -> dict[str, Any]:
    block = {"type": "tool_use", "id": use_id, "name": name, "input": arguments}
    return {key: value for key, value in block.items() if value is not None}


class ScriptedClaude:
    """An Anthropic client whose Messages endpoint replays scripted replies (each a function of the request)."""

    def __init__(self, *replies: Any) -> None:
        self.requests: list[dict[str, Any]] = []
        self.replies = list(replies)
        transport = sdk_http.MockTransport(self._answer)
        self.client = Anthropic(
            api_key="sk-ant-test", base_url="http://anthropic.test", max_retries=0,
            http_client=DefaultHttpxClient(transport=transport),
        )  # fmt: skip

    def _answer(self, request: Any) -> Any:
        body = json.loads(request.content)
        self.requests.append(body)
        return sdk_http.Response(200, json=self.replies.pop(0)(body))

    def create(self, messages: list[Any], tools: list[Any]) -> Message:
        return self.client.messages.create(model="claude-test", max_tokens=512, messages=messages, tools=tools)


def test_tools_are_anthropic_tool_params() -> None:
    tools = anthropic_tools(preset="scheduling")
    adapter = TypeAdapter(ToolParam)
    assert "input_examples" in ToolParam.__annotations__  # a field of the GA type: no beta header needed
    for tool in tools:
        adapter.validate_python(tool)
        action = registry.get(tool["name"])
        # One object at the root (the API refuses a root anyOf): exclusive forms are folded into it.
        assert tool["input_schema"] == action.tool_schema()
        assert tool["input_schema"]["type"] == "object" and "anyOf" not in tool["input_schema"]
        assert tool["input_examples"] == list(action.examples) != []
    assert len({tool["name"] for tool in tools}) == len(tools) == len(select(registry, preset="scheduling"))


@pytest.mark.parametrize("defer_loading", [False, True])
def test_examples_are_opt_out(defer_loading: bool) -> None:
    """Examples cost prompt tokens: ``examples=False`` leaves them out of every tool, the deferred ones included."""
    core = ["CAL_GET_ME"] if defer_loading else None
    named = {"preset": ["scheduling", "router"], "defer_loading": defer_loading, "core": core}
    plain = anthropic_tools(**named, examples=False)
    shown = anthropic_tools(**named)
    assert [tool["name"] for tool in plain] == [tool["name"] for tool in shown]
    assert not any("input_examples" in tool for tool in plain)
    with_examples = [tool for tool in shown if "input_examples" in tool]
    assert len(with_examples) == len(shown) - defer_loading  # all but Anthropic's own search tool
    for tool, bare in zip(shown, plain, strict=True):
        assert {key: value for key, value in tool.items() if key != "input_examples"} == bare
    shown[1]["input_examples"][0]["changed"] = True  # a copy: the declaration keeps its own
    assert all("changed" not in example for example in anthropic_tools(**named)[1]["input_examples"])


def test_tool_use_blocks_run_in_order_and_other_blocks_are_skipped() -> None:
    uid = "2b9b299b0240a2b73307c7"
    message = Message.model_validate(
        _message(
            {"type": "thinking", "thinking": "Find the profile, then the booking.", "signature": "sig"},
            {"type": "text", "text": "Looking that up."},
            _tool_use("toolu_1", "CAL_GET_ME", {}),
            _tool_use("toolu_2", "CAL_GET_BOOKING", {"bookingUid": uid, "unused": None}),
            _tool_use("toolu_3", "CAL_GET_BOOKING", {"bookingUid": "bk_nope"}),
        )
    )
    with Cal.sandbox() as cal:
        expected = [  # what a model reads: compact results, errors as they are
            compact_result(cal.execute("CAL_GET_ME"), "CAL_GET_ME"),
            compact_result(cal.execute("CAL_GET_BOOKING", {"bookingUid": uid}), "CAL_GET_BOOKING"),
            cal.execute("CAL_GET_BOOKING", {"bookingUid": "bk_nope"}).model_dump(),
        ]
        forms = [message, message.content, message.model_dump(exclude_none=True), message.model_dump()["content"]]
        for given in forms:
            results = execute_tool_uses(cal, given)
            assert [result["tool_use_id"] for result in results] == ["toolu_1", "toolu_2", "toolu_3"]
            assert [json.loads(result["content"]) for result in results] == expected
            assert [result["is_error"] for result in results] == [False, False, True]
            assert all(result["type"] == "tool_result" for result in results)
            for result in results:
                TypeAdapter(ToolResultBlockParam).validate_python(result)
                assert set(result) <= set(ToolResultBlockParam.__annotations__)
    assert expected[1]["successful"] is True, "the seeded booking is found"


def test_a_message_without_tool_use_gives_nothing() -> None:
    message = Message.model_validate(_message({"type": "text", "text": "All booked."}, stop="end_turn"))
    with Cal.sandbox() as cal:
        for given in (message, message.content, message.model_dump(exclude_none=True), None, []):
            assert execute_tool_uses(cal, given) == []
        assert execute_tool_uses(cal, {"role": "assistant", "content": "All booked."}) == []


def test_malformed_blocks_are_answered_not_raised() -> None:
    """Blocks as the SDK parses them from a reply it does not validate, and as plain dicts."""
    blocks = [
        _tool_use(None, "CAL_GET_ME", {}),  # no id: not run, answered under a generated id
        _tool_use("toolu_2", None, {}),  # no name
        _tool_use("toolu_3", 42, {}),
        _tool_use("toolu_4", "CAL_GET_ME", ["not", "an", "object"]),
        _tool_use("toolu_5", "CAL_GET_ME", '{"unused": null}'),  # JSON text: read as the object it holds
        _tool_use("toolu_6", "CAL_GET_ME", None),  # no input: nothing needed
        {"id": "toolu_7", "name": "CAL_GET_ME", "input": {}},  # no type
        None,
        {"type": "server_tool_use", "id": "srvtoolu_1", "name": "web_search", "input": {"query": "cal"}},
        {"type": "text", "text": "done"},
    ]
    reply = ScriptedClaude(lambda body: _message(*blocks)).create([{"role": "user", "content": "hi"}], [])
    for given in (reply, blocks, reply.model_dump(exclude_none=True, warnings=False)):
        with warnings.catch_warnings(), Cal.sandbox() as cal:
            warnings.simplefilter("error")
            results = execute_tool_uses(cal, given)
        ids = [result["tool_use_id"] for result in results]
        assert ids == ["missing_id_1", "toolu_2", "toolu_3", "toolu_4", "toolu_5", "toolu_6", "toolu_7", "missing_id_8"]
        errors = {result["tool_use_id"]: json.loads(result["content"])["error"] for result in results}
        assert "no id" in errors["missing_id_1"] and "CAL_GET_ME" in errors["missing_id_1"]
        assert "names no tool" in errors["toolu_2"] and "names no tool" in errors["toolu_3"]
        assert errors["toolu_4"] == "arguments must be a JSON object, not an array"
        assert errors["toolu_5"] is None and errors["toolu_6"] is None
        assert "no type" in errors["toolu_7"] and "no id" in errors["missing_id_8"]
        assert [result["is_error"] for result in results] == [True, True, True, True, False, False, True, True]


def test_programming_errors_say_what_to_pass() -> None:
    content = [_tool_use("toolu_1", "CAL_GET_ME", {})]
    with Cal.sandbox() as cal:
        with pytest.raises(TypeError, match=r"not an AsyncCal: use `await aexecute_tool_uses"):
            execute_tool_uses(AsyncCal.sandbox(), content)
        with pytest.raises(TypeError, match="needs a Cal, not NoneType"):
            execute_tool_uses(None, content)  # type: ignore[arg-type]
        with pytest.raises(TypeError, match="not text"):
            execute_tool_uses(cal, "CAL_GET_ME")
        with pytest.raises(TypeError, match="not int"):
            execute_tool_uses(cal, 3)
        call = {"id": "c", "type": "function", "function": {"name": "CAL_GET_ME", "arguments": "{}"}}
        openai_message = ChatCompletionMessage.model_validate({"role": "assistant", "tool_calls": [call]})
        with pytest.raises(TypeError, match="execute_tool_calls"):
            execute_tool_uses(cal, openai_message)
        # The async helper also takes a Cal, running each call in a worker thread.
        [result] = asyncio.run(aexecute_tool_uses(cal, content))
    assert json.loads(result["content"])["data"]["username"] == "ada"


def _results(body: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """The envelopes of the tool_result blocks of the request's last user message, by tool_use id."""
    last = body["messages"][-1]
    return {block["tool_use_id"]: json.loads(block["content"]) for block in last["content"]}


def test_a_conversation_books_through_the_sdk_and_the_sandbox() -> None:
    tools = anthropic_tools(preset="scheduling")
    attendee = {"name": "Mary Somerville", "email": "mary@example.com", "timeZone": "Europe/London", "language": None}
    chosen: dict[str, Any] = {}  # what the scripted model has read so far

    def look(body: dict[str, Any]) -> dict[str, Any]:
        return _message({"type": "text", "text": "Let me look."}, _tool_use("t1", "CAL_LIST_EVENT_TYPES", {}),
                        _tool_use("t2", "CAL_GET_ME", {}))  # fmt: skip

    def slots(body: dict[str, Any]) -> dict[str, Any]:
        meeting = next(item for item in _results(body)["t1"]["data"] if item["lengthInMinutes"] == 30)
        chosen["eventTypeId"] = meeting["id"]
        window = {"start": "2030-01-08", "end": "2030-01-10", "eventTypeId": meeting["id"], "timeZone": None}
        return _message(_tool_use("t3", "CAL_LIST_AVAILABLE_SLOTS", window))

    def book(body: dict[str, Any]) -> dict[str, Any]:
        slots = _results(body)["t3"]["data"]  # compact: wall times by day in the zone asked for, UTC here
        day, times = next(iter(slots["days"].items()))
        assert slots["timeZone"] == "UTC"
        first = f"{day}T{times[0]}:00Z"
        arguments = {"start": first, "eventTypeId": chosen["eventTypeId"], "attendee": attendee, "guests": None}
        return _message(_tool_use("t4", "CAL_CREATE_BOOKING", arguments))

    def done(body: dict[str, Any]) -> dict[str, Any]:
        booking = _results(body)["t4"]["data"]
        return _message({"type": "text", "text": f"Booked {booking['uid']}."}, stop="end_turn")

    claude = ScriptedClaude(look, slots, book, done)
    params = TypeAdapter(list[MessageParam])  # kept alive: content is validated lazily, while it is read
    messages: list[Any] = [{"role": "user", "content": "Book Mary on a 30-minute meeting next Tuesday."}]
    with Cal.sandbox() as cal:
        while True:
            reply = claude.create(messages, tools)
            results = execute_tool_uses(cal, reply)
            if not results:
                break
            messages += [{"role": "assistant", "content": reply.content}, {"role": "user", "content": results}]
            for message in params.validate_python(messages):
                list(message["content"])
        uid = reply.content[0].text.removeprefix("Booked ").removesuffix(".")
        stored = cal.execute("CAL_GET_BOOKING", {"bookingUid": uid})

    assert stored.successful and stored.data["attendees"][0]["email"] == "mary@example.com"
    assert len(claude.requests) == 4
    for body in claude.requests:
        assert body["tools"] == tools
    sent = next(tool for tool in claude.requests[0]["tools"] if tool["name"] == "CAL_CREATE_BOOKING")
    assert sent["input_examples"] == list(registry.get("CAL_CREATE_BOOKING").examples)
    for body in claude.requests[1:]:
        asked = [block["id"] for block in body["messages"][-2]["content"] if block["type"] == "tool_use"]
        answered = [block["tool_use_id"] for block in body["messages"][-1]["content"]]
        assert answered == asked and all(result["successful"] for result in _results(body).values())


def test_async_twin_gives_the_same_results() -> None:
    content = [_tool_use("toolu_1", "CAL_GET_ME", {}), _tool_use("toolu_2", "CAL_GET_BOOKING", {})]

    async def run() -> list[dict[str, Any]]:
        async with AsyncCal.sandbox() as cal:
            return await aexecute_tool_uses(cal, {"role": "assistant", "content": content})

    with Cal.sandbox() as cal:
        assert asyncio.run(run()) == execute_tool_uses(cal, content)
