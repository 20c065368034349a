"""``cal-actions``: list, describe, search and call the actions, serve them over MCP, run the sandbox.

One module per command group; each adds its commands to the parser and handles them. ``main``
turns what a shell user should never see (a closed pipe, Ctrl-C) into a quiet exit status.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence

from cal_actions.cli import call, catalogue, mcp, sandbox, webhooks

#: Exit statuses of a process ended by SIGPIPE and by SIGINT, as shells report them.
BROKEN_PIPE = 141
INTERRUPTED = 130


class Parser(argparse.ArgumentParser):
    """An ArgumentParser whose epilog may be a function, called only when help is shown."""

    def format_help(self) -> str:
        if callable(self.epilog):
            epilog: Callable[[], str] = self.epilog
            self.epilog = epilog()
        return super().format_help()


def build_parser() -> argparse.ArgumentParser:
    parser = Parser(prog="cal-actions", description="The Cal.com API v2 as typed agent tools.")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    catalogue.add_commands(commands)
    call.add_commands(commands)
    sandbox.add_commands(commands)
    mcp.add_commands(commands)
    webhooks.add_commands(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    try:
        try:
            args = build_parser().parse_args(argv)
            status: int = args.handler(args)
            return status
        finally:
            if not sys.stdout.closed:  # the MCP SDK's stdio transport closes it when the client leaves
                sys.stdout.flush()  # a reader that stopped early shows up here, not at interpreter exit
    except BrokenPipeError:
        _discard_stdout()
        return BROKEN_PIPE
    except KeyboardInterrupt:
        return INTERRUPTED


def _discard_stdout() -> None:
    """Point stdout at /dev/null so the interpreter's final flush does not fail on the closed pipe."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError):  # stdout is not a file (captured in tests): nothing to flush later
        pass


__all__ = ["build_parser", "main"]
