"""OpenAI tools: the strict-mode transform, the tool formats and executing the model's tool calls."""

from __future__ import annotations

import asyncio
import copy
import json
import warnings
from typing import Any

import httpx
import jsonschema
import pytest
from openai import OpenAI
from openai.types.chat import ChatCompletion, ChatCompletionFunctionTool, ChatCompletionMessage
from openai.types.responses import FunctionTool, Response

from cal_actions import AsyncCal, Cal, registry
from cal_actions.adapters.anthropic import anthropic_tools
from cal_actions.adapters.common import drop_nulls
from cal_actions.adapters.openai import (
    aexecute_tool_calls,
    execute_tool_calls,
    openai_tools,
    strict_fallbacks,
)
from cal_actions.adapters.strict import NotStrictCapable, strict_schema
from cal_actions.presets import select
from tests.support import example_arguments

# What strict mode accepts, per OpenAI's structured-outputs rules.
_STRICT_KEYWORDS = {
    "type", "description", "properties", "required", "additionalProperties", "items", "enum", "const",
    "anyOf", "pattern", "format", "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf",
    "minItems", "maxItems",
}  # fmt: skip


def assert_strict(schema: dict[str, Any], where: str = "root") -> None:
    """Fail unless ``schema`` follows every strict-mode rule, at every level: ``$defs`` only at the root, each
    definition strict itself, and a ``$ref`` alone in its node, naming one of them."""
    definitions = schema.get("$defs", {})
    for name, definition in definitions.items():
        assert_strict(definition, f"{where}.$defs.{name}")
    _assert_strict({key: value for key, value in schema.items() if key != "$defs"}, where, definitions)


def _assert_strict(schema: dict[str, Any], where: str, definitions: dict[str, Any]) -> None:
    assert "$defs" not in schema, f"{where}: $defs below the root"
    if "$ref" in schema:
        assert set(schema) == {"$ref"}, f"{where}: keywords beside $ref"
        assert schema["$ref"].removeprefix("#/$defs/") in definitions, where
        return
    assert set(schema) <= _STRICT_KEYWORDS, f"{where}: {set(schema) - _STRICT_KEYWORDS}"
    kinds = schema.get("type")
    kinds = kinds if isinstance(kinds, list) else [kinds]
    if "object" in kinds:
        assert schema["additionalProperties"] is False, where
        assert schema["required"] == list(schema["properties"]), where
        for name, sub in schema["properties"].items():
            _assert_strict(sub, f"{where}.{name}", definitions)
    if "array" in kinds:
        _assert_strict(schema["items"], f"{where}[]", definitions)
    for branch in schema.get("anyOf", []):
        _assert_strict(branch, where, definitions)


def with_nulls(schema: dict[str, Any], value: Any, definitions: dict[str, Any] | None = None) -> Any:
    """``value`` as strict mode makes a model send it: every omitted property present as null, maps as key/value
    entries, a union's value shaped by the alternative it fits; references read in the root's ``$defs``."""
    definitions = schema.get("$defs", {}) if definitions is None else definitions
    if "$ref" in schema:
        schema = definitions[schema["$ref"].removeprefix("#/$defs/")]
    if "anyOf" in schema and value is not None:
        for branch in schema["anyOf"]:
            shaped = with_nulls(branch, value, definitions)
            if jsonschema.Draft202012Validator({**branch, "$defs": definitions}).is_valid(shaped):
                return shaped
        return value
    kinds = schema.get("type")
    kinds = kinds if isinstance(kinds, list) else [kinds]
    if isinstance(value, dict) and "properties" in schema:
        properties = schema["properties"]
        return {
            name: with_nulls(sub, value[name], definitions) if name in value else None
            for name, sub in properties.items()
        }
    if isinstance(value, list) and "items" in schema:
        return [with_nulls(schema["items"], item, definitions) for item in value]
    if isinstance(value, dict) and "array" in kinds:  # a map, which strict tools take as entries
        entry = schema["items"]["properties"]["value"]
        return [{"key": key, "value": with_nulls(entry, item, definitions)} for key, item in value.items()]
    return value


# --- the pure transform ---------------------------------------------------------------------


