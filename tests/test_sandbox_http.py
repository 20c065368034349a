"""The sandbox served over HTTP: every input gets Cal.com's kind of answer, none ends a thread with a traceback."""

from __future__ import annotations

import json
import random
import socket
from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from cal_actions.sandbox import API_KEY, Sandbox
from cal_actions.sandbox.server import PREFLIGHT, SandboxServer, serve_in_thread

AUTH = {"authorization": f"Bearer {API_KEY}"}
WEBHOOK = {"subscriberUrl": "http://127.0.0.1:9/hook", "triggers": ["BOOKING_CREATED"], "active": True}


@pytest.fixture(scope="module")
def served() -> Iterator[tuple[str, list[Any]]]:
    """The base URL of a served sandbox and the failures that reached the server's last-resort handler."""
    failures: list[Any] = []
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(SandboxServer, "handle_error", lambda self, request, address: failures.append(address))
        sandbox = Sandbox()
        server, thread = serve_in_thread(sandbox)
        yield f"http://127.0.0.1:{server.server_address[1]}", failures
        server.shutdown()
        server.server_close()
        thread.join(5)
        sandbox.close()


def _raw(base_url: str, data: bytes) -> bytes:
    """Send raw bytes, close our side, and read whatever the server answers until it closes."""
    port = int(base_url.rsplit(":", 1)[1])
    with socket.create_connection(("127.0.0.1", port), timeout=10) as connection:
        try:
            connection.sendall(data)
            connection.shutdown(socket.SHUT_WR)
        except OSError:
            pass  # the server may close first on a request it refused early
        chunks = []
        while True:
            try:
                chunk = connection.recv(65536)
            except ConnectionResetError:
                break
            if not chunk:
                break
            chunks.append(chunk)
    return b"".join(chunks)


def _parse(answer: bytes) -> tuple[int, dict[str, str], bytes]:
    """The first response of ``answer``: status, headers and the body its Content-Length announces."""
    head, _, rest = answer.partition(b"\r\n\r\n")
    status_line, *lines = head.decode("latin-1").split("\r\n")
    headers = {name.lower(): value.strip() for name, _, value in (line.partition(":") for line in lines)}
    if rest.startswith(b"HTTP/1."):  # the answer to a HEAD: a Content-Length, no body
        rest = b""
    return int(status_line.split()[1]), headers, rest[: int(headers.get("content-length", len(rest)))]


def _responses(answer: bytes) -> Iterator[tuple[int, dict[str, str], bytes]]:
    """Every response of ``answer`` (bytes of a body can read as a further, pipelined request)."""
    while answer:
        assert answer.startswith(b"HTTP/1."), answer[:200]
        status, headers, body = _parse(answer)
        yield status, headers, body
        answer = answer[answer.index(b"\r\n\r\n") + 4 + len(body) :]


def test_chunked_body_is_read(served: tuple[str, list[Any]]) -> None:
    base_url, failures = served
    body = json.dumps(WEBHOOK).encode()
    parts = iter([body[:10], body[10:]])  # a generator body: httpx sends it chunked
    response = httpx.post(
        f"{base_url}/v2/webhooks", content=parts, headers={**AUTH, "content-type": "application/json"}
    )
    assert response.request.headers["transfer-encoding"] == "chunked"
    assert response.status_code == 201, response.text
    assert response.json()["data"]["subscriberUrl"] == WEBHOOK["subscriberUrl"]
    assert failures == []


def test_raw_chunked_body_with_extensions_and_trailers(served: tuple[str, list[Any]]) -> None:
    base_url, _ = served
    body = json.dumps({**WEBHOOK, "subscriberUrl": "http://127.0.0.1:9/raw"}).encode()
    chunked = b"%x;ext=1\r\n%s\r\n%x\r\n%s\r\n0\r\nX-Trailer: y\r\n\r\n" % (5, body[:5], len(body) - 5, body[5:])
    request = (
        f"POST /v2/webhooks HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer {API_KEY}\r\n"
        "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n"
    ).encode() + chunked
    status, _, answer = _parse(_raw(base_url, request))
    assert status == 201, answer


@pytest.mark.parametrize("length", ["abc", "-1", "1.5", " ", "１"])
def test_bad_content_length_is_a_json_400(served: tuple[str, list[Any]], length: str) -> None:
    base_url, failures = served
    request = f"POST /v2/webhooks HTTP/1.1\r\nHost: x\r\nContent-Length: {length}\r\n\r\n{{}}".encode()
    status, headers, body = _parse(_raw(base_url, request))
    assert status == 400 and headers["content-type"].startswith("application/json")
    error = json.loads(body)["error"]
    assert error["code"] == "BadRequestException" and "Content-Length" in error["message"]
    assert failures == []


def test_head_answers_as_get_without_a_body(served: tuple[str, list[Any]]) -> None:
    base_url, _ = served
    get = httpx.get(f"{base_url}/v2/me", headers=AUTH)
    head = httpx.head(f"{base_url}/v2/me", headers=AUTH)
    assert head.status_code == get.status_code == 200
    assert head.content == b"" and int(head.headers["content-length"]) == len(get.content)
    assert head.headers["content-type"] == get.headers["content-type"]


def test_options_is_cal_com_cors_preflight(served: tuple[str, list[Any]]) -> None:
    base_url, _ = served
    response = httpx.options(
        f"{base_url}/v2/bookings", headers={"origin": "https://app.example", "access-control-request-method": "POST"}
    )
    assert response.status_code == 204 and response.content == b""
    for name, value in PREFLIGHT.items():
        assert response.headers[name] == value
    assert "cal-api-version" in response.headers["access-control-allow-headers"]
    assert httpx.get(f"{base_url}/v2/me", headers=AUTH).headers["access-control-allow-origin"] == "*"


