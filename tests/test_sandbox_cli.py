"""``cal-actions sandbox serve|reset|outbox`` and ``cal-actions call --sandbox``."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from cal_actions import Cal
from cal_actions.cli import main
from cal_actions.sandbox import API_KEY

MARY = {"name": "Mary Somerville", "email": "mary@example.com", "timeZone": "Europe/London"}


def test_serve_answers_real_http_on_loopback(tmp_path: Path) -> None:
    db = tmp_path / "served.db"
    server = subprocess.Popen(
        [sys.executable, "-m", "cal_actions.cli", "sandbox", "serve", "--port", "0", "--db", str(db)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert server.stdout is not None
        first_line = server.stdout.readline()
        assert first_line.startswith("Cal.com sandbox on http://127.0.0.1:"), first_line
        base_url = first_line.split()[-1]
        with Cal(api_key=API_KEY, base_url=base_url, max_retries=0) as cal:
            me = cal.execute("CAL_GET_ME")
            slots = cal.execute(
                "CAL_LIST_AVAILABLE_SLOTS", {"eventTypeId": 2, "start": "2031-03-04", "end": "2031-03-04"}
            )
            denied = Cal(api_key="cal_wrong", base_url=base_url, max_retries=0).execute("CAL_GET_ME")
        assert me.successful and me.data["username"] == "ada"
        assert slots.successful and len(slots.data["2031-03-04"]) == 16
        assert denied.status_code == 401 and "UnauthorizedException" in denied.error
    finally:
        server.terminate()
        server.communicate(timeout=10)


def test_call_reset_and_outbox_share_the_db_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    db = str(tmp_path / "cli.db")
    booking = {"eventTypeId": 2, "start": "2031-03-04T09:00:00Z", "attendee": MARY}
    assert main(["call", "CAL_CREATE_BOOKING", "--args", json.dumps(booking), "--sandbox", "--db", db]) == 0
    created = json.loads(capsys.readouterr().out)
    assert created["successful"] and created["data"]["status"] == "accepted"

    monkeypatch.setenv("CAL_SANDBOX_DB", db)  # the default when --db is absent
    uid = {"bookingUid": created["data"]["uid"]}
    assert main(["call", "CAL_GET_BOOKING", "--args", json.dumps(uid), "--sandbox"]) == 0
    assert json.loads(capsys.readouterr().out)["data"]["uid"] == uid["bookingUid"]

    assert main(["sandbox", "outbox", "--json"]) == 0
    deliveries = json.loads(capsys.readouterr().out)
    assert {d["triggerEvent"] for d in deliveries} == {"BOOKING_CREATED"} and len(deliveries) == 3
    assert main(["sandbox", "outbox"]) == 0
    assert "BOOKING_CREATED" in capsys.readouterr().out

    assert main(["sandbox", "reset"]) == 0
    capsys.readouterr()
    assert main(["call", "CAL_GET_BOOKING", "--args", json.dumps(uid), "--sandbox"]) == 1
    assert json.loads(capsys.readouterr().out)["error"].startswith("HTTP 404")


def test_call_without_db_says_it_uses_memory(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("CAL_SANDBOX_DB", raising=False)
    assert main(["call", "CAL_GET_ME", "--sandbox"]) == 0
    captured = capsys.readouterr()
    assert json.loads(captured.out)["data"]["username"] == "ada"
    assert "in-memory sandbox" in captured.err
