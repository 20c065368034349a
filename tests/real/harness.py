"""Running actions against Cal.com's own API v2 server, and recording what each one did.

Each action ends in one outcome: it *passes* (with minimal and with complete arguments), or it
*cannot be served* by a self-hosted server of that age (a third party, a platform plan, or a route
newer than its code), which the suite states with the server's own answer. A failure is a defect to
fix; ``findings.FIXED`` names the actions whose defect was fixed, with the test that now holds it.

The server is shared: everything a sequence creates is named with this run's tag and undone at the
end of the test, even when a step fails; nothing else is touched.
"""

from __future__ import annotations

import copy
import json
import os
import secrets
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any, TypedDict, Unpack

from cal_actions import Cal, registry
from cal_actions.result import ActionResult
from tests.real import findings
from tests.support import example_arguments

ROOT = Path(__file__).resolve().parents[2]
OUTCOMES = ROOT / "docs" / "real-api.json"
#: The server's code: upstream Cal.com at this commit (2025-05-12), as /work's real-calcom README builds it.
SERVER_COMMIT = os.environ.get("CAL_REAL_SERVER_COMMIT", "2dbbdc21f")
SERVER_DATE = "2025-05-12"
PASS, FIXED, UNSERVABLE, FAIL = "pass", "defect fixed", "not servable", "fails"
#: Why an action cannot be served here.
THIRD_PARTY, PLATFORM, NEWER_ROUTE, SERVER_CODE = "third party", "platform plan", "newer route", "this server's code"
#: Every name this run creates starts with it, so a shared server's other users are never touched.
TAG = "rs" + secrets.token_hex(3)
OMIT = object()  # an override that leaves a field of the complete example out
NEWER = "the route is newer than this server's code (May 2025)"
#: From what a create call answered, the call that removes it.
Undo = Callable[[Any], tuple[str, dict[str, Any]]]
Args = dict[str, Any] | None


class Options(TypedDict, total=False):
    left_out: dict[str, str]  # fields of the complete call this server cannot take -> why
    undo: Undo


def settings() -> dict[str, str] | None:
    base_url, api_key = os.environ.get("CAL_REAL_BASE_URL"), os.environ.get("CAL_REAL_API_KEY")
    if not (base_url and api_key):
        return None
    return {"base_url": base_url, "api_key": api_key}


def real_client() -> Cal:
    """A client of the real server whose calls may wait out its rate limit (a minute) rather than fail."""
    found = settings()
    assert found is not None
    return Cal(api_key=found["api_key"], base_url=found["base_url"], timeout=150, max_retries=4)


def merged(base: dict[str, Any], overrides: dict[str, Any]) -> dict[str, Any]:
    """``overrides`` laid over ``base``, field by field (a nested value replaces the example's whole); ``OMIT``
    leaves the field out."""
    result = {**base, **{key: value if value is OMIT else copy.deepcopy(value) for key, value in overrides.items()}}
    return {key: value for key, value in result.items() if value is not OMIT}


def arguments(
    name: str, given: dict[str, Any], *, complete: bool, extra: dict[str, Any] | None = None
) -> dict[str, Any]:
    """The action's example arguments (required fields, or every field) with ``given`` and ``extra`` laid over."""
    example = example_arguments(registry.get(name).json_schema(), complete=complete)
    return merged(merged(example, given), extra or {})


def weekday(days_ahead: int, hour: int, minute: int = 0) -> str:
    """An ISO instant (UTC) at ``hour``, on the first weekday at least ``days_ahead`` days from today."""
    day = datetime.now(UTC).date() + timedelta(days=days_ahead)
    while day.weekday() >= 5:
        day += timedelta(days=1)
    return datetime(day.year, day.month, day.day, hour, minute, tzinfo=UTC).isoformat().replace("+00:00", "Z")


def day_of(instant: str) -> str:
    return instant[:10]


@dataclass
class Record:
    """What one action did in this session: the variants that ran, or why it cannot run here."""

    variants: dict[str, str] = field(default_factory=dict)  # variant -> "ok" or the error
    unservable: dict[str, Any] | None = None
    left_out: dict[str, str] = field(default_factory=dict)  # field of the complete call -> why it was left out
    notes: list[str] = field(default_factory=list)  # what else the run showed about the action

    def outcome(self, name: str) -> dict[str, Any]:
        failures = {variant: error for variant, error in self.variants.items() if error != "ok"}
        today = date.today().isoformat()
        if failures:
            return {"outcome": FAIL, "variants": sorted(self.variants), "errors": failures, "date": today}
        if self.unservable is not None:
            return {"outcome": UNSERVABLE, **self.unservable, "date": today}
        passed: dict[str, Any] = {"variants": sorted(self.variants)}
        if self.left_out:
            passed["left_out"] = dict(sorted(self.left_out.items()))
        if self.notes:
            passed["notes"] = self.notes
        if name in findings.FIXED:
            return {"outcome": FIXED, **passed, "note": findings.FIXED[name], "date": today}
        return {"outcome": PASS, **passed, "date": today}


class Ledger:
    """The session's records, merged into ``docs/real-api.json`` at the end (actions not run keep theirs)."""

    def __init__(self) -> None:
        self.records: dict[str, Record] = {}

    def record(self, name: str) -> Record:
        return self.records.setdefault(registry.get(name).name, Record())

    def save(self, path: Path = OUTCOMES) -> None:
        if not self.records:
            return
        previous = json.loads(path.read_text())["actions"] if path.exists() else {}
        actions = {**previous, **{name: record.outcome(name) for name, record in self.records.items()}}
        document = {
            "server": {"commit": SERVER_COMMIT, "date": SERVER_DATE},
            "actions": dict(sorted(actions.items())),
        }
        path.write_text(json.dumps(document, indent=1, ensure_ascii=False) + "\n")


