"""The MCP server seen through the SDK's own client: listing, schemas, annotations and calls."""

from __future__ import annotations

import json
import re
import signal
import subprocess
import sys
from pathlib import Path

import httpx
import pytest
from mcp import ClientSession, StdioServerParameters, types
from mcp.client.stdio import stdio_client
from mcp.shared.memory import create_connected_server_and_client_session

from cal_actions import AsyncCal, Cal, registry
from cal_actions.adapters.mcp import build_server
from cal_actions.adapters.selection import pick_actions
from cal_actions.cli import main
from cal_actions.compact import READING_NOTE, compact_result
from cal_actions.presets import PRESETS, select

pytestmark = pytest.mark.anyio
ROOT = Path(__file__).resolve().parents[1]
BOOKING = {
    "start": "2030-01-31T09:00:00Z",
    "eventTypeId": 42,
    "attendee": {"name": "Ada Lovelace", "email": "ada@example.com", "timeZone": "Europe/London", "phoneNumber": None},
    "guests": None,
}


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


class Recorder:
    """A mock Cal.com answering every request with ``status`` and remembering what it got."""

    def __init__(self, status: int = 201) -> None:
        self.requests: list[httpx.Request] = []
        self.status = status

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        if self.status >= 400:
            return httpx.Response(self.status, json={"status": "error", "error": {"message": "Event type not found"}})
        return httpx.Response(self.status, json={"status": "success", "data": {"uid": "bk_1", "id": 7}})


def _async_cal(recorder: Recorder) -> AsyncCal:
    return AsyncCal(api_key="cal_test_key", base_url="https://cal.test", transport=httpx.MockTransport(recorder))


def _envelope(result: types.CallToolResult) -> dict:
    assert len(result.content) == 1 and isinstance(result.content[0], types.TextContent)
    return json.loads(result.content[0].text)


@pytest.mark.parametrize("preset", list(PRESETS))
async def test_each_preset_lists_exactly_its_actions(preset: str) -> None:
    expected = [action.name for action in select(registry, preset=preset)]
    async with create_connected_server_and_client_session(build_server(_async_cal(Recorder()), preset=preset)) as s:
        listed = (await s.list_tools()).tools
    assert [tool.name for tool in listed] == expected
    assert len(listed) > 0


async def test_tools_carry_the_registry_schema_and_hints() -> None:
    async with create_connected_server_and_client_session(build_server(_async_cal(Recorder()))) as session:
        listed = (await session.list_tools()).tools
    assert len(listed) == len([a for a in registry if not a.legacy])
    for tool in listed:
        action = registry.get(tool.name)
        assert tool.inputSchema == action.tool_schema()
        assert tool.inputSchema["type"] == "object" and "anyOf" not in tool.inputSchema
        assert tool.description == action.tool_description()
        hints = tool.annotations
        assert hints is not None
        # False must arrive as False, not be dropped: the protocol reads a missing destructiveHint as True.
        assert (hints.readOnlyHint, hints.destructiveHint, hints.idempotentHint, hints.openWorldHint) == (
            action.read_only,
            action.destructive,
            action.idempotent,
            True,
        )
        assert tool.title == hints.title and tool.title and not tool.title.startswith("CAL")
    titles = {tool.name: tool.title for tool in listed}
    assert titles["CAL_CREATE_BOOKING"] == "Create booking"
    assert any(tool.annotations.destructiveHint for tool in listed)
    # An update overwrites what exists: an MCP client must not be told it is only additive.
    update = next(tool for tool in listed if tool.name == "CAL_UPDATE_SCHEDULE")
    assert update.annotations.destructiveHint is True and update.annotations.idempotentHint is True


async def test_tags_and_names_select_together() -> None:
    server = build_server(_async_cal(Recorder()), ["CAL_GET_ME"], tags=["webhooks"])
    async with create_connected_server_and_client_session(server) as session:
        names = [tool.name for tool in (await session.list_tools()).tools]
    assert "CAL_GET_ME" in names
    assert {name for name in names if name != "CAL_GET_ME"} == {a.name for a in registry.with_tag("webhooks")}


