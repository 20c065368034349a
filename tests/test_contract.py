"""Every declaration against the Cal.com OpenAPI documents: route, fields, enums, versions."""

from __future__ import annotations

import collections
import typing
from pathlib import Path

import pytest

from cal_actions import registry
from cal_actions.action import Action
from tests.support import LIVE_SPEC, PINNED_SPEC, body_shape, declared_version, enum_of, find_operation, load_spec

# Actions whose pinned route was retired: they target the live replacement (2025-10 document).
REPLACED = {
    "CAL_LIST_AVAILABLE_SLOTS": ("GET", "/v2/slots/available"),
    "CAL_RESERVE_SLOT": ("POST", "/v2/slots/reserve"),
    "CAL_DELETE_SLOT_RESERVATION": ("DELETE", "/v2/slots/selected-slot"),
    "CAL_GET_GOOGLE_CALENDAR_AUTH_URL": ("GET", "/v2/gcal/oauth/auth-url"),
    "CAL_SAVE_GOOGLE_CALENDAR_CREDENTIALS": ("GET", "/v2/gcal/oauth/save"),
    "CAL_CHECK_GOOGLE_CALENDAR_CONNECTION": ("GET", "/v2/gcal/check"),
    "CAL_CHECK_TEAM_STRIPE_CONNECTION": ("GET", "/v2/stripe/check/{teamId}"),
}
# Retired routes with no replacement: kept, and marked legacy.
LEGACY = {"CAL_LIST_TIMEZONES", "CAL_VERIFY_OAUTH_CLIENT", "CAL_VERIFY_PROVIDER_ACCESS_TOKEN"}

# Fields the server takes that the live document lacks: (action, field) → the evidence.
SERVER_FIELDS = {
    (name, field): "organizations-teams.controller.ts pages with SkipTakePagination; the document dropped them"
    for name in ("CAL_LIST_ORG_TEAMS", "CAL_LIST_MY_ORG_TEAMS")
    for field in ("take", "skip")
}
# Bodies the document leaves empty although the server takes a partial copy of another input.
PARTIAL_BODIES = {
    "CAL_UPDATE_ORG_USER": "CreateOrganizationUserInput",
    # The 2025-10 document gives this PATCH no body; the controller takes the personal route's body.
    "CAL_UPDATE_ORG_TEAM_EVENT_TYPE_PRIVATE_LINK": "UpdatePrivateLinkBody",
}

# Lists of objects that the document flattens into their members' names as query parameters, while
# the server reads ``field[i][member]``: action → the list field.
FLATTENED_QUERY = {"CAL_LIST_BUSY_TIMES": "calendarsToLoad"}

ACTIONS = list(registry)


def _operation(action: Action) -> tuple[dict, str, dict]:
    """The operation an action is checked against: the live document's, the pinned one's for legacy actions."""
    spec = load_spec(PINNED_SPEC if action.legacy else LIVE_SPEC)
    found = find_operation(spec, action.method, action.path)
    assert found, (
        f"{action.method} {action.path} is not in the {'live' if spec is load_spec(LIVE_SPEC) else 'pinned'} spec"
    )
    return spec, found[0], found[1]


def test_registry_covers_every_pinned_operation_once() -> None:
    pinned = load_spec(PINNED_SPEC)
    operations = {(m.upper(), p) for p, ops in pinned["paths"].items() for m in ops}
    used = collections.Counter()
    for action in ACTIONS:
        if action.name in REPLACED:
            used[REPLACED[action.name]] += 1
        elif find_operation(pinned, action.method, action.path):
            used[(action.method, _operation(action)[1])] += 1
    assert set(used) == operations
    assert {key for key, count in used.items() if count > 1} == {("GET", "/v2/me")}


# Operations two actions target, each for its own purpose.
SHARED_OPERATIONS = {
    ("GET", "/v2/me"): "the profile, and the organization id read from it",
    # The live document folds the retired /gcal routes into {calendar}; the Google actions fix calendar=google.
    ("GET", "/v2/calendars/{calendar}/connect"): "any calendar, and Google's",
    ("GET", "/v2/calendars/{calendar}/save"): "any calendar, and Google's",
    ("GET", "/v2/calendars/{calendar}/check"): "any calendar, and Google's",
}
UNCOVERED = Path(__file__).parent / "data" / "live_operations_without_action.txt"


