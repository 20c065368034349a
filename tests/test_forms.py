"""Parameter models of exclusive forms (``OneOf``), map fields sent as entries, and per-status error hints:
the framework pieces, on a small registry of their own."""

from __future__ import annotations

import asyncio
import json
from collections.abc import Mapping
from typing import Any, ClassVar

import httpx
import jsonschema
import pytest
from pydantic import Field, ValidationError

from cal_actions import Cal
from cal_actions.action import Forms, OneOf, Params, Registry, Route, declare
from cal_actions.adapters.strict import strict_schema
from cal_actions.schema import fold_forms, form_groups, forms_text
from tests.test_openai import assert_strict


class _Regular(Params):
    """the whole booking"""

    bookingUid: str = Field(description="uid")
    start: str = Field(description="when")
    reason: str | None = Field(None, description="why")


class _Seated(Params):
    """one seat (seatUid)"""

    bookingUid: str = Field(description="uid")
    start: str = Field(description="when")
    seatUid: str = Field(description="seat")


class _Move(OneOf):
    forms: ClassVar[Forms] = {"regular": _Regular, "seated": _Seated}
    unmatched = "no form"

    @classmethod
    def pick(cls, data: Mapping[str, Any]) -> str | None:
        if "nothing" in data:
            return None
        return "seated" if "seatUid" in data else "regular"


class _Tagged(Params):
    tags: dict[str, int] | None = Field(None, description="counts")
    size: int | None = Field(None, description="a number")


MOVE = declare(
    "CAL_MOVE_THING",
    description="Move a thing, or one seat of it.",
    params=_Move,
    route=Route("POST", "/v2/things/{bookingUid}/move"),
    tags=("things",),
    error_hints={500: "the thing may be gone: check it with CAL_GET_THING"},
)
TAG = declare("CAL_TAG_THING", description="Tag a thing.", params=_Tagged, route=Route("POST", "/v2/tags"), tags=("t",))
REGISTRY = Registry([MOVE, TAG])


def _execute(name: str, arguments: dict[str, Any], status: int = 200) -> tuple[list[httpx.Request], Any]:
    sent: list[httpx.Request] = []

    def answer(request: httpx.Request) -> httpx.Response:
        sent.append(request)
        body = {"status": "success", "data": {}} if status < 400 else {"statusCode": status, "message": "Oops"}
        return httpx.Response(status, json=body)

    with Cal(api_key="k", transport=httpx.MockTransport(answer), registry=REGISTRY, max_retries=0) as cal:
        return sent, cal.execute(name, arguments)


def test_the_flat_model_holds_every_form_field_required_where_all_forms_require_it() -> None:
    fields = _Move.model_fields
    assert list(fields) == ["bookingUid", "start", "reason", "seatUid"]
    assert [name for name, info in fields.items() if info.is_required()] == ["bookingUid", "start"]
    assert MOVE.placement == {"bookingUid": "path", "start": "body", "reason": "body", "seatUid": "body"}


def test_each_form_travels_with_its_own_fields() -> None:
    sent, result = _execute("CAL_MOVE_THING", {"bookingUid": "b1", "start": "s", "seatUid": "x"})
    assert result.successful and sent[0].url.path == "/v2/things/b1/move"
    assert json.loads(sent[0].content) == {"start": "s", "seatUid": "x"}


def test_a_mix_of_forms_is_refused_before_sending_and_the_error_names_the_forms() -> None:
    sent, result = _execute("CAL_MOVE_THING", {"bookingUid": "b1", "start": "s", "seatUid": "x", "reason": "r"})
    assert not sent and not result.successful
    assert result.error == (
        "invalid arguments for CAL_MOVE_THING: reason: unknown field; arguments: read as one seat (seatUid); "
        "give exactly one of: the whole booking | one seat (seatUid)"
    )


def test_an_input_that_fits_no_form_says_so_and_a_plain_field_error_names_no_forms() -> None:
    with pytest.raises(ValidationError, match="no form; give exactly one of"):
        _Move.model_validate({"bookingUid": "b", "start": "s", "nothing": 1})
    _, result = _execute("CAL_MOVE_THING", {"bookingUid": "b1", "start": ["s"], "seatUid": "x"})
    assert result.error is not None and "start:" in result.error and "give exactly one of" not in result.error


def test_the_schema_shows_the_forms_and_tools_get_one_object() -> None:
    schema = MOVE.json_schema()
    assert [branch["description"] for branch in schema["anyOf"]] == ["the whole booking", "one seat (seatUid)"]
    jsonschema.validate({"bookingUid": "b", "start": "s", "seatUid": "x"}, schema)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({"bookingUid": "b", "start": "s", "seatUid": "x", "reason": "r"}, schema)
    tool = MOVE.tool_schema()
    assert "anyOf" not in tool and tool["type"] == "object" and set(tool["properties"]) == set(schema["properties"])
    assert "description" not in tool, "the forms are named in the tool's description, which every rendering shows"
    assert MOVE.tool_description() == (
        "Move a thing, or one seat of it. Send exactly one form: the whole booking | one seat (seatUid)"
    )
    assert fold_forms(tool) == tool
    assert_strict(strict_schema(tool))


