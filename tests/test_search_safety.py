"""The search's safety: a request that only reads never gets a destructive action first, legacy actions only
when named, and requests to hear about cancellations create a webhook, under the hints as declared and with every
update and reschedule counted destructive."""

from __future__ import annotations

import dataclasses

import pytest

from cal_actions import registry
from cal_actions.action import Action, Registry
from cal_actions.search import index_for
from cal_actions.search.rank import rank
from tests.search_cases import CASES, correct


def overwrites_are_destructive(action: Action) -> Action:
    """The MCP reading of the hint: an update or a reschedule may overwrite or remove existing state."""
    overwrites = action.method in ("PATCH", "PUT") or action.name == "CAL_RESCHEDULE_BOOKING"
    return dataclasses.replace(action, destructive=True) if overwrites else action


#: The registry as declared, and the same actions with every update and reschedule marked destructive.
HINTS = {"declared": registry, "updates destructive": Registry([overwrites_are_destructive(a) for a in registry])}



def test_legacy_actions_are_offered_only_when_the_request_names_them() -> None:
    legacy = [action for action in registry if action.legacy]
    assert legacy
    for action in legacy:
        assert action not in registry.search(action.description, k=10)  # the plainest request for it
        for name in (action.name, *action.aliases):
            assert registry.search(name, k=1) == [action]
            assert registry.search(f"call {name.lower()} please", k=1) == [action]
    requests = [case["query"] for case in CASES if any(registry.get(name).legacy for name in correct(case))]
    assert len(requests) >= 20  # the sets still ask for them in plain words: none is offered
    for query in requests:
        assert not any(action.legacy for action in registry.search(query, k=5)), query


@pytest.mark.parametrize("hints", HINTS)
def test_a_request_for_a_read_only_action_never_gets_a_destructive_one_first_on_any_set(hints: str) -> None:
    actions = HINTS[hints]
    reading = [case for case in CASES if all(actions.get(name).read_only for name in correct(case))]
    assert len(reading) > 500
    for case in reading:
        found = actions.search(case["query"], k=1)
        assert not (found and found[0].destructive), (case["query"], found[0].name)


@pytest.mark.parametrize("hints", HINTS)
@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("list webhooks attached to event type 44", "CAL_LIST_EVENT_TYPE_WEBHOOKS"),
        ("open event type 3301", "CAL_GET_EVENT_TYPE"),
        ("open my schedule 3320 with its overrides", "CAL_GET_SCHEDULE"),
        ("which calendar do new bookings land in?", "CAL_LIST_CALENDARS"),
        ("show team 8's membership 4", "CAL_GET_TEAM_MEMBERSHIP"),
    ],
)
def test_reading_requests_on_resources_with_destructive_twins(hints: str, query: str, expected: str) -> None:
    found = HINTS[hints].search(query, k=5)
    assert found[0].name == expected
    assert not found[0].destructive


def test_the_safety_rule_reads_the_hint_not_the_verb() -> None:
    """Mark a read action destructive: a reading request no longer gets it first, though its words fit best."""
    odd = Registry([dataclasses.replace(a, destructive=a.name == "CAL_GET_SCHEDULE") for a in registry])
    assert registry.search("show schedule 14", k=1)[0].name == "CAL_GET_SCHEDULE"
    found = odd.search("show schedule 14", k=3)
    assert found[0].name != "CAL_GET_SCHEDULE" and not found[0].destructive
    assert "CAL_GET_SCHEDULE" in [action.name for action in found]  # offered, just not first
    assert odd.search("CAL_GET_SCHEDULE", k=1)[0].name == "CAL_GET_SCHEDULE"  # named outright: first


def test_ranking_puts_the_best_safe_action_first_for_a_reading_request() -> None:
    index = index_for(registry)
    delete, get = index.names["CAL_DELETE_SCHEDULE"], index.names["CAL_GET_SCHEDULE"]
    scores = {delete: 9.0, get: 1.0}
    assert [a.name for a, _ in rank(index, scores, frozenset(), 2)] == ["CAL_DELETE_SCHEDULE", "CAL_GET_SCHEDULE"]
    reading = [a.name for a, _ in rank(index, scores, frozenset(), 2, reads_only=True)]
    assert reading == ["CAL_GET_SCHEDULE", "CAL_DELETE_SCHEDULE"]
    named = [a.name for a, _ in rank(index, scores, frozenset({delete}), 2, reads_only=True)]
    assert named[0] == "CAL_DELETE_SCHEDULE"


@pytest.mark.parametrize("hints", HINTS)
@pytest.mark.parametrize(
    "query",
    [
        "notify my server when a booking is cancelled",
        "subscribe to booking cancelled events",
        "send booking cancellations to my webhook url",
    ],
)
def test_hearing_about_cancellations_creates_a_webhook_and_deletes_nothing(hints: str, query: str) -> None:
    found = HINTS[hints].search(query, k=5)
    assert found[0].name == "CAL_CREATE_WEBHOOK"
    assert not any(action.destructive for action in found[:3])  # with either hints: no delete, no overwrite


def test_asking_for_ones_time_zone_reads_the_profile_and_offers_no_legacy_action() -> None:
    found = registry.search("what time zone am I in", k=10)
    assert found[0].name == "CAL_GET_ME"
    assert not any(action.legacy for action in found)
