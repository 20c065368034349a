"""The router: an agent holding only CAL_SEARCH_ACTIONS and CAL_EXECUTE_ACTION books, reschedules and cancels on the
sandbox; every call behind it takes the path of a direct call (validation, policy, dry run); every view offers the two
tools from one declaration and answers malformed input with envelopes."""

from __future__ import annotations

import asyncio
import functools
import json
from datetime import date, timedelta
from itertools import count
from typing import Any

import httpx
import jsonschema
import pytest
from anthropic.types import ToolUnionParam
from langchain_core.utils.function_calling import convert_to_openai_tool
from mcp.shared.memory import create_connected_server_and_client_session
from openai.types.chat import ChatCompletionFunctionTool
from openai.types.responses import FunctionTool
from pydantic import TypeAdapter

from cal_actions import AsyncCal, Cal, registry
from cal_actions.adapters.anthropic import TOOL_SEARCH, anthropic_tools, execute_tool_uses
from cal_actions.adapters.langchain import langchain_tools
from cal_actions.adapters.mcp import build_server
from cal_actions.adapters.openai import execute_tool_calls, openai_tools
from cal_actions.cli import main
from cal_actions.presets import select
from cal_actions.router import EXECUTE, INSTRUCTIONS, MAX_K, PRESET_DESCRIPTION, SEARCH, action_summary
from tests.signature_reader import build_arguments
from tests.test_adapter_inputs import ADAPTERS, BATCHES, _async_cal
from tests.test_openai import assert_strict, with_nulls

ROUTER = [SEARCH, EXECUTE]
STRICT = {tool["function"]["name"]: tool["function"]["parameters"] for tool in openai_tools(preset="router")}
TODAY = date(2030, 3, 4)
GRACE = {"attendee.name": "Grace Hopper", "attendee.email": "grace@example.com", "attendee.timeZone": "Europe/Rome"}


class RouterAgent:
    """Plays a model that holds only the router's strict tools (OpenAI chat format): it searches, takes the hit it
    wants, builds that action's arguments from the hit's parameter lines and what it knows, and executes it."""

    def __init__(self, cal: Cal) -> None:
        self.cal, self.ids, self.calls = cal, count(1), []

    def call(self, name: str, arguments: dict[str, Any]) -> dict[str, Any]:
        sent = with_nulls(STRICT[name], arguments)  # strict mode: every property present, null when left out
        jsonschema.validate(sent, STRICT[name])
        call_id = f"call_{next(self.ids)}"
        function = {"name": name, "arguments": json.dumps(sent)}
        [output] = execute_tool_calls(self.cal, {"role": "assistant", "tool_calls": [
            {"id": call_id, "type": "function", "function": function}]})  # fmt: skip
        assert output["role"] == "tool" and output["tool_call_id"] == call_id
        self.calls.append(name)
        envelope: dict[str, Any] = json.loads(output["content"])
        return envelope

    def act(self, task: str, wanted: str, facts: dict[str, Any]) -> Any:
        found = self.call(SEARCH, {"query": task})
        assert found["successful"], found["error"]
        hits = {hit["name"]: hit for hit in found["data"]}
        assert wanted in hits, f"{task!r} found {list(hits)}"
        arguments = build_arguments(hits[wanted]["parameters"], facts)
        done = self.call(EXECUTE, {"action": wanted, "arguments": json.dumps(arguments)})
        assert done["successful"], done["error"]
        return done["data"]


def _starts(slots: Any) -> list[str]:
    """Slot starts as UTC instants, from the answer as Cal.com gives it ({day: [{start}]}) or in a compact form
    ({timeZone: "UTC", days: {day: ["09:00" | "09:00-09:30"]}})."""
    if isinstance(slots, dict) and "days" in slots:
        assert slots.get("timeZone", "UTC") == "UTC"
        return [f"{day}T{time[:5]}:00Z" for day, times in sorted(slots["days"].items()) for time in times]
    return [slot["start"] for day in sorted(slots) for slot in slots[day]]


def _items(data: Any) -> list[Any]:
    return data["data"] if isinstance(data, dict) and "data" in data else data


