"""The registry's own invariants, its introspection surface and the generated files."""

from __future__ import annotations

import json
import re

import pytest
from pydantic import Field

from cal_actions import registry
from cal_actions.action import NAME_PATTERN, Action, Params, Registry, Route, declare
from cal_actions.generate import outputs
from tests.support import LIVE_SPEC, load_spec
from tests.test_contract import LEGACY, SHARED_OPERATIONS, UNCOVERED


class _Booking(Params):
    bookingUid: str = Field(description="uid")


def test_size_and_lookup() -> None:
    # One action per live operation that has one, a second for each shared operation, and the legacy ones.
    live = load_spec(LIVE_SPEC)["paths"]
    operations = sum(1 for operations in live.values() for method in operations if method != "parameters")
    uncovered = [line for line in UNCOVERED.read_text().splitlines() if line.strip()]
    assert len(registry) == operations - len(uncovered) + len(SHARED_OPERATIONS) + len(LEGACY)
    action = registry.get("CAL_CANCEL_BOOKING")
    assert registry.get("CAL_CANCEL_BOOKING_VIA_UID") is action
    assert "cal_cancel_booking" in registry and "CAL_NOPE" not in registry
    assert {"name", "aliases", "description", "method", "path", "params", "tags"} <= set(dir(action))


#: The parameters whose name and type say all a model needs, which may go without a description (every token of a
#: tool is paid on each request): paging, sorting asc|desc by what the name says, plain labels, typed choices,
#: filters named after what they match, and booleans named after what they switch (SWITCH). Every other parameter,
#: and every id an action acts on (a path field, which says where its ids come from), is described; a nested
#: object's own fields describe it.
SELF_EXPLANATORY = frozenset(
    {
        "take", "skip", "limit", "offset",
        "sortStart", "sortEnd", "sortCreated", "sortUpdatedAt",
        "name", "title", "description", "email", "bio", "notes",
        "role", "organizationRole", "status", "timeFormat", "weekStart",
        "attendeeEmail", "attendeeName", "bookingUid", "eventTypeId", "emails",
    }
)  # fmt: skip
SWITCH = re.compile(r"(hide|disable|lock|requires)[A-Z]")


@pytest.mark.parametrize("action", list(registry), ids=lambda a: a.name)
def test_every_action_is_complete(action) -> None:
    assert action.name.startswith("CAL_") and NAME_PATTERN.match(action.name) and len(action.name) <= 64
    assert re.fullmatch(r"CAL_[A-Z0-9_]+", action.name)
    assert 20 <= len(action.description) <= 600, "descriptions are short and exact"
    assert "TODO" not in action.description
    assert action.tags and all(re.fullmatch(r"[a-z-]+", tag) for tag in action.tags)
    schema = action.json_schema()
    for name, prop in schema["properties"].items():
        described = prop.get("description") or "$ref" in prop or "allOf" in prop
        says_all = name in SELF_EXPLANATORY or (prop.get("type") == "boolean" and SWITCH.match(name))
        obvious = says_all and action.placement[name] != "path"
        assert described or obvious, f"{name} has no description"
        assert not prop.get("description", "").startswith("SPEC:"), f"{name} keeps the spec's wording"
    if action.read_only:
        assert (action.method == "GET" or action.hints_note) and not action.destructive
    if action.method in ("DELETE", "PUT", "PATCH"):
        assert action.destructive, "an update or delete may overwrite or remove existing state"
    if action.method in ("PUT", "PATCH", "DELETE", "GET"):
        assert action.idempotent or action.hints_note


def test_hints_follow_the_method_with_overrides() -> None:
    assert registry.get("CAL_LIST_BOOKINGS").read_only
    # MCP's meaning: destructive = may overwrite or remove. Updates and a reschedule overwrite.
    for name in ("CAL_UPDATE_SCHEDULE", "CAL_UPDATE_ME", "CAL_UPDATE_DESTINATION_CALENDAR", "CAL_RESCHEDULE_BOOKING"):
        assert registry.get(name).destructive and not registry.get(name).read_only, name
    assert registry.get("CAL_UPDATE_SCHEDULE").idempotent and not registry.get("CAL_RESCHEDULE_BOOKING").idempotent
    assert not registry.get("CAL_CREATE_BOOKING").destructive and not registry.get("CAL_CONFIRM_BOOKING").destructive
    assert registry.get("CAL_CANCEL_BOOKING").idempotent and registry.get("CAL_CANCEL_BOOKING").hints_note
    assert registry.get("CAL_CANCEL_BOOKING").destructive and not registry.get("CAL_CANCEL_BOOKING").read_only
    assert registry.get("CAL_DECLINE_BOOKING").destructive
    assert not registry.get("CAL_CREATE_BOOKING").idempotent
    assert registry.get("CAL_DELETE_WEBHOOK").destructive and registry.get("CAL_DELETE_WEBHOOK").idempotent


