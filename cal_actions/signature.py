"""An action's parameters as terse lines a model can build arguments from, at about two thirds of the
tokens of its JSON Schema (``benchmarks/token_cost.py``).

One line per field, ``path*: type (constraints) — meaning``:

- ``*`` marks a required field; ``a.b`` is field ``b`` of object ``a``; ``a[].b`` is field ``b`` of
  each item of list ``a`` (a required ``a[].b`` is required in every item, not in the call).
- Types: ``string``, ``integer``, ``number``, ``boolean``, ``object`` (its fields follow), ``T[]``
  for a list, ``object (any keys)`` for a free-form map. Allowed values are joined by ``|``:
  ``MEMBER|ADMIN``, ``12|24``; a string that is not a plain word is quoted (``"*"``), so a bare
  number is a number.
- Constraints: ``≥1``, ``≤250``, ``≥1 items``, ``non-empty``, ``matching REGEX``, ``default X``,
  ``≤50 keys``, ``keys ≤40 chars``.
- Exclusive forms (a parameter model's root ``anyOf`` of forms) come first, each group of forms, then
  the group nested in them: ``forms: none | instant | recurrenceCount; eventTypeId | eventTypeSlug+username``
  — send the fields of one form of each group (``?``: optional; ``none``: no field of its own) and no
  field of the group's other forms.
- An object that needs one of some fields (``anyOf`` of ``required``): ``attendee: needs email or phoneNumber``.
- A field of alternatives of which some are objects (a typed union, discriminated by ``type`` or not):
  ``location: one of {1}..{5}``, then each alternative's lines under ``location{1}``, ``location{2}``…
  (``locations[]{1}`` for an item of a list); its tag is a field like any other (``location{3}.type*:
  attendeeAddress``), and a line several alternatives share is written once for all of them
  (``locations[]{1,2,4}.public*: boolean``).

The lines are derived from ``action.json_schema()``: nothing is dropped but ``title``, the
``additionalProperties: false`` every declared object has (unknown fields are always refused) and a
discriminator's mapping, which the alternatives' tag fields say.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any

from cal_actions.schema import forms_text

__all__ = ["KNOWN_KEYWORDS", "parameter_lines"]

_WORD = re.compile(r"[A-Za-z][\w.\-]*")
_SCALARS = frozenset({"string", "integer", "number", "boolean", "null"})
#: Every schema keyword the lines render; a test fails when a declaration uses another one.
KNOWN_KEYWORDS = frozenset(
    {
        "$defs", "$ref", "additionalProperties", "anyOf", "const", "default", "description", "discriminator", "enum",
        "exclusiveMaximum", "exclusiveMinimum", "format", "items", "maxItems", "maxLength", "maxProperties", "maximum",
        "minItems", "minLength", "minimum", "oneOf", "pattern", "properties", "propertyNames", "required", "title",
        "type",
    }
)  # fmt: skip


def parameter_lines(schema: dict[str, Any]) -> list[str]:
    """The lines for an action's parameter schema (an object schema, possibly with ``$defs`` and forms)."""
    forms = forms_text(schema)
    return ([f"forms: {forms}"] if forms else []) + list(_object_lines(schema, "", schema.get("$defs", {})))


def _object_lines(node: dict[str, Any], prefix: str, defs: dict[str, Any]) -> Iterator[str]:
    if prefix and (needs := _needs(node, defs)):
        yield f"{prefix.removesuffix('.')}: needs {needs}"
    required = set(node.get("required", ()))
    for name, sub in node.get("properties", {}).items():
        yield from _field_lines(f"{prefix}{name}", name in required, sub, defs)


