"""``webhooks listen``: receive Cal.com's webhooks on a port, verify each and print it as one JSON line."""

from __future__ import annotations

import argparse
from typing import Any

from cal_actions.cli.common import port_number
from cal_actions.webhooks.listen import SECRET_VARIABLE, run


def listen(args: argparse.Namespace) -> int:
    return run(args)


def add_commands(commands: Any) -> None:
    webhooks = commands.add_parser("webhooks", help="receive Cal.com webhooks: verify and print each event")
    actions = webhooks.add_subparsers(dest="webhooks_command", required=True, metavar="{listen}")
    receiver = actions.add_parser("listen", help="print one JSON line per verified delivery")
    receiver.add_argument("--port", type=port_number, default=8788, help="port to listen on (default 8788; 0: free)")
    receiver.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
    receiver.add_argument("--path", default="/", help="URL path that receives deliveries (default /)")
    receiver.add_argument("--secret", default=None, help=f"the webhook's secret; better set {SECRET_VARIABLE}")
    receiver.add_argument("--tolerance", type=float, default=300, help="seconds an event may be old (default 300)")
    receiver.add_argument("--allow-unsigned", action="store_true", help="accept deliveries of a webhook with no secret")
    webhooks.set_defaults(handler=listen)
