"""OpenAI function tools from the registry, and execution of the model's tool calls.

``openai_tools`` gives Chat Completions or Responses tool definitions, strict wherever the schema
allows; ``execute_tool_calls`` (and ``aexecute_tool_calls``) run the calls a model made and
return the messages or items to send back. Neither needs the ``openai`` package: tool calls may be
the SDK's objects or plain dicts (``model_dump(exclude_none=True)`` of them).

Whatever the model produced, executing never raises: a call without a name, with arguments that
are not a JSON object, or an entry that is not a call object is answered with an envelope error.
A call without an id is not run, since its outcome could not be matched to it; it is answered
under the id ``missing_id_<n>`` (``n``: its 1-based position). Given ``tools=`` (what the model was
offered), a call to any other tool is refused the same way and sends nothing; without it any action
of the client's registry may run. What is not the model's doing
raises ``TypeError`` naming what to pass: a client of the wrong kind (``execute_tool_calls`` needs
a ``Cal``; ``aexecute_tool_calls`` takes either), or an object that is not a message, a
``Response``, or a list of their calls.
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
from cal_actions.adapters.strict import NotStrictCapable, strict_schema
from cal_actions.policy import Policy
from cal_actions.result import ActionResult

if TYPE_CHECKING:
    from cal_actions.http.client import AsyncCal, Cal

Api = Literal["chat", "responses"]


def tool_parameters(action: ToolSpec, *, strict: bool = True) -> tuple[dict[str, Any], bool]:
    """The parameters schema to send and whether it is strict.

    Falls back to the plain schema (``strict`` false) when strict mode cannot express it;
    :func:`strict_fallbacks` says why.
    """
    schema = action.tool_schema()
    if not strict:
        return schema, False
    try:
        return strict_schema(schema), True
    except NotStrictCapable:
        return schema, False


def strict_fallbacks(actions: ActionNames = None) -> dict[str, str]:
    """Action name → why its tool is sent with ``strict: false``."""
    reasons = {}
    for action in registry_actions(actions):
        try:
            strict_schema(action.tool_schema())
        except NotStrictCapable as reason:
            reasons[action.name] = str(reason)
    return reasons


def openai_tool(action: ToolSpec, *, strict: bool = True, api: Api = "chat") -> dict[str, Any]:
    parameters, is_strict = tool_parameters(action, strict=strict)
    description = action.tool_description()
    function = {"name": action.name, "description": description, "parameters": parameters, "strict": is_strict}
    if api == "responses":
        return {"type": "function", **function}
    if api == "chat":
        return {"type": "function", "function": function}
    raise ValueError(f"api must be 'chat' or 'responses', not {api!r}")


def openai_tools(
    actions: ActionNames = None,
    *,
    strict: bool = True,
    api: Api = "chat",
    preset: Presets = None,
    tags: Tags = None,
    search: str | None = None,
    k: int = 5,
    policy: Policy | None = None,
) -> ToolList[dict[str, Any]]:
    """Tool definitions for Chat Completions (``api="chat"``) or the Responses API: the actions
    named, those of the presets and tags and the ``k`` best hits for ``search``, each once, without
    those ``policy`` refuses (give the policy of the client that will run the calls); the ``router``
    preset adds the router's two tools."""
    chosen = registry_actions(actions, preset=preset, tags=tags, search=search, k=k, policy=policy)
    return ToolList(openai_tool(action, strict=strict, api=api) for action in chosen)


# --- executing the model's tool calls -------------------------------------------------------

_EXPECTED = (
    "a Chat Completions message (or its tool_calls list) or a Responses Response (or its output list), "
    "as the openai package's objects or as dicts"
)


def read_tool_calls(source: Any) -> tuple[list[ToolCall], list[Api]]:
    """The function calls in a message, a ``Response`` or a list of either's items, with the API
    each answer is for. Items of other kinds (text messages, reasoning) are skipped."""
    entries, api = _entries(source)
    read = [_read_entry(position, entry) for position, entry in enumerate(entries, 1)]
    found = [item for item in read if item is not None]
    if api is None:
        api = "responses" if any(kind == "responses" for _, kind in found) else "chat"
    return [call for call, _ in found], [kind or api for _, kind in found]