def test_every_live_operation_has_exactly_one_action() -> None:
    """Every operation of the live document is targeted by one action (``GET /v2/me`` by two); the legacy
    actions are the only ones off it. Operations still without an action are listed in ``UNCOVERED``."""
    live = load_spec(LIVE_SPEC)
    operations = {(m.upper(), p) for p, ops in live["paths"].items() for m in ops if m != "parameters"}
    used = collections.Counter()
    for action in ACTIONS:
        found = find_operation(live, action.method, action.path)
        assert (found is None) == action.legacy, action.name
        if found:
            used[(action.method, found[0])] += 1
    assert {key for key, count in used.items() if count > 1} == set(SHARED_OPERATIONS)
    listed = {tuple(line.split(" ", 1)) for line in UNCOVERED.read_text().splitlines() if line.strip()}
    assert operations - set(used) == listed


@pytest.mark.parametrize("action", ACTIONS, ids=lambda a: a.name)
def test_route_exists_with_its_version(action: Action) -> None:
    _, _, operation = _operation(action)
    assert action.route.version == declared_version(operation)
    assert (action.name in LEGACY) == action.legacy
    if action.name in REPLACED:
        assert find_operation(load_spec(PINNED_SPEC), *REPLACED[action.name]) is not None
    if action.name in LEGACY:
        assert find_operation(load_spec(LIVE_SPEC), action.method, action.path) is None


def _undocumented_fields(action: Action) -> set[str]:
    """Fields the server takes on this route that the document does not show."""
    spec = load_spec(LIVE_SPEC)
    partial = PARTIAL_BODIES.get(action.name)
    extra = set(spec["components"]["schemas"][partial]["properties"]) if partial else set()
    return extra | {field for name, field in SERVER_FIELDS if name == action.name}


@pytest.mark.parametrize("action", ACTIONS, ids=lambda a: a.name)
def test_fields_match_the_spec(action: Action) -> None:
    spec, _, operation = _operation(action)
    fields = action.params.model_fields
    assert set(action.route.placeholders) == set(action.fields_in("path"))

    query = {p["name"]: p for p in operation.get("parameters", []) if p["in"] == "query"}
    body, body_required = body_shape(spec, operation)
    undocumented = _undocumented_fields(action)

    nested = FLATTENED_QUERY.get(action.name)
    if nested:
        item_fields = typing.get_args(fields[nested].annotation)[0].model_fields
        assert fields[nested].is_required() and action.placement[nested] == "query"
        for name in [name for name in query if name in item_fields]:
            assert item_fields[name].is_required() == bool(query.pop(name).get("required")), name
        undocumented = undocumented | {nested}
    for name, parameter in query.items():
        assert name in fields, f"query parameter {name} is not declared"
        assert action.placement[name] == "query"
        if parameter.get("required"):
            assert fields[name].is_required(), f"query parameter {name} must be required"
    for name in body:
        assert name in fields, f"body field {name} is not declared"
        assert action.placement[name] == "body"
    for name in body_required:
        assert fields[name].is_required(), f"body field {name} must be required"
    for name, where in action.placement.items():
        if where == "query":
            assert name in query or name in undocumented, f"{name} is sent as a query parameter the spec does not know"
        elif where == "body":
            assert name in body or name in undocumented, f"{name} is sent in a body the spec does not know"
        elif where == "body_map":  # a mapping sent as the whole body: only where the spec declares no properties
            assert not body, f"{name} replaces a body the spec declares"


@pytest.mark.parametrize("action", ACTIONS, ids=lambda a: a.name)
def test_enums_match_the_spec(action: Action) -> None:
    spec, _, operation = _operation(action)
    schema = action.json_schema()
    properties = schema["properties"]
    specified = {
        p["name"]: p.get("schema", {}) for p in operation.get("parameters", []) if p["in"] in ("query", "path")
    }
    specified.update(body_shape(spec, operation)[0])
    for name, spec_schema in specified.items():
        expected = enum_of(spec, spec_schema)
        if not expected or name not in properties:
            continue
        declared = properties[name]
        declared = declared.get("items", declared)
        if "$ref" in declared:
            declared = schema["$defs"][declared["$ref"].rsplit("/", 1)[-1]]
        allowed = [declared["const"]] if "const" in declared else declared.get("enum", [])  # a one-value Literal
        assert set(allowed) == set(expected), name


def test_every_composio_slug_is_an_alias() -> None:
    import json

    slugs = json.loads((PINNED_SPEC.parent / "composio-slugs.json").read_text())
    missing = [entry["composio_slug"] for entry in slugs if entry["composio_slug"] not in registry]
    assert not missing