def test_instructions_follow_the_selection() -> None:
    scheduling = build_server(_async_cal(Recorder()), preset="scheduling").create_initialization_options()
    webhooks = build_server(_async_cal(Recorder()), preset="webhooks").create_initialization_options()
    assert "CAL_LIST_AVAILABLE_SLOTS" in scheduling.instructions
    assert "Never invent ids" in scheduling.instructions and "confirm" in scheduling.instructions
    assert "CAL_LIST_AVAILABLE_SLOTS" not in webhooks.instructions


@pytest.mark.parametrize("compact", [True, False])
async def test_results_are_compact_unless_asked_raw(compact: bool) -> None:
    with Cal.sandbox() as cal:
        server = build_server(cal, preset="scheduling", compact=compact)
        async with create_connected_server_and_client_session(server) as session:
            listed = await session.call_tool("CAL_LIST_BOOKINGS", {"take": 2})
        result = cal.execute("CAL_LIST_BOOKINGS", {"take": 2})
    structured = listed.structuredContent
    assert isinstance(structured, dict) and {"data", "successful", "error"} <= set(structured)
    assert _envelope(listed) == structured  # the text and the structured content carry the same envelope
    if compact:
        assert structured == compact_result(result, "CAL_LIST_BOOKINGS", {"take": 2})
        assert structured["more"] == {"total": 4, "next": {"skip": 2, "take": 2}}
        assert isinstance(structured["data"], list) and "description" not in structured["data"][0]
    else:
        assert structured == result.model_dump(mode="json") and "pagination" in structured["data"]
    assert (READING_NOTE in (server.instructions or "")) is compact


@pytest.mark.parametrize("client_kind", ["async", "sync"])
async def test_call_books_through_the_client(client_kind: str) -> None:
    recorder = Recorder()
    settings = {"api_key": "cal_test_key", "base_url": "https://cal.test", "transport": httpx.MockTransport(recorder)}
    cal = AsyncCal(**settings) if client_kind == "async" else Cal(**settings)
    async with create_connected_server_and_client_session(build_server(cal, preset="scheduling")) as session:
        result = await session.call_tool("CAL_CREATE_BOOKING", BOOKING)

    assert result.isError is False
    expected = {"data": {"uid": "bk_1", "id": 7}, "successful": True, "error": None}
    assert _envelope(result) == expected
    assert result.structuredContent == expected
    (request,) = recorder.requests
    assert (request.method, request.url.path) == ("POST", "/v2/bookings")
    assert request.headers["authorization"] == "Bearer cal_test_key"
    assert request.headers["cal-api-version"] == "2024-08-13"
    # The nulls the model sent for optional fields are dropped, not forwarded or rejected.
    assert json.loads(request.content) == {
        "start": "2030-01-31T09:00:00Z",
        "eventTypeId": 42,
        "attendee": {"name": "Ada Lovelace", "email": "ada@example.com", "timeZone": "Europe/London"},
    }


async def test_invalid_arguments_name_the_field_and_send_nothing() -> None:
    recorder = Recorder()
    arguments = {**BOOKING, "attendee": {"name": "Ada", "timeZone": "UTC"}, "eventTypeId": "soon"}
    async with create_connected_server_and_client_session(build_server(_async_cal(recorder))) as session:
        result = await session.call_tool("CAL_CREATE_BOOKING", arguments)
    assert result.isError is True
    envelope = _envelope(result)
    assert envelope["successful"] is False and envelope["data"] is None
    assert "attendee: Attendee must have" in envelope["error"] and "eventTypeId" in envelope["error"]
    assert recorder.requests == []


async def test_api_error_is_a_tool_error() -> None:
    recorder = Recorder(status=404)
    async with create_connected_server_and_client_session(build_server(_async_cal(recorder))) as session:
        result = await session.call_tool("CAL_GET_EVENT_TYPE", {"eventTypeId": 999})
    assert result.isError is True
    assert "Event type not found" in _envelope(result)["error"]
    assert [request.url.path for request in recorder.requests] == ["/v2/event-types/999"]


