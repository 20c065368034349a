"""Turn an action's parameter schema into one OpenAI accepts in strict mode.

Strict mode constrains the model's output to the schema, but only for a subset of JSON Schema:
every property listed in ``required``, ``additionalProperties: false`` on every object, no
``default``, ``minLength``/``maxLength`` or unknown ``format``, and no keywords beside ``$ref``.
Optional fields therefore become required-but-nullable, and the executor drops those nulls
before validation. A free-form object (an open key-value map such as booking ``metadata``)
cannot be expressed at all, so such a schema is reported as not strict-capable instead of being
silently narrowed.

The ``openai`` package's own helper is not used: it marks optional fields required without
making them nullable (the model would have to invent values), keeps keywords strict mode rejects
and passes open maps through; and the core must not need that package.
"""

from __future__ import annotations

from typing import Any

# Keywords strict mode rejects: dropping them loosens the schema slightly, and Cal.com's own
# validation (and ours, on the pydantic model) still applies to what the model sends.
_UNSUPPORTED = frozenset(
    {
        "default",
        "discriminator",  # each branch of our unions already fixes its tag with const
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
    """A strict-mode copy of ``schema`` (the input is not modified); ``$defs`` are inlined.

    Raises :class:`NotStrictCapable` naming the first field that cannot be made strict.
    """
    definitions = schema.get("$defs", {})
    root = {key: value for key, value in schema.items() if key != "$defs"}
    return _convert(root, definitions, "", seen=())


def strict_failure(schema: dict[str, Any]) -> str | None:
    """Why ``schema`` cannot be strict, or ``None`` when it can."""
    try:
        strict_schema(schema)
    except NotStrictCapable as reason:
        return str(reason)
    return None


def _convert(node: dict[str, Any], definitions: dict[str, Any], where: str, seen: tuple[str, ...]) -> dict[str, Any]:
    if "$ref" in node:
        name = node["$ref"].rsplit("/", 1)[-1]
        if name in seen:
            raise NotStrictCapable(f"{where or 'parameters'}: recursive definition {name}")
        # Inline the definition so the field's own description can sit beside it.
        merged = {**definitions[name], **{key: value for key, value in node.items() if key != "$ref"}}
        return _convert(merged, definitions, where, (*seen, name))
    result: dict[str, Any] = {}
    for key, value in node.items():
        if key in _UNSUPPORTED or (key == "format" and value not in _FORMATS):
            continue
        if key in ("anyOf", "oneOf"):
            # strict mode knows anyOf only; the branches of our unions never overlap
            result["anyOf"] = [_convert(branch, definitions, where, seen) for branch in value]
        elif key == "items":
            result["items"] = _convert(value, definitions, f"{where}[]", seen)
        elif key not in ("properties", "required", "additionalProperties"):
            result[key] = value
    if _is_object(node):
        _convert_object(node, result, definitions, where, seen)
    return result


def _is_object(node: dict[str, Any]) -> bool:
    kind = node.get("type")
    return kind == "object" or (isinstance(kind, list) and "object" in kind) or "properties" in node


def _convert_object(
    node: dict[str, Any], result: dict[str, Any], definitions: dict[str, Any], where: str, seen: tuple[str, ...]
) -> None:
    properties = node.get("properties", {})
    if node.get("additionalProperties", False) is not False or (not properties and where):
        raise NotStrictCapable(f"{where or 'parameters'}: free-form object")
    required = set(node.get("required", ()))
    converted = {}
    for name, sub in properties.items():
        path = f"{where}.{name}" if where else name
        field = _convert(sub, definitions, path, seen)
        converted[name] = field if name in required else _nullable(field)
    result["type"] = "object"
    result["properties"] = converted
    result["required"] = list(properties)
    result["additionalProperties"] = False


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
