"""Every action executed through a mock transport: the request Cal.com receives, and the envelope back."""

from __future__ import annotations

import json
from urllib.parse import parse_qs, quote

import httpx
import pytest

from cal_actions import Cal, registry
from cal_actions.action import Action
from tests.support import example_arguments

CREDENTIALS = {
    "api_key": "cal_test_key",
    "client_id": "client-1",
    "client_secret": "secret-1",
    "base_url": "https://cal.test",
}
ACTIONS = list(registry)


def run_once(action: Action, arguments: dict) -> tuple[httpx.Request, object]:
    """Execute the action on a mock transport answering success; the one request it sent, and the result."""
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(200, json={"status": "success", "data": {"ok": True}})

    with Cal(transport=httpx.MockTransport(handler), **CREDENTIALS) as cal:
        result = cal.execute(action.name, arguments)
    assert result.successful, result.error
    assert result.data == {"ok": True}
    assert len(seen) == 1
    return seen[0], result


@pytest.mark.parametrize("complete", [False, True], ids=["required", "complete"])
@pytest.mark.parametrize("action", ACTIONS, ids=lambda a: a.name)
def test_request_is_what_cal_expects(action: Action, complete: bool) -> None:
    arguments = example_arguments(action.json_schema(), complete=complete)
    request, _ = run_once(action, arguments)
    assert_request(action, arguments, request)


def assert_request(action: Action, arguments: dict, request: httpx.Request) -> None:
    """The request is the action's route with the arguments each where it travels, and the route's headers."""
    expected = action.params.model_validate(arguments).model_dump(mode="json", exclude_none=True)

    assert request.method == action.method
    path = action.path.format(**{name: quote(str(arguments[name]), safe="") for name in action.fields_in("path")})
    assert request.url.raw_path.decode().split("?")[0] == path
    assert request.url.host == "cal.test"

    query = {key: values[0] for key, values in parse_qs(request.url.query.decode()).items()}
    sent = {key.split("[", 1)[0] for key in query}  # lists of objects travel as name[i][member]
    assert sent == {name for name in action.fields_in("query") if name in expected}

    if action.route.has_body:
        body = json.loads(request.content)
        whole = [expected[name] for name in action.fields_in("body_map") if name in expected]
        named = {name: expected[name] for name in action.fields_in("body") if name in expected}
        assert body == (whole[0] if whole else named)
    else:
        assert request.content == b""

    assert request.headers.get("cal-api-version") == action.route.version
    auth = action.route.auth
    # With a key configured, a route that also takes the client headers gets the key (acting as that user).
    assert (request.headers.get("authorization") == "Bearer cal_test_key") == (auth in ("bearer", "bearer_or_platform"))
    assert ("x-cal-secret-key" in request.headers) == (auth in ("platform", "client_secret"))


def test_lists_of_objects_travel_in_the_bracket_form_the_server_parses() -> None:
    calendars = [{"credentialId": 3, "externalId": "ada@example.com"}, {"credentialId": 4, "externalId": "x y"}]
    dates = {"dateFrom": "2030-01-07", "dateTo": "2030-01-08"}
    arguments = {"loggedInUsersTz": "Europe/Rome", **dates, "calendarsToLoad": calendars}
    request, _ = run_once(registry.get("CAL_LIST_BUSY_TIMES"), arguments)
    assert parse_qs(request.url.query.decode()) == {
        "loggedInUsersTz": ["Europe/Rome"],
        "dateFrom": ["2030-01-07"],
        "dateTo": ["2030-01-08"],
        "calendarsToLoad[0][credentialId]": ["3"],
        "calendarsToLoad[0][externalId]": ["ada@example.com"],
        "calendarsToLoad[1][credentialId]": ["4"],
        "calendarsToLoad[1][externalId]": ["x y"],
    }


def test_patch_sends_only_fields_the_caller_set() -> None:
    request, _ = run_once(registry.get("CAL_UPDATE_SCHEDULE"), {"scheduleId": 7, "name": "Evenings"})
    assert json.loads(request.content) == {"name": "Evenings"}


def test_arguments_may_be_a_json_string() -> None:
    request, _ = run_once(registry.get("CAL_GET_BOOKING"), '{"bookingUid": "abc"}')
    assert request.url.path == "/v2/bookings/abc"


@pytest.mark.parametrize("uid", ["../me", "..", "a/b", "a?b=c", "a#b", "%2e%2e"])
def test_path_values_stay_one_segment(uid: str) -> None:
    request, _ = run_once(registry.get("CAL_GET_BOOKING"), {"bookingUid": uid})
    raw = request.url.raw_path.decode()
    assert raw.startswith("/v2/bookings/")
    assert "/" not in raw[len("/v2/bookings/") :]
    assert "?" not in raw and request.url.query == b""


def test_list_filters_are_comma_separated() -> None:
    request, _ = run_once(registry.get("CAL_LIST_BOOKINGS"), {"status": ["upcoming", "past"], "take": 5})
    assert parse_qs(request.url.query.decode()) == {"status": ["upcoming,past"], "take": ["5"]}


def test_routing_form_answers_are_the_whole_body_and_the_slot_window_the_query() -> None:
    answers = {"topic": "Product demo", "skills": ["python", "sql"], "seats": 3, "budget": 9.5}
    arguments = {"orgId": 1, "routingFormId": "f-1", "start": "2030-01-07", "end": "2030-01-08", "queueResponse": True,
                 "answers": answers}  # fmt: skip
    request, _ = run_once(registry.get("CAL_CREATE_ORG_ROUTING_FORM_RESPONSE"), arguments)
    assert request.url.path == "/v2/organizations/1/routing-forms/f-1/responses"
    assert json.loads(request.content) == answers
    query = parse_qs(request.url.query.decode())
    assert query == {"start": ["2030-01-07"], "end": ["2030-01-08"], "queueResponse": ["true"]}


@pytest.mark.parametrize("value", [True, None, {"nested": 1}])
def test_an_answer_must_be_text_a_number_or_a_list_of_text(value: object) -> None:
    with Cal(transport=httpx.MockTransport(lambda request: httpx.Response(500)), **CREDENTIALS) as cal:
        arguments = {"routingFormId": "f-1", "start": "2030-01-07", "end": "2030-01-08", "answers": {"topic": value}}
        result = cal.execute("CAL_CALCULATE_ROUTING_FORM_SLOTS", arguments)
    assert not result.successful and result.attempts == 0
    assert "answers.topic" in (result.error or "")
