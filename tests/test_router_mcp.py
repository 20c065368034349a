"""`cal-actions mcp --preset router` as a client meets it: over stdio through the official client, and over HTTP
with each call acting as its caller."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest
from mcp import ClientSession
from mcp.client.stdio import stdio_client

from cal_actions import Cal
from cal_actions.router import EXECUTE, INSTRUCTIONS, SEARCH
from cal_actions.sandbox.seed import OTHER_API_KEYS
from tests.test_mcp import _cli, _envelope
from tests.test_mcp_http import envelope, session, start, wait_ready
from tests.test_router import ROUTER, _assert_hints

pytestmark = pytest.mark.anyio


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


async def test_stdio_lists_the_two_tools_searches_executes_and_keeps_the_policy(tmp_path: Path) -> None:
    database = tmp_path / "router.db"
    with Cal.sandbox(db=str(database)) as cal:
        webhook = cal.execute("CAL_LIST_WEBHOOKS").data[0]["id"]
        cal.emulator.close()
    command = _cli("--preset", "router", "--sandbox", "--db", str(database), "--read-only")
    delete = {"action": "CAL_DELETE_WEBHOOK", "arguments": f'{{"webhookId": "{webhook}"}}'}
    async with stdio_client(command) as (read, write), ClientSession(read, write) as client:
        initialized = await client.initialize()
        tools = (await client.list_tools()).tools
        found = await client.call_tool(SEARCH, {"query": "who am I"})
        me = await client.call_tool(EXECUTE, {"action": "CAL_GET_ME", "arguments": "{}"})
        typo = await client.call_tool(EXECUTE, {"action": "CAL_GET_MEE"})
        refused = await client.call_tool(EXECUTE, delete)
        still = await client.call_tool(EXECUTE, {"action": "CAL_GET_WEBHOOK", "arguments": delete["arguments"]})
    assert [tool.name for tool in tools] == ROUTER
    _assert_hints(tools)
    assert INSTRUCTIONS in (initialized.instructions or "")
    assert found.isError is False and "CAL_GET_ME" in [hit["name"] for hit in _envelope(found)["data"]]
    assert me.isError is False and _envelope(me)["data"]["username"] == "ada"
    assert typo.isError is True and "did you mean CAL_GET_ME" in _envelope(typo)["error"]
    assert refused.isError is True and "policy is read_only" in _envelope(refused)["error"]
    assert still.isError is False, "the webhook is still there"


async def test_http_router_calls_act_as_their_caller(tmp_path: Path) -> None:
    env = {key: value for key, value in os.environ.items() if not key.startswith("CAL_")}
    server = start(["--sandbox", "--preset", "router", "--allow-server-key"], tmp_path / "server", env)
    try:
        wait_ready(server)
        async with session(server.url, OTHER_API_KEYS[2]) as grace, session(server.url) as anonymous:
            tools = (await grace.list_tools()).tools
            me: dict[str, Any] = envelope(await grace.call_tool(EXECUTE, {"action": "CAL_GET_ME", "arguments": "{}"}))
            lent = envelope(await anonymous.call_tool(EXECUTE, {"action": "CAL_GET_ME", "arguments": "{}"}))
            found = envelope(await anonymous.call_tool(SEARCH, {"query": "list my bookings", "k": 3}))
    finally:
        server.stop()
    assert [tool.name for tool in tools] == ROUTER
    assert me["data"]["username"] == "grace", "behind the router too, a call acts with its caller's key"
    assert lent["data"]["username"] == "ada"
    assert found["successful"] and len(found["data"]) == 3