def test_optional_fields_become_required_and_nullable() -> None:
    schema = {
        "type": "object",
        "additionalProperties": False,
        "properties": {
            "name": {"type": "string", "minLength": 1, "description": "Name"},
            "role": {"enum": ["MEMBER", "ADMIN"], "type": "string"},
            "size": {"type": "integer", "default": 3},
            "day": {"type": "string", "format": "uri"},
        },
        "required": ["name"],
    }
    original = copy.deepcopy(schema)
    strict = strict_schema(schema)
    assert schema == original, "the input is left untouched"
    assert strict["required"] == ["name", "role", "size", "day"]
    assert strict["properties"]["name"] == {"type": "string", "description": "Name"}
    assert strict["properties"]["role"] == {"enum": ["MEMBER", "ADMIN", None], "type": ["string", "null"]}
    assert strict["properties"]["size"] == {"type": ["integer", "null"]}
    assert strict["properties"]["day"] == {"type": ["string", "null"]}
    assert_strict(strict)


def test_references_are_inlined_with_their_description() -> None:
    schema = {
        "$defs": {"Attendee": {"type": "object", "properties": {"email": {"type": "string"}}, "required": ["email"]}},
        "type": "object",
        "properties": {
            "attendee": {"$ref": "#/$defs/Attendee", "description": "Who books"},
            "guests": {"type": "array", "items": {"$ref": "#/$defs/Attendee"}},
        },
        "required": ["attendee"],
    }
    strict = strict_schema(schema)
    assert strict["properties"]["attendee"]["description"] == "Who books"
    assert strict["properties"]["attendee"]["additionalProperties"] is False
    assert strict["properties"]["guests"]["type"] == ["array", "null"]
    assert strict["properties"]["guests"]["items"]["required"] == ["email"]
    assert_strict(strict)


def test_a_definition_used_again_is_referenced_when_that_is_shorter() -> None:
    window = {
        "type": "object",
        "properties": {"start": {"type": "string", "description": "ISO 8601 start"}, "end": {"type": "string"}},
        "required": ["start", "end"],
    }
    schema = {
        "$defs": {"Window": window, "Once": {"type": "object", "properties": {"n": {"type": "integer"}}}},
        "type": "object",
        "properties": {
            "first": {"$ref": "#/$defs/Window"},
            "second": {"$ref": "#/$defs/Window", "description": "Optional, described"},
            "third": {"$ref": "#/$defs/Window", "description": "Required, described"},
            "more": {"type": "array", "items": {"$ref": "#/$defs/Window"}},
            "once": {"$ref": "#/$defs/Once"},
        },
        "required": ["first", "third"],
    }
    strict = strict_schema(schema)
    properties = strict["properties"]
    assert properties["first"] == {"$ref": "#/$defs/Window"}
    assert properties["second"] == {
        "anyOf": [{"$ref": "#/$defs/Window"}, {"type": "null"}],
        "description": "Optional, described",
    }
    # strict mode allows nothing beside $ref, so a required field keeps its description on an inlined copy
    assert properties["third"]["description"] == "Required, described"
    assert properties["third"]["required"] == ["start", "end"]
    assert properties["more"]["items"] == {"$ref": "#/$defs/Window"}
    assert "Once" not in strict["$defs"] and properties["once"]["properties"]["n"] == {"type": ["integer", "null"]}
    assert strict["$defs"]["Window"]["additionalProperties"] is False
    assert_strict(strict)
    inlined = json.dumps(strict_schema({**schema, "$defs": {**schema["$defs"], "Window": {"type": "string"}}}))
    assert "$ref" not in inlined and "$defs" not in inlined, "a short definition is cheaper inlined"