@pytest.mark.parametrize("name", ["CAL_NOT_AN_ACTION", "CAL_DELETE_WEBHOOK"], ids=["unknown", "outside-preset"])
async def test_only_listed_tools_run(name: str) -> None:
    recorder = Recorder()
    async with create_connected_server_and_client_session(build_server(_async_cal(recorder), preset="scheduling")) as s:
        result = await s.call_tool(name, {"webhookId": "wh_1"})
    assert result.isError is True
    assert f"{name} was not offered to the model; nothing was sent" in _envelope(result)["error"]
    assert recorder.requests == []


@pytest.mark.parametrize(
    ("option", "message"),
    [
        (["--preset", "nope"], "unknown preset 'nope'"),
        (["--tags", "bookings, nope"], "unknown tag.s. nope"),
        (["--actions", "CAL_GET_ME,CAL_NOPE"], "CAL_NOPE"),
    ],
)
def test_cli_refuses_a_selection_it_cannot_honour(
    option: list[str], message: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("CAL_API_KEY", raising=False)
    with pytest.raises(SystemExit) as stopped:
        main(["mcp", *option])
    said = capsys.readouterr().err
    assert stopped.value.code == 2 and re.search(message, said), said
    assert "no credential" not in said, "the selection is refused before anything else is said"


async def test_cli_serves_over_stdio() -> None:
    command = StdioServerParameters(
        command=sys.executable,
        args=["-m", "cal_actions.cli", "mcp", "--preset", "scheduling"],
        env={"CAL_API_KEY": "cal_test_key", "CAL_BASE_URL": "http://127.0.0.1:9"},
        cwd=ROOT,
    )
    async with stdio_client(command) as (read, write), ClientSession(read, write) as session:
        initialized = await session.initialize()
        tools = (await session.list_tools()).tools
    assert initialized.serverInfo.name == "cal-actions"
    assert "CAL_LIST_AVAILABLE_SLOTS" in (initialized.instructions or "")
    assert [tool.name for tool in tools] == [action.name for action in select(registry, preset="scheduling")]


def test_stdio_server_exits_cleanly_when_the_client_leaves() -> None:
    """The SDK closes standard output on the way out; the exit must not trip over it."""
    command = [str(Path(sys.executable).with_name("cal-actions")), "mcp", "--actions", "CAL_GET_ME"]
    done = subprocess.run(command, input=b"", capture_output=True, timeout=60, env={**NO_CREDENTIALS, "PATH": ""})
    assert (done.returncode, done.stdout) == (0, b"")
    assert b"Traceback" not in done.stderr, done.stderr.decode()


async def test_cli_serves_the_sandbox_and_its_state_persists(tmp_path: Path) -> None:
    """`cal-actions mcp --sandbox --db FILE`: a client books through MCP; the file keeps the booking."""
    database = tmp_path / "sandbox.db"
    command = StdioServerParameters(
        command=sys.executable,
        args=["-m", "cal_actions.cli", "mcp", "--preset", "scheduling", "--sandbox", "--db", str(database)],
        env={"CAL_API_KEY": "must-not-be-used", "CAL_BASE_URL": "http://127.0.0.1:9"},
        cwd=ROOT,
    )
    async with stdio_client(command) as (read, write), ClientSession(read, write) as session:
        await session.initialize()
        listed = await session.call_tool("CAL_LIST_EVENT_TYPES", {})
        event_type = next(item for item in listed.structuredContent["data"] if item["lengthInMinutes"] == 30)
        window = {"start": "2030-01-08", "end": "2030-01-10", "eventTypeId": event_type["id"]}
        slots = (await session.call_tool("CAL_LIST_AVAILABLE_SLOTS", window)).structuredContent["data"]
        assert slots["timeZone"] == "UTC"  # none was asked for
        day, times = next(iter(slots["days"].items()))
        start = f"{day}T{times[0]}:00Z"
        attendee = {"name": "Mary Somerville", "email": "mary@example.com", "timeZone": "Europe/London"}
        booked = await session.call_tool(
            "CAL_CREATE_BOOKING", {"start": start, "eventTypeId": event_type["id"], "attendee": attendee}
        )
        again = await session.call_tool(
            "CAL_CREATE_BOOKING", {"start": start, "eventTypeId": event_type["id"], "attendee": attendee}
        )
    assert booked.isError is False and booked.structuredContent["data"]["status"] == "accepted"
    assert again.isError is True and "already has booking" in again.structuredContent["error"]
    with Cal.sandbox(db=str(database)) as cal:
        found = cal.execute("CAL_GET_BOOKING", {"bookingUid": booked.structuredContent["data"]["uid"]})
    assert found.successful and found.data["attendees"][0]["email"] == "mary@example.com"


async def test_nested_nulls_and_absent_arguments_reach_the_client_cleaned() -> None:
    recorder = Recorder()
    async with create_connected_server_and_client_session(build_server(_async_cal(recorder), "CAL_GET_ME")) as s:
        absent = await s.call_tool("CAL_GET_ME", None)
        refused = await s.call_tool("CAL_GET_ME", {"unused": {"deeper": None}})
    assert absent.isError is False
    assert refused.isError is True and "unused: unknown field" in _envelope(refused)["error"]
    assert [request.url.path for request in recorder.requests] == ["/v2/me"]


async def test_a_failure_inside_the_client_is_an_envelope_not_a_protocol_error(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    cal = _async_cal(Recorder())

    async def broken(name: str, arguments: object = None) -> None:
        raise RuntimeError("secret-token-in-a-url")

    monkeypatch.setattr(cal, "execute", broken)
    async with create_connected_server_and_client_session(build_server(cal, "CAL_GET_ME")) as session:
        result = await session.call_tool("CAL_GET_ME", {})
    assert result.isError is True
    envelope = _envelope(result)
    assert envelope == result.structuredContent
    assert envelope["data"] is None and "internal error" in envelope["error"] and "RuntimeError" in envelope["error"]
    assert "secret-token" not in envelope["error"], "the exception's text stays in the log"
    assert "secret-token-in-a-url" in caplog.text


# -- `cal-actions mcp` as a user types it ------------------------------------------------------------

NO_CREDENTIALS = {"CAL_BASE_URL": "http://127.0.0.1:9"}  # the SDK passes only a safe environment, so no CAL_API_KEY


def _cli(*options: str, env: dict[str, str] | None = None) -> StdioServerParameters:
    args = ["-m", "cal_actions.cli", "mcp", *options]
    return StdioServerParameters(command=sys.executable, args=args, env=env or NO_CREDENTIALS, cwd=ROOT)


async def test_no_flags_lists_the_default_set_without_credentials_and_a_call_says_what_is_missing() -> None:
    async with stdio_client(_cli()) as (read, write), ClientSession(read, write) as session:
        initialized = await session.initialize()
        tools = (await session.list_tools()).tools
        result = await session.call_tool("CAL_GET_ME", {})
    default = [action.name for action in pick_actions(registry)]
    assert [tool.name for tool in tools] == default and len(default) > 100
    assert f"tools ({len(default)})" in (initialized.instructions or "")
    envelope = _envelope(result)
    assert result.isError is True and envelope["successful"] is False
    assert "needs api_key (CAL_API_KEY)" in envelope["error"], envelope["error"]


async def test_sandbox_with_no_selection_lists_the_default_set_and_answers() -> None:
    async with stdio_client(_cli("--sandbox")) as (read, write), ClientSession(read, write) as session:
        await session.initialize()
        tools = (await session.list_tools()).tools
        me = await session.call_tool("CAL_GET_ME", {})
        event_type = await session.call_tool("CAL_GET_EVENT_TYPE", {"eventTypeId": 1})
    assert [tool.name for tool in tools] == [action.name for action in pick_actions(registry)]
    assert me.isError is False and me.structuredContent["data"]["username"] == "ada"
    assert "slotInterval" not in event_type.structuredContent["data"]  # compact: the null is left out


async def test_raw_flag_serves_the_envelopes_as_cal_com_gave_them() -> None:
    async with stdio_client(_cli("--sandbox", "--raw")) as (read, write), ClientSession(read, write) as session:
        initialized = await session.initialize()
        me = await session.call_tool("CAL_GET_EVENT_TYPE", {"eventTypeId": 1})
    assert set(me.structuredContent or {}) == {"data", "successful", "error"}
    assert me.structuredContent["data"]["slotInterval"] is None and _envelope(me) == me.structuredContent
    assert READING_NOTE not in (initialized.instructions or "")


@pytest.mark.parametrize("guard", [["--read-only"], ["--policy", "read_only"], ["--policy", "deny_destructive"]])
async def test_policy_flags_list_only_what_may_run_and_refuse_the_rest(guard: list[str], tmp_path: Path) -> None:
    """A guarded server lists only the tools its policy lets run; a call to another one sends nothing."""
    database = tmp_path / "mcp.db"
    with Cal.sandbox(db=str(database)) as cal:
        webhook = cal.execute("CAL_LIST_WEBHOOKS").data[0]["id"]
        cal.emulator.close()
    selection = ["--preset", "scheduling", "--actions", "CAL_GET_WEBHOOK,CAL_DELETE_WEBHOOK"]
    command = _cli("--sandbox", "--db", str(database), *selection, *guard)
    async with stdio_client(command) as (read, write), ClientSession(read, write) as session:
        initialized = await session.initialize()
        listed = {tool.name for tool in (await session.list_tools()).tools}
        deleted = await session.call_tool("CAL_DELETE_WEBHOOK", {"webhookId": webhook})
        cancelled = await session.call_tool("CAL_CANCEL_BOOKING", {"bookingUid": "bk_1"})
        read_back = await session.call_tool("CAL_GET_WEBHOOK", {"webhookId": webhook})
    policy = "read_only" if "deny_destructive" not in guard else "deny_destructive"
    chosen = select(registry, preset="scheduling", actions=["CAL_GET_WEBHOOK", "CAL_DELETE_WEBHOOK"])
    allowed = [a for a in chosen if a.read_only or (policy == "deny_destructive" and not a.destructive)]
    assert listed == {action.name for action in allowed} and 0 < len(listed) < len(chosen)
    assert ("CAL_CREATE_BOOKING" in listed) is (policy == "deny_destructive")
    assert "confirm before any destructive" not in (initialized.instructions or "")
    for refused in (deleted, cancelled):
        assert refused.isError is True
        assert "was not offered to the model; nothing was sent" in _envelope(refused)["error"]
    assert read_back.isError is False, "the webhook is still there"


def test_help_lists_presets_and_tags_from_the_code(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stopped:
        main(["mcp", "--help"])
    assert stopped.value.code == 0
    text = " ".join(capsys.readouterr().out.split())
    for name, preset in PRESETS.items():
        assert f"{name} {preset.description}" in text
    assert ", ".join(registry.tags()) in text  # wrapped lines joined back
    assert f"the default agent set ({len(pick_actions(registry))} tools)" in text
    assert "--read-only" in text and "--policy" in text and "--raw" in text


def test_without_the_mcp_extra_the_message_names_the_install_command(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "mcp", None)  # what `import mcp` sees when the extra is not installed
    monkeypatch.delitem(sys.modules, "cal_actions.adapters.mcp")
    with pytest.raises(
        SystemExit, match=r"needs the mcp extra \(mcp is not installed\): pip install 'cal-actions\[mcp\]'"
    ):
        main(["mcp", "--sandbox"])


def test_stdio_server_stops_on_ctrl_c_while_the_client_stays() -> None:
    """Ctrl-C (SIGINT) stops a server whose client keeps standard input open: at once, quietly, with 130."""
    command = [str(Path(sys.executable).with_name("cal-actions")), "mcp", "--actions", "CAL_GET_ME"]
    server = subprocess.Popen(
        command,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env={**NO_CREDENTIALS, "PATH": ""},
    )
    assert server.stdin is not None and server.stdout is not None
    try:
        hello = {"protocolVersion": "2025-06-18", "capabilities": {}, "clientInfo": {"name": "t", "version": "1"}}
        server.stdin.write(json.dumps({"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": hello}).encode())
        server.stdin.write(b"\n")
        server.stdin.flush()
        assert json.loads(server.stdout.readline())["id"] == 1  # serving, and reading standard input
        server.send_signal(signal.SIGINT)
        code = server.wait(timeout=10)
    finally:
        server.kill()
        _, err = server.communicate(timeout=10)
    assert code == 130
    assert b"Traceback" not in err, err.decode()