def _entries(source: Any) -> tuple[list[Any], Api | None]:
    if source is None:
        return [], None
    if isinstance(source, str | bytes):
        raise TypeError(f"expected {_EXPECTED}, not text")
    if has_member(source, "choices"):
        raise TypeError("pass the completion's message (completion.choices[0].message), not the whole completion")
    if has_member(source, "tool_calls") or (isinstance(source, dict) and "role" in source):
        if _is_anthropic_content(member(source, "content")):
            raise TypeError("this message holds Anthropic tool_use blocks: run them with execute_tool_uses")
        return listed(member(source, "tool_calls"), "tool_calls"), "chat"
    if has_member(source, "output"):
        return listed(member(source, "output"), "output"), "responses"
    if isinstance(source, list | tuple):
        return list(source), None
    raise TypeError(f"expected {_EXPECTED}, not {type(source).__name__}")


def _is_anthropic_content(content: Any) -> bool:
    return isinstance(content, list) and any(member(block, "type") == "tool_use" for block in content)


def _read_entry(position: int, entry: Any) -> tuple[ToolCall, Api | None] | None:
    item = as_mapping(entry)
    if item is None:
        return read_call(position, None, None, None), None
    kind = item.get("type")
    if kind == "function_call":
        return read_call(position, item.get("call_id"), item.get("name"), item.get("arguments")), "responses"
    if kind == "function" or (kind is None and "function" in item):
        function = item.get("function")
        if not isinstance(function, dict):
            problem = f"tool call #{position} has no function object with the tool's name and arguments"
            return read_call(position, item.get("id"), None, None, problem), "chat"
        return read_call(position, item.get("id"), function.get("name"), function.get("arguments")), "chat"
    if kind is None:
        problem = f"tool call #{position} is neither a function call nor any other known item"
        return read_call(position, item.get("id") or item.get("call_id"), None, None, problem), None
    return None  # another kind of item


def tool_output(call: ToolCall, result: ActionResult, api: Api, *, compact: bool = True) -> dict[str, Any]:
    """The message (Chat Completions) or input item (Responses) carrying the result back: compact, or the
    raw envelope with ``compact=False``."""
    content = envelope_json(result, call.name, call.arguments, compact=compact)
    if api == "responses":
        return {"type": "function_call_output", "call_id": call.id, "output": content}
    return {"role": "tool", "tool_call_id": call.id, "content": content}


def execute_tool_calls(
    cal: Cal, tool_calls: Any, *, tools: Offered = None, compact: bool = True
) -> list[dict[str, Any]]:
    """Run each call in order and return one output per call, in the same order; ``[]`` when the
    message has no tool calls (the model's final answer). ``compact=False`` sends the raw envelopes.

    ``tools``: the tools the model was offered (the list :func:`openai_tools` returned, or names); a call
    to any other tool is answered with an error and nothing is sent. Without it, any action may run."""
    client = sync_client(cal, "execute_tool_calls", "use `await aexecute_tool_calls(cal, ...)`")
    calls, apis = read_tool_calls(tool_calls)
    results = run_calls(client, calls, tools)
    return [tool_output(*answer, compact=compact) for answer in zip(calls, results, apis, strict=True)]


async def aexecute_tool_calls(
    cal: Cal | AsyncCal, tool_calls: Any, *, tools: Offered = None, compact: bool = True
) -> list[dict[str, Any]]:
    """The async twin, for an ``AsyncCal`` (or a ``Cal``, run in worker threads). Read-only batches
    run concurrently; any write keeps the model's order."""
    client = any_client(cal, "aexecute_tool_calls")
    calls, apis = read_tool_calls(tool_calls)
    results = await arun_calls(client, calls, tools)
    return [tool_output(*answer, compact=compact) for answer in zip(calls, results, apis, strict=True)]