def test_nested_unions_are_spliced_and_an_integer_beside_a_number_goes() -> None:
    window = {"type": "object", "properties": {"days": {"type": "integer"}}, "required": ["days"]}
    off = {"type": "object", "properties": {"disabled": {"const": True, "type": "boolean"}}, "required": ["disabled"]}
    schema = {
        "type": "object",
        "properties": {
            "window": {"anyOf": [{"anyOf": [window, {"type": "string"}]}, off]},
            "amount": {"anyOf": [{"type": "integer"}, {"type": "number"}, {"type": "string"}]},
            "count": {"anyOf": [{"type": "integer", "minimum": 1}, {"type": "number"}]},
        },
        "required": ["window", "amount", "count"],
    }
    properties = strict_schema(schema)["properties"]
    assert [branch.get("type") for branch in properties["window"]["anyOf"]] == ["object", "string", "object"]
    assert properties["amount"]["anyOf"] == [{"type": "number"}, {"type": "string"}]
    assert len(properties["count"]["anyOf"]) == 2, "a constrained integer says more than a number"
    sent = {"window": {"days": 3}, "amount": 2, "count": 1}
    jsonschema.validate(sent, strict_schema(schema), cls=jsonschema.Draft202012Validator)


@pytest.mark.parametrize(
    ("schema", "field"),
    [
        ({"type": "object", "properties": {"metadata": {"type": "object", "additionalProperties": True}}}, "metadata"),
        ({"type": "object", "properties": {"tags": {"type": "array", "items": {"type": "object"}}}}, "tags[]"),
    ],
)
def test_free_form_objects_are_refused_with_the_field_named(schema: dict[str, Any], field: str) -> None:
    with pytest.raises(NotStrictCapable, match=field.replace("[", r"\[").replace("]", r"\]")):
        strict_schema(schema)


def test_recursive_definitions_are_refused() -> None:
    node = {"type": "object", "properties": {"child": {"$ref": "#/$defs/Node"}}, "additionalProperties": False}
    with pytest.raises(NotStrictCapable, match="recursive"):
        strict_schema({"$defs": {"Node": node}, **node})


# --- the registry's tools --------------------------------------------------------------------


def test_every_tool_is_strict_or_says_why_not() -> None:
    tools = openai_tools()
    assert len(tools) == len([a for a in registry if not a.legacy])
    fallbacks = strict_fallbacks()
    for tool in tools:
        function = tool["function"]
        ChatCompletionFunctionTool.model_validate(tool)
        if function["strict"]:
            assert_strict(function["parameters"], function["name"])
        else:
            assert "free-form" in fallbacks[function["name"]]
    strict_count = sum(tool["function"]["strict"] for tool in tools)
    assert strict_count == len(tools) - len(fallbacks) >= 130


@pytest.mark.parametrize("action", list(registry), ids=lambda action: action.name)
def test_strict_arguments_round_trip_to_the_model(action) -> None:
    """What a strict model may send validates against the tool, and loses its nulls on the way in."""
    tool = openai_tools([action])[0]["function"]
    arguments = example_arguments(action.json_schema(), complete=True)
    sent = with_nulls(tool["parameters"], arguments) if tool["strict"] else arguments
    jsonschema.validate(sent, tool["parameters"], cls=jsonschema.Draft202012Validator)
    action.params.model_validate(drop_nulls(sent))


def test_responses_and_anthropic_formats() -> None:
    responses = openai_tools(api="responses", preset="scheduling")
    assert len(responses) == len(select(registry, preset="scheduling"))
    for tool in responses:
        FunctionTool.model_validate(tool)
    chat = openai_tools(preset="scheduling")
    assert [tool["name"] for tool in responses] == [tool["function"]["name"] for tool in chat]
    anthropic = anthropic_tools(["CAL_CREATE_BOOKING"])
    assert anthropic == [
        {
            "name": "CAL_CREATE_BOOKING",
            "description": registry.get("CAL_CREATE_BOOKING").tool_description(),
            "input_schema": registry.get("CAL_CREATE_BOOKING").tool_schema(),
            "input_examples": list(registry.get("CAL_CREATE_BOOKING").examples),
        }
    ]
    with pytest.raises(ValueError, match="api"):
        openai_tools(api="completions")  # type: ignore[arg-type]


def test_tools_accept_names_aliases_and_presets() -> None:
    by_alias = openai_tools(["CAL_GET_ME", "cal_get_booking"])
    assert [tool["function"]["name"] for tool in by_alias] == ["CAL_GET_ME", "CAL_GET_BOOKING"]
    assert len(openai_tools(tags=["webhooks"])) == len(registry.with_tag("webhooks"))
    assert openai_tools([]) == [], "an empty selection is empty, not everything"
    combined = openai_tools(["CAL_GET_ME"], tags=["slots"])
    assert [tool["function"]["name"] for tool in combined][:1] == ["CAL_GET_ME"]
    assert len(combined) == 1 + len(registry.with_tag("slots"))