def _field_lines(path: str, required: bool, node: dict[str, Any], defs: dict[str, Any]) -> Iterator[str]:
    node = _resolved(node, defs)
    items = _resolved(node.get("items", {}), defs) if node.get("type") == "array" else None
    union = _alternatives(items if items is not None else node, defs)
    if union:
        count = f"one of {{1}}..{{{len(union)}}}"
        kind, nested, inner = (f"({count})[]" if items is not None else count), None, ""
    elif _declares_fields(node):
        kind, nested, inner = "object", node, "."
    elif items is not None and _declares_fields(items):
        kind, nested, inner = "object[]", items, "[]."
    else:
        kind, nested, inner = _type(node, defs), None, ""
    rules = _constraints(node) + (_constraints(items) if items is not None else [])
    if rules and kind.endswith(")"):  # a map's own notes: object (any keys; values string; ≤50 keys)
        kind = f"{kind[:-1]}; {', '.join(rules)})"
    elif rules:
        kind += f" ({', '.join(rules)})"
    line = f"{path}{'*' if required else ''}: {kind}"
    if description := node.get("description"):
        line += f" — {description}"
    yield line
    if nested is not None:
        yield from _object_lines(nested, path + inner, defs)
    if union:
        yield from _union_lines(path + ("[]" if items is not None else ""), union, defs)


_HERE = "\0"  # where an alternative's label goes, while its lines are compared with the others'


def _union_lines(base: str, union: list[dict[str, Any]], defs: dict[str, Any]) -> Iterator[str]:
    """Each alternative's lines under ``base{n}``; a line several alternatives share (a field of the same name,
    type and meaning) once, under all their numbers: ``bookingFields[]{1,2,4}.hidden: boolean``."""
    numbers: dict[str, list[int]] = {}
    for number, branch in enumerate(union, 1):
        for line in _branch_lines(_HERE, branch, defs):
            numbers.setdefault(line, []).append(number)
    for line, shared in numbers.items():
        yield line.replace(_HERE, f"{base}{{{','.join(map(str, shared))}}}", 1)


def _branch_lines(path: str, branch: dict[str, Any], defs: dict[str, Any]) -> Iterator[str]:
    """One alternative of a union: an object's field lines under ``path.``, its own line only when it says
    something (a description, or a type that is not an object of fields)."""
    if not _declares_fields(branch):
        yield from _field_lines(path, False, branch, defs)
        return
    if description := branch.get("description"):
        yield f"{path}: object — {description}"
    yield from _object_lines(branch, path + ".", defs)


def _resolved(node: dict[str, Any], defs: dict[str, Any]) -> dict[str, Any]:
    """A ``$ref`` replaced by its definition, the referring field's own keywords (its description) kept."""
    while "$ref" in node:
        target = defs[node["$ref"].rsplit("/", 1)[-1]]
        node = {**target, **{key: value for key, value in node.items() if key != "$ref"}}
    return node


def _branches(node: dict[str, Any]) -> list[dict[str, Any]]:
    return list(node.get("anyOf") or node.get("oneOf") or ())


def _alternatives(node: dict[str, Any], defs: dict[str, Any]) -> list[dict[str, Any]]:
    """The alternatives of a union some of whose alternatives are objects (a union of unions read as one);
    empty for anything else: a scalar union is a type (``string|integer``), an object's ``anyOf`` of
    ``required`` a need."""
    if _declares_fields(node) or _needs(node, defs):
        return []
    found: list[dict[str, Any]] = []
    for branch in map(lambda branch: _resolved(branch, defs), _branches(node)):
        inner = _alternatives(branch, defs)
        found += inner or [branch]
    return found if any(_type_name(branch) not in _SCALARS for branch in found) else []


def _needs(node: dict[str, Any], defs: dict[str, Any]) -> str:
    """``email or phoneNumber`` for an object that needs one of them (``anyOf`` of ``required`` only)."""
    branches = _branches(node)
    if not branches or not all(set(branch) == {"required"} for branch in branches):
        return ""
    return " or ".join("+".join(branch["required"]) for branch in branches)


def _declares_fields(node: dict[str, Any]) -> bool:
    return bool(node.get("properties"))


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
    if "maxProperties" in node:
        rules.append(f"≤{node['maxProperties']} keys")
    if "maxLength" in node.get("propertyNames", {}):
        rules.append(f"keys ≤{node['propertyNames']['maxLength']} chars")
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