def test_an_agent_with_only_the_router_books_reschedules_and_cancels() -> None:
    with Cal.sandbox(now=f"{TODAY}T08:00:00Z") as cal:
        agent = RouterAgent(cal)
        event_type = _items(agent.act("list my event types", "CAL_LIST_EVENT_TYPES", {}))[0]["id"]
        window = {"eventTypeId": event_type, "timeZone": "UTC"}
        window |= {"start": str(TODAY + timedelta(days=1)), "end": str(TODAY + timedelta(days=7))}
        starts = _starts(agent.act("free slots for an event type", "CAL_LIST_AVAILABLE_SLOTS", window))
        assert len(starts) >= 2
        booking = {"start": starts[0], "eventTypeId": event_type, **GRACE}
        booked = agent.act("book a meeting for an attendee", "CAL_CREATE_BOOKING", booking)
        move = {"bookingUid": booked["uid"], "start": starts[-1], "reschedulingReason": "Grace asked for later"}
        moved = agent.act("reschedule a booking to a new time", "CAL_RESCHEDULE_BOOKING", move)
        cancel = {"bookingUid": moved["uid"], "cancellationReason": "Grace cannot come"}
        agent.act("cancel a booking", "CAL_CANCEL_BOOKING", cancel)

        assert agent.calls == [SEARCH, EXECUTE] * 5
        final = cal.execute("CAL_GET_BOOKING", {"bookingUid": moved["uid"]}).data
        assert final["status"] == "cancelled" and final["start"].startswith(starts[-1][:16])
        assert final["attendees"][0]["email"] == "grace@example.com"
        assert cal.execute("CAL_GET_BOOKING", {"bookingUid": booked["uid"]}).data["status"] == "cancelled"


# --- the path of a direct call -----------------------------------------------------------------


