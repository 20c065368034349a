"""Anthropic Messages: tool definitions (``name``, ``description``, ``input_schema``) and execution
of the ``tool_use`` blocks a model sends.

Anthropic accepts full JSON Schema, so the action's own schema goes as it is. Neither function
needs the ``anthropic`` package: content may be the SDK's objects or plain dicts.

``execute_tool_uses`` answers every ``tool_use`` block, in order, with a ``tool_result`` block
whose content is the envelope as JSON text (compact unless ``compact=False``) and whose
``is_error`` says whether it failed; other blocks (text, thinking) are skipped. Model-made
problems (a block without a name, input that is not an object, an entry that is not a block) are
answered with an envelope error, never raised; a block without an id is not run and is answered
under ``missing_id_<n>``. A client of the wrong kind or an object that is not a message or content
list raises ``TypeError``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from cal_actions.adapters.common import (
    ActionNames,
    Tags,
    ToolCall,
    ToolList,
    any_client,
    arun_calls,
    as_mapping,
    envelope_json,
    has_member,
    listed,
    member,
    read_call,
    registry_actions,
    run_calls,
    sync_client,
)
from cal_actions.result import ActionResult

if TYPE_CHECKING:
    from cal_actions.http.client import AsyncCal, Cal

_EXPECTED = "an Anthropic Message (or its content list), as the anthropic package's objects or as dicts"


def anthropic_tools(
    actions: ActionNames = None,
    *,
    preset: str | None = None,
    tags: Tags = None,
    search: str | None = None,
    k: int = 5,
) -> ToolList[dict[str, Any]]:
    """Tool definitions for the actions named, those of the preset and tags and the ``k`` best hits
    for ``search``, each once."""
    return ToolList(
        {"name": action.name, "description": action.description, "input_schema": action.json_schema()}
        for action in registry_actions(actions, preset=preset, tags=tags, search=search, k=k)
    )


def read_tool_uses(content: Any) -> list[ToolCall]:
    """The ``tool_use`` blocks of a message or content list, in order."""
    calls = []
    for position, block in enumerate(_blocks(content), 1):
        item = as_mapping(block)
        kind = None if item is None else item.get("type")
        if item is None or not isinstance(kind, str):
            problem = f"content block #{position} is not a tool_use block (it has no type)"
            calls.append(read_call(position, None if item is None else item.get("id"), None, None, problem))
        elif kind == "tool_use":
            calls.append(read_call(position, item.get("id"), item.get("name"), item.get("input")))
    return calls


def _blocks(content: Any) -> list[Any]:
    if content is None:
        return []
    if isinstance(content, str | bytes):
        raise TypeError(f"expected {_EXPECTED}, not text")
    if has_member(content, "tool_calls") or has_member(content, "choices") or has_member(content, "output"):
        raise TypeError("this is an OpenAI message or response: run its calls with execute_tool_calls")
    if has_member(content, "content"):
        inner = member(content, "content")
        return [] if isinstance(inner, str) else listed(inner, "content")  # text only: nothing to run
    if isinstance(content, list | tuple):
        return list(content)
    raise TypeError(f"expected {_EXPECTED}, not {type(content).__name__}")


def tool_result(call: ToolCall, result: ActionResult, *, compact: bool = True) -> dict[str, Any]:
    return {
        "type": "tool_result",
        "tool_use_id": call.id,
        "content": envelope_json(result, call.name, call.arguments, compact=compact),
        "is_error": not result.successful,
    }


def execute_tool_uses(cal: Cal, content: Any, *, compact: bool = True) -> list[dict[str, Any]]:
    """Run each ``tool_use`` block in order; the ``tool_result`` blocks to send back in a user message
    (``[]`` when the message uses no tool). ``compact=False`` sends the raw envelopes."""
    client = sync_client(cal, "execute_tool_uses", "use `await aexecute_tool_uses(cal, ...)`")
    calls = read_tool_uses(content)
    results = run_calls(client, calls)
    return [tool_result(call, result, compact=compact) for call, result in zip(calls, results, strict=True)]


async def aexecute_tool_uses(cal: Cal | AsyncCal, content: Any, *, compact: bool = True) -> list[dict[str, Any]]:
    """The async twin, for an ``AsyncCal`` (or a ``Cal``, run in worker threads). Read-only batches
    run concurrently; any write keeps the model's order."""
    client = any_client(cal, "aexecute_tool_uses")
    calls = read_tool_uses(content)
    results = await arun_calls(client, calls)
    return [tool_result(call, result, compact=compact) for call, result in zip(calls, results, strict=True)]
