"""Shared test helpers: the reference specs, route matching, example arguments and a call that must succeed."""

from __future__ import annotations

import functools
import json
import os
import re
from pathlib import Path
from typing import Any

REFERENCE = Path(os.environ.get("CAL_REFERENCE_DIR", Path(__file__).resolve().parents[1] / "reference"))
PINNED_SPEC = REFERENCE / "cal-api-v2-openapi.json"
LIVE_SPEC = REFERENCE / "cal-api-v2-openapi-2025-10.json"


@functools.cache
def load_spec(path: Path) -> dict[str, Any]:
    return json.loads(path.read_text())


def _template_regex(template: str) -> re.Pattern[str]:
    return re.compile("^" + re.sub(r"\\{\w+\\}", r"[^/]+", re.escape(template)) + "$")


def find_operation(spec: dict[str, Any], method: str, path: str) -> tuple[str, dict[str, Any]] | None:
    """The spec operation a route targets: same template, or a template whose placeholders its literals fill."""
    method = method.lower()
    if path in spec["paths"] and method in spec["paths"][path]:
        return path, spec["paths"][path][method]
    concrete = re.sub(r"{\w+}", "X", path)
    matches = [
        (template.count("{"), template, operations[method])
        for template, operations in spec["paths"].items()
        if method in operations and _template_regex(template).match(concrete)
    ]
    if not matches:
        return None
    _, template, operation = min(matches, key=lambda match: match[0])  # literal segments win
    return template, operation


def resolve(spec: dict[str, Any], schema: dict[str, Any]) -> dict[str, Any]:
    while "$ref" in schema:
        schema = spec["components"]["schemas"][schema["$ref"].rsplit("/", 1)[-1]]
    if "allOf" in schema and len(schema["allOf"]) == 1 and "properties" not in schema:
        return {**resolve(spec, schema["allOf"][0]), **{k: v for k, v in schema.items() if k != "allOf"}}
    return schema


def body_shape(spec: dict[str, Any], operation: dict[str, Any]) -> tuple[dict[str, Any], set[str]]:
    """Properties of the request body (all ``oneOf`` shapes merged) and the fields every shape requires."""
    body = operation.get("requestBody")
    if not body:
        return {}, set()
    schema = body["content"]["application/json"]["schema"]
    properties: dict[str, Any] = {}
    required: set[str] | None = None
    for shape in schema.get("oneOf", [schema]):
        resolved = resolve(spec, shape)
        for name, prop in resolved.get("properties", {}).items():
            properties.setdefault(name, prop)
        shape_required = set(resolved.get("required", []))
        required = shape_required if required is None else required & shape_required
    return properties, required or set()


def enum_of(spec: dict[str, Any], schema: dict[str, Any]) -> list[Any] | None:
    schema = resolve(spec, schema)
    if "enum" in schema:
        return schema["enum"]
    if schema.get("type") == "array":
        return enum_of(spec, schema.get("items", {}))
    return None


def declared_version(operation: dict[str, Any]) -> str | None:
    for parameter in operation.get("parameters", []):
        if parameter["name"] == "cal-api-version":
            match = re.search(r"`([\d-]+)`", parameter.get("description") or "")
            return match.group(1) if match else parameter.get("schema", {}).get("default")
    return None


# Example values for the string patterns the declarations use.
_PATTERN_EXAMPLES = {
    r"^([01]\d|2[0-3]):[0-5]\d$": "09:30",
    r"^\d{4}-\d{2}-\d{2}$": "2030-01-31",
    r"^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$": "2030-01-31",
    r"^\+[1-9]\d{1,14}$": "+14155550123",
    r"^\d{4}-\d\d-\d\d": "2030-01-31T09:00:00Z",  # ISO 8601 date or date-time, by the date it starts with
    r"^[^@\s]+@[^@\s]+\.[^@\s]+$": "ada@example.com",
    r"^data:image/[^;]+;base64,[A-Za-z0-9+/]*={0,2}$": "data:image/png;base64,iVBORw0KGgo=",
}


