"""LangChain tools: what a chat model is offered, and a tool-calling loop executing through ``Cal``."""

from __future__ import annotations

import asyncio
import json
from typing import Any

import httpx
import pytest
from langchain_core.language_models.fake_chat_models import FakeMessagesListChatModel
from langchain_core.messages import AIMessage, BaseMessage, HumanMessage, ToolMessage
from langchain_core.tools import StructuredTool
from langchain_core.utils.function_calling import convert_to_openai_tool
from pydantic import Field

from cal_actions import AsyncCal, Cal, registry
from cal_actions.adapters.langchain import langchain_tools
from cal_actions.compact import compact_result
from cal_actions.presets import select

SETTINGS = {"api_key": "cal_test_key", "base_url": "https://cal.test"}
ATTENDEE = {"name": "Ada Lovelace", "email": "ada@example.com", "timeZone": "Europe/London"}
EVENT_TYPES = [{"id": 42, "slug": "intro", "title": "Intro call", "lengthInMinutes": 30}]


class ScriptedChatModel(FakeMessagesListChatModel):
    """Replays scripted replies; records the tools it was bound with and the messages it was shown."""

    seen_tools: list[list[dict[str, Any]]] = Field(default_factory=list)
    seen_messages: list[list[BaseMessage]] = Field(default_factory=list)

    def bind_tools(self, tools: Any, **kwargs: Any) -> Any:
        return self.bind(tools=[convert_to_openai_tool(tool) for tool in tools], **kwargs)

    def _generate(self, messages: list[BaseMessage], stop: Any = None, run_manager: Any = None, **kwargs: Any) -> Any:
        self.seen_tools.append(kwargs.get("tools", []))
        self.seen_messages.append(list(messages))
        return super()._generate(messages, stop, run_manager, **kwargs)


class FakeCal:
    """Mock Cal.com: event types, bookings and a 404 for unknown bookings; keeps every request."""

    def __init__(self) -> None:
        self.requests: list[httpx.Request] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        path = request.url.path
        if path == "/v2/event-types":
            return httpx.Response(200, json={"status": "success", "data": EVENT_TYPES})
        if request.method == "POST" and path == "/v2/bookings":
            booking = {"uid": "bk_1", **json.loads(request.content)}
            return httpx.Response(201, json={"status": "success", "data": booking})
        return httpx.Response(404, json={"status": "error", "error": {"message": f"No booking at {path}"}})

    def cal(self) -> Cal:
        return Cal(transport=httpx.MockTransport(self), **SETTINGS)


def _tool_call(name: str, args: dict[str, Any], call_id: str) -> dict[str, Any]:
    return {"name": name, "args": args, "id": call_id, "type": "tool_call"}


def _loop(model: Any, tools: list[StructuredTool], question: str) -> list[BaseMessage]:
    by_name = {tool.name: tool for tool in tools}
    bound = model.bind_tools(tools)
    messages: list[BaseMessage] = [HumanMessage(question)]
    while True:
        reply = bound.invoke(messages)
        messages.append(reply)
        if not reply.tool_calls:
            return messages
        messages.extend(by_name[call["name"]].invoke(call) for call in reply.tool_calls)


def test_tools_are_the_declarations() -> None:
    tools = langchain_tools(FakeCal().cal(), preset="scheduling")
    assert [tool.name for tool in tools] == [action.name for action in select(registry, preset="scheduling")]
    for tool in tools:
        action = registry.get(tool.name)
        assert isinstance(tool, StructuredTool)
        assert tool.args_schema is action.params
        assert tool.description == action.tool_description()
    assert len(langchain_tools(FakeCal().cal())) == len([a for a in registry if not a.legacy])
    names = [tool.name for tool in langchain_tools(FakeCal().cal(), ["CAL_GET_ME"], tags="webhooks")]
    assert names[0] == "CAL_GET_ME" and {action.name for action in registry.with_tag("webhooks")} <= set(names)


def test_bind_tools_offers_each_schema_to_the_model() -> None:
    model = ScriptedChatModel(responses=[AIMessage("Nothing to do.")])
    tools = langchain_tools(FakeCal().cal(), preset="scheduling")
    model.bind_tools(tools).invoke("hello")
    (offered,) = model.seen_tools
    assert [tool["function"]["name"] for tool in offered] == [tool.name for tool in tools]
    for tool in offered:
        function, schema = tool["function"], registry.get(tool["function"]["name"]).json_schema()
        assert function["description"] == registry.get(function["name"]).tool_description()
        assert "anyOf" not in function["parameters"], "exclusive forms are folded into one object"
        assert set(function["parameters"]["properties"]) == set(schema["properties"])
        assert set(function["parameters"].get("required", [])) == set(schema.get("required", []))


