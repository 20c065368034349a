"""`cal-actions mcp --http` as a team runs it: server processes started through the console script,
the SDK's streamable HTTP client, and a loopback Cal.com stand-in that reports which key each
request carried (as a short fingerprint), so every call can be traced to its caller's credential."""

from __future__ import annotations

import hashlib
import itertools
import json
import os
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import anyio
import httpx
import pytest
from mcp import ClientSession, types
from mcp.client.streamable_http import streamable_http_client

from cal_actions import AsyncCal, Cal
from cal_actions.adapters.mcp_http import BAD_CREDENTIAL, NO_CREDENTIAL, caller_client, security
from cal_actions.cli import main
from cal_actions.result import ActionResult
from cal_actions.sandbox.seed import OTHER_API_KEYS
from tests.loopback import Handler, free_port, serve

pytestmark = pytest.mark.anyio
CONSOLE_SCRIPT = Path(sys.executable).with_name("cal-actions")
EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
TOOLS = "CAL_GET_ME,CAL_GET_BOOKING"
SERVER_KEY = "cal_live_server_key_must_never_travel_5e1d"
SERVER_SECRET = "oauth_client_secret_must_never_travel_77c3"
CALLER_KEYS = [f"cal_live_caller_{index:02d}_{hashlib.sha256(bytes([index])).hexdigest()[:20]}" for index in range(20)]
FRIENDLY_ORIGIN = "https://agents.example"
SLOW_SECONDS = 1.5


@pytest.fixture(scope="module")
def anyio_backend() -> str:
    return "asyncio"


def fingerprint(authorization: str) -> str:
    return hashlib.sha256(authorization.removeprefix("Bearer ").encode()).hexdigest()[:12]


# -- the Cal.com stand-in ---------------------------------------------------------------------------


@dataclass
class StandIn:
    base_url: str
    prints: list[str] = field(default_factory=list)  # the fingerprint of every request's key, in order
    lock: threading.Lock = field(default_factory=threading.Lock)

    def respond(self, handler: Handler, hit: int) -> None:
        authorization = handler.headers.get("authorization", "")
        with self.lock:
            self.prints.append(fingerprint(authorization))
        if handler.path.endswith("/slow"):
            time.sleep(SLOW_SECONDS)
        if handler.path.endswith("/missing"):
            handler.send(404, {"status": "error", "error": {"message": "Booking not found"}})
            return
        # Echo the header too: the envelope must mask it before it reaches the caller.
        handler.send(200, {"status": "success", "data": {"seen": fingerprint(authorization), "echo": authorization}})


@pytest.fixture(scope="module")
def standin() -> Iterator[StandIn]:
    holder: list[StandIn] = []
    with serve(lambda handler, hit: holder[0].respond(handler, hit)) as (url, _):
        holder.append(StandIn(url))
        yield holder[0]


# -- server processes ---------------------------------------------------------------------------------


@dataclass
class Process:
    port: int
    process: subprocess.Popen[bytes]
    output: Path

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/mcp"

    def log(self) -> str:
        return "".join(path.read_text(errors="replace") for path in sorted(self.output.glob("*.txt")))

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
        self.process.wait(timeout=20)


def start(options: list[str], output: Path, env: dict[str, str]) -> Process:
    output.mkdir(parents=True)
    port = free_port()
    command = [str(CONSOLE_SCRIPT), "mcp", "--http", "--port", str(port), *options]
    with (output / "stdout.txt").open("wb") as out, (output / "stderr.txt").open("wb") as err:
        process = subprocess.Popen(command, stdout=out, stderr=err, env=env)
    return Process(port, process, output)


def wait_ready(server: Process) -> None:
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        assert server.process.poll() is None, f"the server exited:\n{server.log()}"
        try:
            if httpx.get(f"http://127.0.0.1:{server.port}/healthz", timeout=1).status_code == 200:
                return
        except httpx.TransportError:
            time.sleep(0.1)
    raise AssertionError(f"the server never answered /healthz:\n{server.log()}")


