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


def _foreign_sqlite(path: Path) -> bytes:
    import sqlite3

    with sqlite3.connect(path) as db:
        db.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT)")
        db.execute("INSERT INTO notes (text) VALUES ('keep me')")
    db.close()
    return path.read_bytes()


@pytest.mark.parametrize(
    "command",
    [["sandbox", "reset"], ["sandbox", "outbox"], ["call", "CAL_GET_ME", "--sandbox"], ["mcp", "--sandbox"]],
)
def test_a_foreign_sqlite_file_is_refused_and_left_untouched(
    command: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    other = tmp_path / "other.sqlite"
    before = _foreign_sqlite(other)
    with pytest.raises(SystemExit, match=r"is not a sandbox database \(it holds the tables notes\)") as stopped:
        main([*command, "--db", str(other)])
    assert stopped.value.code != 0
    assert other.read_bytes() == before
    assert sorted(path.name for path in tmp_path.iterdir()) == ["other.sqlite"], "no -wal or -shm beside it"


def test_a_file_that_is_not_sqlite_is_refused(tmp_path: Path) -> None:
    notes = tmp_path / "notes.txt"
    notes.write_text("not a database, just words\n" * 200)
    with pytest.raises(SystemExit, match=r"notes\.txt is not a sandbox database"):
        main(["sandbox", "reset", "--db", str(notes)])
    assert notes.read_text() == "not a database, just words\n" * 200


def test_db_in_a_missing_folder_is_a_message(tmp_path: Path) -> None:
    missing = tmp_path / "no-such-folder" / "s.db"
    with pytest.raises(SystemExit, match=f"the folder {tmp_path / 'no-such-folder'} does not exist"):
        main(["call", "CAL_GET_ME", "--sandbox", "--db", str(missing)])
    with pytest.raises(SystemExit, match="is a folder, not a sandbox database file"):
        main(["sandbox", "outbox", "--db", str(tmp_path)])


def test_an_empty_file_becomes_a_sandbox_and_an_existing_one_is_reused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    empty = tmp_path / "empty.db"
    empty.touch()
    assert main(["sandbox", "reset", "--db", str(empty)]) == 0
    assert main(["sandbox", "outbox", "--db", str(empty)]) == 0
    assert "no webhook deliveries yet" in capsys.readouterr().out


def test_reset_and_outbox_need_a_state_file(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CAL_SANDBOX_DB", raising=False)
    for command in (["sandbox", "reset"], ["sandbox", "outbox"]):
        with pytest.raises(SystemExit, match="needs the sandbox's state file: give --db FILE or set CAL_SANDBOX_DB"):
            main(command)


def test_serve_on_a_busy_port_names_it(capsys: pytest.CaptureFixture[str]) -> None:
    import socket

    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        with pytest.raises(SystemExit, match=f"cannot listen on 127.0.0.1:{port} .* choose another --port"):
            main(["sandbox", "serve", "--port", str(port)])
