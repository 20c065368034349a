"""``mcp``: serve the actions as MCP tools, executed through the client the options build: over stdio for
one user, or over HTTP (``--http``) for a team, each call acting with its caller's credential."""

from __future__ import annotations

import argparse
import textwrap
from typing import TYPE_CHECKING, Any

from cal_actions.cli.common import (
    add_client_options,
    client,
    fail,
    misuse,
    name_list,
    port_number,
    positive_int,
    release,
    remark,
    unknown_action,
)

if TYPE_CHECKING:
    from cal_actions.adapters.mcp_http import HttpSettings

#: The options that only mean something with --http, by destination (unset they are None or False).
HTTP_OPTIONS = {
    "host": "--host",
    "port": "--port",
    "path": "--path",
    "allowed_hosts": "--allowed-host",
    "allowed_origins": "--allowed-origin",
    "max_body": "--max-body",
    "shutdown_timeout": "--shutdown-timeout",
    "log_level": "--log-level",
    "allow_server_key": "--allow-server-key",
}
LOG_LEVELS = ("critical", "error", "warning", "info", "debug")


def serve(args: argparse.Namespace) -> int:
    try:
        import anyio

        from cal_actions.adapters.mcp import build_server, serve_stdio

        if args.http:
            from cal_actions.adapters.mcp_http import client_for, serve_http
    except ImportError as missing:
        from cal_actions.adapters import needs_extra

        fail(str(needs_extra("the MCP server", "mcp", missing)))
    from cal_actions.errors import UnknownActionError
    from cal_actions.http.client import AsyncCal

    settings = http_settings(args)
    cal = client(args, AsyncCal)
    if args.allow_server_key and not cal.config.secrets:
        release(cal)
        fail("--allow-server-key lends the server's credential to callers without one: set CAL_API_KEY")
    # Over HTTP every call acts as its caller; over stdio the one user's client is the server's.
    picker = client_for(cal, allow_server_key=args.allow_server_key) if settings else None
    try:
        # No selection at all is None, not an empty list: the adapters' default set, not zero tools.
        server = build_server(
            cal, args.actions, preset=args.preset, tags=args.tags, client_for=picker, compact=not args.raw
        )
    except UnknownActionError as error:  # a selection option naming what does not exist: a usage error
        release(cal)
        misuse(unknown_action(error))
    except ValueError as error:
        release(cal)
        misuse(str(error))
    notice(args, cal, http=settings is not None)  # once the selection is known to be served

    async def run() -> None:
        async with cal:
            await (serve_stdio(server) if settings is None else serve_http(server, settings))

    try:
        anyio.run(run)
    except SystemExit as stop:
        if settings is None or stop.code in (0, None):
            raise
        # uvicorn's way of saying it could not start (the port taken, say); it logged why.
        fail(f"could not serve on {settings.host}:{settings.port} (the reason is above)")
    finally:
        release(cal)
    return 0


def notice(args: argparse.Namespace, cal: Any, *, http: bool) -> None:
    """Say on stderr what a user would otherwise find out call by call: the key the sandbox's user has over
    HTTP (callers need one), or that a stdio server without a credential will fail every call."""
    if http and args.sandbox and not args.allow_server_key:
        from cal_actions.sandbox.seed import API_KEY

        remark(f"the sandbox's user: callers send 'Authorization: Bearer {API_KEY}' (or start with --allow-server-key)")
    elif not http and not args.sandbox and not cal.config.secrets:
        remark("no credential (set CAL_API_KEY, or CAL_ACCESS_TOKEN): tools are listed, every call will fail until "
            "one is set; --sandbox needs none")  # fmt: skip