def _recording(seen: list[httpx.Request], **settings: Any) -> Cal:
    def answer(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(200, json={"status": "success", "data": {"id": 1}})

    return Cal(api_key="cal_test_key", base_url="https://cal.test", transport=httpx.MockTransport(answer), **settings)


def _routed(cal: Cal, action: str, arguments: Any) -> dict[str, Any]:
    raw = json.dumps({"action": action, "arguments": json.dumps(arguments), "unused": None})
    return ADAPTERS["openai-chat"](cal, raw, name=EXECUTE)


def _direct(cal: Cal, action: str, arguments: Any) -> dict[str, Any]:
    """What the model reads when it calls the action's own tool."""
    return ADAPTERS["openai-chat"](cal, json.dumps(arguments), name=action)


@pytest.mark.parametrize("policy", ["read_only", "deny_destructive"])
def test_a_guarded_client_refuses_a_destructive_action_behind_the_router(policy: str) -> None:
    seen: list[httpx.Request] = []
    with _recording(seen, policy=policy) as cal:
        routed = _routed(cal, "CAL_CANCEL_BOOKING", {"bookingUid": "bk_1"})
        assert seen == [], "nothing is sent"
        assert routed == _direct(cal, "CAL_CANCEL_BOOKING", {"bookingUid": "bk_1"})
        assert routed["successful"] is False and f"policy is {policy}" in routed["error"]
        assert _routed(cal, "CAL_GET_ME", {})["successful"] is True, "a read goes through"
        assert [request.url.path for request in seen] == ["/v2/me"]


@pytest.mark.parametrize(
    ("settings", "action", "arguments"),
    [
        ({"dry_run": True}, "CAL_CREATE_WEBHOOK", {"subscriberUrl": "https://x.test", "triggers": ["BOOKING_CREATED"],
                                                   "active": True}),
        ({}, "CAL_CREATE_BOOKING", {"start": "2030-03-05T09:00:00Z", "eventTypeId": 1, "attendee": {"name": "A"}}),
        ({}, "CAL_UPDATE_ME", {"timeFormat": 13}),
        ({}, "cal_fetch_all_bookings", {"take": 1}),  # an alias
        ({}, "CAL_LIST_TIMEZONES", {}),  # retired: callable by name, never offered
        ({"confirm": lambda action, arguments: False}, "CAL_DELETE_WEBHOOK", {"webhookId": "w1"}),
    ],
    ids=["dry-run", "missing-nested-fields", "bad-enum", "alias", "legacy", "confirm-declined"],
)
def test_the_router_answers_exactly_as_a_direct_call(settings: dict[str, Any], action: str, arguments: Any) -> None:
    routed_seen: list[httpx.Request] = []
    direct_seen: list[httpx.Request] = []
    with _recording(routed_seen, **settings) as routed, _recording(direct_seen, **settings) as direct:
        assert _routed(routed, action, arguments) == _direct(direct, action, arguments)
    assert [(r.method, str(r.url)) for r in routed_seen] == [(r.method, str(r.url)) for r in direct_seen]


def test_results_behind_the_router_read_as_the_actions_own_compact_results() -> None:
    """Compaction reads the action and arguments the router ran: slots in the zone asked for, paging hints."""
    slots = {"eventTypeId": 1, "start": str(TODAY + timedelta(days=1)), "end": str(TODAY + timedelta(days=2)),
             "timeZone": "Europe/Rome"}  # fmt: skip
    with Cal.sandbox(now=f"{TODAY}T08:00:00Z") as cal:
        for action, arguments in [("CAL_LIST_AVAILABLE_SLOTS", slots), ("CAL_LIST_BOOKINGS", {"take": 1})]:
            routed, direct = _routed(cal, action, arguments), _direct(cal, action, arguments)
            assert routed == direct and routed["successful"], routed
    assert direct["more"]["next"] == {"skip": 1, "take": 1}


# --- malformed input: envelopes, never exceptions ------------------------------------------------

MALFORMED = [
    ("unknown action", EXECUTE, {"action": "CAL_CANCEL_BOKING", "arguments": "{}"}, "did you mean CAL_CANCEL_BOOKING"),
    ("arguments not json", EXECUTE, {"action": "CAL_GET_ME", "arguments": "{uid: 1"}, "arguments: not valid JSON"),
    ("arguments an array", EXECUTE, {"action": "CAL_GET_ME", "arguments": "[1]"}, "JSON object of the action's param"),
    ("arguments a number", EXECUTE, {"action": "CAL_GET_ME", "arguments": "42"}, "not a number"),
    ("no action", EXECUTE, {"arguments": "{}"}, "action: Field required"),
    ("action not text", EXECUTE, {"action": ["CAL_GET_ME"]}, "action: Input should be a valid string"),
    ("unknown field", EXECUTE, {"action": "CAL_GET_ME", "args": "{}"}, "args: unknown field"),
    ("inner field unknown", EXECUTE, {"action": "CAL_GET_ME", "arguments": '{"x": 1}'}, "x: unknown field"),
    ("outer not an object", EXECUTE, "[]", "arguments must be a JSON object, not an array"),
    ("outer not json", EXECUTE, "CAL_GET_ME", "arguments are not valid JSON"),
    ("no query", SEARCH, {"k": 3}, "query: Field required"),
    ("blank query", SEARCH, {"query": "  "}, "query: describe the task in words"),
    ("k not a number", SEARCH, {"query": "cancel", "k": "many"}, "k: Input should be a valid integer"),
    ("k a boolean", SEARCH, {"query": "cancel", "k": True}, "k: a boolean is not a number here"),
]


@pytest.mark.parametrize("adapter", list(ADAPTERS))
@pytest.mark.parametrize(("name", "raw", "expected"), [case[1:] for case in MALFORMED], ids=[c[0] for c in MALFORMED])
def test_malformed_router_input_is_an_envelope_everywhere(adapter: str, name: str, raw: Any, expected: str) -> None:
    seen: list[httpx.Request] = []
    with _recording(seen) as cal:
        sent = raw if isinstance(raw, str) else json.dumps(raw)
        envelope = ADAPTERS[adapter](cal, sent if adapter.startswith("openai") else raw, name=name)
    assert envelope["successful"] is False and envelope["data"] is None
    assert expected in envelope["error"], envelope["error"]
    assert seen == []


@pytest.mark.parametrize("adapter", list(ADAPTERS))
def test_each_adapter_runs_both_router_tools(adapter: str) -> None:
    with Cal.sandbox() as cal:
        found = ADAPTERS[adapter](cal, {"query": "who am I", "k": 2}, name=SEARCH)
        me = ADAPTERS[adapter](cal, {"action": "CAL_GET_ME", "arguments": "{}"}, name=EXECUTE)
        as_object = ADAPTERS[adapter](cal, {"action": "CAL_LIST_BOOKINGS", "arguments": {"take": 1}}, name=EXECUTE)
    assert found["successful"] and "CAL_GET_ME" in [hit["name"] for hit in found["data"]] and len(found["data"]) == 2
    assert me["successful"] and me["data"]["username"] == "ada"
    assert as_object["successful"], "a model that sends the arguments as an object is understood"


def test_k_is_kept_within_its_bounds_and_hits_say_what_they_do() -> None:
    with Cal.sandbox() as cal:
        search = functools.partial(ADAPTERS["openai-chat"], cal, name=SEARCH)
        many = search(json.dumps({"query": "booking", "k": 50}))["data"]
        one = search(json.dumps({"query": "booking", "k": 0}))["data"]
        default = search(json.dumps({"query": "cancel a booking", "k": None}))["data"]
        paused = search(json.dumps({"query": "pause my webhook", "k": 3}))["data"]
    assert len(many) == MAX_K and len(one) == 1 and len(default) == 5
    cancel = next(hit for hit in default if hit["name"] == "CAL_CANCEL_BOOKING")
    assert cancel["hint"] == "destructive" and cancel["parameters"][:2] == [
        "forms: cancellationReason?+cancelSubsequentBookings? | seatUid",  # the whole booking, or one seat
        "bookingUid*: string — From CAL_LIST_BOOKINGS",
    ]
    assert cancel["description"] == registry.get("CAL_CANCEL_BOOKING").description
    for hit in many:
        action = registry.get(hit["name"])
        assert hit["hint"] == ("read-only" if action.read_only else "destructive" if action.destructive else "write")
        assert hit["example"] == action.examples[0]
    # As declared: the compact reading, which drops false members from Cal.com's answers, leaves a search answer alone.
    assert next(hit for hit in paused if hit["name"] == "CAL_UPDATE_WEBHOOK")["example"]["active"] is False
    assert action_summary(registry.get("CAL_CREATE_BOOKING"))["hint"] == "write"


def test_an_async_batch_with_a_write_behind_the_router_keeps_the_models_order() -> None:
    arrived: list[str] = []

    async def run() -> None:
        async def answer(request: httpx.Request) -> httpx.Response:
            if not arrived:
                await asyncio.sleep(0.05)  # the first read is the slowest: run together, it would arrive last
            arrived.append(f"{request.method} {request.url.path}")
            return httpx.Response(200, json={"status": "success", "data": {}})

        delete = {"action": "CAL_DELETE_WEBHOOK", "arguments": json.dumps({"webhookId": "w1"})}
        calls = [("a", "CAL_GET_ME", {}), ("b", EXECUTE, delete), ("c", "CAL_LIST_EVENT_TYPES", {})]
        helper, given = BATCHES["openai"]([*calls, ("d", SEARCH, {"query": "me"})])
        async with _async_cal(answer) as cal:
            await helper(cal, given)

    asyncio.run(run())
    assert arrived == ["GET /v2/me", "DELETE /v2/webhooks/w1", "GET /v2/event-types"]


# --- the views -------------------------------------------------------------------------------------


def test_openai_tools_are_strict_in_both_formats() -> None:
    chat = openai_tools(preset="router")
    assert [tool["function"]["name"] for tool in chat] == ROUTER
    for tool in chat:
        ChatCompletionFunctionTool.model_validate(tool)
        assert tool["function"]["strict"] is True
        assert_strict(tool["function"]["parameters"], tool["function"]["name"])
    for tool in openai_tools(preset="router", api="responses"):
        FunctionTool.model_validate(tool)
        assert tool["strict"] is True


def test_a_preset_and_the_router_combine_in_every_view_each_tool_once() -> None:
    scheduling = [action.name for action in select(registry, preset="scheduling")]
    both = openai_tools(preset=["scheduling", "router"])
    assert [tool["function"]["name"] for tool in both] == [*scheduling, *ROUTER]
    assert [tool["name"] for tool in anthropic_tools(preset=["router", "scheduling"])] == [*scheduling, *ROUTER]
    chosen = [tool.name for tool in langchain_tools(Cal(api_key="k"), ["CAL_GET_ME"], preset=["router", "router"])]
    assert chosen == ["CAL_GET_ME", *ROUTER]
    two = openai_tools(preset=["scheduling", "webhooks"])
    assert {tool["function"]["name"] for tool in two} == {a.name for a in select(registry, preset="scheduling")} | {
        a.name for a in select(registry, preset="webhooks")
    }
    with pytest.raises(ValueError, match=r"unknown preset 'routr'; choose one of .*all, router"):
        openai_tools(preset=["scheduling", "routr"])


def test_anthropic_tools_validate_and_defer_to_anthropics_tool_search() -> None:
    valid = TypeAdapter(list[ToolUnionParam])
    plain = anthropic_tools(preset="router")
    assert [tool["name"] for tool in plain] == ROUTER and valid.validate_python(plain)
    tools = anthropic_tools(preset=["all", "router"], core=["CAL_GET_ME", "cal_fetch_all_bookings"], defer_loading=True)
    valid.validate_python(tools)
    assert tools[0] == TOOL_SEARCH["bm25"]
    loaded = [tool["name"] for tool in tools[1:] if not tool.get("defer_loading")]
    assert loaded == ["CAL_GET_ME", "CAL_LIST_BOOKINGS", *ROUTER]
    deferred = [tool["name"] for tool in tools if tool.get("defer_loading") is True]
    assert len(deferred) == len(select(registry, preset="all")) - 2 and len(tools) == len(set(map(str, tools)))
    regex = anthropic_tools(preset="scheduling", core="CAL_GET_ME", defer_loading=True, tool_search="regex")
    assert regex[0] == {"type": "tool_search_tool_regex_20251119", "name": "tool_search_tool_regex"}
    valid.validate_python(regex)
    with pytest.raises(ValueError, match="defer_loading=True"):
        anthropic_tools(preset="scheduling", core=["CAL_GET_ME"])


def test_anthropic_skips_its_own_tool_search_blocks_and_runs_the_router() -> None:
    content = [
        {"type": "server_tool_use", "id": "srvtoolu_1", "name": "tool_search_tool_bm25", "input": {"query": "me"}},
        {"type": "tool_use", "id": "toolu_1", "name": EXECUTE, "input": {"action": "CAL_GET_ME", "arguments": "{}"}},
    ]
    with Cal.sandbox() as cal:
        [result] = execute_tool_uses(cal, {"role": "assistant", "content": content})
    assert result["tool_use_id"] == "toolu_1" and result["is_error"] is False
    assert json.loads(result["content"])["data"]["username"] == "ada"


def test_langchain_router_tools_run_and_describe_their_arguments() -> None:
    with Cal.sandbox() as cal:
        search, execute = langchain_tools(cal, preset="router")
        assert (search.name, execute.name) == tuple(ROUTER)
        hits = json.loads(search.invoke({"query": "cancel a booking"}))["data"]
        uid = cal.execute("CAL_LIST_BOOKINGS", {"take": 1}).data["data"][0]["uid"]
        arguments = build_arguments(next(h for h in hits if h["name"] == "CAL_CANCEL_BOOKING")["parameters"],
                                    {"bookingUid": uid, "cancellationReason": "Plans changed"})  # fmt: skip
        done = json.loads(execute.invoke({"action": "CAL_CANCEL_BOOKING", "arguments": json.dumps(arguments)}))
        assert done["successful"], done["error"]
        assert cal.execute("CAL_GET_BOOKING", {"bookingUid": uid}).data["status"] == "cancelled"
    sent = convert_to_openai_tool(execute)["function"]["parameters"]  # what LangChain shows a model
    assert sent["properties"]["arguments"]["type"] == "string" and sent["required"] == ["action"]


def _mcp_tools(preset: Any) -> list[Any]:
    async def listed() -> list[Any]:
        async with create_connected_server_and_client_session(build_server(AsyncCal(api_key="k"), preset=preset)) as s:
            return list((await s.list_tools()).tools)

    return asyncio.run(listed())


def test_mcp_router_tools_carry_honest_hints_and_combine_with_a_preset() -> None:
    tools = _mcp_tools("router")
    assert [tool.name for tool in tools] == ROUTER
    _assert_hints(tools)
    names = [tool.name for tool in _mcp_tools(["scheduling", "router"])]
    assert names == [*(action.name for action in select(registry, preset="scheduling")), *ROUTER]


def _assert_hints(tools: list[Any]) -> None:
    search, execute = (tool.annotations for tool in tools)
    assert (search.readOnlyHint, search.destructiveHint, search.idempotentHint, search.openWorldHint) == (
        True, False, True, False)  # fmt: skip
    assert (execute.readOnlyHint, execute.destructiveHint, execute.idempotentHint, execute.openWorldHint) == (
        False, True, False, True)  # fmt: skip


def test_the_router_instructions_say_search_then_execute() -> None:
    assert SEARCH in INSTRUCTIONS and EXECUTE in INSTRUCTIONS and "exact name" in INSTRUCTIONS


def test_the_cli_describes_the_router_preset_and_names_it_when_a_preset_is_mistyped(
    capsys: pytest.CaptureFixture[str],
) -> None:
    with pytest.raises(SystemExit) as stopped:
        main(["mcp", "--help"])
    assert stopped.value.code == 0
    assert f"router {PRESET_DESCRIPTION}" in " ".join(capsys.readouterr().out.split())
    with pytest.raises(SystemExit) as stopped:
        main(["mcp", "--sandbox", "--preset", "scheduling,routr"])
    said = capsys.readouterr().err.strip()
    assert stopped.value.code == 2, "a usage error"
    assert "unknown preset 'routr'; choose one of scheduling," in said and said.endswith("all, router")
