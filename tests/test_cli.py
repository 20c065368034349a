"""The console script: list, describe, schema, call."""

from __future__ import annotations

import json
import threading
from http.server import BaseHTTPRequestHandler, HTTPServer

import pytest

from cal_actions import registry
from cal_actions.cli import main


def test_list_json_has_every_action(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["list", "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert [entry["name"] for entry in listed] == [action.name for action in registry]
    first = listed[0]
    assert set(first) == {"name", "aliases", "method", "path", "description", "tags", "hints", "parameters"}
    assert set(first["hints"]) == {"read_only", "destructive", "idempotent"}


def test_list_by_tag(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["list", "--tag", "bookings"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines and all("/v2/bookings" in line for line in lines)


def test_describe_and_schema(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["describe", "CAL_CANCEL_BOOKING_VIA_UID"]) == 0
    text = capsys.readouterr().out
    assert "CAL_CANCEL_BOOKING" in text and "POST /v2/bookings/{bookingUid}/cancel" in text and "destructive" in text
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
