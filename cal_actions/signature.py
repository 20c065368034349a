"""An action's parameters as terse lines a model can build arguments from, at about 60 % of the
tokens of its JSON Schema (``benchmarks/token_cost.py``).

One line per field, ``path*: type (constraints) — meaning``:

- ``*`` marks a required field; ``a.b`` is field ``b`` of object ``a``; ``a[].b`` is field ``b`` of
  each item of list ``a`` (a required ``a[].b`` is required in every item, not in the call).
- Types: ``string``, ``integer``, ``number``, ``boolean``, ``object`` (its fields follow), ``T[]``
  for a list, ``object (any keys)`` for a free-form map. Allowed values are joined by ``|``:
  ``MEMBER|ADMIN``, ``12|24``; a string that is not a plain word is quoted (``"*"``), so a bare
  number is a number.
- Constraints: ``≥1``, ``≤250``, ``≥1 items``, ``non-empty``, ``matching REGEX``, ``default X``.
- A field whose alternatives (or whose list items' alternatives) include objects is written as its JSON
  Schema, ``$ref`` inlined: ``one of {…}`` (a workflow's trigger and steps, a typed union).

The lines are derived from ``action.json_schema()``: nothing is dropped but ``title`` and the
``additionalProperties: false`` every declared object has (unknown fields are always refused).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any

__all__ = ["KNOWN_KEYWORDS", "parameter_lines"]

_WORD = re.compile(r"[A-Za-z][\w.\-]*")
_SCALARS = frozenset({"string", "integer", "number", "boolean", "null"})
#: Every schema keyword the lines render; a test fails when a declaration uses another one.
KNOWN_KEYWORDS = frozenset(
    {
        "$defs", "$ref", "additionalProperties", "anyOf", "const", "default", "description", "enum", "exclusiveMaximum",
        "exclusiveMinimum", "format", "items", "maxItems", "maxLength", "maximum", "minItems", "minLength", "minimum",
        "oneOf", "pattern", "properties", "required", "title", "type",
    }
)  # fmt: skip


def parameter_lines(schema: dict[str, Any]) -> list[str]:
    """The lines for an action's parameter schema (an object schema, possibly with ``$defs``)."""
    return list(_object_lines(schema, "", schema.get("$defs", {})))


def _object_lines(node: dict[str, Any], prefix: str, defs: dict[str, Any]) -> Iterator[str]:
    required = set(node.get("required", ()))
    for name, sub in node.get("properties", {}).items():
        yield from _field_lines(f"{prefix}{name}", name in required, sub, defs)


def _field_lines(path: str, required: bool, node: dict[str, Any], defs: dict[str, Any]) -> Iterator[str]:
    node = _resolved(node, defs)
    items = _resolved(node.get("items", {}), defs) if node.get("type") == "array" else None
    if _has_object_branch(node, defs) or (items is not None and _has_object_branch(items, defs)):
        kind, nested, inner = "one of " + json.dumps(_inlined(node, defs), ensure_ascii=False), None, ""
    elif _declares_fields(node):
        kind, nested, inner = "object", node, "."
    elif items is not None and _declares_fields(items):
        kind, nested, inner = "object[]", items, "[]."
    else:
        kind, nested, inner = _type(node, defs), None, ""
    rules = _constraints(node) + (_constraints(items) if items is not None else [])
    line = f"{path}{'*' if required else ''}: {kind}"
    if rules and not kind.startswith("one of "):
        line += f" ({', '.join(rules)})"
    if description := node.get("description"):
        line += f" — {description}"
    yield line
    if nested is not None:
        yield from _object_lines(nested, path + inner, defs)


def _resolved(node: dict[str, Any], defs: dict[str, Any]) -> dict[str, Any]:
    """A ``$ref`` replaced by its definition, the referring field's own keywords (its description) kept."""
    while "$ref" in node:
        target = defs[node["$ref"].rsplit("/", 1)[-1]]
        node = {**target, **{key: value for key, value in node.items() if key != "$ref"}}
    return node


def _inlined(node: Any, defs: dict[str, Any]) -> Any:
    if isinstance(node, list):
        return [_inlined(item, defs) for item in node]
    if not isinstance(node, dict):
        return node
    node = _resolved(node, defs)
    return {key: _inlined(value, defs) for key, value in node.items() if key not in ("title", "description")}


def _declares_fields(node: dict[str, Any]) -> bool:
    return bool(node.get("properties"))


def _branches(node: dict[str, Any]) -> list[dict[str, Any]]:
    return list(node.get("anyOf") or node.get("oneOf") or ())


def _has_object_branch(node: dict[str, Any], defs: dict[str, Any]) -> bool:
    return any(_type_name(_resolved(branch, defs)) not in _SCALARS for branch in _branches(node))


def _type(node: dict[str, Any], defs: dict[str, Any]) -> str:
    """The type of a field that declares no fields of its own."""
    if "const" in node:
        return _value(node["const"])
    if "enum" in node:
        return "|".join(_value(value) for value in node["enum"])
    if branches := _branches(node):
        return "|".join(_type(_resolved(branch, defs), defs) for branch in branches)
    kind = _type_name(node)
    if kind == "array":
        inner = _type(_resolved(node.get("items", {}), defs), defs)
        base, _, notes = inner.partition(" (")  # object (any keys) → object[] (any keys)
        base = f"({base})" if "|" in base else base
        return f"{base}[] ({notes}" if notes else f"{base}[]"
    if kind == "object":
        values = node.get("additionalProperties", True)
        if isinstance(values, dict) and values:
            return f"object (any keys; values {_type(_resolved(values, defs), defs)})"
        return "object (any keys)"
    return f"{kind} ({node['format']})" if "format" in node else kind


def _type_name(node: dict[str, Any]) -> str:
    kind = node.get("type")
    if isinstance(kind, list):
        return "|".join(kind)
    if kind is None:
        return "object" if "properties" in node else "any"
    return str(kind)


def _value(value: Any) -> str:
    """A plain word bare (``MEMBER``), anything else as JSON (``12``, ``"*"``)."""
    return value if isinstance(value, str) and _WORD.fullmatch(value) else json.dumps(value, ensure_ascii=False)


def _constraints(node: dict[str, Any]) -> list[str]:
    rules = []
    for key, sign in (("minimum", "≥"), ("exclusiveMinimum", ">"), ("maximum", "≤"), ("exclusiveMaximum", "<")):
        if key in node:
            rules.append(f"{sign}{node[key]}")
    if "minItems" in node:
        rules.append(f"≥{node['minItems']} items")
    if "maxItems" in node:
        rules.append(f"≤{node['maxItems']} items")
    if node.get("minLength") == 1:
        rules.append("non-empty")
    elif "minLength" in node:
        rules.append(f"≥{node['minLength']} chars")
    if "maxLength" in node:
        rules.append(f"≤{node['maxLength']} chars")
    if "pattern" in node:
        rules.append(f"matching {node['pattern']}")
    if "default" in node:
        rules.append(f"default {json.dumps(node['default'], ensure_ascii=False)}")
    return rules
