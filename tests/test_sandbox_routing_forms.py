"""Routing forms on the sandbox: answers route by value to an event type (with its free slots), a message or an
external URL; responses are stored, listed, filtered and corrected; the dry run stores nothing; guards hold."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from cal_actions import Cal
from cal_actions.sandbox import Sandbox
from cal_actions.sandbox.form_routing import matching_route, response_from_answers, response_problem
from cal_actions.sandbox.resources.routing_forms import DEMO, EMAIL_FIELD, FORM_ID, SUPPORT, TOPIC_FIELD
from cal_actions.sandbox.seed import GRACE_ID, ORG_ID, ORG_TEAM_ID, OTHER_API_KEYS, TEAM_ID

NOW = datetime(2030, 3, 4, 8, 0, tzinfo=UTC)
FORM = {"orgId": ORG_ID, "routingFormId": FORM_ID}
TEAM_FORM = {**FORM, "teamId": ORG_TEAM_ID}
WINDOW = {"start": "2030-03-05", "end": "2030-03-06"}
DEMO_ANSWERS = {"topic": "Product demo", "email": "lin@example.com"}


@pytest.fixture
def cal() -> Iterator[Cal]:
    with Cal.sandbox(Sandbox(now=NOW, deliver=False)) as client:
        yield client


def _submit(cal: Cal, answers: dict[str, Any], name: str = "CAL_CREATE_ORG_ROUTING_FORM_RESPONSE", **extra: Any) -> Any:
    arguments = {**(TEAM_FORM if "TEAM" in name else FORM), **WINDOW, "answers": answers, **extra}
    return cal.execute(name, arguments)


def _responses(cal: Cal, **filters: Any) -> list[dict[str, Any]]:
    result = cal.execute("CAL_LIST_ORG_ROUTING_FORM_RESPONSES", {**FORM, **filters})
    assert result.successful, result.error
    return list(result.data)


def test_the_seeded_form_is_listed_with_its_fields_and_routes(cal: Cal) -> None:
    forms = cal.execute("CAL_LIST_ORG_ROUTING_FORMS", {"orgId": ORG_ID}).data
    assert [form["id"] for form in forms] == [FORM_ID]
    form = forms[0]
    assert form["teamId"] == ORG_TEAM_ID and [field["identifier"] for field in form["fields"]] == ["topic", "email"]
    kinds = [route["action"]["type"] for route in form["routes"]]
    assert kinds == ["eventTypeRedirectUrl", "externalRedirectUrl", "customPageMessage"]
    assert cal.execute("CAL_LIST_ORG_TEAM_ROUTING_FORMS", {"orgId": ORG_ID, "teamId": ORG_TEAM_ID}).data == forms
    assert cal.execute("CAL_LIST_ORG_ROUTING_FORMS", {"orgId": ORG_ID, "teamIds": [ORG_TEAM_ID + 100]}).data == []
    assert cal.execute("CAL_LIST_ORG_ROUTING_FORMS", {"orgId": ORG_ID, "afterCreatedAt": "2030-03-01"}).data == []


def test_answers_route_to_the_event_type_with_its_free_slots_and_are_stored(cal: Cal) -> None:
    before = _responses(cal)
    routed = _submit(cal, DEMO_ANSWERS)
    assert routed.status_code == 201, routed.error
    event_type_id = routed.data["eventTypeId"]
    slots = cal.execute("CAL_LIST_AVAILABLE_SLOTS", {"eventTypeId": event_type_id, **WINDOW}).data
    assert routed.data["slots"] == slots and slots, "the same slots GET /v2/slots computes"
    assert routed.data["routing"] == {"responseId": routed.data["routing"]["responseId"], "teamMemberIds": [],
                                      "skipContactOwner": False}  # fmt: skip
    stored = _responses(cal)
    assert len(stored) == len(before) + 1 and stored[-1]["id"] == routed.data["routing"]["responseId"]
    assert stored[-1]["response"] == {
        TOPIC_FIELD: {"label": "What do you need?", "value": DEMO},  # the option's label became its id
        EMAIL_FIELD: {"label": "Email", "value": "lin@example.com"},
    }
    booked = cal.execute("CAL_CREATE_BOOKING", {"eventTypeId": event_type_id, "start": slots["2030-03-05"][0]["start"],
                                                "attendee": {"name": "Lin", "email": "lin@example.com",
                                                             "timeZone": "Europe/Berlin"}})  # fmt: skip
    assert booked.successful, booked.error


def test_answers_sent_as_strict_entries_route_as_a_map_and_the_window_takes_iso_dates(cal: Cal) -> None:
    """Strict tools take the answers as key/value entries; they reach Cal.com as the same body as the map."""
    entries = [{"key": key, "value": value} for key, value in DEMO_ANSWERS.items()]
    as_map = _submit(cal, DEMO_ANSWERS)
    as_entries = _submit(cal, entries)  # type: ignore[arg-type]
    assert as_entries.status_code == 201, as_entries.error
    assert as_entries.data["slots"] == as_map.data["slots"] and as_map.data["slots"]
    first, second = _responses(cal)[-2:]
    assert second["response"] == first["response"] and second["id"] == as_entries.data["routing"]["responseId"]
    wrong = _submit(cal, DEMO_ANSWERS, start="next tuesday")
    assert wrong.status_code is None and "start: must be ISO 8601" in (wrong.error or "")


def test_an_option_id_routes_like_its_label_and_other_answers_get_a_url_or_a_message(cal: Cal) -> None:
    assert _submit(cal, {"topic": DEMO, "email": "a@example.com"}).data["eventTypeId"] == _submit(
        cal, DEMO_ANSWERS
    ).data["eventTypeId"]
    url = _submit(cal, {"topic": "Support", "email": "a@example.com"}).data["routingExternalRedirectUrl"]
    assert url.startswith("https://support.example.com/new-ticket?topic=Support&email=a%40example.com&form=")
    assert url.endswith("&cal.action=externalRedirectUrl")
    for topic in ("Something else", "not an option"):
        routed = _submit(cal, {"topic": topic, "email": "a@example.com"}).data
        assert routed == {"routingCustomMessage": "Thanks! We will reply by email within a day."}


def test_a_queued_response_is_held_not_stored(cal: Cal) -> None:
    before = _responses(cal)
    routed = _submit(cal, DEMO_ANSWERS, queueResponse=True)
    assert set(routed.data["routing"]) == {"queuedResponseId", "teamMemberIds", "skipContactOwner"}
    assert _responses(cal) == before
    held = cal.emulator.read("routing_form_queued_response", routed.data["routing"]["queuedResponseId"])
    assert held["response"][TOPIC_FIELD]["value"] == DEMO


@pytest.mark.parametrize(
    ("answers", "message"),
    [
        ({}, "Missing required fields What do you need?, Email"),
        ({"topic": "Support"}, "Missing required fields Email"),
        ({"topic": "Support", "email": "nobody"}, "'Email' with value 'nobody' should be valid email"),
    ],
)
def test_missing_or_invalid_answers_are_refused_and_not_stored(cal: Cal, answers: dict[str, Any], message: str) -> None:
    before = _responses(cal)
    refused = _submit(cal, answers)
    assert refused.status_code == 400 and message in (refused.error or "")
    assert _responses(cal) == before


def test_the_dry_run_returns_the_routed_slots_and_stores_nothing(cal: Cal) -> None:
    before = _responses(cal)
    arguments = {"routingFormId": FORM_ID, **WINDOW, "format": "range", "timeZone": "Europe/Berlin"}
    preview = cal.execute("CAL_CALCULATE_ROUTING_FORM_SLOTS", {**arguments, "answers": DEMO_ANSWERS})
    assert preview.status_code == 200, preview.error
    slots = cal.execute("CAL_LIST_AVAILABLE_SLOTS", {**WINDOW, "format": "range", "timeZone": "Europe/Berlin",
                                                     "eventTypeId": preview.data["eventTypeId"]}).data  # fmt: skip
    assert preview.data["slots"] == slots and all("end" in slot for day in slots.values() for slot in day)
    assert _responses(cal) == before
    elsewhere = cal.execute("CAL_CALCULATE_ROUTING_FORM_SLOTS", {**arguments, "answers": {"topic": "Support",
                                                                                         "email": "a@example.com"}})
    assert elsewhere.status_code == 404 and "non cal.com event type URL" in (elsewhere.error or "")
    for answers in ({"topic": "Something else", "email": "a@example.com"}, {}):
        message = cal.execute("CAL_CALCULATE_ROUTING_FORM_SLOTS", {**arguments, "answers": answers})
        assert message.status_code == 404 and "Route to which the form response" in (message.error or "")
    unknown = cal.execute("CAL_CALCULATE_ROUTING_FORM_SLOTS", {**arguments, "routingFormId": "nope", "answers": {}})
    assert unknown.status_code == 404


def test_responses_are_corrected_filtered_and_sorted(cal: Cal) -> None:
    first = _submit(cal, DEMO_ANSWERS).data["routing"]["responseId"]
    corrected = {TOPIC_FIELD: {"label": "What do you need?", "value": SUPPORT}, EMAIL_FIELD: {"value": "x@example.com"}}
    updated = cal.execute("CAL_UPDATE_ORG_ROUTING_FORM_RESPONSE", {**FORM, "responseId": first, "response": corrected})
    assert updated.successful and updated.data["response"] == corrected
    assert next(r for r in _responses(cal) if r["id"] == first)["response"] == corrected
    via_team = cal.execute("CAL_UPDATE_ORG_TEAM_ROUTING_FORM_RESPONSE", {**TEAM_FORM, "responseId": first})
    assert via_team.successful and via_team.data["response"] == corrected, "no response given: nothing replaced"

    ids = [r["id"] for r in _responses(cal)]
    assert _responses(cal, sortCreatedAt="desc")[0]["id"] == ids[-1]  # the seeded one is two days older
    assert [r["id"] for r in _responses(cal, afterCreatedAt="2030-03-04T00:00:00Z")] == [first]
    assert [r["id"] for r in _responses(cal, take=1, skip=1)] == ids[1:2]
    assert _responses(cal, routedToBookingUid="no-such-booking") == []
    missing = cal.execute("CAL_UPDATE_ORG_ROUTING_FORM_RESPONSE", {**FORM, "responseId": 999, "response": corrected})
    assert missing.status_code == 404


def test_who_may_read_submit_and_correct(cal: Cal) -> None:
    with Cal.sandbox(cal.emulator, api_key=OTHER_API_KEYS[GRACE_ID]) as grace:  # org and team member, not admin
        assert grace.execute("CAL_LIST_ORG_ROUTING_FORMS", {"orgId": ORG_ID}).status_code == 403
        assert grace.execute("CAL_LIST_ORG_TEAM_ROUTING_FORM_RESPONSES", TEAM_FORM).status_code == 403
        assert _submit(grace, DEMO_ANSWERS).status_code == 403, "not an admin, not the form's owner"
        team_submit = _submit(grace, DEMO_ANSWERS, name="CAL_CREATE_ORG_TEAM_ROUTING_FORM_RESPONSE")
        assert team_submit.status_code == 201, team_submit.error
    foreign = cal.execute("CAL_LIST_ORG_TEAM_ROUTING_FORM_RESPONSES", {**FORM, "teamId": TEAM_ID})
    assert foreign.status_code == 404 and "IsTeamInOrg" in (foreign.error or "")
    unknown = cal.execute("CAL_LIST_ORG_TEAM_ROUTING_FORM_RESPONSES", {**TEAM_FORM, "routingFormId": "nope"})
    assert unknown.status_code == 403 and "does not own routing form with id=(nope)" in (unknown.error or "")
    assert cal.execute("CAL_LIST_ORG_ROUTING_FORM_RESPONSES", {**FORM, "routingFormId": "nope"}).status_code == 404


# -- the routing rules themselves -------------------------------------------------------------

FIELDS = [
    {"id": "f-size", "type": "number", "label": "Size", "identifier": "size"},
    {"id": "f-tools", "type": "multiselect", "label": "Tools", "options": [{"id": "o-a", "label": "A"},
                                                                           {"id": "o-b", "label": "B"}]},
    {"id": "f-note", "type": "text", "label": "Note", "required": True},
]  # fmt: skip


def _route(route_id: str, operator: str, field: str, value: Any, *, conjunction: str = "AND") -> dict[str, Any]:
    rule = {"type": "rule", "properties": {"field": field, "operator": operator, "value": [value]}}
    return {"id": route_id, "queryValue": {"type": "group", "properties": {"conjunction": conjunction},
                                           "children1": {"r": rule}}}  # fmt: skip


def test_answers_become_a_response_keyed_by_field_id() -> None:
    response = response_from_answers(FIELDS, {"size": "12", "Tools": ["B", "o-a"], "Note": 5})
    assert response == {"f-size": {"label": "Size", "value": 12},
                        "f-tools": {"label": "Tools", "value": ["o-b", "o-a"]},
                        "f-note": {"label": "Note", "value": "5"}}  # fmt: skip
    assert response_problem(FIELDS, response) is None
    assert response_problem(FIELDS, response_from_answers(FIELDS, {"size": 3})) == "Missing required fields Note"


@pytest.mark.parametrize(
    ("operator", "field", "value", "answers", "holds"),
    [
        ("select_any_in", "f-tools", ["o-b"], {"Tools": "B"}, False),  # a list answer is not one option
        ("multiselect_some_in", "f-tools", ["o-b"], {"Tools": "A,B"}, True),
        ("equal", "f-note", "hello", {"Note": "Hello"}, True),
        ("not_equal", "f-note", "hello", {"Note": "Hello"}, False),
        ("like", "f-note", "ell", {"Note": "Hello"}, True),
        ("is_empty", "f-size", None, {}, True),
        ("is_not_empty", "f-size", None, {"size": 1}, True),
        ("no_such_operator", "f-size", None, {"size": 1}, False),
    ],
)
def test_the_first_route_whose_rules_hold_wins_the_fallback_last(
    operator: str, field: str, value: Any, answers: dict[str, Any], holds: bool
) -> None:
    fallback = {"id": "fallback", "isFallback": True, "queryValue": {"type": "group"}}
    routes = [fallback, _route("rule", operator, field, value)]
    assert matching_route(routes, response_from_answers(FIELDS, answers))["id"] == ("rule" if holds else "fallback")


def test_or_groups_and_negation() -> None:
    either = _route("either", "equal", "f-note", "x", conjunction="OR")
    either["queryValue"]["children1"]["s"] = {"type": "rule", "properties": {"field": "f-size", "operator": "equal",
                                                                             "value": [3]}}  # fmt: skip
    assert matching_route([either], response_from_answers(FIELDS, {"size": 3, "Note": "y"})) is either
    either["queryValue"]["properties"]["not"] = True
    assert matching_route([either], response_from_answers(FIELDS, {"size": 3, "Note": "y"})) is None


def test_the_cli_submits_answers_and_lists_the_stored_response(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from cal_actions.cli import main

    db = str(tmp_path / "forms.db")
    answers = {"topic": "Support", "email": "cli@x.io"}
    submitted = {**FORM, "start": "2031-03-04", "end": "2031-03-04", "answers": answers}
    assert main(["call", "CAL_CREATE_ORG_ROUTING_FORM_RESPONSE", "--args", json.dumps(submitted), "--sandbox",
                 "--db", db]) == 0  # fmt: skip
    assert json.loads(capsys.readouterr().out)["data"]["routingExternalRedirectUrl"].startswith("https://support.")
    listing = ["call", "CAL_LIST_ORG_ROUTING_FORM_RESPONSES", "--args", json.dumps(FORM), "--sandbox", "--db", db]
    assert main(listing) == 0
    stored = json.loads(capsys.readouterr().out)["data"]
    assert stored[-1]["response"][EMAIL_FIELD]["value"] == "cli@x.io"
    refused = {**submitted, "answers": {"topic": True}}
    assert main(["call", "CAL_CREATE_ORG_ROUTING_FORM_RESPONSE", "--args", json.dumps(refused), "--sandbox",
                 "--db", db]) == 1  # fmt: skip
    assert "answers.topic" in json.loads(capsys.readouterr().out)["error"]