def example_value(schema: dict[str, Any], defs: dict[str, Any], *, complete: bool, name: str = "") -> Any:
    """A valid value for ``schema``: required properties only, or every property when ``complete``."""
    if "$ref" in schema:
        return example_value(defs[schema["$ref"].rsplit("/", 1)[-1]], defs, complete=complete, name=name)
    constraints = schema.get("anyOf", [])
    if constraints and all(set(branch) == {"required"} for branch in constraints):
        # "one of these fields" on an object: the first alternative's fields become required
        required = [*schema.get("required", []), *constraints[0]["required"]]
        schema = {**{key: value for key, value in schema.items() if key != "anyOf"}, "required": required}
    for key in ("anyOf", "oneOf", "allOf"):
        if key in schema:
            return example_value(schema[key][0], defs, complete=complete, name=name)
    if "const" in schema:
        return schema["const"]
    if "enum" in schema:
        return schema["enum"][0]
    kind = schema.get("type")
    if kind == "object" or "properties" in schema:
        properties = schema.get("properties", {})
        required = schema.get("required", [])
        # Free-form objects (no declared properties) are Cal.com's to validate: no example can be right.
        wanted = {key: sub for key, sub in properties.items() if key in required or (complete and not _free_form(sub))}
        return {key: example_value(sub, defs, complete=complete, name=key) for key, sub in wanted.items()}
    if kind == "array":
        count = max(1, schema.get("minItems", 1))
        return [example_value(schema.get("items", {}), defs, complete=complete, name=name) for _ in range(count)]
    if kind == "integer":
        if "exclusiveMinimum" in schema:
            return int(schema["exclusiveMinimum"]) + 1
        return int(schema.get("minimum", 1))
    if kind == "number":
        return schema.get("minimum", 1)
    if kind == "boolean":
        return True
    if kind == "string":
        if "pattern" in schema:
            return _PATTERN_EXAMPLES[schema["pattern"]]
        if schema.get("format") == "email" or "email" in name.lower():
            return "ada@example.com"
        if schema.get("format") == "date-time":
            return "2030-01-31T09:00:00Z"
        if schema.get("format") == "uri":
            return f"https://example.com/{name or 'value'}"
        text = f"{name or 'value'}-1"
        return text[: schema["maxLength"]] if "maxLength" in schema else text
    return "value"


def _free_form(schema: dict[str, Any]) -> bool:
    if schema.get("type") == "array":
        return _free_form(schema.get("items", {}))
    return schema.get("type") == "object" and "properties" not in schema and "$ref" not in schema


def example_arguments(schema: dict[str, Any], *, complete: bool = False) -> dict[str, Any]:
    return example_value(schema, schema.get("$defs", {}), complete=complete)


def openapi_to_jsonschema(node: Any, *, one_of_as_any_of: bool = False) -> Any:
    """OpenAPI 3.0 → JSON Schema: ``nullable`` becomes "the schema or null". With ``one_of_as_any_of``
    every ``oneOf`` is read as ``anyOf`` (for documents whose alternatives overlap)."""
    if isinstance(node, list):
        return [openapi_to_jsonschema(item, one_of_as_any_of=one_of_as_any_of) for item in node]
    if not isinstance(node, dict):
        return node
    converted = {
        key: openapi_to_jsonschema(value, one_of_as_any_of=one_of_as_any_of)
        for key, value in node.items()
        if key != "nullable"
    }
    if one_of_as_any_of and "oneOf" in converted:
        converted["anyOf"] = converted.pop("oneOf")
    return {"anyOf": [converted, {"type": "null"}]} if node.get("nullable") else converted


def ok(cal: Any, name: str, arguments: dict[str, Any] | None = None) -> Any:
    """The data of a call that must succeed (its error shown when it does not)."""
    result = cal.execute(name, arguments or {})
    assert result.successful, result.error
    return result.data