# --- executing tool calls ---------------------------------------------------------------------


def _recording_cal(seen: list[httpx.Request], async_: bool = False) -> Cal | AsyncCal:
    def answer(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        if request.url.path == "/v2/me":
            return httpx.Response(200, json={"status": "success", "data": {"id": 7, "username": "ada"}})
        return httpx.Response(201, json={"status": "success", "data": {"uid": "bk_1"}})

    if async_:
        return AsyncCal(api_key="cal_test_x", transport=httpx.MockTransport(answer), max_retries=0)
    return Cal(api_key="cal_test_x", transport=httpx.MockTransport(answer), max_retries=0)


_BOOKING = {
    "start": "2030-01-31T09:00:00Z",
    "eventTypeId": 12,
    "attendee": {"name": "Ada", "email": "ada@example.com", "timeZone": "Europe/Rome", "language": None},
    "guests": None,
}


def _chat_completion(*calls: tuple[str, str, str]) -> ChatCompletion:
    return ChatCompletion.model_validate(
        {
            "id": "chatcmpl-1",
            "object": "chat.completion",
            "created": 0,
            "model": "test",
            "choices": [
                {
                    "index": 0,
                    "finish_reason": "tool_calls",
                    "message": {
                        "role": "assistant",
                        "content": None,
                        "tool_calls": [
                            {"id": id_, "type": "function", "function": {"name": name, "arguments": arguments}}
                            for id_, name, arguments in calls
                        ],
                    },
                }
            ],
        }
    )


def test_chat_tool_calls_run_and_answer_in_order() -> None:
    seen: list[httpx.Request] = []
    completion = _chat_completion(
        ("call_1", "CAL_GET_ME", "{}"),
        ("call_2", "CAL_CREATE_BOOKING", json.dumps(_BOOKING)),
        ("call_3", "CAL_CREATE_BOOKING", '{"start": '),
        ("call_4", "CAL_NOT_A_TOOL", "{}"),
    )
    with _recording_cal(seen) as cal:
        outputs = execute_tool_calls(cal, completion.choices[0].message)
    assert [output["tool_call_id"] for output in outputs] == ["call_1", "call_2", "call_3", "call_4"]
    assert all(output["role"] == "tool" for output in outputs)
    envelopes = [json.loads(output["content"]) for output in outputs]
    assert envelopes[0] == {"data": {"id": 7, "username": "ada"}, "successful": True, "error": None}
    assert envelopes[1]["successful"] is True
    assert envelopes[2]["successful"] is False and "JSON" in envelopes[2]["error"]
    assert envelopes[3]["successful"] is False and "CAL_NOT_A_TOOL" in envelopes[3]["error"]
    assert [request.url.path for request in seen] == ["/v2/me", "/v2/bookings"], "bad calls send nothing"
    body = json.loads(seen[1].content)
    assert "guests" not in body and "language" not in body["attendee"], "strict-mode nulls are dropped"


def test_responses_function_calls_give_function_call_outputs() -> None:
    response = Response.model_validate(
        {
            "id": "resp_1",
            "object": "response",
            "created_at": 0,
            "model": "test",
            "parallel_tool_calls": True,
            "tool_choice": "auto",
            "tools": [],
            "output": [
                {"type": "reasoning", "id": "rs_1", "summary": []},
                {"type": "function_call", "id": "fc_1", "call_id": "call_a", "name": "CAL_GET_ME", "arguments": "{}"},
            ],
        }
    )
    seen: list[httpx.Request] = []
    with _recording_cal(seen) as cal:
        outputs = execute_tool_calls(cal, response)
    assert len(outputs) == 1
    assert outputs[0]["type"] == "function_call_output" and outputs[0]["call_id"] == "call_a"
    assert json.loads(outputs[0]["output"])["data"]["username"] == "ada"


def test_plain_dict_tool_calls_and_validation_errors_name_the_field() -> None:
    calls = [{"id": "c1", "type": "function", "function": {"name": "CAL_GET_BOOKING", "arguments": '{"uid": 5}'}}]
    seen: list[httpx.Request] = []
    with _recording_cal(seen) as cal:
        [output] = execute_tool_calls(cal, calls)
    envelope = json.loads(output["content"])
    assert envelope["successful"] is False and "bookingUid" in envelope["error"]
    assert seen == []


def test_async_twin_runs_read_only_batches_together() -> None:
    seen: list[httpx.Request] = []
    completion = _chat_completion(("a", "CAL_GET_ME", "{}"), ("b", "CAL_GET_ME", "null"))

    async def run() -> list[dict[str, Any]]:
        async with _recording_cal(seen, async_=True) as cal:
            return await aexecute_tool_calls(cal, completion.choices[0].message.tool_calls)

    outputs = asyncio.run(run())
    assert [output["tool_call_id"] for output in outputs] == ["a", "b"]
    assert json.loads(outputs[0]["content"])["successful"] is True
    assert len(seen) == 1, "arguments that are not an object are rejected before sending"


# --- what a model or an SDK may hand over -------------------------------------------------------


def _sdk_message(tool_calls: list[Any], content: str | None = None) -> Any:
    """The message as the openai client parses a completion (it builds objects without validating)."""
    body = _chat_completion().model_dump()
    body["choices"][0]["message"].update(content=content, tool_calls=tool_calls)
    transport = httpx.MockTransport(lambda request: httpx.Response(200, json=body))
    client = OpenAI(api_key="sk-test", base_url="http://openai.test/v1", http_client=httpx.Client(transport=transport))
    return client.chat.completions.create(model="test", messages=[{"role": "user", "content": "hi"}]).choices[0].message


def test_a_final_answer_has_no_calls_to_run() -> None:
    final = ChatCompletionMessage(role="assistant", content="All booked.")
    response = Response.model_validate(
        {
            "id": "resp_1", "object": "response", "created_at": 0, "model": "test", "parallel_tool_calls": True,
            "tool_choice": "auto", "tools": [],
            "output": [{"type": "message", "id": "m1", "role": "assistant", "status": "completed",
                        "content": [{"type": "output_text", "text": "All booked.", "annotations": []}]}],
        }
    )  # fmt: skip
    seen: list[httpx.Request] = []
    with _recording_cal(seen) as cal:
        for message in (final, final.model_dump(exclude_none=True), response, response.model_dump(exclude_none=True)):
            assert execute_tool_calls(cal, message) == []
            assert asyncio.run(aexecute_tool_calls(cal, message)) == []
        assert execute_tool_calls(cal, _sdk_message([], "All booked.")) == []
        assert execute_tool_calls(cal, None) == []
    assert seen == []


MALFORMED_CALLS: list[Any] = [
    {"type": "function", "function": {"name": "CAL_CREATE_BOOKING", "arguments": json.dumps(_BOOKING)}},  # no id
    {"id": "c2", "type": "function", "function": {"arguments": "{}"}},  # no name
    {"id": "c3", "type": "function", "function": {"name": 5, "arguments": "{}"}},  # not a name
    {"id": "c4", "type": "function", "function": "CAL_GET_ME"},  # function is not an object
    None,
    "CAL_GET_ME",
    {"id": "c7", "type": "function", "function": {"name": "CAL_GET_ME", "arguments": {"unused": None}}},  # an object
    {"id": "c8", "type": "function", "function": {"name": "CAL_GET_ME", "arguments": ["x"]}},
    {"id": "c9", "type": "custom", "custom": {"name": "shell", "input": "ls"}},  # another kind: not ours to answer
    {"id": "c10", "type": "function", "function": {"name": "CAL_GET_ME"}},  # no arguments: none needed
]


def _malformed_outputs_check(outputs: list[dict[str, Any]], seen: list[httpx.Request]) -> None:
    ids = ["missing_id_1", "c2", "c3", "c4", "missing_id_5", "missing_id_6", "c7", "c8", "c10"]
    assert [output["tool_call_id"] for output in outputs] == ids
    envelopes = {output["tool_call_id"]: json.loads(output["content"]) for output in outputs}
    assert "no id" in envelopes["missing_id_1"]["error"] and "CAL_CREATE_BOOKING" in envelopes["missing_id_1"]["error"]
    assert "names no tool" in envelopes["c2"]["error"] and "names no tool" in envelopes["c3"]["error"]
    assert "no function object" in envelopes["c4"]["error"]
    assert "no id" in envelopes["missing_id_5"]["error"] and "no id" in envelopes["missing_id_6"]["error"]
    assert envelopes["c7"]["successful"] is True and envelopes["c10"]["successful"] is True
    assert envelopes["c8"]["error"] == "arguments must be a JSON object, not an array"
    assert [request.url.path for request in seen] == ["/v2/me", "/v2/me"], "only well-formed calls run"


def test_malformed_calls_are_answered_with_envelope_errors() -> None:
    message = _sdk_message(MALFORMED_CALLS)
    for given in (message, message.model_dump(exclude_none=True, warnings=False), MALFORMED_CALLS):
        seen: list[httpx.Request] = []
        with warnings.catch_warnings(), _recording_cal(seen) as cal:
            warnings.simplefilter("error")  # reading malformed SDK objects back must not warn either
            _malformed_outputs_check(execute_tool_calls(cal, given), seen)

    async def run() -> list[dict[str, Any]]:
        async with _recording_cal(seen, async_=True) as cal:
            return await aexecute_tool_calls(cal, message)

    seen = []
    _malformed_outputs_check(asyncio.run(run()), seen)


def test_malformed_responses_items_answer_with_function_call_outputs() -> None:
    items = [
        {"type": "reasoning", "id": "rs_1", "summary": []},
        {"type": "function_call", "id": "fc_1", "name": "CAL_GET_ME", "arguments": "{}"},  # no call_id
        {"type": "function_call", "id": "fc_2", "call_id": "call_b", "arguments": "{}"},  # no name
        {"type": "function_call", "id": "fc_3", "call_id": "call_c", "name": "CAL_GET_ME"},
        None,
    ]
    seen: list[httpx.Request] = []
    with _recording_cal(seen) as cal:
        outputs = execute_tool_calls(cal, {"object": "response", "output": items})
    assert all(output["type"] == "function_call_output" for output in outputs)
    assert [output["call_id"] for output in outputs] == ["missing_id_2", "call_b", "call_c", "missing_id_5"]
    assert [json.loads(output["output"])["successful"] for output in outputs] == [False, False, True, False]
    assert [request.url.path for request in seen] == ["/v2/me"]


def test_programming_errors_say_what_to_pass() -> None:
    completion = _chat_completion(("c1", "CAL_GET_ME", "{}"))
    message = completion.choices[0].message
    seen: list[httpx.Request] = []
    with _recording_cal(seen) as cal:
        with pytest.raises(TypeError, match=r"not an AsyncCal: use `await aexecute_tool_calls"):
            execute_tool_calls(_recording_cal(seen, async_=True), message)
        with pytest.raises(TypeError, match="needs a Cal, not dict"):
            execute_tool_calls({}, message)  # type: ignore[arg-type]
        with pytest.raises(TypeError, match="needs a Cal or an AsyncCal, not str"):
            asyncio.run(aexecute_tool_calls("cal", message))  # type: ignore[arg-type]
        with pytest.raises(TypeError, match=r"choices\[0\]\.message"):
            execute_tool_calls(cal, completion)
        with pytest.raises(TypeError, match="not text"):
            execute_tool_calls(cal, "CAL_GET_ME")
        with pytest.raises(TypeError, match="not ChatCompletionMessageFunctionToolCall"):
            execute_tool_calls(cal, message.tool_calls[0])
        with pytest.raises(TypeError, match="execute_tool_uses"):
            execute_tool_calls(cal, {"role": "assistant", "content": [{"type": "tool_use", "id": "t", "name": "X"}]})
        with pytest.raises(TypeError, match="tool_calls must be a list"):
            execute_tool_calls(cal, {"role": "assistant", "tool_calls": "CAL_GET_ME"})
        # The async helper also takes a Cal, running each call in a worker thread.
        [output] = asyncio.run(aexecute_tool_calls(cal, message))
    assert json.loads(output["content"])["successful"] is True
    assert [request.url.path for request in seen] == ["/v2/me"]