def test_tool_calling_loop_books_through_cal() -> None:
    fake = FakeCal()
    booking_args = {"eventTypeId": 42, "start": "2030-01-31T09:00:00Z", "attendee": {**ATTENDEE, "language": None}}
    model = ScriptedChatModel(
        responses=[
            AIMessage("", tool_calls=[_tool_call("CAL_LIST_EVENT_TYPES", {"username": None}, "c1")]),
            AIMessage(
                "",
                tool_calls=[
                    # a model's slip (wrong type, missing attendee field) and a correct call, in one turn
                    _tool_call("CAL_CREATE_BOOKING", {"eventTypeId": "intro", "attendee": {"name": "Ada"}}, "c2"),
                    _tool_call("CAL_CREATE_BOOKING", {**booking_args, "guests": None}, "c3"),
                ],
            ),
            AIMessage("", tool_calls=[_tool_call("CAL_GET_BOOKING", {"bookingUid": "bk_404"}, "c4")]),
            AIMessage("Booked bk_1 for Ada at 09:00."),
        ]
    )
    messages = _loop(model, langchain_tools(fake.cal(), preset="scheduling"), "Book Ada on my intro call.")

    assert [(r.method, r.url.path) for r in fake.requests] == [
        ("GET", "/v2/event-types"),
        ("POST", "/v2/bookings"),
        ("GET", "/v2/bookings/bk_404"),
    ]
    assert fake.requests[0].url.query == b""  # the null username was dropped, not sent as "None"
    assert json.loads(fake.requests[1].content) == {**booking_args, "attendee": ATTENDEE}
    assert fake.requests[1].headers["cal-api-version"] == "2024-08-13"

    results = {m.tool_call_id: m for m in messages if isinstance(m, ToolMessage)}
    assert json.loads(results["c1"].content) == {"data": EVENT_TYPES, "successful": True, "error": None}
    assert results["c1"].artifact == {"data": EVENT_TYPES, "successful": True, "error": None}
    invalid = json.loads(results["c2"].content)
    assert results["c2"].status == "error" and invalid["successful"] is False
    assert "eventTypeId" in invalid["error"] and "attendee.timeZone" in invalid["error"] and "start" in invalid["error"]
    assert json.loads(results["c3"].content)["data"]["uid"] == "bk_1" and results["c3"].status == "success"
    assert results["c4"].status == "error" and "No booking at /v2/bookings/bk_404" in results["c4"].content

    assert messages[-1].content == "Booked bk_1 for Ada at 09:00."
    # Every result was shown to the model before its next turn.
    assert [m.tool_call_id for m in model.seen_messages[-1] if isinstance(m, ToolMessage)] == ["c1", "c2", "c3", "c4"]


def test_async_client_runs_with_ainvoke_only() -> None:
    fake = FakeCal()
    tool = langchain_tools(AsyncCal(transport=httpx.MockTransport(fake), **SETTINGS), ["CAL_LIST_EVENT_TYPES"])[0]
    message = asyncio.run(tool.ainvoke(_tool_call(tool.name, {}, "c1")))
    assert json.loads(message.content)["data"] == EVENT_TYPES
    with pytest.raises(TypeError, match="ainvoke"):
        tool.invoke({})
    assert len(fake.requests) == 1


def test_sync_client_also_serves_ainvoke() -> None:
    fake = FakeCal()
    (tool,) = langchain_tools(fake.cal(), ["CAL_LIST_EVENT_TYPES"])
    assert json.loads(asyncio.run(tool.ainvoke({})))["data"] == EVENT_TYPES
    assert [request.url.path for request in fake.requests] == ["/v2/event-types"]


def test_text_input_is_read_as_json() -> None:
    fake = FakeCal()
    cal = fake.cal()
    (tool,) = langchain_tools(cal, ["CAL_GET_BOOKING"])
    assert "No booking at /v2/bookings/bk_9" in tool.invoke('{"bookingUid": "bk_9"}')
    refused = json.loads(tool.invoke("bk_9"))
    assert refused == cal.execute("CAL_GET_BOOKING", "bk_9").model_dump()  # what any caller is told
    assert refused["successful"] is False and "not valid JSON" in refused["error"]
    assert [request.url.path for request in fake.requests] == ["/v2/bookings/bk_9"]


def test_a_tool_without_fields_still_refuses_bad_input() -> None:
    """LangChain ignores the input of a tool whose model has no fields; here it is checked as from Python."""
    fake = FakeCal()
    (tool,) = langchain_tools(fake.cal(), "CAL_GET_ME")
    assert tool.args_schema is not None and not tool.args_schema.model_fields
    refused = tool.invoke({"type": "tool_call", "name": tool.name, "id": "c1", "args": {"surprise": 1}})
    assert refused.status == "error" and "surprise: unknown field" in refused.content
    assert json.loads(asyncio.run(tool.ainvoke([1])))["error"] == "arguments must be a JSON object, not an array"
    assert fake.requests == []


def test_the_model_reads_the_compact_envelope_and_code_gets_the_raw_one() -> None:
    with Cal.sandbox() as cal:
        (tool,) = langchain_tools(cal, "CAL_GET_EVENT_TYPE")
        call = {"type": "tool_call", "name": "CAL_GET_EVENT_TYPE", "id": "c1", "args": {"eventTypeId": 1}}
        message = tool.invoke(call)
        expected = cal.execute("CAL_GET_EVENT_TYPE", {"eventTypeId": 1})
    assert json.loads(message.content) == compact_result(expected, "CAL_GET_EVENT_TYPE")
    assert "slotInterval" not in json.loads(message.content)["data"]
    assert message.artifact == expected.model_dump() and message.artifact["data"]["slotInterval"] is None


def test_an_error_carries_the_raw_envelope_as_its_content() -> None:
    with Cal.sandbox() as cal:
        (tool,) = langchain_tools(cal, "CAL_GET_BOOKING")
        message = tool.invoke({"type": "tool_call", "name": "CAL_GET_BOOKING", "id": "c1", "args": {"bookingUid": "x"}})
        expected = cal.execute("CAL_GET_BOOKING", {"bookingUid": "x"})
    assert message.status == "error" and not expected.successful
    assert json.loads(message.content) == expected.model_dump(mode="json"), "code reads the envelope from content"
