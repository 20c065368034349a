"""The parameter lines of ``CAL_SEARCH_ACTIONS`` hits: enough to build valid arguments for every action."""

from __future__ import annotations

from typing import Any

import pytest

from cal_actions import registry
from cal_actions.signature import KNOWN_KEYWORDS, parameter_lines
from tests.signature_reader import NotKnown, build_arguments, choices, read_lines

ACTIONS = list(registry)


def _keywords(node: Any) -> set[str]:
    if isinstance(node, list):
        return {keyword for item in node for keyword in _keywords(item)}
    if not isinstance(node, dict):
        return set()
    found = set(node)
    for key, value in node.items():
        if key == "discriminator":  # a property name and a map of values to $refs: no schema inside
            continue
        children = value.values() if key in ("properties", "$defs") else [value]
        found |= {keyword for child in children for keyword in _keywords(child)}
    return found


def test_every_keyword_the_declarations_use_is_rendered() -> None:
    used = {keyword for action in ACTIONS for keyword in _keywords(action.json_schema())}
    assert used <= KNOWN_KEYWORDS, f"signature.py does not render {sorted(used - KNOWN_KEYWORDS)}"


def _forms(schema: dict[str, Any], definitions: dict[str, Any] | None = None) -> list[tuple[set[str], set[str]]]:
    """Each way to call, read from the JSON Schema itself: (the fields it requires, the fields it takes), one per
    leaf of the root's nested ``anyOf`` of forms (the schema as a whole when it has none)."""
    definitions = schema.get("$defs", {}) if definitions is None else definitions
    refs = [node.get("$ref", "").rsplit("/", 1)[-1] for node in schema.get("anyOf", ())]
    forms = [definitions[ref] if ref else node for ref, node in zip(refs, schema.get("anyOf", ()), strict=True)]
    if not forms or not all("properties" in form for form in forms):
        return [(set(schema.get("required", ())), set(schema["properties"]))]
    return [leaf for form in forms for leaf in _forms(form, definitions)]


@pytest.mark.parametrize("action", ACTIONS, ids=lambda action: action.name)
def test_the_lines_alone_give_valid_arguments(action: Any) -> None:
    """Required fields only, then every field, for every alternative the lines offer (a form of each group, an
    alternative of each union): what a model builds from the lines validates, nested objects, lists of objects,
    enums and patterns included, and is exactly one of the schema's forms; every parameter is on a line."""
    lines = parameter_lines(action.json_schema())
    forms = _forms(action.json_schema())
    covered: set[str] = set()
    for pick in range(choices(lines)):
        minimal = build_arguments(lines, {}, invent=True, pick=pick)
        action.params.model_validate(minimal)
        complete = build_arguments(lines, {}, invent=True, complete=True, pick=pick)
        action.params.model_validate(complete)
        assert (set(minimal), set(complete)) in forms, "the fields of exactly one form, all it requires or all it takes"
        covered |= set(complete)
    assert covered == set(action.json_schema()["properties"])


def test_a_booking_reads_as_a_model_needs_it() -> None:
    lines = parameter_lines(registry.get("CAL_CREATE_BOOKING").json_schema())
    assert "attendee*: object — The booker" in lines
    assert "attendee.name*: string — Full name" in lines
    assert any(line.startswith("attendee.language: ar|ca|de|") for line in lines), "enum values bare, joined by |"
    metadata = "metadata: object (any keys; values string; ≤50 keys, keys ≤40 chars) — "
    assert metadata in next(line for line in lines if line.startswith("metadata"))
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
    assert days == "availability[].days*: (Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)[]"
    assert "(matching ^([01]\\d|2[0-3]):[0-5]\\d$)" in next(line for line in schedule if "startTime" in line)
    clock = read_lines(parameter_lines(registry.get("CAL_UPDATE_ME").json_schema()))[0]
    assert (clock.path, clock.kind, clock.values) == ("timeFormat", "enum", (12, 24)), "a bare number is a number"
    org = parameter_lines(registry.get("CAL_CREATE_MANAGED_ORG").json_schema())
    assert any(line.startswith("apiKeyDaysValid: integer (≥1)") for line in org)
    key = [line for line in parameter_lines(registry.get("CAL_CREATE_ORG_DELEGATION_CREDENTIAL").json_schema())
           if line.startswith("serviceAccountKey")]
    assert key[0].startswith("serviceAccountKey*: one of {1}..{2} — ")
    assert key[1].startswith("serviceAccountKey{1}.private_key*: string (non-empty) — ")
    assert key[-1].startswith("serviceAccountKey{2}.client_id*: string (non-empty) — ")