@pytest.mark.parametrize("method", ["TRACE", "PROPFIND", "BREW"])
def test_any_other_method_gets_cal_com_json_404(served: tuple[str, list[Any]], method: str) -> None:
    base_url, _ = served
    response = httpx.request(method, f"{base_url}/v2/me", headers=AUTH)
    assert response.status_code == 404
    assert response.json()["error"] == {"code": "NotFoundException", "message": f"Cannot {method} /v2/me"}


def test_versioned_route_without_header_names_it_over_http(served: tuple[str, list[Any]]) -> None:
    base_url, _ = served
    response = httpx.get(f"{base_url}/v2/bookings", headers=AUTH)
    assert response.status_code == 400
    assert "send the header cal-api-version: 2024-08-13" in response.json()["error"]["message"]


FIXED_CASES = [
    b"GARBAGE\r\n\r\n",
    b"\x00\xff\xfe\r\n\r\n",
    b"GET\r\n\r\n",
    b"GET /v2/me HTTP/9.9\r\n\r\n",
    b"OPTIONS * HTTP/1.1\r\nHost: x\r\n\r\n",
    b"GET http://elsewhere/v2/me HTTP/1.1\r\nHost: x\r\n\r\n",
    b"GET ftp://elsewhere HTTP/1.1\r\nHost: x\r\n\r\n",
    b"GET relative/path HTTP/1.1\r\nHost: x\r\n\r\n",
    b"GET /v2/%ff%00%zz?%%=%% HTTP/1.1\r\nHost: x\r\n\r\n",
    b"GET /" + b"a" * 70000 + b" HTTP/1.1\r\n\r\n",
    b"GET / HTTP/1.1\r\n" + b"X: y\r\n" * 150 + b"\r\n",
    b"POST /v2/webhooks HTTP/1.1\r\nContent-Length: 99999999999\r\n\r\n{}",
    b"POST /v2/webhooks HTTP/1.1\r\nContent-Length: 50\r\n\r\n{}",
    b"POST /v2/webhooks HTTP/1.1\r\nTransfer-Encoding: gzip\r\n\r\n{}",
    b"POST /v2/webhooks HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n-5\r\nabc\r\n0\r\n\r\n",
    b"POST /v2/webhooks HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n",
    b"POST /v2/webhooks HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nabcdefgh\r\n0\r\n\r\n",
    b"POST /v2/webhooks HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\nffffffffff\r\nab",
    b"POST /v2/webhooks HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n" + b"1" * 70000,
    b"POST /v2/webhooks HTTP/1.1\r\nContent-Length: 5\r\nAuthorization: Bearer x\r\n\r\n\xff\xfe{{{",
    b"PATCH /v2/me HTTP/1.1\r\nContent-Length: 4\r\nAuthorization: Bearer " + API_KEY.encode() + b"\r\n\r\nnull",
    b"POST /v2/bookings HTTP/1.1\r\nContent-Length: 2\r\ncal-api-version: \xff\r\n\r\n[]",
    b"GET /v2/me HTTP/1.1\r\nExpect: 100-continue\r\n\r\n",
]


def _random_case(rng: random.Random) -> bytes:
    methods = ["GET", "POST", "PATCH", "PUT", "DELETE", "HEAD", "OPTIONS", "X" * rng.randint(1, 40), ""]
    paths = ["/v2/me", "/v2/bookings/x/cancel", "/v2/webhooks", "/", "*", "/v2/" + "%" * rng.randint(1, 5), ""]
    headers = [
        b"Content-Length: %d" % rng.randint(0, 40),
        b"Content-Length: " + bytes(rng.randrange(256) for _ in range(4)),
        b"Transfer-Encoding: chunked",
        b"Authorization: Bearer " + API_KEY.encode(),
        b"cal-api-version: 2024-08-13",
        bytes(rng.randrange(256) for _ in range(rng.randint(0, 30))),
    ]
    line = f"{rng.choice(methods)} {rng.choice(paths)} HTTP/1.{rng.randint(0, 1)}".encode()
    chosen = rng.sample(headers, rng.randint(0, len(headers)))
    body = bytes(rng.randrange(256) for _ in range(rng.randint(0, 60)))
    return line + b"\r\n" + b"\r\n".join(chosen) + b"\r\n\r\n" + body


def test_fuzzed_requests_never_break_the_server(
    served: tuple[str, list[Any]], capfd: pytest.CaptureFixture[str]
) -> None:
    base_url, failures = served
    rng = random.Random(20250601)
    cases = FIXED_CASES + [_random_case(rng) for _ in range(150)]
    for data in cases:
        # An incomplete request gets no answer: the server waits for the rest, then drops the connection.
        for status, headers, body in _responses(_raw(base_url, data)):
            if status not in (100, 204):  # Continue and the CORS preflight carry no body
                assert headers["content-type"].startswith("application/json"), (data[:80], status, body[:300])
            if body:
                assert json.loads(body)["status"] in ("success", "error"), (data[:80], body[:300])
    assert failures == [], "a handler thread ended with an exception"
    assert httpx.get(f"{base_url}/v2/me", headers=AUTH).status_code == 200, "the server still answers"
    captured = capfd.readouterr()
    assert "Traceback" not in captured.err and "Traceback" not in captured.out
