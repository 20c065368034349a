"""Routing a form's answers the way Cal.com's routing forms do, as pure functions.

Answers arrive keyed by each field's identifier (its label when it has none) and become a response
keyed by field id: numbers as numbers, options as option ids (a label is looked up). Routes are tried
in order, the fallback route last; the first whose rule group holds decides the action: an event
type, a custom message or an external URL. A group without rules holds.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from typing import Any

Document = dict[str, Any]
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


def field_key(field: Document) -> str:
    return str(field.get("identifier") or field["label"])


def answer_text(raw: Any) -> str:
    """What Cal.com reads: the body goes through URLSearchParams, so every answer becomes text."""
    if isinstance(raw, list):
        return ",".join(answer_text(item) for item in raw)
    if isinstance(raw, float) and raw.is_integer():
        return str(int(raw))
    return "" if raw is None else str(raw)


def _option(field: Document, id_or_label: str) -> str:
    """An option's id, found by id or label; legacy options (without ids) keep their labels."""
    options = field.get("options") or []
    legacy = any(option.get("id") is None for option in options)
    for option in options:
        if option.get("id") == id_or_label:
            return str(option["label"]) if legacy else id_or_label
    for option in options:
        if option["label"] == id_or_label and not legacy:
            return str(option["id"])
    return id_or_label


def _value(field: Document, text: str) -> Any:
    if not text:
        return ""
    kind = field["type"]
    if kind == "number":
        try:
            number = float(text)
        except ValueError:
            return text
        return int(number) if number.is_integer() else number
    if kind == "multiselect":
        return [_option(field, item.strip()) for item in text.split(",")]
    if kind == "select":
        return _option(field, text.strip())
    return text


def response_from_answers(fields: list[Document], answers: Mapping[str, Any]) -> dict[str, Document]:
    """The stored response: every field by id, with its label and its (possibly empty) value."""
    return {
        field["id"]: {"label": field["label"], "value": _value(field, answer_text(answers.get(field_key(field))))}
        for field in fields
    }


def response_problem(fields: list[Document], response: Mapping[str, Document]) -> str | None:
    """Cal.com's message for missing required answers or an invalid email, else None."""
    missing = [field["label"] for field in fields if field.get("required") and not response[field["id"]]["value"]]
    if missing:
        return f"Missing required fields {', '.join(missing)}"
    invalid = [
        f"'{field['label']}' with value '{response[field['id']]['value']}' should be valid email"
        for field in fields
        if field["type"] == "email" and response[field["id"]]["value"]
        and not _EMAIL.match(str(response[field["id"]]["value"]))
    ]  # fmt: skip
    return f"Invalid value for fields {', '.join(invalid)}" if invalid else None


def _as_list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else [value]


# Query-builder operators: (answer, the rule's first value) → holds.
_OPERATORS: dict[str, Callable[[Any, Any], bool]] = {
    "select_equals": lambda answer, wanted: answer == wanted,
    "select_not_equals": lambda answer, wanted: answer != wanted,
    "select_any_in": lambda answer, wanted: answer in _as_list(wanted),
    "select_not_any_in": lambda answer, wanted: answer not in _as_list(wanted),
    "multiselect_some_in": lambda answer, wanted: bool(set(_as_list(answer)) & set(_as_list(wanted))),
    "equal": lambda answer, wanted: str(answer).lower() == str(wanted).lower(),
    "not_equal": lambda answer, wanted: str(answer).lower() != str(wanted).lower(),
    "like": lambda answer, wanted: str(wanted).lower() in str(answer).lower(),
    "is_empty": lambda answer, _: answer in ("", []),
    "is_not_empty": lambda answer, _: answer not in ("", []),
}


def _holds(node: Document, values: Mapping[str, Any]) -> bool:
    properties = node.get("properties") or {}
    if node.get("type") == "rule":
        operator = _OPERATORS.get(properties.get("operator", ""))
        wanted = (properties.get("value") or [None])[0]
        return operator is not None and operator(values.get(str(properties.get("field")), ""), wanted)
    children = list((node.get("children1") or {}).values())
    if not children:
        return True
    results = [_holds(child, values) for child in children]
    held = any(results) if properties.get("conjunction") == "OR" else all(results)
    return not held if properties.get("not") else held


def matching_route(routes: list[Document], response: Mapping[str, Document]) -> Document | None:
    values = {field_id: answer["value"] for field_id, answer in response.items()}
    ordered = [route for route in routes if not route.get("isFallback")]
    ordered += [route for route in routes if route.get("isFallback")]
    return next((route for route in ordered if _holds(route.get("queryValue") or {}, values)), None)
