"""An OpenAI Chat Completions agent that schedules on Cal.com through cal-actions.

    OPENAI_API_KEY=… python examples/openai_agent.py "Book a 30 minute call with ada@example.com tomorrow"

Honours OPENAI_BASE_URL and OPENAI_MODEL, so any compatible server works. Uses your Cal.com
account when CAL_API_KEY is set, otherwise the embedded sandbox. Each turn offers the
scheduling preset plus the actions that search finds for the request.
"""

from __future__ import annotations

import json
import os
import sys
from datetime import date
from typing import Any

from openai import OpenAI

from cal_actions import Cal, registry
from cal_actions.adapters.openai import execute_tool_calls, openai_tools
from cal_actions.compact import READING_NOTE

SYSTEM = (
    f"You manage the user's Cal.com calendar with the tools. Today is {date.today()}. "
    "Never invent ids: find them with the list tools. Check free slots before booking. " + READING_NOTE
)


def tools_for(request: str) -> list[dict[str, Any]]:
    base = openai_tools(preset="scheduling")
    offered = {tool["function"]["name"] for tool in base}
    return base + openai_tools([action for action in registry.search(request, k=5) if action.name not in offered])


def run(request: str, client: OpenAI, cal: Cal, model: str, max_steps: int = 10) -> str:
    messages: list[dict[str, Any]] = [{"role": "system", "content": SYSTEM}, {"role": "user", "content": request}]
    tools = tools_for(request)
    for _ in range(max_steps):
        message = client.chat.completions.create(model=model, messages=messages, tools=tools).choices[0].message
        messages.append(message.model_dump(exclude_none=True))
        if not message.tool_calls:
            return message.content or ""
        for output in execute_tool_calls(cal, message.tool_calls, tools=tools):
            envelope = json.loads(output["content"])
            print(f"  tool {output['tool_call_id']}: {'ok' if envelope['successful'] else envelope['error']}")
            messages.append(output)
    return "(stopped: too many steps)"


def main() -> None:
    request = " ".join(sys.argv[1:]) or "What event types do I have, and when is the first free slot tomorrow?"
    cal = Cal() if os.environ.get("CAL_API_KEY") else Cal.sandbox()
    with cal:
        print(run(request, OpenAI(), cal, os.environ.get("OPENAI_MODEL", "gpt-4.1-mini")))


if __name__ == "__main__":
    main()
