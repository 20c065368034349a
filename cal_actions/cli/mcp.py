"""``mcp``: serve the actions as MCP tools over stdio, executed through the client the options build."""

from __future__ import annotations

import argparse
import textwrap
from typing import Any

from cal_actions.cli.common import add_client_options, client, fail, name_list, release, unknown_action

INSTALL = "pip install 'cal-actions[mcp]'"


def serve(args: argparse.Namespace) -> int:
    try:
        import anyio

        from cal_actions.adapters.mcp import build_server, serve_stdio
    except ImportError as missing:
        fail(f"the MCP server needs the mcp extra ({missing.name or 'mcp'} is not installed): {INSTALL}")
    from cal_actions.errors import UnknownActionError
    from cal_actions.http.client import AsyncCal

    cal = client(args, AsyncCal)
    try:
        # No selection at all is None, not an empty list: the adapters' default set, not zero tools.
        server = build_server(cal, args.actions, preset=args.preset, tags=args.tags)
    except UnknownActionError as error:
        release(cal)
        fail(unknown_action(error))
    except ValueError as error:
        release(cal)
        fail(str(error))

    async def run() -> None:
        async with cal:
            await serve_stdio(server)

    try:
        anyio.run(run)
    finally:
        release(cal)
    return 0


def epilog() -> str:
    """Presets, tags and the default, read from the code when help is shown."""
    from cal_actions import registry
    from cal_actions.adapters.common import pick_actions
    from cal_actions.presets import PRESETS

    width = max(map(len, PRESETS))
    presets = "\n".join(f"  {name:<{width}}  {preset.description}" for name, preset in PRESETS.items())
    tags = textwrap.fill(", ".join(registry.tags()), 100, initial_indent="  ", subsequent_indent="  ")
    return (
        f"With no --preset, --tags or --actions: the default agent set ({len(pick_actions(registry))} tools).\n\n"
        f"presets:\n{presets}\n\ntags:\n{tags}\n\n"
        "Credentials come from CAL_API_KEY (and the other CAL_* variables); --sandbox needs none."
    )


def add_commands(commands: Any) -> None:
    parser = commands.add_parser(
        "mcp",
        help="serve the actions as MCP tools over stdio; credentials from CAL_* variables",
        description="Serve the actions as MCP tools over stdio.",
        epilog=epilog,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--preset", help="a named subset of the actions (listed below)")
    parser.add_argument("--tags", type=name_list, help="comma-separated tags whose actions to add, e.g. bookings,slots")
    parser.add_argument("--actions", type=name_list, help="comma-separated action names to add, e.g. CAL_GET_ME")
    add_client_options(parser)
    parser.set_defaults(handler=serve, actions=None, tags=None)
