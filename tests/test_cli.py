"""The console script: list, describe, schema, call; every flag with and without the sandbox."""

from __future__ import annotations

import io
import json
import threading
from http.server import BaseHTTPRequestHandler, HTTPServer
from pathlib import Path

import httpx
import pytest

from cal_actions import registry
from cal_actions.cli import main


def test_list_json_has_every_action(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["list", "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert [entry["name"] for entry in listed] == [action.name for action in registry]
    first = listed[0]
    assert set(first) == {"name", "aliases", "method", "path", "description", "tags", "hints", "parameters", "examples"}
    assert set(first["hints"]) == {"read_only", "destructive", "idempotent"}
    assert [entry["examples"] for entry in listed] == [list(action.examples) for action in registry]


def test_list_by_tag(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["list", "--tag", "bookings"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines and all("/bookings" in line for line in lines)  # the user's, and the organization's lists


def test_describe_and_schema(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["describe", "CAL_CANCEL_BOOKING_VIA_UID"]) == 0
    text = capsys.readouterr().out
    assert "CAL_CANCEL_BOOKING" in text and "POST /v2/bookings/{bookingUid}/cancel" in text and "destructive" in text
    # The examples close the description, one JSON line each, as --args takes them.
    shown = text.split("\nexamples:\n", 1)[1].splitlines()
    assert [json.loads(line) for line in shown] == list(registry.get("CAL_CANCEL_BOOKING").examples)
    assert main(["schema", "CAL_GET_BOOKING"]) == 0
    assert json.loads(capsys.readouterr().out)["required"] == ["bookingUid"]
    with pytest.raises(SystemExit, match="unknown action"):
        main(["describe", "CAL_NOPE"])


class _Handler(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        found = self.path == "/v2/bookings/b1"
        body = (
            {"status": "success", "data": {"uid": "b1"}}
            if found
            else {
                "status": "error",
                "error": {"code": "NotFoundException", "message": "not found"},
            }
        )
        payload = json.dumps(body).encode()
        self.send_response(200 if found else 404)
        self.send_header("content-type", "application/json")
        self.send_header("content-length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def loopback_server():
    server = HTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    server.server_close()


def test_call_prints_the_envelope_and_sets_the_exit_status(
    loopback_server: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CAL_API_KEY", "cal_test_secret_value")
    assert main(["call", "CAL_GET_BOOKING", "--args", '{"bookingUid": "b1"}', "--base-url", loopback_server]) == 0
    out = capsys.readouterr().out
    assert json.loads(out) == {"data": {"uid": "b1"}, "successful": True, "error": None}
    assert main(["call", "CAL_GET_BOOKING", "--args", '{"bookingUid": "zz"}', "--base-url", loopback_server]) == 1
    failed = json.loads(capsys.readouterr().out)
    assert failed["successful"] is False and "HTTP 404" in failed["error"]
    assert main(["call", "CAL_GET_BOOKING", "--args", "{}", "--base-url", loopback_server]) == 1
    assert "cal_test_secret_value" not in capsys.readouterr().out


# -- one client for every flag, sandbox or not ------------------------------------------------------


def _sandbox_booking_uid(db: str, capsys: pytest.CaptureFixture[str]) -> str:
    assert main(["call", "CAL_LIST_BOOKINGS", "--sandbox", "--db", db, "--args", '{"status": ["upcoming"]}']) == 0
    return json.loads(capsys.readouterr().out)["data"]["data"][0]["uid"]


def _sandbox_booking(db: str, uid: str, capsys: pytest.CaptureFixture[str]) -> dict:
    assert main(["call", "CAL_GET_BOOKING", "--sandbox", "--db", db, "--args", json.dumps({"bookingUid": uid})]) == 0
    return json.loads(capsys.readouterr().out)["data"]


@pytest.mark.parametrize(
    "guard",
    [["--dry-run"], ["--policy", "read_only"], ["--read-only"], ["--policy", "deny_destructive"]],
    ids=["dry-run", "read-only", "read-only-short", "deny-destructive"],
)
def test_sandbox_call_honours_dry_run_and_policy(
    guard: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(tmp_path / "s.db")
    uid = _sandbox_booking_uid(db, capsys)
    cancel = json.dumps({"bookingUid": uid, "cancellationReason": "x"})
    status = main(["call", "CAL_CANCEL_BOOKING", "--sandbox", "--db", db, *guard, "--args", cancel])
    envelope = json.loads(capsys.readouterr().out)
    if guard == ["--dry-run"]:
        assert status == 0 and envelope["data"]["method"] == "POST" and envelope["data"]["url"].endswith("/cancel")
    else:
        assert status == 1 and "blocked" in envelope["error"] and "nothing was sent" in envelope["error"]
    assert _sandbox_booking(db, uid, capsys)["status"] == "accepted", "the booking was really cancelled"


def test_sandbox_call_deny_destructive_keeps_the_webhook(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = str(tmp_path / "s.db")
    assert main(["call", "CAL_LIST_WEBHOOKS", "--sandbox", "--db", db]) == 0
    webhook = json.loads(capsys.readouterr().out)["data"][0]["id"]
    delete = ["call", "CAL_DELETE_WEBHOOK", "--sandbox", "--db", db, "--args", json.dumps({"webhookId": webhook})]
    assert main([*delete, "--policy", "deny_destructive"]) == 1
    assert "deny_destructive" in json.loads(capsys.readouterr().out)["error"]
    assert main(["call", "CAL_GET_WEBHOOK", "--sandbox", "--db", db, "--args", json.dumps({"webhookId": webhook})]) == 0
    capsys.readouterr()


def test_policy_and_read_only_exclude_each_other(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stopped:
        main(["call", "CAL_GET_ME", "--sandbox", "--read-only", "--policy", "deny_destructive"])
    assert stopped.value.code == 2 and "not allowed with" in capsys.readouterr().err


# -- --db means the sandbox ----------------------------------------------------------------------


@pytest.mark.parametrize("command", [["call", "CAL_GET_ME"], ["mcp"]])
def test_db_without_sandbox_is_refused(
    command: list[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("CAL_API_KEY", "cal_test_secret_value")
    monkeypatch.setenv("CAL_BASE_URL", "http://127.0.0.1:9")
    with pytest.raises(SystemExit) as stopped:
        main([*command, "--db", str(tmp_path / "s.db")])
    assert stopped.value.code == 2, "a usage error"
    assert "--db names a sandbox state file: add --sandbox" in capsys.readouterr().err
    assert not (tmp_path / "s.db").exists()


def test_base_url_with_sandbox_is_refused(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stopped:
        main(["call", "CAL_GET_ME", "--sandbox", "--base-url", "http://127.0.0.1:9"])
    assert stopped.value.code == 2 and "--base-url and --sandbox" in capsys.readouterr().err


# -- friction ------------------------------------------------------------------------------------


def test_unknown_tag_lists_the_known_ones(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit, match=r"unknown tag\(s\) unknown; known: [a-z, -]*attributes, bookings") as stopped:
        main(["list", "--tag", "unknown"])
    assert stopped.value.code != 0 and capsys.readouterr().out == ""


@pytest.mark.parametrize("k", ["0", "-3", "two"])
def test_search_rejects_a_count_below_one(k: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stopped:
        main(["search", "book a call", "-k", k])
    assert stopped.value.code == 2 and "argument -k" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("command", "typo", "suggested"),
    [
        ("describe", "CAL_GET_BOOKNG", "CAL_GET_BOOKING"),
        ("schema", "cal_cancel_boking", "CAL_CANCEL_BOOKING"),
        ("call", "get_me", "CAL_GET_ME"),
        ("call", "CAL_FETCH_ALL_BOOKING", "CAL_LIST_BOOKINGS"),  # an alias's typo names the action
    ],
)
def test_unknown_names_get_a_suggestion(command: str, typo: str, suggested: str) -> None:
    with pytest.raises(SystemExit, match=f"unknown action '{typo}'; did you mean {suggested}\\b"):
        main([command, typo, *(["--sandbox"] if command == "call" else [])])


def test_mcp_actions_typo_gets_the_same_suggestion(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stopped:
        main(["mcp", "--actions", "CAL_GET_MEE"])
    assert stopped.value.code == 2
    assert "unknown action 'CAL_GET_MEE'; did you mean CAL_GET_ME" in capsys.readouterr().err


def test_args_from_a_file_and_from_stdin(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    arguments = tmp_path / "args.json"
    arguments.write_text('{"status": ["upcoming"], "take": 1}')
    assert main(["call", "CAL_LIST_BOOKINGS", "--sandbox", "--args", f"@{arguments}"]) == 0
    assert len(json.loads(capsys.readouterr().out)["data"]["data"]) == 1
    monkeypatch.setattr("sys.stdin", io.StringIO('{"take": 2}'))
    assert main(["call", "CAL_LIST_BOOKINGS", "--sandbox", "--args", "-"]) == 0
    assert len(json.loads(capsys.readouterr().out)["data"]["data"]) == 2


def test_args_file_that_is_missing_is_a_usage_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stopped:
        main(["call", "CAL_GET_ME", "--sandbox", "--args", f"@{tmp_path / 'nope.json'}"])
    assert stopped.value.code == 2
    assert f"no such file: {tmp_path / 'nope.json'}" in capsys.readouterr().err


# -- what mcp says before serving -------------------------------------------------------------------


def test_mcp_says_which_key_the_sandbox_takes_over_http_and_warns_of_a_stdio_server_without_one(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from argparse import Namespace

    for variable in ("CAL_API_KEY", "CAL_ACCESS_TOKEN"):
        monkeypatch.delenv(variable, raising=False)

    from cal_actions import Cal
    from cal_actions.cli.mcp import notice
    from cal_actions.sandbox.seed import API_KEY

    sandbox, bare = Cal.sandbox(), Cal(transport=httpx.MockTransport(lambda _: httpx.Response(500)))
    notice(Namespace(sandbox=True, allow_server_key=False), sandbox, http=True)
    assert f"Authorization: Bearer {API_KEY}" in capsys.readouterr().err
    notice(Namespace(sandbox=True, allow_server_key=True), sandbox, http=True)
    notice(Namespace(sandbox=True, allow_server_key=False), sandbox, http=False)
    assert capsys.readouterr().err == "", "nothing to say: the server's key serves, or stdio on the sandbox"
    notice(Namespace(sandbox=False, allow_server_key=False), bare, http=False)
    assert "no credential (set CAL_API_KEY" in capsys.readouterr().err
    keyed = Cal(api_key="cal_test_secret_value", transport=httpx.MockTransport(lambda _: httpx.Response(500)))
    notice(Namespace(sandbox=False, allow_server_key=False), keyed, http=False)
    assert capsys.readouterr().err == ""
