"""JSON Schema of an action's parameters, as every adapter and the ``schemas/`` files see it."""

from __future__ import annotations

import functools
import json
import re
from typing import Any

from pydantic import BaseModel
from pydantic.json_schema import GenerateJsonSchema, JsonSchemaValue
from pydantic_core import core_schema


class _ToolSchema(GenerateJsonSchema):
    """Pydantic's schema without what only costs tokens: titles and ``default: null``.

    Optional fields are declared ``x: int | None = None``: ``None`` means "not sent" (the request
    leaves out every null), so the schema shows the field's one real type, not a union with null.
    """

    def field_title_should_be_set(self, schema: Any) -> bool:
        return False

    def default_schema(self, schema: core_schema.WithDefaultSchema) -> JsonSchemaValue:
        inner: Any = schema["schema"]
        while inner["type"] in ("function-before", "function-after", "function-wrap"):
            inner = inner["schema"]  # validators change no shape a model sees
        if schema.get("default", ...) is None and inner["type"] == "nullable":
            return self.generate_inner(inner["schema"])
        return super().default_schema(schema)

    def generate(self, schema: Any, mode: Any = "validation") -> JsonSchemaValue:
        result: JsonSchemaValue = _strip(super().generate(schema, mode=mode))
        return result


def _strip(node: Any) -> Any:
    if isinstance(node, list):
        return [_strip(item) for item in node]
    if not isinstance(node, dict):
        return node
    result = {}
    for key, value in node.items():
        if key == "title" or (key == "default" and value is None):
            continue
        if key in ("properties", "$defs"):  # maps of names to schemas: names are kept
            result[key] = {name: _strip(sub) for name, sub in value.items()}
        else:
            result[key] = _strip(value)
    return result


def parameters_schema(model: type[BaseModel]) -> dict[str, Any]:
    """The schema, generated once per model; every caller gets its own copy, free to change it.

    Generation takes milliseconds per model and every adapter asks for every schema, whereas
    parsing the cached JSON text back is the cheapest deep copy (about a hundredth of that).
    """
    schema: dict[str, Any] = json.loads(_schema_text(model))
    return schema


def tool_schema(model: type[BaseModel]) -> dict[str, Any]:
    """The schema tools are offered with: one object at the root, as every tool API demands.

    A model of exclusive forms (``OneOf``) has ``anyOf`` of its forms beside its flat properties;
    OpenAI, Anthropic and MCP clients refuse ``anyOf`` at the root, so the forms are folded into
    the root's description and the validation of the forms is left to the parameter model.
    """
    schema: dict[str, Any] = json.loads(_tool_schema_text(model))
    return schema


@functools.cache
def _tool_schema_text(model: type[BaseModel]) -> str:
    return json.dumps(fold_forms(parameters_schema(model)), ensure_ascii=False)


def fold_forms(schema: dict[str, Any]) -> dict[str, Any]:
    """``schema`` without its root ``anyOf`` of forms, which the root description then lists."""
    forms = schema.get("anyOf")
    if not forms or "properties" not in schema:
        return schema
    definitions = schema.get("$defs", {})
    described = [_resolve(form, definitions).get("description", "") for form in forms]
    folded = {key: value for key, value in schema.items() if key != "anyOf"}
    folded["description"] = "Send exactly one form: " + " | ".join(text.rstrip(".") for text in described if text)
    return _without_unused_definitions(folded)


def _resolve(node: dict[str, Any], definitions: dict[str, Any]) -> dict[str, Any]:
    while "$ref" in node:
        node = definitions[node["$ref"].rsplit("/", 1)[-1]]
    return node


def _without_unused_definitions(schema: dict[str, Any]) -> dict[str, Any]:
    definitions = schema.get("$defs")
    if not definitions:
        return schema
    used: set[str] = set()
    pending = [{key: value for key, value in schema.items() if key != "$defs"}]
    while pending:
        text = json.dumps(pending.pop())
        for name in set(re.findall(r'"#/\$defs/([^"]+)"', text)) - used:
            used.add(name)
            pending.append(definitions[name])
    kept = {name: definition for name, definition in definitions.items() if name in used}
    result = {key: value for key, value in schema.items() if key != "$defs"}
    if kept:
        result["$defs"] = kept
    return result


@functools.cache
def _schema_text(model: type[BaseModel]) -> str:
    schema = model.model_json_schema(schema_generator=_ToolSchema)
    schema.pop("description", None)  # a model's docstring is for developers; the action has its own
    schema.setdefault("properties", {})
    return json.dumps(schema, ensure_ascii=False)
