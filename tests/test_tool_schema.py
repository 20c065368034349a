"""The schema tools are offered with (Anthropic, MCP, OpenAI without strict mode): definitions inlined where they
are used, and kept in ``$defs`` only where referencing them is shorter."""

from __future__ import annotations

import json
from typing import Any

import jsonschema
import pytest

from cal_actions import registry
from cal_actions.schema import compact_size, share_definitions
from tests.support import example_arguments

WINDOW = {"type": "object", "properties": {"start": {"type": "string", "description": "ISO 8601 start"}}}


def _schema(uses: int) -> dict[str, Any]:
    return {
        "$defs": {"Window": WINDOW, "Name": {"type": "string"}},
        "type": "object",
        "properties": {
            "name": {"$ref": "#/$defs/Name", "description": "Who"},
            **{f"w{n}": {"$ref": "#/$defs/Window"} for n in range(uses)},
        },
    }


def test_a_definition_used_once_is_inlined_with_the_field_description_winning() -> None:
    shared = share_definitions(_schema(1))
    assert "$defs" not in shared
    assert shared["properties"]["name"] == {"type": "string", "description": "Who"}
    assert shared["properties"]["w0"] == WINDOW


def test_a_definition_used_often_is_referenced_when_shorter() -> None:
    schema = _schema(4)
    shared = share_definitions(schema)
    assert shared["$defs"] == {"Window": WINDOW}
    assert all(shared["properties"][f"w{n}"] == {"$ref": "#/$defs/Window"} for n in range(4))
    inlined = {**shared, "properties": {**shared["properties"], **{f"w{n}": WINDOW for n in range(4)}}}
    del inlined["$defs"]
    assert compact_size(shared) < compact_size(inlined)


def test_a_recursive_definition_stays_a_reference() -> None:
    node = {"type": "object", "properties": {"child": {"$ref": "#/$defs/Node"}}}
    root = {"root": {"$ref": "#/$defs/Node"}}
    shared = share_definitions({"$defs": {"Node": node}, "type": "object", "properties": root})
    assert shared["properties"]["root"] == {"$ref": "#/$defs/Node"}
    assert shared["$defs"] == {"Node": node}


@pytest.mark.parametrize("action", [action for action in registry if not action.legacy], ids=lambda a: a.name)
def test_every_tool_schema_takes_what_the_parameters_take(action) -> None:
    schema = action.tool_schema()
    text = json.dumps(schema)
    for name in schema.get("$defs", {}):
        assert text.count(f'"#/$defs/{name}"') > 1, f"{name} is referenced once: inlining it is shorter"
    for complete in (False, True):
        arguments = example_arguments(action.json_schema(), complete=complete)
        jsonschema.validate(arguments, schema, cls=jsonschema.Draft202012Validator)
        action.params.model_validate(arguments)
