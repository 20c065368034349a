"""Turn an action's parameter schema into one OpenAI accepts in strict mode.

Strict mode constrains the model's output to the schema, but only for a subset of JSON Schema:
every property listed in ``required``, ``additionalProperties: false`` on every object, no
``default``, ``minLength``/``maxLength`` or unknown ``format``, and no keywords beside ``$ref``.
Optional fields therefore become required-but-nullable, and the executor drops those nulls
before validation. An object with open keys cannot be expressed: a map whose values have a
schema (``metadata``) is offered as a list of ``{key, value}`` entries, which every parameter model
takes in place of the map; a free-form object (values of any kind) makes the schema not
strict-capable, reported instead of being silently narrowed.

The ``openai`` package's own helper is not used: it marks optional fields required without
making them nullable (the model would have to invent values), keeps keywords strict mode rejects
and passes open maps through; and the core must not need that package.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from cal_actions.schema import shortest

# Keywords strict mode rejects: dropping them loosens the schema slightly, and Cal.com's own
# validation (and ours, on the pydantic model) still applies to what the model sends.
_UNSUPPORTED = frozenset(
    {
        "default",
        "discriminator",  # the branches' own constants tell them apart
        "examples",
        "title",
        "minLength",
        "maxLength",
        "uniqueItems",
        "minProperties",
        "maxProperties",
        "patternProperties",
        "propertyNames",
        "contains",
        "minContains",
        "maxContains",
        "unevaluatedItems",
        "unevaluatedProperties",
    }
)
_FORMATS = frozenset({"date-time", "time", "date", "duration", "email", "hostname", "ipv4", "ipv6", "uuid"})


class NotStrictCapable(ValueError):
    """The schema has a part strict mode cannot express without changing its meaning."""


def strict_schema(schema: dict[str, Any]) -> dict[str, Any]:
    """A strict-mode copy of ``schema`` (the input is not modified).

    A definition used more than once is kept in ``$defs`` and referenced where that makes the schema shorter
    (compact JSON, the way it is sent), else inlined at every use; a use whose field has its own description is
    inlined unless the field is optional, since strict mode allows no keyword beside ``$ref`` (an optional field's
    description sits beside its ``anyOf`` of the reference and null). Raises :class:`NotStrictCapable` naming the
    first field that cannot be made strict.
    """
    definitions = schema.get("$defs", {})
    root = {key: value for key, value in schema.items() if key != "$defs"}
    inline = _Converter(definitions, frozenset())
    inline.root(root)  # raises for what strict mode cannot say, and counts how often each definition is used
    reused = [name for name, count in inline.uses.items() if count > 1]
    return shortest(lambda shared: _Converter(definitions, shared).root(root), reused)


def strict_failure(schema: dict[str, Any]) -> str | None:
    """Why ``schema`` cannot be strict, or ``None`` when it can."""
    try:
        strict_schema(schema)
    except NotStrictCapable as reason:
        return str(reason)
    return None


class _Converter:
    """One conversion: the definitions named in ``shared`` are referenced, every other one inlined."""

    def __init__(self, definitions: dict[str, Any], shared: frozenset[str]) -> None:
        self.definitions = definitions
        self.shared = shared
        self.uses: Counter[str] = Counter()  # how often each definition is met, inlined or not
        self.converted: dict[str, dict[str, Any]] = {}

    def root(self, node: dict[str, Any]) -> dict[str, Any]:
        result = self.convert(node, "", seen=())
        if self.converted:
            result["$defs"] = dict(sorted(self.converted.items()))
        return result

    def convert(
        self, node: dict[str, Any], where: str, seen: tuple[str, ...], optional: bool = False
    ) -> dict[str, Any]:
        if "$ref" in node:
            return self.reference(node, where, seen, optional)
        result: dict[str, Any] = {}
        for key, value in node.items():
            if key in _UNSUPPORTED or (key == "format" and value not in _FORMATS):
                continue
            if key in ("anyOf", "oneOf") and all(_only_required(branch) for branch in value):
                continue  # "one of these fields": strict mode cannot say it; the parameter model checks it
            if key in ("anyOf", "oneOf"):
                # strict mode knows anyOf only; the branches of our unions never overlap, so nested ones are spliced
                branches = [self.convert(branch, where, seen) for branch in value]
                result["anyOf"] = _without_integers([item for branch in branches for item in _branches(branch)])
            elif key == "items":
                result["items"] = self.convert(value, f"{where}[]", seen)
            elif key not in ("properties", "required", "additionalProperties"):
                result[key] = value
        if _is_object(node):
            self.convert_object(node, result, where, seen)
        return result

    def reference(self, node: dict[str, Any], where: str, seen: tuple[str, ...], optional: bool) -> dict[str, Any]:
        name = node["$ref"].rsplit("/", 1)[-1]
        if name in seen:
            raise NotStrictCapable(f"{where or 'parameters'}: recursive definition {name}")
        self.uses[name] += 1
        own = {key: value for key, value in node.items() if key != "$ref" and key not in _UNSUPPORTED}
        if name in self.shared and set(own) <= ({"description"} if optional else set()):
            if name not in self.converted:
                self.converted[name] = {}  # claimed before converting, so a definition is converted once
                self.converted[name] = self.convert(self.definitions[name], where, (*seen, name))
            return {"$ref": f"#/$defs/{name}", **own}
        # Inline the definition so the field's own description can sit beside it.
        return self.convert({**self.definitions[name], **own}, where, (*seen, name))

    def convert_object(self, node: dict[str, Any], result: dict[str, Any], where: str, seen: tuple[str, ...]) -> None:
        properties = node.get("properties", {})
        if node.get("additionalProperties", False) is not False or (not properties and where):
            raise NotStrictCapable(f"{where or 'parameters'}: free-form object")
        required = set(node.get("required", ()))
        converted = {}
        for name, sub in properties.items():
            path = f"{where}.{name}" if where else name
            optional = name not in required
            field = self.convert(_as_pairs(sub) if _is_map(sub) else sub, path, seen, optional)
            converted[name] = _nullable(field) if optional else field
        result["type"] = "object"
        result["properties"] = converted
        result["required"] = list(properties)
        result["additionalProperties"] = False


def _branches(node: dict[str, Any]) -> list[dict[str, Any]]:
    """The alternatives a converted branch stands for: its own, when it is nothing but an ``anyOf``."""
    return node["anyOf"] if set(node) == {"anyOf"} else [node]


def _without_integers(branches: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """A plain integer alternative says nothing a plain number alternative beside it does not (``int | float``)."""
    if {"type": "number"} in branches:
        return [branch for branch in branches if branch != {"type": "integer"}]
    return branches


def _only_required(node: Any) -> bool:
    return isinstance(node, dict) and set(node) == {"required"}


def _is_object(node: dict[str, Any]) -> bool:
    kind = node.get("type")
    return kind == "object" or (isinstance(kind, list) and "object" in kind) or "properties" in node


def _is_map(node: dict[str, Any]) -> bool:
    """An object with open keys whose values have a schema (``dict[str, …]``)."""
    values = node.get("additionalProperties")
    return node.get("type") == "object" and not node.get("properties") and isinstance(values, dict) and bool(values)


def _as_pairs(node: dict[str, Any]) -> dict[str, Any]:
    """A map field as the list of ``{key, value}`` entries its parameter model also accepts."""
    entry = {"type": "object", "properties": {"key": {"type": "string"}, "value": node["additionalProperties"]}}
    pairs: dict[str, Any] = {"type": "array", "items": {**entry, "required": ["key", "value"]}}
    if "description" in node:
        pairs["description"] = node["description"]
    return pairs


def _nullable(node: dict[str, Any]) -> dict[str, Any]:
    """The same schema also accepting ``null``: how strict mode spells an optional field."""
    if "anyOf" in node:
        branches = node["anyOf"]
        if any(branch.get("type") == "null" for branch in branches):
            return node
        return {**node, "anyOf": [*branches, {"type": "null"}]}
    kind = node.get("type")
    if kind is None:
        rest = {key: value for key, value in node.items() if key != "description"}
        wrapped: dict[str, Any] = {"anyOf": [rest, {"type": "null"}]}
        if "description" in node:
            wrapped["description"] = node["description"]
        return wrapped
    result = dict(node)
    result["type"] = [*kind, "null"] if isinstance(kind, list) else [kind, "null"]
    if "enum" in result and None not in result["enum"]:
        result["enum"] = [*result["enum"], None]
    if "const" in result:
        result["enum"] = [result.pop("const"), None]
    return result
