"""An MCP server whose tools are the selected actions, executed through a client.

Built on the SDK's low-level ``Server`` so that each tool's input schema is exactly the
action's ``json_schema()`` and its annotations come straight from the declaration. The SDK's
own JSON Schema check is turned off: the client validates with the parameter model and names
the offending field, which is more useful to a model than a bare schema message.
"""

from __future__ import annotations

import functools
from typing import Any

import anyio
from mcp import types
from mcp.server.lowlevel import Server

from cal_actions import __version__
from cal_actions.action import Action
from cal_actions.adapters.common import ActionNames, drop_nulls, envelope_json, selected_actions, tool_title
from cal_actions.http.client import AsyncCal, Cal
from cal_actions.result import ActionResult

__all__ = ["build_server", "mcp_tool", "serve_stdio", "server_instructions"]

SERVER_NAME = "cal-actions"
SLOTS_ACTION = "CAL_LIST_AVAILABLE_SLOTS"


def mcp_tool(action: Action) -> types.Tool:
    title = tool_title(action)
    return types.Tool(
        name=action.name,
        title=title,
        description=action.description,
        inputSchema=action.json_schema(),
        annotations=types.ToolAnnotations(
            title=title,
            readOnlyHint=action.read_only,
            destructiveHint=action.destructive,  # explicit even when False: the protocol's default is True
            idempotentHint=action.idempotent,
            openWorldHint=True,  # every call reaches Cal.com
        ),
    )


def server_instructions(actions: list[Action]) -> str:
    """What the server offers and the rules a model must follow with it."""
    tags = sorted({tag for action in actions for tag in action.tags if tag != "legacy"})
    lines = [
        f"Cal.com API v2 tools ({len(actions)}), covering: {', '.join(tags) or 'nothing'}.",
        "Each tool returns {data, successful, error}; when successful is false, read error, fix the "
        "arguments or tell the user.",
        "Never invent ids, uids or emails: find them with the list and get tools, or ask the user.",
    ]
    if any(action.name == SLOTS_ACTION for action in actions):
        lines.append(f"Before booking or rescheduling, check free slots with {SLOTS_ACTION} and use one of them.")
    if any(action.destructive for action in actions):
        lines.append("Ask the user to confirm before any destructive tool (cancel, delete, remove).")
    return "\n".join(lines)


def build_server(
    cal: Cal | AsyncCal,
    actions: ActionNames = None,
    *,
    preset: str | None = None,
    tags: list[str] | str | None = None,
) -> Server:
    """A server listing the named actions plus those of ``preset`` and ``tags`` (all when none is given)."""
    chosen = selected_actions(cal, actions, preset=preset, tags=tags)
    tools = [mcp_tool(action) for action in chosen]
    known = {tool.name for tool in tools}
    server: Server = Server(SERVER_NAME, version=__version__, instructions=server_instructions(chosen))

    @server.list_tools()
    async def list_tools() -> list[types.Tool]:
        return tools

    @server.call_tool(validate_input=False)
    async def call_tool(name: str, arguments: dict[str, Any] | None) -> types.CallToolResult:
        if name not in known:  # only what is listed may run, even if the client knows more actions
            return tool_result(ActionResult.failure(f"unknown tool {name!r}; list the tools to see what is offered"))
        return tool_result(await execute(cal, name, drop_nulls(arguments or {})))

    return server


async def execute(cal: Cal | AsyncCal, name: str, arguments: dict[str, Any]) -> ActionResult:
    if isinstance(cal, AsyncCal):
        return await cal.execute(name, arguments)
    return await anyio.to_thread.run_sync(functools.partial(cal.execute, name, arguments))


def tool_result(result: ActionResult) -> types.CallToolResult:
    return types.CallToolResult(
        content=[types.TextContent(type="text", text=envelope_json(result))],
        structuredContent=result.model_dump(mode="json"),
        isError=not result.successful,
    )


async def serve_stdio(server: Server) -> None:
    """Serve over standard input and output until the client disconnects."""
    from mcp.server.stdio import stdio_server

    async with stdio_server() as (read_stream, write_stream):
        await server.run(read_stream, write_stream, server.create_initialization_options())
