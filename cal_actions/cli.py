"""``cal-actions``: list, describe and call the actions from a shell.

Credentials come only from the environment (``CAL_API_KEY`` …), never from the command line,
so they stay out of shell history and process listings.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from cal_actions.action import Action
from cal_actions.policy import POLICIES
from cal_actions.webhooks import listen as webhooks_cli

if TYPE_CHECKING:
    from cal_actions.http.client import AsyncCal


def action_summary(action: Action) -> dict[str, Any]:
    """The machine-readable description of an action used by ``list --json``."""
    return {
        "name": action.name,
        "aliases": list(action.aliases),
        "method": action.method,
        "path": action.path,
        "description": action.description,
        "tags": list(action.tags),
        "hints": {"read_only": action.read_only, "destructive": action.destructive, "idempotent": action.idempotent},
        "parameters": action.json_schema(),
    }


def _print_json(value: Any) -> None:
    print(json.dumps(value, indent=2, ensure_ascii=False))


def _list(args: argparse.Namespace) -> int:
    from cal_actions import registry

    actions = registry.with_tag(args.tag) if args.tag else list(registry)
    if args.json:
        _print_json([action_summary(action) for action in actions])
        return 0
    width = max((len(action.name) for action in actions), default=0)
    for action in actions:
        print(f"{action.name:<{width}}  {action.method:<6} {action.path}")
    return 0


def _describe(args: argparse.Namespace) -> int:
    action = _find(args.name)
    hints = [hint for hint in ("read_only", "destructive", "idempotent") if getattr(action, hint)]
    print(f"{action.name}  ({', '.join(action.aliases) or 'no aliases'})")
    print(
        f"{action.method} {action.path}"
        + (f"  cal-api-version: {action.route.version}" if action.route.version else "")
    )
    print(f"tags: {', '.join(action.tags)}   hints: {', '.join(hints) or 'none'}   auth: {action.route.auth}")
    print()
    print(action.description)
    schema = action.json_schema()
    required = set(schema.get("required", []))
    if schema["properties"]:
        print()
    for name, prop in schema["properties"].items():
        where = action.placement[name]
        marker = "required" if name in required else "optional"
        print(f"  {name} [{where}, {marker}]: {prop.get('description', '')}")
    return 0


def _schema(args: argparse.Namespace) -> int:
    _print_json(_find(args.name).json_schema())
    return 0


def _call(args: argparse.Namespace) -> int:
    from cal_actions import Cal

    if args.sandbox:
        from cal_actions.sandbox.cli import call_sandbox

        return call_sandbox(args)
    with Cal(base_url=args.base_url, policy=args.policy, dry_run=args.dry_run) as cal:
        result = cal.execute(args.name, args.args)
    _print_json(result.model_dump())
    return 0 if result.successful else 1


def _mcp(args: argparse.Namespace) -> int:
    import anyio

    from cal_actions.adapters.mcp import build_server, serve_stdio
    from cal_actions.errors import UnknownActionError

    cal = _mcp_client(args)
    try:
        server = build_server(cal, _split(args.actions), preset=args.preset, tags=_split(args.tags))
    except (UnknownActionError, ValueError) as error:
        raise SystemExit(f"cal-actions: {error}") from None

    async def serve() -> None:
        async with cal:
            await serve_stdio(server)

    anyio.run(serve)
    return 0


def _mcp_client(args: argparse.Namespace) -> AsyncCal:
    """The client the MCP server executes through: the sandbox, or Cal.com with CAL_* credentials."""
    from cal_actions import AsyncCal

    if args.sandbox:
        from cal_actions.sandbox.cli import open_sandbox

        return AsyncCal.sandbox(open_sandbox(args))  # a notice about state goes to stderr, not the protocol
    return AsyncCal(base_url=args.base_url)


def _search(args: argparse.Namespace) -> int:
    from cal_actions.search_cli import print_search

    return print_search(args.query, args.k, as_json=args.json)


def _split(value: str | None) -> list[str]:
    return [item.strip() for item in (value or "").split(",") if item.strip()]


def _demo(args: argparse.Namespace) -> int:
    from cal_actions.demo.run import run_demo

    return run_demo()


def _sandbox(args: argparse.Namespace) -> int:
    from cal_actions.sandbox.cli import run

    return run(args)


def _find(name: str) -> Action:
    from cal_actions import registry

    if name not in registry:
        raise SystemExit(f"cal-actions: unknown action {name!r} (see 'cal-actions list')")
    return registry.get(name)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="cal-actions", description="The Cal.com API v2 as typed agent tools.")
    commands = parser.add_subparsers(dest="command", required=True)

    listing = commands.add_parser("list", help="list the actions")
    listing.add_argument("--json", action="store_true", help="one JSON object per action, with its schema")
    listing.add_argument("--tag", help="only actions with this tag (e.g. bookings, orgs, webhooks)")
    listing.set_defaults(handler=_list)

    describe = commands.add_parser("describe", help="explain one action and its parameters")
    describe.add_argument("name")
    describe.set_defaults(handler=_describe)

    schema = commands.add_parser("schema", help="print an action's parameter JSON Schema")
    schema.add_argument("name")
    schema.set_defaults(handler=_schema)

    call = commands.add_parser("call", help="run an action; credentials come from CAL_* environment variables")
    call.add_argument("name")
    call.add_argument("--args", default="{}", help="arguments as a JSON object")
    call.add_argument("--base-url", default=None, help="API base URL (default: CAL_BASE_URL or https://api.cal.com)")
    call.add_argument("--sandbox", action="store_true", help="run against the embedded Cal.com sandbox, not the API")
    call.add_argument("--db", default=None, help="sandbox state file (default: CAL_SANDBOX_DB, else in memory)")
    call.add_argument("--dry-run", action="store_true", help="print the request (credentials masked) without sending")
    call.add_argument("--policy", choices=POLICIES, default=None, help="refuse actions that change or delete data")
    call.set_defaults(handler=_call)

    sandbox = commands.add_parser("sandbox", help="the embedded Cal.com sandbox: serve it, reset it, read its outbox")
    sandbox_commands = sandbox.add_subparsers(dest="sandbox_command", required=True)
    serve = sandbox_commands.add_parser("serve", help="answer Cal.com API v2 requests on 127.0.0.1")
    serve.add_argument("--port", type=int, default=8787, help="port on 127.0.0.1 (default 8787; 0 picks a free one)")
    reset = sandbox_commands.add_parser("reset", help="put the sandbox back to its seeded state")
    outbox = sandbox_commands.add_parser("outbox", help="list the webhook deliveries the sandbox recorded")
    outbox.add_argument("--json", action="store_true", help="every delivery as JSON, with headers and body")
    for command in (serve, reset, outbox):
        command.add_argument("--db", default=None, help="sandbox state file (default: CAL_SANDBOX_DB, else in memory)")
    sandbox.set_defaults(handler=_sandbox)

    search = commands.add_parser("search", help="find the actions that fit a request in plain words, best first")
    search.add_argument("query", help='what you want to do, e.g. "move my 3pm to Friday"')
    search.add_argument("-k", type=int, default=5, help="how many actions to show (default 5)")
    search.add_argument("--json", action="store_true", help="name, score and description of each, as JSON")
    search.set_defaults(handler=_search)

    mcp = commands.add_parser("mcp", help="serve the actions as MCP tools over stdio; credentials from CAL_* variables")
    mcp.add_argument("--preset", help="a named subset of the actions, e.g. scheduling (see cal_actions.presets)")
    mcp.add_argument("--tags", help="comma-separated tags whose actions to add, e.g. bookings,slots")
    mcp.add_argument("--actions", help="comma-separated action names to add, e.g. CAL_GET_ME")
    mcp.add_argument("--base-url", default=None, help="API base URL (default: CAL_BASE_URL or https://api.cal.com)")
    mcp.add_argument("--sandbox", action="store_true", help="execute on the embedded Cal.com sandbox, not the API")
    mcp.add_argument("--db", default=None, help="sandbox state file (default: CAL_SANDBOX_DB, else in memory)")
    mcp.set_defaults(handler=_mcp)

    demo = commands.add_parser("demo", help="watch an agent book, reschedule and cancel on the embedded sandbox")
    demo.set_defaults(handler=_demo)
    webhooks_cli.add_parser(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    return args.handler(args)


if __name__ == "__main__":
    sys.exit(main())