def test_a_map_field_also_takes_key_value_entries_as_strict_tools_send_them() -> None:
    strict = strict_schema(TAG.tool_schema())
    assert_strict(strict)
    entries = [{"key": "a", "value": 1}, {"key": "b", "value": 2}]
    jsonschema.validate({"tags": entries, "size": None}, strict)
    sent, result = _execute("CAL_TAG_THING", {"tags": entries})
    assert result.successful and json.loads(sent[0].content) == {"tags": {"a": 1, "b": 2}}
    _, wrong = _execute("CAL_TAG_THING", {"tags": [{"key": "a", "value": "x"}]})
    assert wrong.error is not None and "tags.a: Input should be a valid integer" in wrong.error
    _, boolean = _execute("CAL_TAG_THING", {"size": True})
    assert boolean.error == "invalid arguments for CAL_TAG_THING: size: a boolean is not a number here"


def test_an_error_hint_is_added_to_the_status_it_names_only() -> None:
    _, failed = _execute("CAL_MOVE_THING", {"bookingUid": "b1", "start": "s"}, status=500)
    assert failed.status_code == 500
    assert failed.error == "HTTP 500: Oops (the thing may be gone: check it with CAL_GET_THING)"
    _, other = _execute("CAL_MOVE_THING", {"bookingUid": "b1", "start": "s"}, status=404)
    assert other.error == "HTTP 404: Oops"


def _offered_descriptions(name: str) -> dict[str, str]:
    """The description of one action's tool as each view offers it, LangChain's as it sends it to a model."""
    from langchain_core.utils.function_calling import convert_to_openai_tool
    from mcp.shared.memory import create_connected_server_and_client_session

    from cal_actions import AsyncCal
    from cal_actions.adapters.anthropic import anthropic_tools
    from cal_actions.adapters.langchain import langchain_tools
    from cal_actions.adapters.mcp import build_server
    from cal_actions.adapters.openai import openai_tools

    async def listed() -> str:
        cal = AsyncCal(api_key="cal_test_key", transport=httpx.MockTransport(lambda request: httpx.Response(500)))
        async with create_connected_server_and_client_session(build_server(cal, [name])) as session:
            (tool,) = (await session.list_tools()).tools
        return tool.description or ""

    with Cal(api_key="cal_test_key") as cal:
        (langchain,) = langchain_tools(cal, [name])
        return {
            "openai chat": openai_tools([name])[0]["function"]["description"],
            "openai responses": openai_tools([name], api="responses")[0]["description"],
            "anthropic": anthropic_tools([name])[0]["description"],
            "mcp": asyncio.run(listed()),
            "langchain": convert_to_openai_tool(langchain)["function"]["description"],
        }


def test_every_view_names_every_way_to_call_in_the_tool_description() -> None:
    """Tool renderings show a tool's description (LangChain replaces the parameters' own description with it), so
    the forms folded out of the schema are named there: the outer forms, then the event type's three names."""
    for view, description in _offered_descriptions("CAL_CREATE_BOOKING").items():
        assert description.startswith("Book an event type for an attendee"), view
        assert description.endswith(
            "Send exactly one form: a booking | an instant team meeting (instant: true) | a recurring booking "
            "(recurrenceCount). Each with one of: eventTypeId | eventTypeSlug+username+organizationSlug? | "
            "eventTypeSlug+teamSlug+organizationSlug?"
        ), view
    for view, description in _offered_descriptions("CAL_LIST_AVAILABLE_SLOTS").items():
        assert description.endswith("| the common free time of usernames, in organizationSlug"), view


def test_nested_forms_are_groups_and_must_nest_alike() -> None:
    def form(required: list[str], *, description: str = "", **more: Any) -> dict[str, Any]:
        return {"properties": {name: {"type": "string"} for name in ["a", *required]}, "required": required,
                "description": description, **more}  # fmt: skip

    by = [form(["id"]), form(["slug", "owner"])]
    schema = {"properties": {}, "anyOf": [form([], description="plain", anyOf=by), form(["n"], anyOf=by)]}
    assert forms_text(schema) == "none | n; id | slug+owner"
    assert [form.description for form in form_groups(schema)[0]] == ["plain", ""]
    uneven = {"properties": {}, "anyOf": [form([], anyOf=by), form(["n"])]}
    with pytest.raises(ValueError, match="nest the same forms"):
        form_groups(uneven)
