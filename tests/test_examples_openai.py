"""examples/openai_agent.py runs end to end: openai client → local server → tools → sandbox."""

from __future__ import annotations

import json
import runpy
import sys
from pathlib import Path
from typing import Any

import pytest

from tests.fake_openai import fake_openai, tool_call

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "openai_agent.py"


def test_openai_agent_example_answers_from_tool_results(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def list_event_types(body: dict[str, Any]) -> dict[str, Any]:
        return {"content": None, "tool_calls": [tool_call("call_1", "CAL_LIST_EVENT_TYPES", {})]}

    def answer(body: dict[str, Any]) -> dict[str, Any]:
        envelope = json.loads(body["messages"][-1]["content"])
        titles = sorted(item["title"] for item in envelope["data"])
        return {"content": "Your event types: " + ", ".join(titles)}

    with fake_openai([list_event_types, answer]) as (base_url, requests):
        monkeypatch.setenv("OPENAI_API_KEY", "sk-test-not-real")
        monkeypatch.setenv("OPENAI_BASE_URL", base_url)
        monkeypatch.setenv("OPENAI_MODEL", "fake-model")
        monkeypatch.delenv("CAL_API_KEY", raising=False)
        monkeypatch.setattr(sys, "argv", ["openai_agent.py", "which event types do I have?"])
        runpy.run_path(str(EXAMPLE), run_name="__main__")
    printed = capsys.readouterr().out
    assert "Your event types: " in printed
    assert "Quick chat" in printed, "the titles come from the sandbox's seeded event types"
    assert len(requests) == 2 and requests[0]["model"] == "fake-model"
    names = [tool["function"]["name"] for tool in requests[0]["tools"]]
    assert "CAL_LIST_EVENT_TYPES" in names and len(names) == len(set(names))
    assert requests[1]["messages"][-1]["role"] == "tool"
