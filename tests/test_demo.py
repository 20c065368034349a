"""The main job: an agent books, reschedules and cancels on the embedded sandbox."""

from __future__ import annotations

import io
import json
import re
from datetime import UTC, datetime
from typing import Any

import pytest

from cal_actions import registry
from cal_actions.demo.run import run_demo
from cal_actions.demo.script import ScriptedModel
from cal_actions.demo.show import Printer
from cal_actions.presets import select
from tests.fake_openai import fake_openai

MONDAY_MORNING = datetime(2030, 1, 7, 8, 0, tzinfo=UTC)


@pytest.fixture
def sandbox() -> Any:
    from cal_actions.sandbox.app import Sandbox

    emulator = Sandbox(now=MONDAY_MORNING)
    yield emulator
    emulator.close()


def _bookings(sandbox: Any, status: str) -> list[dict[str, Any]]:
    from cal_actions import Cal

    with Cal.sandbox(sandbox) as cal:
        result = cal.execute("CAL_LIST_BOOKINGS", {"status": [status], "attendeeEmail": "mary@example.com"})
    assert result.successful, result.error
    return result.data["data"]


def _check_outcome(sandbox: Any, output: str) -> None:
    assert "with Mary on Tuesday 08 January at 13:00 London time" in output
    assert re.search(r"You have [1-9]\d* upcoming booking", output), "the new booking is listed"
    assert "Moved to Tuesday 15 January at 13:00 London time" in output
    assert "subscribed http://127.0.0.1:" in output and "to BOOKING_CANCELLED with a fresh secret" in output
    moved_uid = next(b["uid"] for b in _bookings(sandbox, "cancelled") if b.get("rescheduledFromUid"))
    assert f"subscriber got BOOKING_CANCELLED with a valid X-Cal-Signature-256 (booking {moved_uid})" in output
    assert "REFUSED" not in output
    assert "failed" not in output.split("== webhook deliveries")[0].replace("A call failed", "")
    cancelled = _bookings(sandbox, "cancelled")
    assert len(cancelled) == 2, "the original (rescheduled) and the moved booking"
    original = next(booking for booking in cancelled if booking.get("rescheduledToUid"))
    moved = next(booking for booking in cancelled if booking.get("rescheduledFromUid"))
    assert original["rescheduledToUid"] == moved["uid"] and moved["rescheduledFromUid"] == original["uid"]
    assert moved["cancellationReason"] == "Mary is ill."
    assert moved["start"].startswith("2030-01-15T13:00:00")


def test_scripted_demo_books_moves_and_cancels(sandbox: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("OPENAI_API_KEY", raising=False)
    out = io.StringIO()
    assert run_demo(printer=Printer(out), sandbox=sandbox) == 0, out.getvalue()
    output = out.getvalue()
    assert "scripted stand-in" in output, "it says when no real model drives"
    _check_outcome(sandbox, output)


def test_demo_through_an_openai_compatible_server(sandbox: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    """With OPENAI_API_KEY set the openai client drives; here it talks to a local stand-in server."""
    model = ScriptedModel()

    def reply(body: dict[str, Any]) -> dict[str, Any]:
        return model.respond(body["messages"], body["tools"])

    with fake_openai([reply] * 20) as (base_url, requests):
        monkeypatch.setenv("OPENAI_API_KEY", "sk-test-not-real")
        monkeypatch.setenv("OPENAI_BASE_URL", base_url)
        monkeypatch.setenv("OPENAI_MODEL", "fake-model")
        out = io.StringIO()
        assert run_demo(printer=Printer(out), sandbox=sandbox) == 0, out.getvalue()
    output = out.getvalue()
    assert "fake-model via" in output
    _check_outcome(sandbox, output)
    assert all(request["model"] == "fake-model" for request in requests)
    first_turn_tools = {tool["function"]["name"] for tool in requests[0]["tools"]}
    last_turn_tools = {tool["function"]["name"] for tool in requests[-1]["tools"]}
    assert "CAL_CREATE_BOOKING" in first_turn_tools
    assert "CAL_CANCEL_BOOKING" in last_turn_tools
    offered = len(select(registry, preset="scheduling")) + 5  # the preset and five search hits
    assert len(first_turn_tools) <= offered < len(registry), "a handful of tools per turn, not the whole registry"


class _OneFailedCall:
    """A model that makes one call bound to fail (an unknown booking), then answers in text."""

    label = "one failed call"

    def __init__(self) -> None:
        self.turns = 0

    def respond(self, messages: list[dict[str, Any]], tools: list[dict[str, Any]]) -> dict[str, Any]:
        self.turns += 1
        if self.turns == 1:
            function = {"name": "CAL_GET_BOOKING", "arguments": '{"bookingUid": "no-such-booking"}'}
            call = {"id": "c1", "type": "function", "function": function}
            return {"role": "assistant", "content": None, "tool_calls": [call]}
        return {"role": "assistant", "content": "Done."}


def test_a_failed_call_is_counted_once(sandbox: Any) -> None:
    out = io.StringIO()
    assert run_demo(printer=Printer(out), model=_OneFailedCall(), sandbox=sandbox) == 1
    assert "finished with problems: 1 failed call(s), 0 delivery(ies)" in out.getvalue()


def test_the_webhook_delivery_is_printed_whole(sandbox: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("OPENAI_API_KEY", raising=False)
    out = io.StringIO()
    assert run_demo(printer=Printer(out), sandbox=sandbox) == 0
    printed = out.getvalue().split("== webhook deliveries recorded by the sandbox\n")[1].split("\nsubscriber got")[0]
    delivery = json.loads(printed)  # one whole JSON object, not cut mid-way
    assert delivery["triggerEvent"] == "BOOKING_CANCELLED" and json.loads(delivery["body"])["payload"]["uid"]