@dataclass
class Fleet:
    a: Process
    b: Process
    sandbox: Process


@pytest.fixture(scope="module")
def fleet(standin: StandIn, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Fleet]:
    """Two replicas in front of the stand-in (the operator's own credentials planted in their
    environment, never to be used) and one serving a sandbox; started together, stopped at the end."""
    base = tmp_path_factory.mktemp("servers")
    env = {k: v for k, v in os.environ.items() if not k.startswith("CAL_")}
    planted = {**env, "CAL_API_KEY": SERVER_KEY, "CAL_CLIENT_ID": "cl_operator", "CAL_CLIENT_SECRET": SERVER_SECRET}
    replica = ["--actions", TOOLS, "--base-url", standin.base_url, "--log-level", "debug"]
    replica += ["--allowed-origin", FRIENDLY_ORIGIN, "--max-body", "4096", "--shutdown-timeout", "10"]
    servers = Fleet(
        start(replica, base / "a", planted),
        start(replica, base / "b", planted),
        start(["--sandbox", "--preset", "scheduling", "--allow-server-key"], base / "sandbox", env),
    )
    try:
        for server in (servers.a, servers.b, servers.sandbox):
            wait_ready(server)
        yield servers
    finally:
        for server in (servers.a, servers.b, servers.sandbox):
            server.stop()


# -- clients --------------------------------------------------------------------------------------------


@asynccontextmanager
async def session(
    url: str, key: str | None = None, *, transport: httpx.AsyncBaseTransport | None = None, authorization: str = ""
) -> AsyncIterator[ClientSession]:
    """The SDK's streamable HTTP client, sending ``key`` as the bearer credential (or ``authorization`` as is)."""
    authorization = f"Bearer {key}" if key else authorization
    headers = {"authorization": authorization} if authorization else {}
    async with (
        httpx.AsyncClient(headers=headers, transport=transport, timeout=30) as http,
        streamable_http_client(url, http_client=http) as (read, write, _),
        ClientSession(read, write) as client,
    ):
        await client.initialize()
        yield client


def envelope(result: types.CallToolResult) -> dict:
    assert isinstance(result.content[0], types.TextContent)
    text = json.loads(result.content[0].text)
    assert text == result.structuredContent
    return text


class RoundRobin(httpx.AsyncBaseTransport):
    """A load balancer in miniature: each request goes to the next port in turn."""

    def __init__(self, ports: list[int]) -> None:
        self.ports, self.turn = itertools.cycle(ports), []
        self.inner = httpx.AsyncHTTPTransport()

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        port = next(self.ports)
        self.turn.append(port)
        request.url = request.url.copy_with(port=port)
        return await self.inner.handle_async_request(request)

    async def aclose(self) -> None:
        await self.inner.aclose()


# -- over the wire -----------------------------------------------------------------------------------


async def test_tools_list_and_calls_act_as_the_caller(fleet: Fleet, standin: StandIn) -> None:
    key = CALLER_KEYS[0]
    async with session(fleet.a.url, key) as client:
        names = [tool.name for tool in (await client.list_tools()).tools]
        me = await client.call_tool("CAL_GET_ME", {})
        missing = await client.call_tool("CAL_GET_BOOKING", {"bookingUid": "missing"})
        invalid = await client.call_tool("CAL_GET_BOOKING", {})
    assert names == TOOLS.split(",")
    assert me.isError is False and envelope(me)["data"]["seen"] == fingerprint(key)
    assert envelope(me)["data"]["echo"] == "Bearer ***", "the caller's key is masked even when Cal.com echoes it"
    assert missing.isError is True and "Booking not found" in envelope(missing)["error"]
    assert invalid.isError is True and "bookingUid" in envelope(invalid)["error"]