def test_a_hint_against_the_method_needs_a_reason() -> None:
    route = Route("POST", "/v2/a/{bookingUid}/cancel")
    with pytest.raises(ValueError, match="hints_note"):
        declare("CAL_A", description="a", params=_Booking, route=route, tags=("a",), destructive=True)
    with pytest.raises(ValueError, match="both read-only and destructive"):
        declare("CAL_A", description="a", params=_Booking, route=route, tags=("a",), read_only=True, destructive=True,
                hints_note="x")  # fmt: skip
    noted = declare("CAL_A", description="a", params=_Booking, route=route, tags=("a",), destructive=True,
                    hints_note="removes it")  # fmt: skip
    assert noted.destructive and not noted.idempotent and noted.hints_note == "removes it"


class _Submission(Params):
    formId: str = Field(description="id")
    start: str = Field(description="window start")
    answers: dict[str, str] = Field(description="the body itself")


def test_a_body_map_is_the_whole_body_so_other_fields_go_in_the_query() -> None:
    def submit(route: Route) -> Action:
        return declare("CAL_A", description="a", params=_Submission, route=route, tags=("a",))

    with pytest.raises(ValueError, match="other fields must go in query"):
        submit(Route("POST", "/v2/f/{formId}", body_map="answers"))
    with pytest.raises(ValueError, match="must be a field of a route with a body"):
        submit(Route("GET", "/v2/f/{formId}", body_map="answers"))
    with pytest.raises(ValueError, match="must be a field of a route with a body"):
        submit(Route("POST", "/v2/f/{formId}", query=frozenset({"start", "answers"}), body_map="nope"))
    action = submit(Route("POST", "/v2/f/{formId}", query=frozenset({"start"}), body_map="answers"))
    assert action.placement == {"formId": "path", "start": "query", "answers": "body_map"}


def test_duplicate_names_and_aliases_are_refused() -> None:
    first = declare("CAL_A", description="a", params=_Booking, route=Route("GET", "/v2/a/{bookingUid}"), tags=("a",))
    clash = declare(
        "CAL_B",
        description="b",
        params=_Booking,
        route=Route("GET", "/v2/b/{bookingUid}"),
        tags=("b",),
        aliases=("cal_a",),
    )
    with pytest.raises(ValueError, match="duplicate"):
        Registry([first, clash])
    with pytest.raises(ValueError, match="invalid action name"):
        Registry([declare("CAL A", description="a", params=_Booking, route=Route("GET", "/v2/{bookingUid}"), tags=())])


def test_placeholders_need_a_required_field() -> None:
    with pytest.raises(ValueError, match="placeholders without a field"):
        declare("CAL_X", description="x", params=_Booking, route=Route("GET", "/v2/{bookingUid}/{other}"), tags=())

    class Optional(Params):
        bookingUid: str = Field(None, description="uid")

    with pytest.raises(ValueError, match="must be required"):
        declare("CAL_X", description="x", params=Optional, route=Route("GET", "/v2/{bookingUid}"), tags=())


def test_two_fields_cannot_share_a_wire_name() -> None:
    class Clash(Params):
        start: str = Field(description="a")
        begin: str = Field(alias="start", description="b")

    with pytest.raises(ValueError, match="share the wire name"):
        declare("CAL_X", description="x", params=Clash, route=Route("POST", "/v2/x"), tags=())


def test_generated_files_are_current() -> None:
    stale = [str(path) for path, text in outputs(registry).items() if not path.exists() or path.read_text() != text]
    assert not stale, f"run `python -m cal_actions.generate`: {stale[:5]}"


def test_the_catalogue_shows_each_action_s_examples_in_its_own_section() -> None:
    from cal_actions.generate import catalogue

    sections = catalogue(registry).split("\n### ")[1:]
    assert len(sections) == len(registry)
    for section in sections:
        name = section.split("\n", 1)[0]
        block = section.split("Examples:\n\n```json\n", 1)[1].split("\n```", 1)[0]
        assert [json.loads(line) for line in block.splitlines()] == list(registry.get(name).examples), name


def test_retired_actions_are_callable_by_name_but_never_offered_by_default() -> None:
    from cal_actions.adapters.openai import openai_tools
    from cal_actions.presets import PRESETS, select

    legacy = {action.name for action in registry if action.legacy}
    assert legacy == {"CAL_LIST_TIMEZONES", "CAL_VERIFY_OAUTH_CLIENT", "CAL_VERIFY_PROVIDER_ACCESS_TOKEN"}
    assert not legacy & {action.name for action in select(registry)}
    for preset in PRESETS:
        assert not legacy & {action.name for action in select(registry, preset=preset)}, preset
    assert not legacy & {tool["function"]["name"] for tool in openai_tools()}
    # Named outright, they are still there, and a tag that covers them does not bring them in.
    assert [a.name for a in select(registry, actions=["CAL_LIST_TIMEZONES"])] == ["CAL_LIST_TIMEZONES"]
    assert "CAL_LIST_TIMEZONES" in {a.name for a in select(registry, preset="all", actions=["CAL_GET_ALL_TIMEZONES"])}
    # Each says what to use instead, by a name that exists.
    for name in legacy:
        description = registry.get(name).description
        assert description.startswith("Retired route that may vanish")
        named = set(re.findall(r"CAL_[A-Z_]+", description))
        assert named and all(other in registry and not registry.get(other).legacy for other in named), name
