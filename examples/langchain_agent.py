"""A LangChain agent that books a meeting with the cal-actions tools of the ``scheduling`` preset.

    python examples/langchain_agent.py

With ``OPENAI_API_KEY`` set and ``langchain-openai`` installed, an OpenAI model drives the agent
(``OPENAI_MODEL`` picks which). Otherwise a scripted stand-in plays the model: it lists the event
types, looks for free slots and books the first one, reading each tool result as a model would.
Cal.com credentials come from ``CAL_API_KEY``; without them the agent works on the embedded sandbox.
"""

from __future__ import annotations

import json
import os
from collections.abc import Sequence
from datetime import UTC, date, datetime, timedelta, timezone
from typing import Any
from zoneinfo import ZoneInfo

from langchain_core.language_models import BaseChatModel
from langchain_core.messages import AIMessage, BaseMessage, HumanMessage, SystemMessage, ToolMessage
from langchain_core.outputs import ChatGeneration, ChatResult
from langchain_core.utils.function_calling import convert_to_openai_tool

from cal_actions import Cal
from cal_actions.adapters.langchain import langchain_tools
from cal_actions.compact import READING_NOTE

ATTENDEE = {"name": "Ada Lovelace", "email": "ada@example.com", "timeZone": "Europe/London"}
REQUEST = "Book my first event type with Ada Lovelace (ada@example.com, Europe/London), first free time next week."
SYSTEM = (
    "You manage the user's Cal.com calendar with the tools given. Never invent ids: look them up. "
    "Book only a start time returned by CAL_LIST_AVAILABLE_SLOTS. Answer briefly when done. " + READING_NOTE
)


def run_agent(cal: Cal, model: BaseChatModel, request: str = REQUEST, *, max_turns: int = 8) -> list[BaseMessage]:
    """The tool-calling loop: the model asks for tools, their results go back, until it answers in text."""
    tools = {tool.name: tool for tool in langchain_tools(cal, preset="scheduling")}
    bound = model.bind_tools(list(tools.values()))
    messages: list[BaseMessage] = [SystemMessage(SYSTEM), HumanMessage(request)]
    for _ in range(max_turns):
        reply = bound.invoke(messages)
        messages.append(reply)
        if not reply.tool_calls:
            break
        for call in reply.tool_calls:
            tool = tools.get(call["name"])
            if tool is None:
                messages.append(ToolMessage(f"unknown tool {call['name']}", tool_call_id=call["id"], status="error"))
            else:
                messages.append(tool.invoke(call))
    return messages


class ScriptedBookingModel(BaseChatModel):
    """A stand-in chat model that follows the booking recipe, deciding each step from the tool results."""

    @property
    def _llm_type(self) -> str:
        return "scripted-booking"

    def bind_tools(self, tools: Sequence[Any], **kwargs: Any) -> Any:
        return self.bind(tools=[convert_to_openai_tool(tool) for tool in tools], **kwargs)

    def _generate(
        self, messages: list[BaseMessage], stop: Any = None, run_manager: Any = None, **kwargs: Any
    ) -> ChatResult:
        offered = {tool["function"]["name"] for tool in kwargs.get("tools", [])}
        reply = next_step(messages)
        if unknown := {call["name"] for call in reply.tool_calls} - offered:
            raise ValueError(f"the script needs tools that were not bound: {sorted(unknown)}")
        return ChatResult(generations=[ChatGeneration(message=reply)])


def next_step(messages: list[BaseMessage]) -> AIMessage:
    results = [json.loads(message.content) for message in messages if isinstance(message, ToolMessage)]
    if results and not results[-1]["successful"]:
        return AIMessage(f"I could not finish: {results[-1]['error']}")
    if not results:
        return _call("CAL_LIST_EVENT_TYPES", {})
    event_types = results[0]["data"]
    if not event_types:
        return AIMessage("You have no event types to book.")
    event_type_id = event_types[0]["id"]
    if len(results) == 1:
        monday = date.today() + timedelta(days=7 - date.today().weekday())
        window = {"start": monday.isoformat(), "end": (monday + timedelta(days=4)).isoformat()}
        return _call("CAL_LIST_AVAILABLE_SLOTS", {"eventTypeId": event_type_id, **window})
    if len(results) == 2:
        slots = results[1]["data"]  # {"timeZone": zone, "days": {date: ["09:00", ...]}}; empty when none is free
        days = slots.get("days", {}) if slots else {}
        zone = ZoneInfo(slots.get("timeZone", "UTC")) if slots else UTC
        starts = [_instant(day, time, zone) for day in sorted(days) for time in days[day]]
        if not starts:
            return AIMessage("There is no free time next week.")
        return _call("CAL_CREATE_BOOKING", {"eventTypeId": event_type_id, "start": starts[0], "attendee": ATTENDEE})
    booking = results[2]["data"]
    return AIMessage(f"Booked {booking['uid']} with {ATTENDEE['name']} at {booking['start']}.")


def _instant(day: str, time: str, zone: ZoneInfo | timezone) -> str:
    """A slot's wall time in the zone of the answer, as the UTC instant a booking takes."""
    moment = datetime.fromisoformat(f"{day}T{time}")
    local = moment if moment.tzinfo else moment.replace(tzinfo=zone)  # a time the zone repeats carries its offset
    return local.astimezone(UTC).isoformat().replace("+00:00", "Z")


def _call(name: str, arguments: dict[str, Any]) -> AIMessage:
    return AIMessage("", tool_calls=[{"name": name, "args": arguments, "id": f"call_{name.lower()}"}])


def choose_model() -> tuple[BaseChatModel, str]:
    if os.environ.get("OPENAI_API_KEY"):
        try:
            from langchain_openai import ChatOpenAI  # type: ignore[import-not-found]
        except ImportError:
            pass
        else:
            name = os.environ.get("OPENAI_MODEL", "gpt-4o-mini")
            return ChatOpenAI(model=name, temperature=0), f"OpenAI {name}"
    return ScriptedBookingModel(), "scripted stand-in (for a real model: OPENAI_API_KEY and langchain-openai)"


def main(cal: Cal | None = None) -> list[BaseMessage]:
    model, label = choose_model()
    print(f"model: {label}")
    with cal or (Cal() if os.environ.get("CAL_API_KEY") else Cal.sandbox()) as client:
        messages = run_agent(client, model)
    for message in messages[1:]:
        calls = getattr(message, "tool_calls", None)
        shown = "; ".join(f"{call['name']}({json.dumps(call['args'])})" for call in calls) if calls else message.content
        print(f"{message.type:>6}: {shown}")
    return messages


if __name__ == "__main__":
    main()