async def test_twenty_concurrent_callers_each_reach_cal_with_their_own_key(fleet: Fleet, standin: StandIn) -> None:
    calls_each = 3
    results: dict[str, list[str]] = {}
    before = len(standin.prints)

    async def caller(index: int, key: str) -> None:
        async with session((fleet.a, fleet.b)[index % 2].url, key) as client:
            answers = []
            for _ in range(calls_each):
                answers.append(envelope(await client.call_tool("CAL_GET_ME", {}))["data"]["seen"])
            results[key] = answers

    async with anyio.create_task_group() as group:
        for index, key in enumerate(CALLER_KEYS):
            group.start_soon(caller, index, key)
    assert all(results[key] == [fingerprint(key)] * calls_each for key in CALLER_KEYS), results
    seen = sorted(standin.prints[before:])
    assert seen == sorted(fingerprint(key) for key in CALLER_KEYS for _ in range(calls_each))


async def test_replicas_answer_one_client_in_alternation(fleet: Fleet) -> None:
    """Stateless: initialize on one process, list and call on the other, and so on."""
    balancer = RoundRobin([fleet.a.port, fleet.b.port])
    lines = {server.port: server.log().count("POST /mcp 200") for server in (fleet.a, fleet.b)}
    async with session(fleet.a.url, CALLER_KEYS[1], transport=balancer) as client:
        assert len((await client.list_tools()).tools) == 2
        seen = [envelope(await client.call_tool("CAL_GET_ME", {}))["data"]["seen"] for _ in range(4)]
    assert seen == [fingerprint(CALLER_KEYS[1])] * 4
    assert set(balancer.turn) == {fleet.a.port, fleet.b.port} and len(balancer.turn) >= 6
    for server in (fleet.a, fleet.b):
        assert server.log().count("POST /mcp 200") > lines[server.port], "both replicas answered"


async def test_the_example_client_configuration_reaches_the_server_as_its_user(fleet: Fleet) -> None:
    entry = json.loads((EXAMPLES / "mcp_http_client_config.json").read_text())["mcpServers"]["cal-com-team"]
    assert entry["type"] == "http" and urlsplit(entry["url"]).path == "/mcp"
    headers = {name: value.replace("${CAL_API_KEY}", CALLER_KEYS[3]) for name, value in entry["headers"].items()}
    async with session(fleet.a.url, authorization=headers["Authorization"]) as client:
        me = envelope(await client.call_tool("CAL_GET_ME", {}))
    assert me["data"]["seen"] == fingerprint(CALLER_KEYS[3])


@pytest.mark.parametrize(
    ("header", "message"), [("", NO_CREDENTIAL), ("Basic dXNlcjpwYXNz", BAD_CREDENTIAL), ("Bearer", NO_CREDENTIAL)]
)
async def test_a_call_without_a_bearer_credential_is_refused_and_reaches_nobody(
    fleet: Fleet, standin: StandIn, header: str, message: str
) -> None:
    before = len(standin.prints)
    async with session(fleet.b.url, authorization=header) as client:
        listed = await client.list_tools()  # listing needs no credential
        refused = await client.call_tool("CAL_GET_ME", {})
    assert len(listed.tools) == 2
    assert refused.isError is True and envelope(refused)["error"] == message
    assert "Authorization: Bearer" in message
    assert len(standin.prints) == before, "nothing reached Cal.com, and the server's own key was not lent"


async def test_http_safety_foreign_origin_and_host_oversize_body_health_and_no_stream(fleet: Fleet) -> None:
    call = {"jsonrpc": "2.0", "id": 1, "method": "tools/list"}
    mcp = {"accept": "application/json, text/event-stream", "content-type": "application/json"}
    async with httpx.AsyncClient(timeout=10) as http:
        foreign = await http.post(fleet.a.url, json=call, headers={**mcp, "origin": "https://evil.example"})
        friendly = await http.post(fleet.a.url, json=call, headers={**mcp, "origin": FRIENDLY_ORIGIN})
        rebound = await http.post(fleet.a.url, json=call, headers={**mcp, "host": "evil.example"})
        huge = await http.post(fleet.a.url, content=b" " * 5000 + json.dumps(call).encode(), headers=mcp)
        health = await http.get(f"http://127.0.0.1:{fleet.a.port}/healthz")
        stream = await http.get(fleet.a.url, headers={"accept": "text/event-stream"})
    assert foreign.status_code == 403
    assert friendly.status_code == 200 and len(friendly.json()["result"]["tools"]) == 2
    assert rebound.status_code == 421
    assert huge.status_code == 413
    assert health.status_code == 200 and health.json() == {"status": "ok"}
    assert stream.status_code == 405, "stateless: no stream is held open"


