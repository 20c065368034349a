"""Property-based fuzzing of every action: any arguments give an envelope, never an exception,
never a request for invalid input, and every request sent stays under /v2/ on the configured host.

Derandomized so CI sees the same cases on every run.
"""

from __future__ import annotations

import json
import re
from typing import Any

import httpx
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from cal_actions import ActionResult, Cal, registry
from cal_actions.action import Action
from tests.support import example_arguments

ACTIONS = list(registry)
HOST = "cal.test"
FUZZ = settings(
    max_examples=1500,
    derandomize=True,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

NASTY_TEXT = [
    "../../x", "..", ".", "%2e%2e", "%2E%2E/%2e%2e", "..%2f..%2fme", "a/b", "/v2/me", "x?take=1", "x#frag",
    "\\..\\..", "\x00", " ", "", "\u202e", "日本語🙂", "\ud800", "null", "NaN", "1e309",
    "https://evil.test/", "//evil.test/x",
]  # fmt: skip
HUGE = "a" * 5000 + "\U0001f600" * 1000
# Lone surrogates included: JSON can carry them, UTF-8 cannot.
text = st.text(st.characters(exclude_categories=()), max_size=40) | st.sampled_from([*NASTY_TEXT, HUGE])
scalars = (
    st.none()
    | st.booleans()
    | st.integers(min_value=-(2**70), max_value=2**70)
    | st.floats(allow_nan=True, allow_infinity=True)
    | text
)
# Two levels of nesting, spelled out: cheaper to draw than st.recursive and deep enough for junk.
flat = scalars | st.lists(scalars, max_size=3) | st.dictionaries(text, scalars, max_size=3)
json_values = flat | st.lists(flat, max_size=3) | st.dictionaries(text, flat, max_size=3)


def _shape(action: Action) -> tuple[list[str], list[dict[str, Any]]]:
    schema = action.json_schema()
    return list(schema["properties"]) or ["anything"], [
        {},
        example_arguments(schema),
        example_arguments(schema, complete=True),
    ]


SHAPES = {action.name: _shape(action) for action in ACTIONS}


@st.composite
def arguments_for(draw: st.DrawFn, action: Action) -> Any:
    """Valid examples with junk mixed in, junk alone, as a dict or as a JSON string."""
    names, examples = SHAPES[action.name]
    start = draw(st.sampled_from(examples))
    keys = st.sampled_from(names) | text
    overrides = draw(st.dictionaries(keys, json_values, max_size=3))
    if draw(st.booleans()):  # any text in a declared field: often valid, so it reaches request building
        overrides[draw(st.sampled_from(names))] = draw(text)
    path_fields = list(action.fields_in("path"))
    if path_fields and draw(st.booleans()):
        overrides[draw(st.sampled_from(path_fields))] = draw(st.sampled_from(NASTY_TEXT))
    arguments: Any = {**start, **overrides} if draw(st.booleans()) else start
    shape = draw(st.sampled_from(["dict", "dict", "json", "junk"]))
    if shape == "json":
        return json.dumps(arguments)
    if shape == "junk":
        return draw(json_values | text.map(lambda value: value[:20]))
    return arguments


def _is_valid(action: Action, arguments: Any) -> bool:
    """The oracle: pydantic's own verdict on the arguments, decoded the way a caller means them."""
    if arguments in (None, ""):
        arguments = {}
    if isinstance(arguments, str):
        try:
            arguments = json.loads(arguments)
        except ValueError:
            return False
    if not isinstance(arguments, dict):
        return False
    try:
        action.params.model_validate(arguments)
    except ValidationError:
        return False
    return True


def _template(action: Action) -> re.Pattern[str]:
    # Each placeholder is exactly one raw segment that is not a dot segment.
    segment = r"(?!\.\.?(?:/|$))[^/?#]+"
    return re.compile("^" + re.sub(r"\\{\w+\\}", segment, re.escape(action.path)) + "$")


SENT: list[httpx.Request] = []
CAL = Cal(
    api_key="cal_live_fuzz_key",
    client_id="client-1",
    client_secret="fuzz-client-secret",
    base_url=f"https://{HOST}",
    max_retries=0,
    transport=httpx.MockTransport(lambda request: SENT.append(request) or httpx.Response(200, json={"ok": 1})),
)


@FUZZ
@given(data=st.data())
def test_any_arguments_give_an_envelope_and_a_safe_request(data: st.DataObject) -> None:
    action = data.draw(st.sampled_from(ACTIONS), label="action")
    arguments = data.draw(arguments_for(action), label="arguments")
    SENT.clear()
    result = CAL.execute(action.name, arguments)
    assert isinstance(result, ActionResult)
    assert list(result.model_dump()) == ["data", "successful", "error"]
    if not SENT:
        assert not result.successful and result.error and result.attempts == 0
        return
    assert _is_valid(action, arguments), "a request was sent for invalid input"
    (request,) = SENT
    assert request.url.host == HOST and request.url.scheme == "https" and request.url.port is None
    raw_path = request.url.raw_path.decode("ascii").split("?", 1)[0]
    assert raw_path.startswith("/v2/")
    assert not {".", ".."} & set(raw_path.split("/")), raw_path
    assert _template(action).match(raw_path), raw_path
    assert result.successful and result.attempts == 1


@settings(FUZZ, max_examples=200)
@given(arguments=json_values)
def test_unknown_names_and_any_arguments_never_raise(arguments: Any) -> None:
    SENT.clear()
    result = CAL.execute("CAL_NOT_AN_ACTION", arguments)
    assert not result.successful and "unknown action" in result.error and SENT == []


statuses = st.sampled_from([200, 201, 204, 301, 400, 401, 403, 404, 409, 429, 500, 502, 503]) | st.integers(100, 599)
bodies = st.binary(max_size=200) | json_values.map(lambda value: json.dumps(value).encode())


@settings(FUZZ, max_examples=300)
@given(status=statuses, body=bodies, content_type=st.sampled_from(["application/json", "text/html", "", "x/y"]))
def test_any_answer_gives_an_envelope(status: int, body: bytes, content_type: str) -> None:
    headers = {"content-type": content_type} if content_type else {}
    transport = httpx.MockTransport(lambda request: httpx.Response(status, content=body, headers=headers))
    cal = Cal(api_key="cal_live_fuzz_key", transport=transport, max_retries=0)
    result = cal.execute("CAL_GET_BOOKING", {"bookingUid": "b1"})
    assert list(result.model_dump()) == ["data", "successful", "error"]
    assert result.successful == (status < 400 and not (result.error or "")), result
    if not result.successful:
        assert result.data is None and result.error


# --- the agent adapters, fed whatever a model or an SDK might produce ------------------------------

names = st.sampled_from(["CAL_GET_ME", "CAL_GET_BOOKING", "CAL_DELETE_WEBHOOK", "cal_fetch_all_bookings"]) | json_values
ids = st.sampled_from(["call_1", "toolu_1", ""]) | json_values
arguments = json_values | json_values.map(json.dumps) | st.sampled_from(["{", "[1]", "null", '{"a": null}'])


def _maybe(key: str, strategy: st.SearchStrategy[Any]) -> st.SearchStrategy[dict[str, Any]]:
    return st.one_of(st.just({}), strategy.map(lambda value: {key: value}))


def _merged(*parts: st.SearchStrategy[dict[str, Any]]) -> st.SearchStrategy[dict[str, Any]]:
    return st.tuples(*parts).map(lambda dicts: {k: v for part in dicts for k, v in part.items()})


function = _merged(_maybe("name", names), _maybe("arguments", arguments))
chat_call = _merged(_maybe("id", ids), st.just({"type": "function"}), _maybe("function", function | json_values))
responses_item = _merged(
    _maybe("call_id", ids), _maybe("type", st.sampled_from(["function_call", "reasoning", "message"]) | json_values),
    _maybe("name", names), _maybe("arguments", arguments),
)  # fmt: skip
tool_use = _merged(
    _maybe("id", ids), _maybe("type", st.sampled_from(["tool_use", "text", "thinking"]) | json_values),
    _maybe("name", names), _maybe("input", arguments),
)  # fmt: skip


def _envelopes(texts: list[str]) -> None:
    for text in texts:
        assert list(json.loads(text)) == ["data", "successful", "error"]


@settings(FUZZ, max_examples=300)
@given(calls=st.lists(chat_call | responses_item | json_values, max_size=4))
def test_openai_tool_calls_of_any_shape_are_answered_never_raised(calls: list[Any]) -> None:
    from cal_actions.adapters.openai import execute_tool_calls

    for source in (calls, {"role": "assistant", "tool_calls": calls}, {"object": "response", "output": calls}):
        outputs = execute_tool_calls(CAL, source)
        assert all(isinstance(output.get("tool_call_id", output.get("call_id")), str) for output in outputs)
        _envelopes([output.get("content") or output["output"] for output in outputs])


@settings(FUZZ, max_examples=300)
@given(blocks=st.lists(tool_use | json_values, max_size=4))
def test_anthropic_blocks_of_any_shape_are_answered_never_raised(blocks: list[Any]) -> None:
    from cal_actions.adapters.anthropic import execute_tool_uses

    results = execute_tool_uses(CAL, {"role": "assistant", "content": blocks})
    assert len(results) <= len(blocks)
    assert all(isinstance(result["tool_use_id"], str) and result["type"] == "tool_result" for result in results)
    _envelopes([result["content"] for result in results])


@settings(FUZZ, max_examples=200)
@given(value=arguments)
def test_langchain_and_mcp_answer_any_input_as_the_python_api(value: Any) -> None:
    import asyncio

    from cal_actions.adapters.common import model_arguments
    from cal_actions.adapters.langchain import langchain_tools
    from cal_actions.adapters.mcp import call_listed

    expected = CAL.execute("CAL_GET_BOOKING", model_arguments(value)).model_dump()
    (tool,) = langchain_tools(CAL, "CAL_GET_BOOKING")
    message = tool.invoke({"type": "tool_call", "name": tool.name, "id": "c1", "args": value})
    assert json.loads(message.content) == expected
    assert asyncio.run(call_listed(CAL, {"CAL_GET_BOOKING"}, "CAL_GET_BOOKING", value)).model_dump() == expected
