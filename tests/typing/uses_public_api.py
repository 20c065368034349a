"""A user's script: must pass ``mypy --strict`` after the README's install."""

from __future__ import annotations

import asyncio
from typing import Any

from cal_actions import ActionResult, AsyncCal, Cal, registry
from cal_actions.adapters.anthropic import aexecute_tool_uses, anthropic_tools, execute_tool_uses
from cal_actions.adapters.openai import execute_tool_calls, openai_tools


def book(cal: Cal) -> str | None:
    result: ActionResult = cal.execute("CAL_LIST_BOOKINGS", {"take": 5}, timeout=10.0, dry_run=True)
    return result.error if not result.successful else None


async def me() -> bool:
    async with AsyncCal.sandbox(now="2025-03-28T12:00:00Z", policy="read_only") as cal:
        return (await cal.execute("CAL_GET_ME")).successful


def agent_tools(cal: Cal, reply: Any) -> list[dict[str, Any]]:
    tools = openai_tools(preset="scheduling", search="cancel a booking", k=3) + openai_tools("CAL_GET_ME")
    tools += anthropic_tools(registry.get("CAL_GET_ME"), tags="webhooks")
    return [*tools, *execute_tool_calls(cal, reply), *execute_tool_uses(cal, reply)]


async def agent_results(cal: AsyncCal, reply: Any) -> list[dict[str, Any]]:
    return await aexecute_tool_uses(cal, reply)


with Cal(api_key="cal_test_x", base_url="https://api.cal.com", policy="deny_destructive", max_retries=1) as client:
    print(book(client), len(registry), registry.get("CAL_GET_ME").destructive)
print(asyncio.run(me()))
