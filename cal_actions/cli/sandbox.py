"""``sandbox serve|reset|outbox``: the embedded Cal.com over HTTP, back to its seed, its webhook outbox."""

from __future__ import annotations

import argparse
from typing import Any

from cal_actions.cli.common import DB_VARIABLE, cannot_listen, open_sandbox, port_number, print_json, state_path


def serve(args: argparse.Namespace) -> int:
    from cal_actions.sandbox.seed import API_KEY, OAUTH_CLIENT_ID, OAUTH_CLIENT_SECRET
    from cal_actions.sandbox.server import make_server

    sandbox = open_sandbox(args.db)
    try:
        server = make_server(sandbox, args.port)
    except OSError as error:
        sandbox.close()
        cannot_listen("127.0.0.1", args.port, error, "choose another --port, 0 picks a free one")
    port = server.server_address[1]
    print(f"Cal.com sandbox on http://127.0.0.1:{port}", flush=True)
    print(f"  CAL_BASE_URL=http://127.0.0.1:{port} CAL_API_KEY={API_KEY}", flush=True)
    print(f"  CAL_CLIENT_ID={OAUTH_CLIENT_ID} CAL_CLIENT_SECRET={OAUTH_CLIENT_SECRET}", flush=True)
    try:
        server.serve_forever()  # until Ctrl-C, which the command line turns into status 130
    finally:
        server.server_close()
        sandbox.close()
    return 0


def reset(args: argparse.Namespace) -> int:
    sandbox = open_sandbox(args.db, required=True)
    try:
        sandbox.reset()
    finally:
        sandbox.close()
    print(f"sandbox reset to its seeded state ({state_path(args.db)})")
    return 0


def outbox(args: argparse.Namespace) -> int:
    sandbox = open_sandbox(args.db, required=True, existing=True)
    try:
        deliveries = sandbox.outbox()
    finally:
        sandbox.close()
    if args.json:
        print_json(deliveries)
        return 0
    for item in deliveries:
        when, trigger, status = item["createdAt"], item["triggerEvent"], item["status"]
        print(f"{item['id']:>4}  {when}  {trigger:<20} {status:<9} {item['subscriberUrl']}")
    if not deliveries:
        print("no webhook deliveries yet")
    return 0


def add_commands(commands: Any) -> None:
    sandbox = commands.add_parser("sandbox", help="the embedded Cal.com sandbox: serve it, reset it, read its outbox")
    sandbox_commands = sandbox.add_subparsers(dest="sandbox_command", required=True, metavar="{serve,reset,outbox}")
    serving = sandbox_commands.add_parser("serve", help="answer Cal.com API v2 requests on 127.0.0.1")
    serving.add_argument(
        "--port", type=port_number, default=8787, help="port on 127.0.0.1 (default 8787; 0 picks a free one)"
    )
    serving.add_argument("--db", metavar="FILE", help=f"state file (default: {DB_VARIABLE}, else in memory)")
    serving.set_defaults(handler=serve)
    resetting = sandbox_commands.add_parser("reset", help="put the sandbox's state file back to its seeded state")
    resetting.set_defaults(handler=reset)
    reading = sandbox_commands.add_parser("outbox", help="list the webhook deliveries recorded in the state file")
    reading.add_argument("--json", action="store_true", help="every delivery as JSON, with headers and body")
    reading.set_defaults(handler=outbox)
    for command in (resetting, reading):
        command.add_argument("--db", metavar="FILE", help=f"state file (default: {DB_VARIABLE})")
