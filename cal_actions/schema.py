"""JSON Schema of an action's parameters, as every adapter and the ``schemas/`` files see it."""

from __future__ import annotations

import functools
import json
import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
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
    OpenAI, Anthropic and MCP clients refuse ``anyOf`` at the root, so the forms are folded away
    (:func:`fold_forms`), the tool's description names them (:func:`forms_sentence`) and the
    validation of the forms is left to the parameter model. Definitions are inlined where they are used unless
    referencing them is shorter (:func:`share_definitions`), since every token of a tool is paid on every request.
    """
    schema: dict[str, Any] = json.loads(_tool_schema_text(model))
    return schema


@functools.cache
def _tool_schema_text(model: type[BaseModel]) -> str:
    return json.dumps(share_definitions(fold_forms(parameters_schema(model))), ensure_ascii=False)


def compact_size(schema: dict[str, Any]) -> int:
    """The length of ``schema`` as tools send it (compact JSON): what choosing between references and inlining
    minimises, standing in for its tokens."""
    return len(json.dumps(schema, separators=(",", ":"), ensure_ascii=False))


def shortest(render: Callable[[frozenset[str]], dict[str, Any]], candidates: Iterable[str]) -> dict[str, Any]:
    """``render(shared)`` (the schema with the definitions in ``shared`` referenced, every other one inlined) for
    the set of candidates that makes it shortest, chosen one definition at a time, in name order."""
    shared: frozenset[str] = frozenset()
    best = render(shared)
    for name in sorted(candidates):
        trial = render(shared | {name})
        if compact_size(trial) < compact_size(best):
            best, shared = trial, shared | {name}
    return best


def share_definitions(schema: dict[str, Any]) -> dict[str, Any]:
    """``schema`` with each definition inlined where it is used, or kept in ``$defs`` and referenced where that is
    shorter (a definition used more than once); a recursive one is always referenced."""
    definitions = schema.get("$defs")
    if not definitions:
        return schema
    root = {key: value for key, value in schema.items() if key != "$defs"}
    uses: Counter[str] = Counter()
    _expand(root, definitions, frozenset(), (), uses)
    recursive = frozenset(name for name in uses if _refers_to(definitions[name], name, definitions))

    def render(shared: frozenset[str]) -> dict[str, Any]:
        shared |= recursive
        result = _expand(root, definitions, shared, (), Counter())
        kept = {name: _expand(definitions[name], definitions, shared, (name,), Counter()) for name in sorted(shared)}
        return _without_unused_definitions({**result, "$defs": kept}) if kept else result

    return shortest(render, [name for name, count in uses.items() if count > 1 and name not in recursive])


def _expand(
    node: Any, definitions: dict[str, Any], shared: frozenset[str], seen: tuple[str, ...], uses: Counter[str]
) -> Any:
    if isinstance(node, list):
        return [_expand(item, definitions, shared, seen, uses) for item in node]
    if not isinstance(node, dict):
        return node
    if "$ref" in node:
        name = node["$ref"].rsplit("/", 1)[-1]
        uses[name] += 1
        if name not in shared and name not in seen:
            merged = {**definitions[name], **{key: value for key, value in node.items() if key != "$ref"}}
            return _expand(merged, definitions, shared, (*seen, name), uses)
    return {
        key: {name: _expand(sub, definitions, shared, seen, uses) for name, sub in value.items()}
        if key == "properties"
        else _expand(value, definitions, shared, seen, uses)
        for key, value in node.items()
        if key != "discriminator"  # its mapping names definitions by reference; the branches' constants say it
    }


def _refers_to(node: Any, name: str, definitions: dict[str, Any], seen: frozenset[str] = frozenset()) -> bool:
    """Whether ``node`` reaches the definition ``name`` through its references."""
    for target in set(re.findall(r'"#/\$defs/([^"]+)"', json.dumps(node))) - seen:
        if target == name or _refers_to(definitions[target], name, definitions, seen | {target}):
            return True
    return False


def fold_forms(schema: dict[str, Any]) -> dict[str, Any]:
    """``schema`` without its root ``anyOf`` of forms (and the definitions only they used)."""
    if not form_groups(schema):
        return schema
    return _without_unused_definitions({key: value for key, value in schema.items() if key != "anyOf"})


@functools.cache
def forms_sentence(model: type[BaseModel]) -> str:
    """What a tool's description adds for a model of exclusive forms, every way to call it: the forms by their own
    descriptions, then one short sentence per group of forms nested in them, by the fields that tell them apart.
    Empty for a model without forms.

    It goes in the description, not in the schema: tool renderings show a tool's description and its
    parameters' descriptions, and some drop the description of the parameters object itself."""
    groups = form_groups(parameters_schema(model))
    if not groups:
        return ""
    outer, *nested = groups
    text = "Send exactly one form: " + " | ".join(form.description.rstrip(".") for form in outer if form.description)
    return "".join([text, *(f". Each with one of: {group_text(group)}" for group in nested)])


@dataclass(frozen=True)
class Form:
    """One of a group of exclusive forms, by the fields that set it apart from the others of its group."""

    required: tuple[str, ...]  # required here, not in every form of the group
    optional: tuple[str, ...]  # taken here, not by every form of the group
    description: str = field(default="", compare=False)

    def key(self) -> str:
        """``eventTypeSlug+username+organizationSlug?``: the fields to send, ``?`` marking the optional ones;
        ``none`` for the form that needs no field of its own."""
        return "+".join([*self.required, *(f"{name}?" for name in self.optional)]) or NO_FIELDS


#: The key of a form that takes no field of its own (a regular booking beside instant and recurring ones).
NO_FIELDS = "none"


def group_text(group: tuple[Form, ...]) -> str:
    return " | ".join(form.key() for form in group)


def forms_text(schema: dict[str, Any]) -> str:
    """Every group of forms by its forms' keys, ``; `` between groups; empty for a schema without forms."""
    return "; ".join(group_text(group) for group in form_groups(schema))


def form_groups(schema: dict[str, Any]) -> list[tuple[Form, ...]]:
    """The groups of exclusive forms of a parameter schema: its root ``anyOf`` of forms, then the group each of
    those forms has in turn (one group for all, as every form of a group must nest the same one).

    A form is told by its fields: those it requires that another form of its group does not, and those it takes
    that another form does not take."""
    definitions = schema.get("$defs", {})
    forms = [_resolve(form, definitions) for form in schema.get("anyOf", ())]
    if "properties" not in schema or len(forms) < 2 or not all("properties" in form for form in forms):
        return []
    nested = {tuple(form_groups({**form, "$defs": definitions})) for form in forms}
    if len(nested) > 1:
        raise ValueError("every form of a group must nest the same forms")
    return [_group(forms), *nested.pop()]


def _group(forms: list[dict[str, Any]]) -> tuple[Form, ...]:
    required = [set(form.get("required", ())) for form in forms]
    shared_required = set.intersection(*required)
    shared = set.intersection(*(set(form["properties"]) for form in forms))
    return tuple(
        Form(
            tuple(name for name in form["properties"] if name in own and name not in shared_required),
            tuple(name for name in form["properties"] if name not in own and name not in shared),
            form.get("description", ""),
        )
        for form, own in zip(forms, required, strict=True)
    )


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