class Run:
    """One sequence's calls on the real server: recorded per action, with undo steps run at its end."""

    def __init__(self, cal: Cal, ledger: Ledger) -> None:
        self.cal = cal
        self.ledger = ledger
        self.undo: list[tuple[str, dict[str, Any]]] = []

    # -- plain calls (set-up and look-ups, not recorded) ------------------------------------

    def call(self, name: str, args: dict[str, Any] | None = None, *, retries: int | None = None) -> ActionResult:
        result = self.cal.execute(name, args or {}, max_retries=retries)
        for _ in range(3):  # others share the key: a 429 tells the client when its budget renews, then it waits
            if result.status_code != 429:
                break
            result = self.cal.execute(name, args or {}, max_retries=retries)
        if result.successful:
            self._done(name, args or {})
        return result

    def need(self, name: str, args: dict[str, Any] | None = None) -> Any:
        """The data of a set-up call that must succeed."""
        result = self.call(name, args)
        assert result.successful, f"{name}: {result.error}"
        return result.data

    # -- checked calls ----------------------------------------------------------------------

    def check(self, name: str, args: dict[str, Any], *, variant: str = "minimal", undo: Undo | None = None) -> Any:
        """One call that must succeed, recorded under ``variant``; returns its data. ``undo`` gives the call
        that removes what it made, registered at once so that a later failure cannot leave it behind."""
        result = self.call(name, args)
        self.ledger.record(name).variants[variant] = "ok" if result.successful else str(result.error)
        assert result.successful, f"{name} ({variant}): {result.error}"
        if undo is not None:
            self.later(*undo(result.data))
        return result.data

    def minimal(self, name: str, given: dict[str, Any] | None = None, *, undo: Undo | None = None) -> Any:
        """The action with only its required fields (``given`` fills them realistically)."""
        return self.check(name, arguments(name, given or {}, complete=False), variant="minimal", undo=undo)

    def complete(self, name: str, given: Args = None, extra: Args = None, **options: Unpack[Options]) -> Any:
        """The action with every field it declares: the examples, with ``given`` and ``extra`` laid over.

        ``left_out`` names the fields this server cannot take, with why (the server's answer); they are
        left out of the call and recorded with the outcome. ``undo`` as for :meth:`check`.
        """
        left_out = options.get("left_out") or {}
        self.ledger.record(name).left_out.update(left_out)
        args = arguments(name, given or {}, complete=True, extra={**(extra or {}), **dict.fromkeys(left_out, OMIT)})
        variant = "minimal = complete" if _all_required(name) else "complete"
        return self.check(name, args, variant=variant, undo=options.get("undo"))

    def both(self, name: str, given: Args = None, extra: Args = None, **options: Unpack[Options]) -> list[Any]:
        """Minimal, then complete arguments (one call when they are the same); the data of each call."""
        first = [] if _all_required(name) else [self.minimal(name, given, undo=options.get("undo"))]
        return [*first, self.complete(name, given, extra, **options)]

    def cannot(
        self,
        name: str,
        given: dict[str, Any] | None = None,
        *,
        status: int,
        says: str,
        why: str,
        kind: str = THIRD_PARTY,
        complete: bool = False,
    ) -> str:
        """An action this server cannot serve: its answer must be ``status`` with ``says`` in the message."""
        args = arguments(name, given or {}, complete=complete)
        result = self.call(name, args, retries=0)  # a refusal is expected: trying again would only spend the budget
        # Some refusals are successes in form: an OAuth callback that fails redirects to the caller's error page,
        # a read of what cannot exist here answers nothing.
        answered = status < 400 and result.successful
        answer = json.dumps(result.data) if answered else str(result.error)
        record = self.ledger.record(name)
        if (result.successful and not answered) or result.status_code != status or says not in answer:
            record.variants["expected refusal"] = f"HTTP {result.status_code}: {answer} (expected {status}: {says})"
            raise AssertionError(f"{name}: {record.variants['expected refusal']}")
        record.unservable = {"kind": kind, "reason": why, "status": status, "answer": answer}
        return answer

    def newer(self, name: str, given: dict[str, Any] | None = None) -> str:
        """An action whose route this server's code does not have yet: its 404 is recorded."""
        return self.cannot(name, given, status=404, says="Cannot ", why=NEWER, kind=NEWER_ROUTE)

    def note(self, name: str, text: str) -> None:
        """Something the run showed about the action, kept with its outcome."""
        notes = self.ledger.record(name).notes
        if text not in notes:
            notes.append(text)

    # -- clean-up ---------------------------------------------------------------------------

    def later(self, name: str, args: dict[str, Any]) -> None:
        """Undo at the end of the sequence (skipped once a call with these arguments succeeded)."""
        self.undo.append((name, args))

    def _done(self, name: str, args: dict[str, Any]) -> None:
        canonical = registry.get(name).name
        self.undo = [(undo_name, undo_args) for undo_name, undo_args in self.undo
                     if not (registry.get(undo_name).name == canonical and _covers(args, undo_args))]

    def close(self) -> list[str]:
        """Run the undo steps, newest first; the ones that failed, for the test to report."""
        failed = []
        while self.undo:
            name, args = self.undo.pop()
            result = self.cal.execute(name, args)
            if not result.successful and result.status_code != 404:
                failed.append(f"{name} {args}: {result.error}")
        return failed


def _all_required(name: str) -> bool:
    """Whether the action declares no optional field (its minimal and complete calls are one)."""
    return arguments(name, {}, complete=True) == arguments(name, {}, complete=False)


def _covers(args: dict[str, Any], wanted: dict[str, Any]) -> bool:
    return all(args.get(key) == value for key, value in wanted.items())
