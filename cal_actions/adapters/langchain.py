"""LangChain tools from the registry: one ``StructuredTool`` per action, run through a client.

Each tool's ``args_schema`` is the action's own parameter model and its description is ours.
The tool answers with the envelope as JSON text (the ``ToolMessage`` content): a string is what
every chat model integration accepts as a tool result, whereas a dict would be stringified by
LangChain in a way that differs between versions. The envelope is also attached as the message's
``artifact`` for code that wants the data without parsing. Unsuccessful envelopes (bad input,
HTTP or network errors) come back the same way with ``status="error"``; they never raise.

Clients: with ``Cal`` both ``invoke`` and ``ainvoke`` work (the async path runs the call in a
worker thread). With ``AsyncCal`` only ``ainvoke`` works: running its connection pool under a
fresh event loop per call would break it, so the sync path refuses with a clear error.
"""

from __future__ import annotations

import asyncio
import json
from typing import Any

from langchain_core.tools import StructuredTool, ToolException
from pydantic import BaseModel

from cal_actions.action import Action
from cal_actions.adapters.common import ActionNames, drop_nulls, envelope_json, selected_actions
from cal_actions.http.client import AsyncCal, Cal
from cal_actions.result import ActionResult

__all__ = ["CalTool", "langchain_tool", "langchain_tools"]


class CalTool(StructuredTool):
    """A ``StructuredTool`` whose arguments are validated by the client, not by LangChain.

    LangChain's own parsing would hand the function every omitted optional field set to its
    ``None`` default, which the parameter models reject. Here nulls are removed and the client
    validates against the same model, reporting any problem in the envelope by field name.
    """

    @property
    def tool_call_schema(self) -> type[BaseModel]:  # type: ignore[override]
        # The model as declared: it has no injected arguments to hide, and LangChain 0.3 fails to
        # derive its usual copy from a model without fields (13 actions take no arguments).
        return self.args_schema  # type: ignore[return-value]

    def _parse_input(self, tool_input: str | dict[str, Any], *args: Any, **kwargs: Any) -> dict[str, Any]:
        if isinstance(tool_input, str):
            tool_input = _json_object(tool_input)
        return drop_nulls(tool_input)


def langchain_tools(
    cal: Cal | AsyncCal,
    actions: ActionNames = None,
    *,
    preset: str | None = None,
    tags: list[str] | str | None = None,
) -> list[StructuredTool]:
    """Tools for the named actions plus those of ``preset`` and ``tags`` (all actions when none is given)."""
    return [langchain_tool(cal, action) for action in selected_actions(cal, actions, preset=preset, tags=tags)]


def langchain_tool(cal: Cal | AsyncCal, action: Action) -> StructuredTool:
    name = action.name

    if isinstance(cal, AsyncCal):

        def run(**arguments: Any) -> tuple[str, dict[str, Any]]:
            raise NotImplementedError(f"{name} runs on an AsyncCal: use ainvoke, or build the tools from a Cal")

        async def arun(**arguments: Any) -> tuple[str, dict[str, Any]]:
            return _outcome(await cal.execute(name, arguments))

    else:

        def run(**arguments: Any) -> tuple[str, dict[str, Any]]:
            return _outcome(cal.execute(name, arguments))

        async def arun(**arguments: Any) -> tuple[str, dict[str, Any]]:
            return _outcome(await asyncio.to_thread(cal.execute, name, arguments))

    return CalTool(
        name=name,
        description=action.description,
        args_schema=action.params,
        func=run,
        coroutine=arun,
        response_format="content_and_artifact",
        handle_tool_error=True,  # the ToolException's text (the envelope) becomes the message content
    )


def _outcome(result: ActionResult) -> tuple[str, dict[str, Any]]:
    """Content and artifact on success; a failure becomes a ToolException so the message is marked as an error."""
    text = envelope_json(result)
    if not result.successful:
        raise ToolException(text)
    return text, result.model_dump()


def _json_object(text: str) -> dict[str, Any]:
    try:
        parsed = json.loads(text)
    except ValueError:
        parsed = None
    if not isinstance(parsed, dict):
        raise ToolException(envelope_json(ActionResult.failure("arguments must be a JSON object")))
    return parsed
