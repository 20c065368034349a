"""``cal-actions webhooks listen`` as typed: verified events on stdout, refusals on stderr, garbage survived,
and end to end with the sandbox posting a booking to it."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta

import httpx
import pytest

from cal_actions import Cal
from cal_actions.webhooks import sign, subscribe
from cal_actions.webhooks.listen import SECRET_VARIABLE
from tests.loopback import free_port

SECRET = "listen-test-secret"
MARY = {"name": "Mary Somerville", "email": "mary@example.com", "timeZone": "Europe/London"}


@contextmanager
def listener(*args: str, secret: str | None = SECRET, port: int = 0) -> Iterator[tuple[str, subprocess.Popen[str]]]:
    env = {key: value for key, value in os.environ.items() if key != SECRET_VARIABLE}
    if secret is not None:
        env[SECRET_VARIABLE] = secret
    process = subprocess.Popen(
        [sys.executable, "-m", "cal_actions.cli", "webhooks", "listen", "--port", str(port), "--path", "/hook", *args],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env,
    )  # fmt: skip
    try:
        first = process.stderr.readline() if process.stderr else ""
        assert first.startswith("listening on http://127.0.0.1:"), first
        yield first.split()[-1], process
    finally:
        process.terminate()
        process.wait(timeout=10)


def _finish(process: subprocess.Popen[str]) -> tuple[list[str], str]:
    process.terminate()
    out, err = process.communicate(timeout=10)
    return out.splitlines(), err


def _delivery(created: datetime | None = None, uid: str = "b1") -> bytes:
    stamp = (created or datetime.now(UTC)).strftime("%Y-%m-%dT%H:%M:%S.000Z")
    return json.dumps({"triggerEvent": "BOOKING_CREATED", "createdAt": stamp, "payload": {"uid": uid}}).encode()


def _post(url: str, body: bytes, signature: str | None) -> httpx.Response:
    headers = {"content-type": "application/json"} | ({"X-Cal-Signature-256": signature} if signature else {})
    return httpx.post(url, content=body, headers=headers, timeout=5)


def test_prints_verified_events_and_refuses_the_rest() -> None:
    with listener() as (url, process):
        good, stale = _delivery(), _delivery(datetime.now(UTC) - timedelta(hours=1), uid="old")
        assert _post(url, good, sign(good, SECRET)).status_code == 200
        assert _post(url, good, sign(good, "forged")).status_code == 401
        assert _post(url, good, None).status_code == 401
        assert _post(url, good, sign(good, SECRET)).status_code == 200  # a repeat: acknowledged, not printed again
        assert _post(url, stale, sign(stale, SECRET)).status_code == 200
        assert _post(url.replace("/hook", "/other"), good, sign(good, SECRET)).status_code == 404
        assert httpx.get(url, timeout=5).status_code == 405
        lines, err = _finish(process)
    assert [json.loads(line)["payload"]["uid"] for line in lines] == ["b1"], "one JSON line per verified event"
    refusals = [line for line in err.splitlines() if line.startswith("refused")]
    assert [line.split(": ")[1] for line in refusals] == ["bad_signature", "bad_signature", "duplicate", "stale"]
    assert SECRET not in err and '"uid"' not in err, "stderr never carries the body or the secret"


def test_the_secret_flag_works_and_a_missing_secret_is_an_error() -> None:
    with listener("--secret", "from-the-flag", secret=None) as (url, process):
        body = _delivery()
        assert _post(url, body, sign(body, "from-the-flag")).status_code == 200
        lines, _ = _finish(process)
    assert len(lines) == 1
    env = {key: value for key, value in os.environ.items() if key != SECRET_VARIABLE}
    command = [sys.executable, "-m", "cal_actions.cli", "webhooks", "listen", "--port", "0"]
    done = subprocess.run(command, capture_output=True, text=True, env=env, timeout=30)
    assert done.returncode == 2 and SECRET_VARIABLE in done.stderr


def _raw(port: int, data: bytes, *, close_early: bool = False) -> bytes:
    with socket.create_connection(("127.0.0.1", port), timeout=5) as connection:
        connection.sendall(data)
        if close_early:
            return b""
        connection.shutdown(socket.SHUT_WR)
        answer = b""
        while chunk := connection.recv(4096):
            answer += chunk
        return answer


GARBAGE = [
    (b"\x00\xff\xfe garbage\r\n\r\n", b""),
    (b"POST /hook HTTP/1.1\r\nContent-Length: banana\r\n\r\n", b" 400 "),
    (b"POST /hook HTTP/1.1\r\nContent-Length: -5\r\n\r\n", b" 400 "),
    (b"POST /hook HTTP/1.1\r\nContent-Length: 999999999\r\n\r\n", b" 413 "),
    (b"POST /hook HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n", b" 411 "),
    (b'POST /hook HTTP/1.1\r\nContent-Length: 100\r\n\r\n{"partial', b""),
    (b"POST /hook HTTP/1.1\r\nContent-Length: 9\r\nX-Cal-Signature-256: 00\r\n\r\nnot json!", b" 401 "),
    (b"POST /hook HTTP/1.1\r\n" + b"X-Long: " + b"a" * 70000 + b"\r\n\r\n", b""),
]


@pytest.mark.parametrize(("data", "status"), GARBAGE)
def test_garbage_on_the_socket_never_stops_it(data: bytes, status: bytes) -> None:
    with listener() as (url, process):
        port = int(url.split(":")[2].split("/")[0])
        answer = _raw(port, data)
        if status:
            assert status in answer.split(b"\r\n")[0]
        _raw(port, b"POST /hook HTTP/1.1\r\nContent-Length: 10\r\n\r\n{", close_early=True)
        body = _delivery()
        assert _post(url, body, sign(body, SECRET)).status_code == 200, "still serving"
        lines, err = _finish(process)
    assert len(lines) == 1 and "Traceback" not in err


def test_end_to_end_a_sandbox_booking_reaches_the_listener_and_a_forgery_does_not() -> None:
    port = free_port()
    url = f"http://127.0.0.1:{port}/hook"
    with Cal.sandbox() as cal:  # the real clock: the listener checks each event's age against it
        subscription = subscribe(cal, url, ["BOOKING_CREATED"])
        assert subscription.result.successful, subscription.result.error
        with listener(secret=subscription.secret, port=port) as (_, process):
            booked = cal.execute("CAL_CREATE_BOOKING", {"eventTypeId": 2, "start": _next_weekday_at_ten(cal),
                                                        "attendee": MARY})  # fmt: skip
            assert booked.successful, booked.error
            delivery = next(d for d in cal.emulator.outbox() if d["subscriberUrl"] == url)
            forged = delivery["body"].replace(booked.data["uid"], "forged-uid").encode()
            assert _post(url, forged, delivery["headers"]["X-Cal-Signature-256"]).status_code == 401
            lines, err = _finish(process)
    assert delivery["status"] == "delivered" and delivery["responseStatus"] == 200
    assert len(lines) == 1, "exactly that event"
    printed, sent = json.loads(lines[0]), json.loads(delivery["body"])
    assert printed["triggerEvent"] == "BOOKING_CREATED" and printed["payload"] == sent["payload"]
    assert printed["payload"]["uid"] == booked.data["uid"]
    assert "refused delivery from 127.0.0.1: bad_signature" in err


def _next_weekday_at_ten(cal: Cal) -> str:
    day = cal.emulator.clock.now() + timedelta(days=2)
    while day.weekday() >= 5:
        day += timedelta(days=1)
    return day.strftime("%Y-%m-%dT10:00:00Z")


def test_it_keeps_serving_while_a_client_stalls() -> None:
    with listener() as (url, process):
        port = int(url.split(":")[2].split("/")[0])
        with socket.create_connection(("127.0.0.1", port), timeout=5) as stalled:
            stalled.sendall(b"POST /hook HTTP/1.1\r\nContent-Length: 50\r\n\r\n{")  # and nothing more
            started = time.monotonic()
            body = _delivery()
            assert _post(url, body, sign(body, SECRET)).status_code == 200
            assert time.monotonic() - started < 2, "other deliveries do not wait for the stalled one"
        lines, _ = _finish(process)
    assert len(lines) == 1


def test_piped_into_head_it_stops_when_the_reader_leaves_and_asks_for_the_delivery_again() -> None:
    """`cal-actions webhooks listen | head -1`: the first event printed, the next answered 503 (not delivered,
    so Cal.com retries it) and the listener gone, freeing its port and ending the pipeline with 141."""
    port = free_port()
    env = {**os.environ, SECRET_VARIABLE: SECRET}
    pipeline = subprocess.Popen(
        f"set -o pipefail; '{sys.executable}' -m cal_actions.cli webhooks listen --port {port} | head -1",
        shell=True, executable="/bin/bash", stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env,
    )  # fmt: skip
    try:
        url = f"http://127.0.0.1:{port}/"
        for _ in range(100):  # until it listens
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                time.sleep(0.05)
        first, second = _delivery(uid="one"), _delivery(uid="two")
        assert _post(url, first, sign(first, SECRET)).status_code == 200
        assert pipeline.stdout is not None and '"one"' in pipeline.stdout.readline()
        time.sleep(0.2)  # head has printed its line and is gone
        assert _post(url, second, sign(second, SECRET)).status_code == 503
        code = pipeline.wait(timeout=10)
    finally:
        pipeline.kill()
        _, err = pipeline.communicate(timeout=10)
    assert code == 141 and "Traceback" not in err and "Exception ignored" not in err, err
    with pytest.raises(httpx.ConnectError):
        _post(url, first, sign(first, SECRET))  # the port is free again


def test_ctrl_c_stops_it_with_status_130() -> None:
    with listener() as (_, process):
        process.send_signal(signal.SIGINT)
        _, err = process.communicate(timeout=10)
    assert process.returncode == 130 and "Traceback" not in err
