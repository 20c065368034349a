"""Every action's sandbox answer, compacted: each id, uid, email and time of the raw data is still there.

The arguments are those of the sandbox contract test (every action called with valid, seeded values);
the property holds for the data as Cal.com's envelope carries it and as the adapters hand it on.
"""

from __future__ import annotations

from collections import Counter
from datetime import UTC, datetime
from typing import Any

import pytest

from cal_actions import Cal, registry
from cal_actions.action import Action
from cal_actions.adapters.common import envelope_json
from cal_actions.compact import SECRET_KEYS, compact_json, compact_result, identifiers, is_kept_field
from cal_actions.sandbox import Sandbox
from cal_actions.sandbox.seed import MANAGED_ACCESS_TOKEN
from tests.test_compact import _instants
from tests.test_sandbox_contract import AS_MANAGED_USER, NOW, _arguments


def _times(value: Any, key: str = "") -> Counter[tuple[str, Any]]:
    """Start, end and time fields at any depth, timestamps read as instants (their spelling may be shortened)."""
    if isinstance(value, dict):
        return sum((_times(item, str(name)) for name, item in value.items()), Counter())
    if isinstance(value, list):
        return sum((_times(item, key) for item in value), Counter())
    if not (is_kept_field(key) and isinstance(value, str) and value):
        return Counter()
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        return Counter({(key, value): 1})
    return Counter({(key, moment.astimezone(UTC) if moment.tzinfo else moment): 1})


def _answer(action: Action) -> tuple[Any, dict[str, Any], dict[str, Any]]:
    emulator = Sandbox(now=NOW, deliver=False)
    settings = {"api_key": "", "access_token": MANAGED_ACCESS_TOKEN} if action.name in AS_MANAGED_USER else {}
    arguments = _arguments(action, emulator)
    result = Cal.sandbox(emulator, **settings).execute(action.name, arguments)
    assert result.successful, result.error
    return result, arguments, compact_result(result, action, arguments)


@pytest.mark.parametrize("action", list(registry), ids=lambda action: action.name)
def test_every_identifier_and_time_survives(action: Action) -> None:
    result, _, compact = _answer(action)
    assert "more" not in compact  # the seeded answers fit on one page
    raw = result.data
    if "truncated" in compact:  # only the 518 time zones pass the size cap: whole items are left out
        assert action.name == "CAL_LIST_TIMEZONES" and compact["data"] == raw[: len(compact["data"])]
        raw = raw[: len(compact["data"])]
    assert Counter(identifiers(compact["data"])) == Counter(identifiers(raw))
    if action.name == "CAL_LIST_AVAILABLE_SLOTS":
        starts = [datetime.fromisoformat(slot["start"]) for slots in result.data.values() for slot in slots]
        assert _instants(compact["data"]) == starts and starts
    else:
        assert _times(compact["data"]) == _times(raw)
    # Every identifier is also in the text a model reads, as the same member.
    text = compact_json(compact)
    for key, value in identifiers(raw):
        assert f'"{key}":{compact_json(value)}' in text or compact_json(value) in text


def _secrets(value: Any) -> list[str]:
    """The values of the members that hold a secret, at any depth."""
    if isinstance(value, dict):
        return [
            found
            for key, item in value.items()
            for found in ([compact_json(item)] if key in SECRET_KEYS and item else _secrets(item))
        ]
    return [found for item in value for found in _secrets(item)] if isinstance(value, list) else []


@pytest.mark.parametrize("action", list(registry), ids=lambda action: action.name)
def test_no_secret_of_an_answer_reaches_the_model_and_code_still_gets_it(action: Action) -> None:
    result, arguments, compact = _answer(action)
    # A secret the client holds (the sandbox's OAuth client secret) is masked before it gets here.
    secrets = [secret.strip('"') for secret in _secrets(result.data) if secret != '"***"']
    read = envelope_json(result, action, arguments)
    assert not [secret for secret in secrets if secret in read]
    assert ("withheld" in compact) is bool(_secrets(result.data))
    assert not secrets or secrets[0] in envelope_json(result, compact=False), "compact=False is the raw envelope"


def test_the_answers_with_secrets_are_the_ones_the_document_names() -> None:
    with_secrets = {
        action.name
        for action in registry
        if action.name.startswith(("CAL_GET", "CAL_LIST", "CAL_CREATE", "CAL_REFRESH", "CAL_FORCE_REFRESH"))
        and _secrets(_answer(action)[0].data)
    }
    assert {"CAL_LIST_WEBHOOKS", "CAL_GET_WEBHOOK", "CAL_CREATE_MANAGED_USER", "CAL_REFRESH_MANAGED_USER_TOKENS",
            "CAL_CREATE_OAUTH_CLIENT", "CAL_GET_OAUTH_CLIENT", "CAL_REFRESH_API_KEY"} <= with_secrets  # fmt: skip


def test_typical_reads_are_shorter_than_the_raw_text_and_lists_much_shorter() -> None:
    """A loose floor in characters; the token figures are measured by benchmarks/compactness.py."""
    for name in ("CAL_GET_ME", "CAL_LIST_EVENT_TYPES", "CAL_LIST_BOOKINGS", "CAL_LIST_AVAILABLE_SLOTS"):
        result, arguments, _ = _answer(registry.get(name))
        ratio = len(envelope_json(result, name, arguments)) / len(envelope_json(result, compact=False))
        assert ratio < (0.5 if name in ("CAL_LIST_EVENT_TYPES", "CAL_LIST_AVAILABLE_SLOTS") else 0.9), (name, ratio)


def test_the_time_zones_say_the_rest_is_left_out() -> None:
    _, _, compact = _answer(registry.get("CAL_LIST_TIMEZONES"))  # no filter and no paging: nothing to ask instead
    assert compact["truncated"].endswith(" of 518 items — the rest is left out")


def test_the_readme_names_exactly_the_lists_that_answer_with_paging() -> None:
    """Usage in the README says which lists carry Cal.com's ``pagination``; the sandbox answers tell."""
    import re
    from pathlib import Path

    usage = (Path(__file__).resolve().parents[1] / "README.md").read_text().split("## Tools for agents")[0]
    claim = usage.split("paging included:")[1].split("every other list")[0]
    named = set(re.findall(r"`(CAL_[A-Z_]+)`", claim))
    paged = set()
    for action in registry:
        if action.method == "GET":
            data = _answer(action)[0].data
            if isinstance(data, dict) and set(data) == {"data", "pagination"}:
                paged.add(action.name)
    assert named == paged