async def test_sandbox_answers_each_caller_as_its_user_and_lends_its_key_when_allowed(fleet: Fleet) -> None:
    async with session(fleet.sandbox.url) as anonymous, session(fleet.sandbox.url, OTHER_API_KEYS[2]) as grace:
        me_default = envelope(await anonymous.call_tool("CAL_GET_ME", {}))
        me_grace = envelope(await grace.call_tool("CAL_GET_ME", {}))
    async with session(fleet.sandbox.url, "cal_sandbox_not_a_key_at_all") as stranger:
        refused = await stranger.call_tool("CAL_GET_ME", {})
    assert me_default["data"]["username"] == "ada", "--allow-server-key: no header acts with the sandbox's key"
    assert me_grace["data"]["username"] == "grace"
    assert refused.isError is True and "Invalid API Key" in envelope(refused)["error"]


async def test_sigterm_lets_the_call_in_flight_finish_then_stops(fleet: Fleet) -> None:
    async with session(fleet.b.url, CALLER_KEYS[2]) as client, anyio.create_task_group() as group:
        await client.list_tools()  # else the client lists them after the call, to check the result: too late
        answers: list[types.CallToolResult] = []

        async def slow_call() -> None:
            answers.append(await client.call_tool("CAL_GET_BOOKING", {"bookingUid": "slow"}))

        group.start_soon(slow_call)
        await anyio.sleep(SLOW_SECONDS / 3)
        fleet.b.process.send_signal(signal.SIGTERM)
    assert answers[0].isError is False and envelope(answers[0])["data"]["seen"] == fingerprint(CALLER_KEYS[2])
    fleet.b.process.wait(timeout=15)
    with pytest.raises(httpx.ConnectError):
        httpx.get(f"http://127.0.0.1:{fleet.b.port}/healthz")
    assert "Finished server process" in fleet.b.log()


def test_no_credential_in_any_output_of_the_servers(fleet: Fleet, standin: StandIn) -> None:
    """Last: stop every server (flushing what it wrote) and search its stdout and stderr."""
    for server in (fleet.a, fleet.b, fleet.sandbox):
        server.stop()
    logs = {server.port: server.log() for server in (fleet.a, fleet.b, fleet.sandbox)}
    assert "POST /mcp 200" in logs[fleet.a.port] and "GET /v2/me -> 200" in logs[fleet.a.port], "logs were written"
    secrets = [*CALLER_KEYS, SERVER_KEY, SERVER_SECRET, *OTHER_API_KEYS.values()]
    for text in logs.values():
        assert [secret for secret in secrets if secret in text] == []
    assert fingerprint(SERVER_KEY) not in standin.prints, "the operator's key never travelled"


# -- in process: the credential decision and the options -------------------------------------------


def test_a_caller_client_holds_the_callers_token_and_nothing_of_the_servers() -> None:
    server = AsyncCal(
        api_key=SERVER_KEY,
        access_token="tok_server_access",
        refresh_token="tok_server_refresh",
        client_id="cl_operator",
        client_secret=SERVER_SECRET,
        base_url="https://cal.test",
        policy="read_only",
    )
    twin = caller_client(server, "Bearer  caller_token_123 ", allow_server_key=False)
    assert isinstance(twin, AsyncCal) and twin is not server
    assert twin.config.bearer_token == "caller_token_123" and twin.config.secrets == ("caller_token_123",)
    assert (twin.config.base_url, twin.config.policy) == ("https://cal.test", "read_only")
    assert twin._http is server._http, "the connection pool is shared"
    assert server.config.api_key == SERVER_KEY, "the server's client is untouched"
    assert caller_client(server, None, allow_server_key=True) is server
    for header in (None, "", "   ", "Bearer "):
        assert caller_client(server, header, allow_server_key=False) == ActionResult.failure(NO_CREDENTIAL)
    for header in ("Basic abc", "Bearer two tokens", "Bearer tök", "Token abc", "Bearer a\x00b"):
        assert caller_client(server, header, allow_server_key=True) == ActionResult.failure(BAD_CREDENTIAL)


