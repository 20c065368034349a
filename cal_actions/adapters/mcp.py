"""An MCP server whose tools are the selected actions, executed through a client.

Built on the SDK's low-level ``Server`` so that each tool's input schema is exactly the
action's ``tool_schema()`` and its annotations come straight from the declaration. The SDK's
own JSON Schema check is turned off: the client validates with the parameter model and names
the offending field, which is more useful to a model than a bare schema message.

Over HTTP, many callers share one server: ``client_for`` picks the client of each call from
the transport's request (its credential), or refuses the call with an envelope.

A tool call always ends in a ``CallToolResult`` carrying the envelope: arguments go to
``execute`` as from Python (nulls removed), and should anything still raise, the model gets an
envelope error naming only the exception's type (its text might quote a request) and the
traceback goes to the log.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from collections.abc import Set as AbstractSet
from typing import Any

from cal_actions.adapters import needs_extra

try:
    from mcp import types
    from mcp.server.lowlevel import Server
except ModuleNotFoundError as missing:
    raise needs_extra("the MCP adapter", "mcp", missing) from missing

from cal_actions import __version__, router
from cal_actions.action import Action
from cal_actions.adapters.common import (
    aexecute_tool,
    any_client,
    envelope_json,
    model_envelope,
    not_offered,
    offered_names,
)
from cal_actions.adapters.selection import ActionNames, Presets, Tags, ToolSpec, selected_actions, tool_title
from cal_actions.compact import READING_NOTE
from cal_actions.http.client import AsyncCal, Cal
from cal_actions.result import ActionResult

logger = logging.getLogger("cal_actions")

__all__ = ["ClientFor", "build_server", "mcp_tool", "serve_stdio", "server_instructions"]

#: The client that runs one call, from the transport's request (``None`` over stdio), or the call's refusal.
ClientFor = Callable[[Any], "Cal | AsyncCal | ActionResult"]

SERVER_NAME = "cal-actions"
SLOTS_ACTION = "CAL_LIST_AVAILABLE_SLOTS"


def mcp_tool(action: ToolSpec) -> types.Tool:
    title = tool_title(action)
    return types.Tool(
        name=action.name,
        title=title,
        description=action.tool_description(),
        inputSchema=action.tool_schema(),
        annotations=types.ToolAnnotations(
            title=title,
            readOnlyHint=action.read_only,
            destructiveHint=action.destructive,  # explicit even when False: the protocol's default is True
            idempotentHint=action.idempotent,
            openWorldHint=action.open_world,  # every action reaches Cal.com; the router's search does not
        ),
    )


def server_instructions(tools: list[ToolSpec], *, compact: bool = True) -> str:
    """What the server offers and the rules a model must follow with it."""
    actions = [tool for tool in tools if isinstance(tool, Action)]
    routed = any(tool.name == router.EXECUTE for tool in tools)
    tags = sorted({tag for action in actions for tag in action.tags if tag != "legacy"})
    lines = [f"Cal.com API v2 tools ({len(tools)}), covering: {', '.join(tags) or 'nothing'}."]
    if routed:
        lines[0] = f"Cal.com API v2 tools ({len(tools)}), covering every action through {router.EXECUTE}."
        lines.append(router.INSTRUCTIONS)
    lines += [
        "Each tool returns {data, successful, error}; when successful is false, read error, fix the "
        "arguments or tell the user.",
        *([READING_NOTE] if compact else []),
        "Never invent ids, uids or emails: find them with the list and get tools, or ask the user.",
    ]
    if routed or any(action.name == SLOTS_ACTION for action in actions):
        lines.append(f"Before booking or rescheduling, check free slots with {SLOTS_ACTION} and use one of them.")
    if routed:
        lines.append("Ask the user to confirm before any destructive action (cancel, delete, remove).")
    elif any(action.destructive for action in actions):
        lines.append("Ask the user to confirm before any destructive tool (cancel, delete, remove).")
    return "\n".join(lines)


def build_server(
    cal: Cal | AsyncCal,
    actions: ActionNames = None,
    *,
    preset: Presets = None,
    tags: Tags = None,
    search: str | None = None,
    k: int = 5,
    client_for: ClientFor | None = None,
    compact: bool = True,
) -> Server:
    """A server listing the actions named, those of ``preset`` and ``tags`` and the ``k`` best hits
    for ``search``, each once (all when none is given), and the router's two tools with the ``router``
    preset (whose execute tool runs any action, listed or not); calls run on ``cal``, or on the client
    ``client_for`` gives for the call's request. Results are compact unless ``compact=False``."""
    client = any_client(cal, "build_server")
    chosen = selected_actions(client, actions, preset=preset, tags=tags, search=search, k=k)
    tools = [mcp_tool(action) for action in chosen]
    offered = offered_names(client.registry, chosen)
    instructions = server_instructions(chosen, compact=compact)
    server: Server = Server(SERVER_NAME, version=__version__, instructions=instructions)

    # The SDK's low-level decorators are untyped; the handlers below are typed.
    @server.list_tools()  # type: ignore[no-untyped-call,untyped-decorator]
    async def list_tools() -> list[types.Tool]:
        return tools

    @server.call_tool(validate_input=False)  # type: ignore[untyped-decorator]
    async def call_tool(name: str, arguments: Any) -> types.CallToolResult:
        caller = client if client_for is None else client_for(server.request_context.request)
        if isinstance(caller, ActionResult):
            return tool_result(caller, name, arguments, compact=compact)
        return tool_result(await call_listed(caller, offered, name, arguments), name, arguments, compact=compact)

    return server


async def call_listed(cal: Cal | AsyncCal, offered: AbstractSet[str] | None, name: Any, arguments: Any) -> ActionResult:
    """Run a listed tool; never raises."""
    refused = not_offered(cal.registry, name, offered)  # only what is listed may run, even if the client knows more
    if refused is not None:
        return refused
    try:
        return await aexecute_tool(cal, name, arguments)
    except Exception as error:  # a bug must not cost the session: the model gets an envelope, the log the trace
        logger.exception("%s raised while running over MCP", name)
        message = f"internal error in cal-actions ({type(error).__name__}); the call may not have run"
        return ActionResult.failure(message)


def tool_result(
    result: ActionResult, name: str | None = None, arguments: Any = None, *, compact: bool = True
) -> types.CallToolResult:
    """The same envelope twice, as the protocol asks: as text, and as ``structuredContent``."""
    action = name if isinstance(name, str) else None
    return types.CallToolResult(
        content=[types.TextContent(type="text", text=envelope_json(result, action, arguments, compact=compact))],
        structuredContent=model_envelope(result, action, arguments, compact=compact),
        isError=not result.successful,
    )


async def serve_stdio(server: Server) -> None:
    """Serve over standard input and output until the client disconnects."""
    from mcp.server.stdio import stdio_server

    from cal_actions.adapters.stdin_lines import StdinLines

    async with stdio_server(stdin=StdinLines()) as (read_stream, write_stream):
        await server.run(read_stream, write_stream, server.create_initialization_options())
