"""The parameter lines of ``CAL_SEARCH_ACTIONS`` hits: enough to build valid arguments for every action."""

from __future__ import annotations

from typing import Any

import pytest

from cal_actions import registry
from cal_actions.signature import KNOWN_KEYWORDS, parameter_lines
from tests.signature_reader import NotKnown, build_arguments, read_lines

ACTIONS = list(registry)


def _keywords(node: Any) -> set[str]:
    if isinstance(node, list):
        return {keyword for item in node for keyword in _keywords(item)}
    if not isinstance(node, dict):
        return set()
    found = set(node)
    for key, value in node.items():
        children = value.values() if key in ("properties", "$defs") else [value]
        found |= {keyword for child in children for keyword in _keywords(child)}
    return found


def test_every_keyword_the_declarations_use_is_rendered() -> None:
    used = {keyword for action in ACTIONS for keyword in _keywords(action.json_schema())}
    assert used <= KNOWN_KEYWORDS, f"signature.py does not render {sorted(used - KNOWN_KEYWORDS)}"


@pytest.mark.parametrize("action", ACTIONS, ids=lambda action: action.name)
def test_the_lines_alone_give_valid_arguments(action: Any) -> None:
    """Required fields only, then every field: what a model builds from the lines validates, nested objects,
    lists of objects, enums and patterns included; and every parameter is on a line."""
    lines = parameter_lines(action.json_schema())
    minimal = build_arguments(lines, {}, invent=True)
    action.params.model_validate(minimal)
    complete = build_arguments(lines, {}, invent=True, complete=True)
    action.params.model_validate(complete)
    assert set(complete) == set(action.json_schema()["properties"])
    assert set(minimal) == set(action.json_schema().get("required", []))


def test_a_booking_reads_as_a_model_needs_it() -> None:
    lines = parameter_lines(registry.get("CAL_CREATE_BOOKING").json_schema())
    assert "attendee*: object — The booker" in lines
    assert "attendee.name*: string — Full name" in lines
    assert any(line.startswith("attendee.language: ar|ca|de|") for line in lines), "enum values bare, joined by |"
    assert "metadata: object (any keys) — " in next(line for line in lines if line.startswith("metadata"))
    facts = {"start": "2030-03-05T09:00:00Z", "eventTypeId": 7, "attendee.name": "Grace", "attendee.email": "g@x.io"}
    with pytest.raises(NotKnown, match=r"attendee\.timeZone"):
        build_arguments(lines, facts)
    built = build_arguments(lines, {**facts, "attendee.timeZone": "Europe/Rome", "guests": ["h@x.io"]})
    assert built == {
        "start": "2030-03-05T09:00:00Z",
        "eventTypeId": 7,
        "attendee": {"name": "Grace", "email": "g@x.io", "timeZone": "Europe/Rome"},
        "guests": ["h@x.io"],
    }


def test_lists_of_objects_numbers_constraints_and_alternatives() -> None:
    schedule = parameter_lines(registry.get("CAL_CREATE_SCHEDULE").json_schema())
    assert "availability: object[] — " in next(line for line in schedule if line.startswith("availability:"))
    days = next(line for line in schedule if line.startswith("availability[].days*"))
    assert days.startswith("availability[].days*: (Monday|Tuesday|")  and ")[] — " in days
    assert "(matching ^([01]\\d|2[0-3]):[0-5]\\d$)" in next(line for line in schedule if "startTime" in line)
    clock = read_lines(parameter_lines(registry.get("CAL_UPDATE_ME").json_schema()))[0]
    assert (clock.path, clock.kind, clock.values) == ("timeFormat", "enum", (12, 24)), "a bare number is a number"
    org = parameter_lines(registry.get("CAL_CREATE_MANAGED_ORG").json_schema())
    assert any(line.startswith("apiKeyDaysValid: integer (≥1)") for line in org)
    key = next(line for line in parameter_lines(registry.get("CAL_CREATE_ORG_DELEGATION_CREDENTIAL").json_schema())
               if line.startswith("serviceAccountKey"))
    assert key.startswith('serviceAccountKey*: one of {"anyOf": [{') and "$ref" not in key


def test_an_action_without_parameters_has_no_lines() -> None:
    assert parameter_lines(registry.get("CAL_GET_ME").json_schema()) == []