@pytest.mark.parametrize("kind", [Cal, AsyncCal])
@pytest.mark.parametrize("sandbox", [False, True])
def test_a_caller_client_shares_only_what_holds_no_credential_state(
    kind: type[Cal] | type[AsyncCal], sandbox: bool
) -> None:
    """Whatever a client keeps about its credential (tokens, budgets, caches) must not pass from the
    server's client, or from one caller, to another: only these may be the same objects."""
    shareable = {
        "_http": "the connection pool; requests carry their own headers",
        "_slots": "the in-flight cap, process-wide on purpose",
        "_refresh_lock": "never taken: a caller's client holds no refresh token",
        "_registry": "the action declarations, read only",
        "_emulator": "the process's one sandbox",
    }
    server = kind.sandbox() if sandbox else kind(api_key=SERVER_KEY, base_url="https://cal.test")
    assert server.registry is not None  # as the MCP server has used it by the time calls come
    twin = server.with_bearer("caller_token_123")
    immutable = (str, int, float, bool, tuple, frozenset, type(None))
    mine = vars(server)
    shared = {key for key, value in vars(twin).items() if value is mine.get(key) and not isinstance(value, immutable)}
    assert shared <= set(shareable), f"shared with every caller: {shared - set(shareable)}"
    assert twin.config.secrets == ("caller_token_123",) and twin._on_tokens is None
    assert server.config.api_key != "caller_token_123", "the server's client is untouched"


@pytest.mark.parametrize(
    ("options", "message", "status"),
    [
        (["--port", "9000"], "--port needs --http", 2),
        (["--allow-server-key"], "--allow-server-key needs --http", 2),
        (["--http", "--host", "0.0.0.0"], "--allowed-host", 2),
        (["--http", "--path", "/healthz"], "--path must", 2),
        (["--http", "--path", "mcp"], "--path must", 2),
        (["--http", "--allow-server-key"], "set CAL_API_KEY", 1),
    ],
)
def test_cli_refuses_unsafe_or_meaningless_http_options(
    options: list[str], message: str, status: int, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.delenv("CAL_API_KEY", raising=False)
    with pytest.raises(SystemExit) as stopped:
        main(["mcp", *options])
    code = stopped.value.code  # a message as the code exits with 1 after printing it
    assert (code if isinstance(code, int) else 1) == status
    assert message in (capsys.readouterr().err if isinstance(code, int) else str(code))


def test_allow_lists_keep_loopback_and_add_what_the_operator_names() -> None:
    settings = security(("mcp.example.com", "edge.example.com:8443"), ("https://app.example.com/",))
    assert settings.enable_dns_rebinding_protection is True
    hosts, origins = set(settings.allowed_hosts), set(settings.allowed_origins)
    assert {"127.0.0.1:*", "localhost:*", "[::1]:*", "mcp.example.com", "mcp.example.com:*"} <= hosts
    assert "edge.example.com:8443" in hosts and "edge.example.com:*" not in hosts, "a port given is kept as given"
    assert "https://app.example.com" in origins and "http://localhost:*" in origins
    assert not any("evil" in entry for entry in hosts | origins)


def test_a_port_already_taken_is_a_message_and_status_1() -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        command = [str(CONSOLE_SCRIPT), "mcp", "--http", "--port", str(port), "--actions", "CAL_GET_ME"]
        done = subprocess.run(command, capture_output=True, text=True, timeout=60)
    assert done.returncode == 1
    assert f"cal-actions: could not serve on 127.0.0.1:{port} (the reason is above)" in done.stderr
    assert "address already in use" in done.stderr and "Traceback" not in done.stderr
