"""OpenAI function tools from the registry, and execution of the model's tool calls.

``openai_tools`` gives Chat Completions or Responses tool definitions, strict wherever the schema
allows; ``execute_tool_calls`` (and ``aexecute_tool_calls``) run the calls a model made and
return the messages or items to send back. Neither needs the ``openai`` package: tool calls may be
the SDK's objects or plain dicts.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal

from cal_actions.action import Action
from cal_actions.adapters.common import drop_nulls, envelope_json, pick_actions
from cal_actions.adapters.strict import NotStrictCapable, strict_schema
from cal_actions.result import ActionResult

if TYPE_CHECKING:
    from cal_actions.http.client import AsyncCal, Cal

Api = Literal["chat", "responses"]
ActionsArg = Iterable[Action | str] | None


def resolve_actions(
    actions: ActionsArg = None, *, preset: str | None = None, tags: Iterable[str] = ()
) -> list[Action]:
    """Actions named (objects, names or aliases) plus those of the preset and tags; default all."""
    from cal_actions import registry

    return pick_actions(registry, actions, preset=preset, tags=tags)


def tool_parameters(action: Action, *, strict: bool = True) -> tuple[dict[str, Any], bool]:
    """The parameters schema to send and whether it is strict.

    Falls back to the plain schema (``strict`` false) when strict mode cannot express it;
    :func:`strict_fallbacks` says why.
    """
    schema = action.json_schema()
    if not strict:
        return schema, False
    try:
        return strict_schema(schema), True
    except NotStrictCapable:
        return schema, False


def strict_fallbacks(actions: ActionsArg = None) -> dict[str, str]:
    """Action name → why its tool is sent with ``strict: false``."""
    reasons = {}
    for action in resolve_actions(actions):
        try:
            strict_schema(action.json_schema())
        except NotStrictCapable as reason:
            reasons[action.name] = str(reason)
    return reasons


def openai_tool(action: Action, *, strict: bool = True, api: Api = "chat") -> dict[str, Any]:
    parameters, is_strict = tool_parameters(action, strict=strict)
    function = {"name": action.name, "description": action.description, "parameters": parameters, "strict": is_strict}
    if api == "responses":
        return {"type": "function", **function}
    if api == "chat":
        return {"type": "function", "function": function}
    raise ValueError(f"api must be 'chat' or 'responses', not {api!r}")


def openai_tools(
    actions: ActionsArg = None,
    *,
    strict: bool = True,
    api: Api = "chat",
    preset: str | None = None,
    tags: Iterable[str] = (),
) -> list[dict[str, Any]]:
    """Tool definitions for Chat Completions (``api="chat"``) or the Responses API."""
    chosen = resolve_actions(actions, preset=preset, tags=tags)
    return [openai_tool(action, strict=strict, api=api) for action in chosen]


# --- executing the model's tool calls -------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ToolCall:
    """One call as the model made it, whichever API it came from."""

    id: str
    name: str
    arguments: str
    api: Api


def read_tool_calls(calls: Any) -> list[ToolCall]:
    """Normalise a Chat Completions message (or its ``tool_calls``) or Responses output items.

    Items that are not function calls (messages, reasoning) are skipped.
    """
    if calls is None:
        return []
    if not isinstance(calls, Sequence | dict) and hasattr(calls, "tool_calls"):
        calls = calls.tool_calls or []  # a ChatCompletionMessage
    elif isinstance(calls, dict) and "tool_calls" in calls:
        calls = calls["tool_calls"] or []
    elif not isinstance(calls, Sequence) and hasattr(calls, "output"):
        calls = calls.output  # a Responses ``Response``
    found = []
    for call in calls:
        item = call.model_dump() if hasattr(call, "model_dump") else dict(call)
        if item.get("type") == "function_call":
            found.append(ToolCall(item["call_id"], item["name"], item.get("arguments") or "{}", "responses"))
        elif "function" in item:
            function = item["function"]
            found.append(ToolCall(item["id"], function["name"], function.get("arguments") or "{}", "chat"))
    return found


def call_arguments(call: ToolCall) -> dict[str, Any] | str:
    """Parsed, null-free arguments (strict mode makes the model send null for every omitted
    field); unparsable text is passed on so the envelope reports it."""
    try:
        parsed = json.loads(call.arguments)
    except ValueError:
        return call.arguments
    return drop_nulls(parsed) if isinstance(parsed, dict) else call.arguments


def tool_output(call: ToolCall, result: ActionResult) -> dict[str, Any]:
    """The message (Chat Completions) or input item (Responses) carrying the envelope back."""
    content = envelope_json(result)
    if call.api == "responses":
        return {"type": "function_call_output", "call_id": call.id, "output": content}
    return {"role": "tool", "tool_call_id": call.id, "content": content}


def execute_tool_calls(cal: Cal, tool_calls: Any) -> list[dict[str, Any]]:
    """Run each call in order and return one output per call, in the same order."""
    calls = read_tool_calls(tool_calls)
    return [tool_output(call, cal.execute(call.name, call_arguments(call))) for call in calls]


async def aexecute_tool_calls(cal: AsyncCal, tool_calls: Any) -> list[dict[str, Any]]:
    """The async twin. Read-only batches run concurrently; any write keeps the model's order."""
    calls = read_tool_calls(tool_calls)
    if all(_is_read_only(cal, call.name) for call in calls):
        results = await asyncio.gather(*(cal.execute(call.name, call_arguments(call)) for call in calls))
    else:
        results = [await cal.execute(call.name, call_arguments(call)) for call in calls]
    return [tool_output(call, result) for call, result in zip(calls, results, strict=True)]


def _is_read_only(cal: AsyncCal, name: str) -> bool:
    return name in cal.registry and cal.registry.get(name).read_only