def test_an_action_without_parameters_has_no_lines() -> None:
    assert parameter_lines(registry.get("CAL_GET_ME").json_schema()) == []


def test_forms_needs_and_unions_read_as_a_model_needs_them() -> None:
    lines = parameter_lines(registry.get("CAL_CREATE_BOOKING").json_schema())
    assert lines[0] == (
        "forms: none | instant | recurrenceCount; "
        "eventTypeId | eventTypeSlug+username+organizationSlug? | eventTypeSlug+teamSlug+organizationSlug?"
    )
    assert "attendee: needs email or phoneNumber" in lines
    assert "location: one of {1}..{5} — One of the event type's location kinds" in lines
    assert "location{3}.type*: attendeeAddress — The attendee's address" in lines
    assert "location{3}.address*: string" in lines
    assert any(line.startswith("location{1}.type*: address|link|phone|organizersDefaultApp — ") for line in lines)
    grace = {"start": "2030-03-05T09:00:00Z", "attendee.name": "Grace", "attendee.timeZone": "Europe/Rome"}
    with pytest.raises(NotKnown, match=r"one of eventTypeId \| eventTypeSlug\+username \| eventTypeSlug\+teamSlug"):
        build_arguments(lines, {**grace, "attendee.email": "g@x.io"})
    with pytest.raises(NotKnown, match="attendee needs email or phoneNumber"):
        build_arguments(lines, {**grace, "eventTypeId": 7})
    facts = {**grace, "eventTypeSlug": "intro", "teamSlug": "sales", "recurrenceCount": 3, "attendee.phoneNumber": "+1"}
    facts |= {"location{4}.type": "attendeePhone", "location{4}.phone": "+14155550123"}
    built = build_arguments(lines, facts)
    assert built == {
        "start": "2030-03-05T09:00:00Z",
        "attendee": {"name": "Grace", "timeZone": "Europe/Rome", "phoneNumber": "+1"},
        "location": {"type": "attendeePhone", "phone": "+14155550123"},
        "eventTypeSlug": "intro",
        "teamSlug": "sales",
        "recurrenceCount": 3,
    }
    registry.get("CAL_CREATE_BOOKING").params.model_validate(built)


def test_a_form_without_fields_of_its_own_and_unions_in_lists() -> None:
    cancel = parameter_lines(registry.get("CAL_CANCEL_BOOKING").json_schema())
    assert cancel[0] == "forms: cancellationReason?+cancelSubsequentBookings? | seatUid"
    assert build_arguments(cancel, {"bookingUid": "b1", "seatUid": "s1"}) == {"bookingUid": "b1", "seatUid": "s1"}
    with pytest.raises(NotKnown):  # a reason belongs to the whole booking's form, a seat to the other
        build_arguments(cancel, {"bookingUid": "b1", "seatUid": "s1", "cancellationReason": "ill"})
    event_type = parameter_lines(registry.get("CAL_CREATE_EVENT_TYPE").json_schema())
    assert next(line for line in event_type if line.startswith("locations:")).startswith(
        "locations: (one of {1}..{5})[] (≥1 items) — "
    )
    assert "locations[]{3}.integration*: cal-video|google-meet|office365-video|zoom" in event_type
    assert "locations[]{1,2,4}.public*: boolean — Shown before booking" in event_type, "said once for all three"
    assert "bookingWindow{1}.type*: businessDays|calendarDays" in event_type, "a union of unions"
    assert "seats{2}.disabled*: true — true: turn this setting off" in event_type
