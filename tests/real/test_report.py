"""The recorded outcomes and the table made from them (runs without the server)."""

from __future__ import annotations

import json

from cal_actions import registry
from tests.real import findings
from tests.real.harness import FAIL, FIXED, OUTCOMES, PASS, UNSERVABLE
from tests.real.report import DOCUMENT, main, render


def test_the_table_is_made_from_the_recorded_outcomes() -> None:
    assert main(["--check"]) == 0, "docs/real-api.md is stale: run python -m tests.real.report"


def test_every_recorded_outcome_is_one_of_the_three() -> None:
    actions = json.loads(OUTCOMES.read_text())["actions"]
    assert set(actions) <= {action.name for action in registry}, "outcomes of actions that no longer exist"
    assert {record["outcome"] for record in actions.values()} <= {PASS, FIXED, UNSERVABLE}, "a recorded failure"
    for name, record in actions.items():
        if record["outcome"] == UNSERVABLE:
            assert record["reason"] and record["answer"] and record["kind"], name
    fixed = {name for name, record in actions.items() if record["outcome"] == FIXED}
    assert fixed == set(findings.FIXED), "each fixed defect is recorded as such by the last run"


def test_the_table_shows_failures_and_actions_not_run() -> None:
    outcomes = {"server": {"commit": "abc", "date": "2025-05-12"}, "actions": {
        "CAL_GET_ME": {"outcome": FAIL, "variants": ["minimal"], "errors": {"minimal": "HTTP 500: boom"},
                       "date": "2026-01-01"}}}
    text = render(outcomes, ["CAL_GET_ME", "CAL_LIST_BOOKINGS"])
    assert "**1 fail**" in text and "1 not run yet" in text and "minimal: HTTP 500: boom" in text
    assert "| `CAL_LIST_BOOKINGS` | not run yet |" in text and "`abc`" in text
    assert DOCUMENT.name == "real-api.md"
