"""LangChain tools from the registry: one ``StructuredTool`` per action, run through a client.

Each tool's ``args_schema`` is the action's own parameter model and its description is ours.
The tool answers with the envelope as JSON text (the ``ToolMessage`` content), compact unless the
tools were built with ``compact=False``: a string is what every chat model integration accepts as a
tool result, whereas a dict would be stringified by LangChain in a way that differs between versions.
The raw envelope is also attached as the message's ``artifact`` for code that wants the data as
Cal.com gave it, without parsing. Unsuccessful envelopes (bad input,
HTTP or network errors) come back as content with ``status="error"``, never raised; LangChain keeps no
artifact for an error, and needs none: a failure's content is the raw envelope (failures are not compacted).

Whatever input the tool is given (a dict, JSON text, a tool call whose ``args`` are text, a list
or ``None``) goes to ``execute`` exactly as from Python, nulls removed from an object, so a
malformed input gets the envelope error any caller would get.

Clients: with ``Cal`` both ``invoke`` and ``ainvoke`` work (the async path runs the call in a
worker thread). With ``AsyncCal`` only ``ainvoke`` works: running its connection pool under a
fresh event loop per call would break it, so ``invoke`` raises ``TypeError`` saying so.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel

from cal_actions.adapters import needs_extra

try:
    from langchain_core.runnables import RunnableConfig
    from langchain_core.tools import StructuredTool, ToolException
except ModuleNotFoundError as missing:
    raise needs_extra("the LangChain adapter", "langchain", missing) from missing

from cal_actions.action import OneOf
from cal_actions.adapters.common import (
    aexecute_tool,
    any_client,
    envelope_json,
    execute_tool,
    model_arguments,
    sync_client,
)
from cal_actions.adapters.selection import ActionNames, Presets, Tags, ToolList, ToolSpec, selected_actions
from cal_actions.http.client import AsyncCal, Cal
from cal_actions.result import ActionResult
from cal_actions.schema import tool_schema

__all__ = ["CalTool", "langchain_tool", "langchain_tools"]


# Carries a tool call's ``args`` that are not a dict past LangChain, which copies them with ``.copy()``.
_RAW = "__cal_actions_raw_arguments__"


class CalTool(StructuredTool):
    """A ``StructuredTool`` whose input goes to the client as it came, not through LangChain's parsing.

    LangChain's own parsing would hand the function every omitted optional field set to its
    ``None`` default (which the parameter models reject), ignore the input of a tool without
    fields, and fail on input that is not a dict. Here the input is given to ``execute`` as from
    Python, nulls removed, and the client reports any problem in the envelope by field name.
    """

    @property
    def tool_call_schema(self) -> type[BaseModel] | dict[str, Any]:  # type: ignore[override,unused-ignore]
        # The model as declared: it has no injected arguments to hide, and LangChain 0.3 fails to
        # derive its usual copy from a model without fields (13 actions take no arguments). A model
        # of exclusive forms is offered as the one object tool APIs accept, as the other adapters do.
        model: type[BaseModel] = self.args_schema  # type: ignore[assignment]
        return tool_schema(model) if issubclass(model, OneOf) else model

    def invoke(self, input: Any, config: RunnableConfig | None = None, **kwargs: Any) -> Any:
        return super().invoke(_wrap_args(input), config, **kwargs)

    async def ainvoke(self, input: Any, config: RunnableConfig | None = None, **kwargs: Any) -> Any:
        return await super().ainvoke(_wrap_args(input), config, **kwargs)

    def _to_args_and_kwargs(self, tool_input: Any, tool_call_id: str | None) -> tuple[tuple[Any, ...], dict[str, Any]]:
        if isinstance(tool_input, dict) and set(tool_input) == {_RAW}:
            tool_input = tool_input[_RAW]
        return (), {"arguments": model_arguments(tool_input)}


def _wrap_args(value: Any) -> Any:
    if isinstance(value, dict) and value.get("type") == "tool_call" and not isinstance(value.get("args"), dict):
        return {**value, "args": {_RAW: value.get("args")}}
    return value


def langchain_tools(
    cal: Cal | AsyncCal,
    actions: ActionNames = None,
    *,
    preset: Presets = None,
    tags: Tags = None,
    search: str | None = None,
    k: int = 5,
    compact: bool = True,
) -> ToolList[StructuredTool]:
    """Tools for the actions named, those of ``preset`` and ``tags`` and the ``k`` best hits for
    ``search``, each once (all actions when none is given); the ``router`` preset adds the router's
    two tools. ``compact=False``: raw envelopes as content."""
    client = any_client(cal, "langchain_tools")
    chosen = selected_actions(client, actions, preset=preset, tags=tags, search=search, k=k)
    return ToolList(langchain_tool(client, action, compact=compact) for action in chosen)


def langchain_tool(cal: Cal | AsyncCal, action: ToolSpec, *, compact: bool = True) -> StructuredTool:
    name = action.name
    client = any_client(cal, "langchain_tool")

    def run(arguments: Any = None) -> tuple[str, dict[str, Any]]:
        instead = "use `await tool.ainvoke(...)`, or build the tools from a Cal"
        result = execute_tool(sync_client(client, f"{name}.invoke", instead), name, arguments)
        return _outcome(result, action, arguments, compact)

    async def arun(arguments: Any = None) -> tuple[str, dict[str, Any]]:
        return _outcome(await aexecute_tool(client, name, arguments), action, arguments, compact)

    return CalTool(
        name=name,
        description=action.tool_description(),
        args_schema=action.params,
        func=run,
        coroutine=arun,
        response_format="content_and_artifact",
        handle_tool_error=True,  # the ToolException's text (the envelope) becomes the message content
    )


def _outcome(result: ActionResult, action: ToolSpec, arguments: Any, compact: bool) -> tuple[str, dict[str, Any]]:
    """Content (what the model reads) and artifact (the raw envelope, for code) on success; a failure
    becomes a ToolException so the message is marked as an error."""
    text = envelope_json(result, action, arguments, compact=compact)
    if not result.successful:
        raise ToolException(text)
    return text, result.model_dump()
