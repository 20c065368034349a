"""The worked example calls every action declares: each is valid for its own action, builds the request Cal.com
expects, and has the shape the tools accept (strict OpenAI after strict shaping, Anthropic's input schema)."""

from __future__ import annotations

import dataclasses
from typing import Any

import jsonschema
import pytest

from cal_actions import registry
from cal_actions.action import Action, OneOf
from cal_actions.adapters.common import drop_nulls
from cal_actions.adapters.openai import openai_tools
from cal_actions.router import ROUTER_TOOLS
from tests.test_execution import assert_request, run_once
from tests.test_openai import with_nulls

EXAMPLES = [(action, index) for action in registry for index in range(len(action.examples))]


def _id(case: tuple[Action, int]) -> str:
    return f"{case[0].name}#{case[1]}"


def forms_covered(action: Action) -> set[str]:
    """The names of the exclusive forms the action's examples use (nested forms as ``outer/inner``)."""
    return {form_path(action.params, example) for example in action.examples} - {""}


def form_path(model: type, example: dict[str, Any]) -> str:
    if not (isinstance(model, type) and issubclass(model, OneOf) and model.forms):
        return ""
    name = model.pick(example)
    assert name is not None, f"{model.__name__}: {example} fits no form"
    inner = form_path(model.forms[name], example)
    return f"{name}/{inner}" if inner else name


def test_every_action_has_an_example() -> None:
    assert [action.name for action in registry if not action.examples] == []


@pytest.mark.parametrize("case", EXAMPLES, ids=_id)
def test_example_is_valid_and_builds_the_request_cal_expects(case: tuple[Action, int]) -> None:
    action, index = case
    example = action.example_calls()[index]
    action.params.model_validate(example)
    request, _ = run_once(action, example)
    assert_request(action, example, request)


@pytest.mark.parametrize("case", EXAMPLES, ids=_id)
def test_example_fits_the_tools_a_model_is_offered(case: tuple[Action, int]) -> None:
    """As a strict model would send it (every property present, null when left out; maps as key/value entries), it
    validates against the strict tool and reads back as the same arguments; as it is, against Anthropic's schema.
    JSON Schema is stricter than the model's lax coercion: an id written as text where a number is declared fails."""
    action, index = case
    example = action.example_calls()[index]
    tool = openai_tools([action])[0]["function"]
    assert tool["strict"], "every tool is strict"
    sent = with_nulls(tool["parameters"], example)
    jsonschema.validate(sent, tool["parameters"], cls=jsonschema.Draft202012Validator)
    read_back = action.params.model_validate(drop_nulls(sent)).model_dump(exclude_none=True)
    assert read_back == action.params.model_validate(example).model_dump(exclude_none=True)
    jsonschema.validate(example, action.tool_schema(), cls=jsonschema.Draft202012Validator)


@pytest.mark.parametrize("action", [a for a in registry if issubclass(a.params, OneOf)], ids=lambda a: a.name)
def test_actions_of_exclusive_forms_show_more_than_one_form(action: Action) -> None:
    assert len(forms_covered(action)) >= 2, forms_covered(action)


def test_examples_are_handed_out_as_copies_and_leave_equality_alone() -> None:
    action = registry.get("CAL_CREATE_BOOKING")
    handed = action.example_calls()
    handed[0]["attendee"]["name"] = "changed"
    assert action.examples[0]["attendee"]["name"] != "changed"
    bare = dataclasses.replace(action, examples=())
    assert bare == action and hash(bare) == hash(action) and len({action, bare}) == 1
    with pytest.raises(dataclasses.FrozenInstanceError):
        action.examples = ()  # type: ignore[misc]


@pytest.mark.parametrize("tool", ROUTER_TOOLS, ids=lambda tool: tool.name)
def test_router_tool_examples_are_valid(tool: Any) -> None:
    assert tool.examples
    for example in tool.example_calls():
        tool.params.model_validate(example)
        strict = openai_tools(preset="router")
        schema = next(t["function"]["parameters"] for t in strict if t["function"]["name"] == tool.name)
        jsonschema.validate(with_nulls(schema, example), schema, cls=jsonschema.Draft202012Validator)


@pytest.mark.parametrize(
    ("examples", "error"),
    [
        ({"bookingUid": "bk_1"}, "a tuple of argument dicts"),  # ({...}) without its comma
        (["not", "dicts"], "a tuple of argument dicts"),
        (({"bookingUid": "bk_1", "uid": "x"},), r"fields the action does not have: \['uid'\]"),
    ],
)
def test_declare_refuses_malformed_examples(examples: Any, error: str) -> None:
    from cal_actions.action import Route, declare
    from cal_actions.actions.bookings import BookingUid

    with pytest.raises(ValueError, match=error):
        declare("CAL_X", description="x", params=BookingUid, route=Route("GET", "/v2/x/{bookingUid}"), tags=("x",),
                examples=examples)  # fmt: skip
