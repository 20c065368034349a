"""A test double for a model reading ``CAL_SEARCH_ACTIONS`` hits: it parses the parameter lines back and builds
arguments from them, taking each value from what it knows (``facts``, by parameter path) or, when asked to, from the
type the line gives. It knows nothing of the actions beyond what the lines say.

Where the lines offer a choice (a form of each group of forms, an alternative of a union, a field an object needs
one of), it takes the one its facts name; inventing, the ``pick``-th (counted round each choice), so that a caller
can try every alternative.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, replace
from typing import Any

from tests.support import _PATTERN_EXAMPLES

SCALARS = {"string", "integer", "number", "boolean"}
_UNION = re.compile(r"\(?one of \{1\}\.\.\{(\d+)\}(\)\[\])?")


@dataclass(frozen=True)
class Line:
    path: str
    required: bool
    # a scalar type, "object", "object[]", "map", "map[]", "enum", "enum[]", "scalar[]", "union", "union[]" or "needs"
    kind: str
    item: str = ""  # the scalar type of a "scalar[]"
    values: tuple[Any, ...] = ()  # the allowed values of an enum
    rules: tuple[str, ...] = ()
    alternatives: tuple[tuple[str, ...], ...] = ()  # the field sets of which a "needs" asks one
    branches: int = 0  # the alternatives of a "union"


@dataclass(frozen=True)
class Form:
    required: tuple[str, ...]
    optional: tuple[str, ...]


@dataclass(frozen=True)
class Reading:
    fields: list[Line]
    groups: list[tuple[Form, ...]]  # from the "forms:" line


class NotKnown(AssertionError):
    """A required parameter the double has no value for."""


def read_lines(lines: list[str]) -> list[Line]:
    return read(lines).fields


def read(lines: list[str]) -> Reading:
    groups = [_groups(line.removeprefix("forms: ")) for line in lines if line.startswith("forms: ")]
    fields = [field for line in lines if not line.startswith("forms: ") for field in _each_alternative(_read(line))]
    return Reading(fields, groups[0] if groups else [])


def _each_alternative(line: Line) -> list[Line]:
    """A line several alternatives of a union share (``a{1,3}.b``), as one line for each (``a{1}.b``, ``a{3}.b``)."""
    shared = re.search(r"\{(\d+(?:,\d+)+)\}", line.path)
    if shared is None:
        return [line]
    return [
        alternative
        for number in shared[1].split(",")
        for alternative in _each_alternative(replace(line, path=line.path.replace(shared[0], f"{{{number}}}", 1)))
    ]


def choices(lines: list[str]) -> int:
    """The most alternatives any one choice of the lines offers (1 without any choice)."""
    reading = read(lines)
    counts = [len(group) for group in reading.groups] + [line.branches for line in reading.fields]
    counts += [len(line.alternatives) for line in reading.fields]
    return max([1, *counts])


def _groups(text: str) -> list[tuple[Form, ...]]:
    return [tuple(_form(key.strip()) for key in group.split(" | ")) for group in text.split("; ")]


def _form(key: str) -> Form:
    names = [] if key == "none" else key.split("+")
    return Form(
        tuple(name for name in names if not name.endswith("?")),
        tuple(name.removesuffix("?") for name in names if name.endswith("?")),
    )


def _read(text: str) -> Line:
    head, _, _description = text.partition(" — ")
    name, _, kind = head.partition(": ")
    required = name.endswith("*")
    path = name.removesuffix("*")
    if kind.startswith("needs "):
        wanted = tuple(tuple(names.split("+")) for names in kind.removeprefix("needs ").split(" or "))
        return Line(path, False, "needs", alternatives=wanted)
    kind, _, rules_text = kind.partition(" (")
    rules = tuple(rule.strip() for rule in re.split(r"[;,] ", rules_text.removesuffix(")"))) if rules_text else ()
    if union := _UNION.fullmatch(kind):
        return Line(path, required, "union[]" if union[2] else "union", rules=rules, branches=int(union[1]))
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


@dataclass(frozen=True)
class _Build:
    fields: list[Line]
    facts: dict[str, Any]
    invent: bool
    complete: bool
    pick: int

    def known(self, path: str) -> bool:
        return path in self.facts or any(key.startswith((path + ".", path + "{", path + "[]")) for key in self.facts)


def build_arguments(
    lines: list[str], facts: dict[str, Any], *, invent: bool = False, complete: bool = False, pick: int = 0
) -> Any:
    """Arguments from the lines: every required parameter, and every optional one the facts give (all of them with
    ``complete``). Values come from ``facts``; a required one missing from them raises :class:`NotKnown` unless
    ``invent`` lets the type give one."""
    reading = read(lines)
    build = _Build(reading.fields, facts, invent, complete, pick)
    required: set[str] = set()
    left_out: set[str] = set()
    for group in reading.groups:
        form = _chosen_form(build, group)
        required |= set(form.required)
        left_out |= {name for other in group for name in (*other.required, *other.optional)}
        left_out -= {*form.required, *form.optional}
    return _object(build, "", frozenset(required), frozenset(left_out))


def _chosen_form(build: _Build, group: tuple[Form, ...]) -> Form:
    if build.invent:
        return group[build.pick % len(group)]
    named = {name for form in group for name in (*form.required, *form.optional) if build.known(name)}
    for form in group:
        if all(build.known(name) for name in form.required) and named <= {*form.required, *form.optional}:
            return form
    keys = " | ".join("+".join(form.required) for form in group)
    raise NotKnown(f"the parameters ask for one of {keys}, which the agent does not know")


def _children(fields: list[Line], prefix: str) -> list[Line]:
    return [line for line in fields if line.path.startswith(prefix) and _is_child(line.path[len(prefix) :])]


def _is_child(rest: str) -> bool:
    return bool(rest) and not any(mark in rest for mark in (".", "[]", "{"))


def _object(
    build: _Build, prefix: str, required: frozenset[str] = frozenset(), left_out: frozenset[str] = frozenset()
) -> dict[str, Any]:
    built = {}
    children = _children(build.fields, prefix)
    for line in children:
        name = line.path[len(prefix) :]
        if line.kind == "needs" or name in left_out:
            continue
        if line.required or name in required or build.known(line.path) or build.complete:
            built[name] = _field(build, line)
    for need in (line for line in build.fields if line.kind == "needs" and line.path + "." == prefix):
        if not any(all(name in built for name in names) for names in need.alternatives):
            for name in _chosen_need(build, prefix, need):
                built[name] = _field(build, next(line for line in children if line.path == prefix + name))
    return built


def _chosen_need(build: _Build, prefix: str, need: Line) -> tuple[str, ...]:
    for names in need.alternatives:
        if all(build.known(prefix + name) for name in names):
            return names
    if build.invent:
        return need.alternatives[build.pick % len(need.alternatives)]
    raise NotKnown(f"{need.path} needs {' or '.join('+'.join(names) for names in need.alternatives)}")


def _field(build: _Build, line: Line) -> Any:
    if line.kind == "object":
        return _object(build, line.path + ".")
    if line.kind == "object[]":
        return [_object(build, line.path + "[].")]
    if line.kind == "union":
        return _branch(build, line.path, line.branches)
    if line.kind == "union[]":
        return [_branch(build, line.path + "[]", line.branches)]
    if line.path in build.facts:
        value = build.facts[line.path]
        if line.kind == "enum":
            assert value in line.values, f"{line.path}: {value!r} is not one of {line.values}"
        if line.kind == "enum[]":
            assert set(value) <= set(line.values), f"{line.path}: {value!r} is not among {line.values}"
        return value
    if not build.invent:
        raise NotKnown(f"the parameters ask for {line.path}, which the agent does not know")
    return _invented(line)


def _branch(build: _Build, base: str, count: int) -> Any:
    """The value of one alternative of a union: the one the facts name, else (inventing) the ``pick``-th."""
    named = [number for number in range(1, count + 1) if build.known(f"{base}{{{number}}}")]
    if not named and not build.invent:
        raise NotKnown(f"the parameters ask for {base}, which the agent does not know")
    path = f"{base}{{{named[0] if named else build.pick % count + 1}}}"
    own = next((line for line in build.fields if line.path == path), None)
    if own is not None and own.kind != "object":  # an alternative that is not an object of fields
        return _field(build, own)
    return _object(build, path + ".")


def _invented(line: Line) -> Any:
    """A valid value from the type alone (a list as long as its ``≥n items`` asks)."""
    pattern = next((rule.removeprefix("matching ") for rule in line.rules if rule.startswith("matching ")), None)
    minimum = next((int(rule[1:]) for rule in line.rules if rule.startswith("≥") and rule[1:].isdigit()), 1)
    length = next((int(rule[1:].split()[0]) for rule in line.rules if re.fullmatch(r"≥\d+ items", rule)), 1)
    name = line.path.rsplit(".", 1)[-1]

    def scalar(kind: str, number: int) -> Any:
        text = _PATTERN_EXAMPLES[pattern] if pattern else f"{name}-{number}"
        if "uri" in line.rules:  # the format a string's line gives
            text = f"https://example.com/{name}-{number}"
        return {"string": text, "integer": minimum, "number": minimum, "boolean": True}[kind]

    if line.kind in SCALARS:
        return scalar(line.kind, 1)
    if line.kind == "scalar[]":
        return [scalar(line.item, number) for number in range(1, length + 1)]
    if line.kind == "enum":
        return line.values[0]
    if line.kind == "enum[]":
        return list(line.values[:length])
    assert line.kind in ("map", "map[]"), f"{line.path}: cannot invent a {line.kind}"
    return {} if line.kind == "map" else [{}] * length
