"""The sandbox held against Cal.com's own server: the same scenarios, compared step by step.

Each step's status code, ``successful``, the shape of its ``data`` (keys and value types, not values), its error
(ids and numbers blanked) and the facts a scenario derives must agree, or the divergence is explained in
``findings.EXPLAINED``. On the server (opt-in, ``-m real_calcom``) the scenario runs on both and the server's
trace is recorded in ``tests/data/real_traces.json``; without it (CI) the sandbox is held against that record.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from cal_actions import Cal
from tests.real import findings
from tests.real.harness import ROOT, TAG, real_client, settings
from tests.real.scenarios import SCENARIOS, Step, Stop, probing
from tests.real.shape import differences, message

TRACES = ROOT / "tests" / "data" / "real_traces.json"


@dataclass(frozen=True)
class Divergence:
    step: str
    where: str
    detail: str = ""


def trace(scenario: str, target: str) -> list[dict[str, Any]]:
    """The steps of ``scenario`` on the sandbox or on the real server."""
    with _clients(target) as (cal, other_key), probing(cal, TAG, other_key) as probe:
        try:
            SCENARIOS[scenario](probe)
        except Stop as stop:
            probe.steps.append(Step("the scenario stopped", None, False, None, message(str(stop))))
        return [step.to_json() for step in probe.steps]


@contextmanager
def _clients(target: str) -> Iterator[tuple[Cal, Any]]:
    if target == "sandbox":
        with Cal.sandbox() as cal:
            yield cal, lambda key: Cal.sandbox(cal.emulator, api_key=key)
        return
    with real_client() as cal:
        yield cal, lambda key: Cal(api_key=key, base_url=os.environ["CAL_REAL_BASE_URL"], max_retries=0)


def divergences(sandbox: list[dict[str, Any]], real: list[dict[str, Any]]) -> list[Divergence]:
    """Where the sandbox's steps depart from the server's, step by step (steps are matched by label)."""
    ours = {step["label"]: step for step in sandbox}
    theirs = {step["label"]: step for step in real}
    found = [Divergence(label, "only on the server") for label in theirs if label not in ours]
    found += [Divergence(label, "only in the sandbox") for label in ours if label not in theirs]
    for label, step in theirs.items():
        if label in ours:
            found += _step(label, ours[label], step)
    return found


def _step(label: str, ours: dict[str, Any], theirs: dict[str, Any]) -> list[Divergence]:
    if ours["status"] is None and theirs["status"] is None:  # a fact
        same = ours["fact"] == theirs["fact"]
        return [] if same else [Divergence(label, "fact", f"sandbox {ours['fact']!r}, server {theirs['fact']!r}")]
    found = []
    if ours["status"] != theirs["status"]:
        found.append(Divergence(label, f"status: {ours['status']} in the sandbox, {theirs['status']} on the server"))
    if ours["successful"] and theirs["successful"]:
        found += [Divergence(label, where) for where in differences(ours["shape"], theirs["shape"])]
    elif ours["error"] != theirs["error"]:
        found.append(Divergence(label, "error", f"sandbox {ours['error']!r}, server {theirs['error']!r}"))
    return found


def recorded(scenario: str, path: Path = TRACES) -> list[dict[str, Any]]:
    traces = json.loads(path.read_text()) if path.exists() else {}
    assert scenario in traces, f"no recorded server trace for {scenario}: run pytest -m real_calcom"
    steps: list[dict[str, Any]] = traces[scenario]
    return steps


def record(scenario: str, steps: list[dict[str, Any]], path: Path = TRACES) -> None:
    traces = json.loads(path.read_text()) if path.exists() else {}
    traces[scenario] = steps
    path.write_text(json.dumps(dict(sorted(traces.items())), indent=1, ensure_ascii=False) + "\n")


@pytest.mark.parametrize("target", ["recorded", pytest.param("server", marks=pytest.mark.real_calcom)])
@pytest.mark.parametrize("scenario", list(SCENARIOS))
def test_the_sandbox_answers_as_the_server(scenario: str, target: str) -> None:
    if target == "server":
        if settings() is None:
            pytest.skip("no real Cal.com server configured (CAL_REAL_BASE_URL, CAL_REAL_API_KEY)")
        real = trace(scenario, "server")
        record(scenario, real)
    else:
        real = recorded(scenario)
    found = divergences(trace(scenario, "sandbox"), real)
    unexplained = [item for item in found if explanation(scenario, item) is None]
    assert not unexplained, "\n".join(f"{item.step} — {item.where} {item.detail}" for item in unexplained)
    exact = {key[1:] for key in findings.EXPLAINED if key[0] == scenario and "*" not in key}
    stale = exact - {(item.step, item.where) for item in found}
    assert not stale, f"explained divergences that no longer occur: {sorted(stale)}"


def test_every_explained_divergence_occurs() -> None:
    """Against the recorded traces: an explanation that matches no divergence any more is stale."""
    found = {(scenario, item.step, item.where) for scenario in SCENARIOS
             for item in divergences(trace(scenario, "sandbox"), recorded(scenario))}  # fmt: skip
    stale = [key for key in findings.EXPLAINED if not any(_matches(key, seen) for seen in found)]
    assert not stale, f"explained divergences that no longer occur: {stale}"


def explanation(scenario: str, item: Divergence) -> str | None:
    return next((why for key, why in findings.EXPLAINED.items() if _matches(key, (scenario, item.step, item.where))),
                None)  # fmt: skip


def _matches(key: tuple[str, str, str], seen: tuple[str, str, str]) -> bool:
    return all(part in ("*", actual) for part, actual in zip(key[:2], seen[:2], strict=True)) and key[2] == seen[2]
