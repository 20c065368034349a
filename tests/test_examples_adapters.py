"""The LangChain agent and MCP client examples, run end to end against a mock Cal.com."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from types import ModuleType
from urllib.parse import parse_qs

import anyio
import httpx
import pytest
from langchain_core.messages import AIMessage, ToolMessage

from cal_actions import Cal, registry
from cal_actions.presets import select

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
EVENT_TYPES = [{"id": 42, "slug": "intro", "title": "Intro call", "lengthInMinutes": 30}]
SLOTS = {"2030-02-01": [{"start": "2030-02-01T10:00:00.000Z"}], "2030-01-31": [{"start": "2030-01-31T09:00:00.000Z"}]}


def _example(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(f"example_{name}", EXAMPLES / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


class MockCal:
    def __init__(self, *, event_types: list | None = None) -> None:
        self.requests: list[httpx.Request] = []
        self.event_types = EVENT_TYPES if event_types is None else event_types

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        if request.url.path == "/v2/event-types":
            return httpx.Response(200, json={"status": "success", "data": self.event_types})
        if request.url.path == "/v2/slots":
            return httpx.Response(200, json={"status": "success", "data": SLOTS})
        if request.url.path == "/v2/bookings" and request.method == "POST":
            body = json.loads(request.content)
            return httpx.Response(201, json={"status": "success", "data": {"uid": "bk_77", "start": body["start"]}})
        return httpx.Response(404, json={"status": "error", "error": {"message": "not here"}})

    def cal(self) -> Cal:
        return Cal(api_key="cal_test_key", base_url="https://cal.test", transport=httpx.MockTransport(self))


def test_langchain_agent_books_the_first_free_slot(monkeypatch: pytest.MonkeyPatch, capsys) -> None:
    monkeypatch.delenv("OPENAI_API_KEY", raising=False)
    agent, mock = _example("langchain_agent"), MockCal()
    messages = agent.main(mock.cal())

    get_types, get_slots, book = mock.requests
    assert (get_types.method, get_types.url.path) == ("GET", "/v2/event-types")
    assert (get_slots.method, get_slots.url.path) == ("GET", "/v2/slots")
    query = {key: value[0] for key, value in parse_qs(get_slots.url.query.decode()).items()}
    assert query["eventTypeId"] == "42" and query["start"] < query["end"]
    assert get_slots.headers["cal-api-version"] == "2024-09-04"
    assert json.loads(book.content) == {
        "eventTypeId": 42,
        "start": "2030-01-31T09:00:00Z",  # the earliest day (listed second), read from the compact slots
        "attendee": agent.ATTENDEE,
    }
    assert isinstance(messages[-1], AIMessage) and "bk_77" in messages[-1].content
    assert sum(isinstance(message, ToolMessage) for message in messages) == 3
    printed = capsys.readouterr().out
    assert "scripted stand-in" in printed and "CAL_CREATE_BOOKING" in printed and "bk_77" in printed


def test_langchain_agent_books_on_the_sandbox_without_credentials(monkeypatch: pytest.MonkeyPatch, capsys) -> None:
    monkeypatch.delenv("OPENAI_API_KEY", raising=False)
    monkeypatch.delenv("CAL_API_KEY", raising=False)
    messages = _example("langchain_agent").main()
    tool_messages = [message for message in messages if isinstance(message, ToolMessage)]
    assert [message.name for message in tool_messages][-1] == "CAL_CREATE_BOOKING"
    booked = json.loads(tool_messages[-1].content)
    assert booked["successful"] is True and booked["data"]["status"] == "accepted"
    assert booked["data"]["uid"] in messages[-1].content


def test_langchain_agent_stops_on_what_it_cannot_do() -> None:
    agent, mock = _example("langchain_agent"), MockCal(event_types=[])
    messages = agent.run_agent(mock.cal(), agent.ScriptedBookingModel())
    assert messages[-1].content == "You have no event types to book."
    assert [request.url.path for request in mock.requests] == ["/v2/event-types"]


def test_mcp_config_starts_a_server_listing_the_scheduling_tools(monkeypatch: pytest.MonkeyPatch) -> None:
    config = json.loads((EXAMPLES / "mcp_client_config.json").read_text())
    entry = config["mcpServers"]["cal-com"]
    assert (entry["command"], entry["args"]) == ("cal-actions", ["mcp", "--preset", "scheduling"])

    monkeypatch.setenv("CAL_API_KEY", "cal_test_key")
    client = _example("mcp_client")
    parameters = client.server_parameters()
    assert Path(parameters.command).name == "cal-actions"
    assert parameters.env == {"CAL_API_KEY": "cal_test_key"}
    instructions, names = anyio.run(client.list_tools, parameters)
    assert names == [action.name for action in select(registry, preset="scheduling")]
    assert "Never invent ids" in instructions


def test_mcp_sandbox_config_keeps_its_state_at_an_absolute_path(tmp_path: Path) -> None:
    """A client starts servers in a directory of its own: the state file must not depend on it."""
    config = json.loads((EXAMPLES / "mcp_client_config.json").read_text())
    entry = config["mcpServers"]["cal-com-sandbox"]
    assert "--db" not in entry["args"], "a relative --db lands wherever the client happens to start the server"
    placeholder = entry["env"]["CAL_SANDBOX_DB"]
    assert Path(placeholder).is_absolute()

    state, elsewhere = tmp_path / "state" / "cal-sandbox.db", tmp_path / "client-cwd"
    state.parent.mkdir()
    elsewhere.mkdir()
    edited = tmp_path / "config.json"
    edited.write_text(json.dumps(config).replace(placeholder, str(state)))  # what the user does once
    client = _example("mcp_client")
    parameters = client.server_parameters(edited, "cal-com-sandbox").model_copy(update={"cwd": elsewhere})
    _, names = anyio.run(client.list_tools, parameters)
    assert names == [action.name for action in select(registry, preset="scheduling")]
    assert state.exists() and list(elsewhere.iterdir()) == []
