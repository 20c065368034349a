"""A test double for a model reading ``CAL_SEARCH_ACTIONS`` hits: it parses the parameter lines back and builds
arguments from them, taking each value from what it knows (``facts``, by parameter path) or, when asked to, from the
type the line gives. It knows nothing of the actions beyond what the lines say.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from tests.support import _PATTERN_EXAMPLES, example_arguments

SCALARS = {"string", "integer", "number", "boolean"}


@dataclass(frozen=True)
class Line:
    path: str
    required: bool
    kind: str  # a scalar type, "object", "object[]", "map", "map[]", "enum", "enum[]", "scalar[]" or "schema"
    item: str = ""  # the scalar type of a "scalar[]"
    values: tuple[Any, ...] = ()  # the allowed values of an enum
    rules: tuple[str, ...] = ()
    schema: Any = None  # the JSON Schema of a "one of" line


class NotKnown(AssertionError):
    """A required parameter the double has no value for."""


def read_lines(lines: list[str]) -> list[Line]:
    return [_read(line) for line in lines]


def _read(text: str) -> Line:
    head, _, _description = text.partition(" — ")
    name, _, kind = head.partition(": ")
    required = name.endswith("*")
    path = name.removesuffix("*")
    if kind.startswith("one of "):
        return Line(path, required, "schema", schema=json.loads(kind.removeprefix("one of ")))
    kind, _, rules_text = kind.partition(" (")
    rules = tuple(rule.strip() for rule in rules_text.removesuffix(")").split(", ")) if rules_text else ()
    array = kind.endswith("[]")
    base = kind.removesuffix("[]").removeprefix("(").removesuffix(")")
    suffix = "[]" if array else ""
    if base == "object":
        return Line(path, required, ("map" if "any keys" in rules_text else "object") + suffix, rules=rules)
    if base in SCALARS:
        return Line(path, required, "scalar[]" if array else base, item=base, rules=rules)
    values = tuple(_value(value) for value in base.split("|"))
    return Line(path, required, "enum" + suffix, values=values, rules=rules)


def _value(text: str) -> Any:
    try:
        return json.loads(text)
    except ValueError:
        return text  # a bare word


def build_arguments(lines: list[str], facts: dict[str, Any], *, invent: bool = False, complete: bool = False) -> Any:
    """Arguments from the lines: every required parameter, and every optional one the facts give (all of them with
    ``complete``). Values come from ``facts``; a required one missing from them raises :class:`NotKnown` unless
    ``invent`` lets the type give one."""
    return _object(read_lines(lines), "", facts, invent, complete)


def _children(fields: list[Line], prefix: str) -> list[Line]:
    return [line for line in fields if line.path.startswith(prefix) and _is_child(line.path[len(prefix) :])]


def _is_child(rest: str) -> bool:
    return bool(rest) and "." not in rest and "[]" not in rest


def _object(fields: list[Line], prefix: str, facts: dict[str, Any], invent: bool, complete: bool) -> dict[str, Any]:
    built = {}
    for line in _children(fields, prefix):
        known = line.path in facts or any(key.startswith(line.path + ".") for key in facts)
        if line.required or known or complete:
            built[line.path[len(prefix) :]] = _field(fields, line, facts, invent, complete)
    return built


def _field(fields: list[Line], line: Line, facts: dict[str, Any], invent: bool, complete: bool) -> Any:
    if line.kind == "object":
        return _object(fields, line.path + ".", facts, invent, complete)
    if line.kind == "object[]":
        return [_object(fields, line.path + "[].", facts, invent, complete)]
    if line.path in facts:
        value = facts[line.path]
        if line.kind == "enum":
            assert value in line.values, f"{line.path}: {value!r} is not one of {line.values}"
        if line.kind == "enum[]":
            assert set(value) <= set(line.values), f"{line.path}: {value!r} is not among {line.values}"
        return value
    if not invent:
        raise NotKnown(f"the parameters ask for {line.path}, which the agent does not know")
    return _invented(line)


def _invented(line: Line) -> Any:
    """A valid value from the type alone."""
    pattern = next((rule.removeprefix("matching ") for rule in line.rules if rule.startswith("matching ")), None)
    minimum = next((int(rule[1:]) for rule in line.rules if rule.startswith("≥") and rule[1:].isdigit()), 1)
    scalar = {
        "string": _PATTERN_EXAMPLES[pattern] if pattern else f"{line.path.rsplit('.', 1)[-1]}-1",
        "integer": minimum,
        "number": minimum,
        "boolean": True,
    }
    if line.kind in scalar:
        return scalar[line.kind]
    if line.kind == "scalar[]":
        return [scalar[line.item]]
    if line.kind == "enum":
        return line.values[0]
    if line.kind == "enum[]":
        return [line.values[0]]
    if line.kind in ("map", "map[]"):
        return {} if line.kind == "map" else [{}]
    return example_arguments(line.schema)  # "one of": a JSON Schema, as any schema-reading model would use it
