"""Anthropic Messages: tool definitions (``name``, ``description``, ``input_schema``, ``input_examples``)
and execution of the ``tool_use`` blocks a model sends.

Anthropic accepts full JSON Schema, so the action's own schema goes as it is, with the declaration's
worked calls as ``input_examples`` (a field of the GA ``ToolParam``; ``examples=False`` leaves them out).
Neither function needs the ``anthropic`` package: content may be the SDK's objects or plain dicts.

``execute_tool_uses`` answers every ``tool_use`` block, in order, with a ``tool_result`` block
whose content is the envelope as JSON text (compact unless ``compact=False``) and whose
``is_error`` says whether it failed; other blocks (text, thinking, and the ``server_tool_use``
blocks of Anthropic's own tool search, which Anthropic runs) are skipped. Model-made problems (a
block without a name, input that is not an object, an entry that is not a block) are answered
with an envelope error, never raised; a block without an id is not run and is answered under
``missing_id_<n>``. Given ``tools=`` (what the model was offered), a block naming any other tool
is refused the same way and sends nothing; without it any action may run. A client of the wrong
kind or an object that is not a message or content list raises ``TypeError``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Literal

from cal_actions.adapters.common import (
    Offered,
    ToolCall,
    any_client,
    arun_calls,
    as_mapping,
    envelope_json,
    has_member,
    listed,
    member,
    read_call,
    run_calls,
    sync_client,
)
from cal_actions.adapters.selection import ActionNames, Presets, Tags, ToolList, ToolSpec, registry_actions
from cal_actions.policy import Policy
from cal_actions.result import ActionResult
from cal_actions.router import ROUTER_TOOLS

if TYPE_CHECKING:
    from cal_actions.http.client import AsyncCal, Cal

_EXPECTED = "an Anthropic Message (or its content list), as the anthropic package's objects or as dicts"


#: Anthropic's server-side tool search tools, by the kind of query the model writes.
TOOL_SEARCH = {
    "bm25": {"type": "tool_search_tool_bm25_20251119", "name": "tool_search_tool_bm25"},
    "regex": {"type": "tool_search_tool_regex_20251119", "name": "tool_search_tool_regex"},
}


def anthropic_tool(action: ToolSpec, *, examples: bool = True) -> dict[str, Any]:
    """One tool definition; with ``examples``, the declaration's worked calls as ``input_examples``."""
    tool = {"name": action.name, "description": action.tool_description(), "input_schema": action.tool_schema()}
    calls = action.example_calls() if examples else []
    return tool | {"input_examples": calls} if calls else tool


def anthropic_tools(
    actions: ActionNames = None,
    *,
    preset: Presets = None,
    tags: Tags = None,
    search: str | None = None,
    k: int = 5,
    defer_loading: bool = False,
    core: ActionNames = None,
    tool_search: Literal["bm25", "regex"] = "bm25",
    policy: Policy | None = None,
    examples: bool = True,
) -> ToolList[dict[str, Any]]:
    """Tool definitions for the actions named, those of the presets and tags and the ``k`` best hits
    for ``search``, each once, without those ``policy`` refuses (the policy of the client that runs
    them); the ``router`` preset adds the router's two tools.

    Each tool carries its declaration's worked calls as ``input_examples``, which models follow for nested
    and exclusive-form arguments; they cost prompt tokens, so ``examples=False`` leaves them out.

    ``defer_loading=True`` leaves the loading to Anthropic's own tool search: its tool
    (``tool_search``: ``"bm25"`` for natural-language queries, ``"regex"`` for patterns) comes first,
    the ``core`` actions (added to the selection) and the router's tools are loaded, and every other
    tool is marked ``defer_loading`` so the model sees it only once a search returns it."""
    chosen = registry_actions(actions, preset=preset, tags=tags, search=search, k=k, policy=policy)
    if not defer_loading:
        if core is not None:
            raise ValueError("core names the tools loaded up front with defer_loading=True; pass that too")
        return ToolList(anthropic_tool(action, examples=examples) for action in chosen)
    if tool_search not in TOOL_SEARCH:
        raise ValueError(f"tool_search is 'bm25' or 'regex', not {tool_search!r}")
    loaded = registry_actions(core, policy=policy) if core is not None else []
    keep = {action.name for action in loaded} | {tool.name for tool in ROUTER_TOOLS}
    tools: ToolList[dict[str, Any]] = ToolList([dict(TOOL_SEARCH[tool_search])])
    tools += (anthropic_tool(action, examples=examples) for action in loaded)
    tools += (
        anthropic_tool(action, examples=examples) | ({} if action.name in keep else {"defer_loading": True})
        for action in chosen
    )
    return tools


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


def execute_tool_uses(cal: Cal, content: Any, *, tools: Offered = None, compact: bool = True) -> list[dict[str, Any]]:
    """Run each ``tool_use`` block in order; the ``tool_result`` blocks to send back in a user message
    (``[]`` when the message uses no tool). ``compact=False`` sends the raw envelopes.

    ``tools``: the tools the model was offered (the list :func:`anthropic_tools` returned, or names); a
    call to any other tool is answered with an error and nothing is sent. Without it, any action may run."""
    client = sync_client(cal, "execute_tool_uses", "use `await aexecute_tool_uses(cal, ...)`")
    calls = read_tool_uses(content)
    results = run_calls(client, calls, tools)
    return [tool_result(call, result, compact=compact) for call, result in zip(calls, results, strict=True)]


async def aexecute_tool_uses(
    cal: Cal | AsyncCal, content: Any, *, tools: Offered = None, compact: bool = True
) -> list[dict[str, Any]]:
    """The async twin, for an ``AsyncCal`` (or a ``Cal``, run in worker threads). Read-only batches
    run concurrently; any write keeps the model's order."""
    client = any_client(cal, "aexecute_tool_uses")
    calls = read_tool_uses(content)
    results = await arun_calls(client, calls, tools)
    return [tool_result(call, result, compact=compact) for call, result in zip(calls, results, strict=True)]
