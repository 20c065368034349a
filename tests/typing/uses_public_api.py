"""A user's script: must pass ``mypy --strict`` after the README's install."""

from __future__ import annotations

import asyncio

from cal_actions import ActionResult, AsyncCal, Cal, registry


def book(cal: Cal) -> str | None:
    result: ActionResult = cal.execute("CAL_LIST_BOOKINGS", {"take": 5}, timeout=10.0, dry_run=True)
    return result.error if not result.successful else None


async def me() -> bool:
    async with AsyncCal.sandbox(now="2025-03-28T12:00:00Z", policy="read_only") as cal:
        return (await cal.execute("CAL_GET_ME")).successful


with Cal(api_key="cal_test_x", base_url="https://api.cal.com", policy="deny_destructive", max_retries=1) as client:
    print(book(client), len(registry), registry.get("CAL_GET_ME").destructive)
print(asyncio.run(me()))
