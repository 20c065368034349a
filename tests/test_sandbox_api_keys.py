"""Refreshing the API key: the new key works, the old one stops at once, and the new one may expire."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from cal_actions import Cal
from cal_actions.cli import main
from cal_actions.sandbox import API_KEY
from cal_actions.sandbox.seed import GRACE_ID, MANAGED_ACCESS_TOKEN, OTHER_API_KEYS
from tests.support import ok

NOW = datetime(2030, 1, 7, 8, 0, tzinfo=UTC)


@pytest.fixture
def cal() -> Any:
    with Cal.sandbox(now=NOW) as client:
        yield client


def test_the_new_key_replaces_the_old_one_at_once(cal: Cal) -> None:
    new_key = ok(cal, "CAL_REFRESH_API_KEY")["apiKey"]
    assert new_key.startswith("cal_") and new_key != API_KEY
    stale = cal.execute("CAL_GET_ME")  # this client still holds the old key
    assert stale.status_code == 401 and "UnauthorizedException" in (stale.error or "")
    with Cal.sandbox(cal.emulator, api_key=new_key) as renewed:
        assert ok(renewed, "CAL_GET_ME")["username"] == "ada"
    with Cal.sandbox(cal.emulator, api_key=OTHER_API_KEYS[GRACE_ID]) as grace:  # other users' keys are untouched
        assert grace.execute("CAL_GET_ME").successful


@pytest.mark.parametrize(
    ("arguments", "lasts"),
    [({}, timedelta(days=30)), ({"apiKeyDaysValid": 2}, timedelta(days=2)), ({"apiKeyNeverExpires": True}, None)],
)
def test_the_new_key_expires_as_asked(cal: Cal, arguments: dict[str, Any], lasts: timedelta | None) -> None:
    new_key = ok(cal, "CAL_REFRESH_API_KEY", arguments)["apiKey"]
    with Cal.sandbox(cal.emulator, api_key=new_key) as renewed:
        cal.emulator.clock.advance((lasts or timedelta(days=3650)) - timedelta(seconds=1))
        assert renewed.execute("CAL_GET_ME").successful
        cal.emulator.clock.advance(timedelta(seconds=1))
        after = renewed.execute("CAL_GET_ME")
    if lasts is None:
        assert after.successful
    else:
        assert after.status_code == 401 and "Your api key is expired" in (after.error or "")


def test_both_lifetimes_at_once_and_access_tokens_are_refused(cal: Cal) -> None:
    both = cal.execute("CAL_REFRESH_API_KEY", {"apiKeyDaysValid": 5, "apiKeyNeverExpires": True})
    assert both.status_code == 400 and "Cannot set both apiKeyDaysValid and apiKeyNeverExpires" in (both.error or "")
    assert cal.execute("CAL_GET_ME").successful  # the key was kept
    assert not cal.execute("CAL_REFRESH_API_KEY", {"apiKeyDaysValid": 0}).successful  # refused before sending
    with Cal.sandbox(cal.emulator, api_key="", access_token=MANAGED_ACCESS_TOKEN) as managed:
        refused = managed.execute("CAL_REFRESH_API_KEY", {})
    assert refused.status_code == 401 and "can only be accessed using an API key" in (refused.error or "")


def test_refreshing_through_the_cli_locks_the_sandbox_key_out_until_reset(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(tmp_path / "keys.db")
    assert main(["call", "CAL_REFRESH_API_KEY", "--args", "{}", "--sandbox", "--db", db]) == 0
    new_key = json.loads(capsys.readouterr().out)["data"]["apiKey"]
    assert main(["call", "CAL_GET_ME", "--sandbox", "--db", db]) == 1  # the CLI calls with the seeded key
    assert json.loads(capsys.readouterr().out)["error"].startswith("HTTP 401")
    with Cal.sandbox(db=db, api_key=new_key) as renewed:
        assert renewed.execute("CAL_GET_ME").successful
    assert main(["sandbox", "reset", "--db", db]) == 0
    capsys.readouterr()
    assert main(["call", "CAL_GET_ME", "--sandbox", "--db", db]) == 0
