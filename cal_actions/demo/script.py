"""The scripted stand-in for a model: plays the demo conversation when no API key is set.

It behaves like a careful model: every id and time it sends comes from an earlier tool result
(nothing is hard-coded), it only calls tools it was offered, and it reads each envelope before
going on. The script is a generator: it yields assistant messages and is sent the whole conversation each
time it must speak, like a model; it reads the date, the request and the tool results from it.
"""

from __future__ import annotations

import json
import re
from collections.abc import Generator
from datetime import date, datetime, timedelta
from itertools import count
from typing import Any
from zoneinfo import ZoneInfo

Message = dict[str, Any]
Envelope = dict[str, Any]
Script = Generator["Message | None", "list[Message]", None]

ATTENDEE = {"name": "Mary Somerville", "email": "mary@example.com", "timeZone": "Europe/London"}
_LONDON = {"timeZone": ATTENDEE["timeZone"]}


class ScriptedModel:
    label = "scripted stand-in (set OPENAI_API_KEY to let a real model drive)"

    def __init__(self, script: Script | None = None) -> None:
        self._script = script or demo_script()
        next(self._script)  # run to the point where it waits for the conversation
        self._ids = count(1)

    def respond(self, messages: list[Message], tools: list[dict[str, Any]]) -> Message:
        try:
            reply = self._script.send(messages)
        except StopIteration:
            return say("(the scripted conversation is over)")
        assert reply is not None
        offered = {tool["function"]["name"] for tool in tools}
        for call in reply.get("tool_calls", []):
            if call["function"]["name"] not in offered:
                raise RuntimeError(f"scripted model: {call['function']['name']} was not among the offered tools")
            call["id"] = f"call_{next(self._ids)}"
        return reply


def tool_results(messages: list[Message]) -> list[Envelope]:
    """The envelopes of the tool calls answered since the model last spoke."""
    results = []
    for message in reversed(messages):
        if message["role"] != "tool":
            break
        results.append(json.loads(message["content"]))
    return results[::-1]


def calls(*pairs: tuple[str, dict[str, Any]]) -> Message:
    return {
        "role": "assistant",
        "content": None,
        "tool_calls": [
            {"id": "", "type": "function", "function": {"name": name, "arguments": json.dumps(arguments)}}
            for name, arguments in pairs
        ],
    }


def say(text: str) -> Message:
    return {"role": "assistant", "content": text}


def _slot_times(slots: Any, zone: ZoneInfo) -> list[datetime]:
    """The starts of compact slots ``{"timeZone", "days": {date: ["09:00", ...]}}`` asked for in ``zone``
    (no free slot at all comes as empty data)."""
    days = slots.get("days") if isinstance(slots, dict) else None
    if not days:
        return []
    if slots.get("timeZone") != zone.key:
        raise ValueError(f"slots in {slots.get('timeZone')}, asked for {zone.key}")
    starts = [datetime.fromisoformat(f"{day}T{time}") for day in sorted(days) for time in days[day]]
    # A time the zone repeats carries its offset; every other one is a wall time in the zone.
    return [start.astimezone(zone) if start.tzinfo else start.replace(tzinfo=zone) for start in starts]


def _first_afternoon_slot(slots: Any, zone: ZoneInfo) -> datetime | None:
    return next((start for start in _slot_times(slots, zone) if start.hour >= 13), None)


def _utc(moment: datetime) -> str:
    return moment.astimezone(ZoneInfo("UTC")).strftime("%Y-%m-%dT%H:%M:%SZ")


def _failed(envelopes: list[Envelope]) -> str | None:
    errors = [envelope["error"] for envelope in envelopes if not envelope["successful"]]
    return f"A call failed, so I stopped: {errors[0]}" if errors else None


def _today(messages: list[Message]) -> date:
    found = re.search(r"Today is (\d{4}-\d{2}-\d{2})", messages[0]["content"])
    return date.fromisoformat(found.group(1)) if found else date.today()


def demo_script() -> Script:
    """Book, list, reschedule and cancel, reading every id from the results."""
    london = ZoneInfo(ATTENDEE["timeZone"])
    messages = yield None
    today = _today(messages)

    # Turn 1: find the 30-minute event type and a free afternoon slot, book it, list bookings.
    messages = yield calls(("CAL_GET_ME", {}), ("CAL_LIST_EVENT_TYPES", {}))
    if problem := _failed(results := tool_results(messages)):
        yield say(problem)
        return
    event_type = next(item for item in results[1]["data"] if item["lengthInMinutes"] == 30)
    window = {"start": (today + timedelta(days=1)).isoformat(), "end": (today + timedelta(days=7)).isoformat()}
    messages = yield calls(("CAL_LIST_AVAILABLE_SLOTS", {"eventTypeId": event_type["id"], **window, **_LONDON}))
    results = tool_results(messages)
    start = None if _failed(results) else _first_afternoon_slot(results[0]["data"], london)
    if start is None:
        yield say(_failed(results) or "There is no free afternoon slot in the next week.")
        return
    booking = {"start": _utc(start), "eventTypeId": event_type["id"], "attendee": ATTENDEE}
    messages = yield calls(("CAL_CREATE_BOOKING", booking))
    if problem := _failed(results := tool_results(messages)):
        yield say(problem)
        return
    uid = results[0]["data"]["uid"]
    messages = yield calls(("CAL_LIST_BOOKINGS", {"status": ["upcoming"], "sortStart": "asc"}))
    listed = tool_results(messages)[0]
    upcoming = listed["data"] if listed["successful"] else []
    messages = yield say(
        f"Booked '{event_type['title']}' with Mary on {start:%A %d %B at %H:%M} London time (booking {uid}). "
        f"You have {len(upcoming)} upcoming booking(s)."
    )

    # Turn 2: the same time a week later, if it is free.
    later = start + timedelta(days=7)
    day = later.date().isoformat()
    query = {"eventTypeId": event_type["id"], "start": day, "end": day, **_LONDON, "bookingUidToReschedule": uid}
    messages = yield calls(("CAL_LIST_AVAILABLE_SLOTS", query))
    slots = tool_results(messages)[0]
    free = set(_slot_times(slots["data"], london)) if slots["successful"] else set()
    if later not in free:
        yield say(f"{later:%A %H:%M} is not free; shall I look for another time?")
        return
    move = {"bookingUid": uid, "start": _utc(later), "reschedulingReason": "Mary asked to move it by a week."}
    messages = yield calls(("CAL_RESCHEDULE_BOOKING", move))
    if problem := _failed(results := tool_results(messages)):
        yield say(problem)
        return
    new_uid = results[0]["data"]["uid"]
    messages = yield say(f"Moved to {later:%A %d %B at %H:%M} London time; the new booking is {new_uid}.")

    # Turn 3: cancel (the demo subscribed its endpoint to cancellations beforehand).
    messages = yield calls(("CAL_CANCEL_BOOKING", {"bookingUid": new_uid, "cancellationReason": "Mary is ill."}))
    if problem := _failed(tool_results(messages)):
        yield say(problem)
        return
    yield say(f"Cancelled booking {new_uid} (reason: Mary is ill).")