def http_settings(args: argparse.Namespace) -> HttpSettings | None:
    """The HTTP server's settings from the options, refusing combinations that would be unsafe or meaningless."""
    given = [name for name in HTTP_OPTIONS if getattr(args, name) not in (None, False)]
    if not args.http:
        if given:
            misuse(f"{HTTP_OPTIONS[given[0]]} needs --http (without it the server speaks stdio)")
        return None
    from cal_actions.adapters.mcp_http import HEALTH_PATH, HttpSettings, is_loopback

    # --allow-server-key decides which client a call runs on, not how the HTTP server behaves.
    values: dict[str, Any] = {name: getattr(args, name) for name in given if name != "allow_server_key"}
    for name in ("allowed_hosts", "allowed_origins"):
        if name in values:
            values[name] = tuple(values[name])
    settings = HttpSettings(**values)
    if not settings.path.startswith("/") or settings.path.rstrip("/") in ("", HEALTH_PATH):
        misuse(f"--path must start with / and differ from / and {HEALTH_PATH}, not {settings.path!r}")
    if not is_loopback(settings.host) and not settings.allowed_hosts:
        misuse(
            f"--host {settings.host} accepts connections from other machines: name the host they reach this server "
            "by with --allowed-host (repeatable), so requests for any other host are refused"
        )
    return settings


def epilog() -> str:
    """Presets, tags and the default, read from the code when help is shown."""
    from cal_actions import registry, router
    from cal_actions.adapters.selection import pick_actions
    from cal_actions.presets import PRESETS

    described = {name: preset.description for name, preset in PRESETS.items()}
    described[router.PRESET] = router.PRESET_DESCRIPTION
    width = max(map(len, described))
    presets = "\n".join(f"  {name:<{width}}  {description}" for name, description in described.items())
    tags = textwrap.fill(  # a tag is one word even with a hyphen (routing-forms)
        ", ".join(registry.tags()), 100, initial_indent="  ", subsequent_indent="  ", break_on_hyphens=False
    )
    return (
        f"With no --preset, --tags or --actions: the default agent set ({len(pick_actions(registry))} tools).\n\n"
        f"presets:\n{presets}\n\ntags:\n{tags}\n\n"
        "Over stdio, credentials come from CAL_API_KEY (and the other CAL_* variables); --sandbox needs none.\n"
        "Over HTTP, each request carries its caller's credential as 'Authorization: Bearer <key or token>', and "
        "only\nthat credential reaches Cal.com (the server's CAL_API_KEY only with --allow-server-key)."
    )


def add_commands(commands: Any) -> None:
    parser = commands.add_parser(
        "mcp",
        help="serve the actions as MCP tools over stdio, or over HTTP for a team (--http)",
        description="Serve the actions as MCP tools over stdio, or over streamable HTTP with --http.",
        epilog=epilog,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--preset", type=name_list, help="presets (listed below), comma-separated: scheduling,router")
    parser.add_argument("--tags", type=name_list, help="comma-separated tags whose actions to add, e.g. bookings,slots")
    parser.add_argument("--actions", type=name_list, help="comma-separated action names to add, e.g. CAL_GET_ME")
    parser.add_argument(
        "--raw", action="store_true", help="answer with the envelopes as Cal.com gave them, not the compact ones"
    )
    add_client_options(parser)
    add_http_options(parser.add_argument_group("HTTP (--http)"))
    parser.set_defaults(handler=serve, actions=None, tags=None, preset=None)


def add_http_options(group: Any) -> None:
    group.add_argument("--http", action="store_true", help="serve streamable HTTP (stateless) instead of stdio")
    group.add_argument("--host", help="address to bind (default 127.0.0.1; another needs --allowed-host)")
    group.add_argument("--port", type=port_number, help="port to listen on (default 8000)")
    group.add_argument("--path", help="the MCP endpoint's path (default /mcp); /healthz answers load balancers")
    group.add_argument(
        "--allowed-host",
        dest="allowed_hosts",
        action="append",
        metavar="HOST",
        help="a Host header to accept besides loopback names, e.g. mcp.example.com (repeatable)",
    )
    group.add_argument(
        "--allowed-origin",
        dest="allowed_origins",
        action="append",
        metavar="ORIGIN",
        help="a browser Origin to accept besides loopback ones, e.g. https://app.example.com (repeatable)",
    )
    group.add_argument(
        "--allow-server-key",
        action="store_true",
        help="a call without Authorization acts with the server's CAL_API_KEY instead of being refused",
    )
    group.add_argument("--max-body", type=positive_int, metavar="BYTES", help="larger requests get 413 (default 1 MiB)")
    group.add_argument(
        "--shutdown-timeout",
        type=positive_int,
        metavar="SECONDS",
        help="on SIGTERM/SIGINT, how long calls in flight may take to finish (default 30)",
    )
    group.add_argument("--log-level", choices=LOG_LEVELS, help="default info: one access line per request")
