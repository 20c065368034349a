"""``webhooks listen``: receive Cal.com's webhooks on a port, verify each and print it as one JSON line."""

from __future__ import annotations

import argparse
import os
import sys
from typing import Any

from cal_actions.cli.common import cannot_listen, port_number, remark, url_path
from cal_actions.webhooks.events import WebhookEvent
from cal_actions.webhooks.listen import SECRET_VARIABLE, WebhookServer, say
from cal_actions.webhooks.receiver import Refusal, WebhookReceiver


def listen(args: argparse.Namespace) -> int:
    """Serve until Ctrl-C (status 130) or until the reader of the output goes away (141, as for ``| head``)."""
    secret = args.secret or os.environ.get(SECRET_VARIABLE)
    if not secret and not args.allow_unsigned:
        remark(f"set {SECRET_VARIABLE} (or --secret) to the webhook's secret")
        return 2
    receiver = WebhookReceiver(secret, tolerance=args.tolerance, allow_unsigned=args.allow_unsigned)

    def refused(refusal: Refusal, client: str) -> None:
        say(sys.stderr, f"refused delivery from {client}: {refusal.reason}: {refusal.message}")

    def received(event: WebhookEvent) -> None:
        say(sys.stdout, event.as_json())

    try:
        server = WebhookServer((args.host, args.port), receiver, args.path, received, refused)
    except OSError as error:
        cannot_listen(args.host, args.port, error, "choose another --port (0 picks a free one) or --host")
    print(f"listening on http://{args.host}:{server.server_port}{args.path}", file=sys.stderr, flush=True)
    try:
        server.serve_forever()
    finally:
        server.server_close()
    if server.output_gone:
        raise BrokenPipeError("the reader of the events went away")
    return 0


def add_commands(commands: Any) -> None:
    webhooks = commands.add_parser("webhooks", help="receive Cal.com webhooks: verify and print each event")
    actions = webhooks.add_subparsers(dest="webhooks_command", required=True, metavar="{listen}")
    receiver = actions.add_parser("listen", help="print one JSON line per verified delivery")
    receiver.add_argument("--port", type=port_number, default=8788, help="port to listen on (default 8788; 0: free)")
    receiver.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
    receiver.add_argument("--path", type=url_path, default="/", help="URL path that receives deliveries (default /)")
    receiver.add_argument("--secret", default=None, help=f"the webhook's secret; better set {SECRET_VARIABLE}")
    receiver.add_argument("--tolerance", type=float, default=300, help="seconds an event may be old (default 300)")
    receiver.add_argument("--allow-unsigned", action="store_true", help="accept deliveries of a webhook with no secret")
    webhooks.set_defaults(handler=listen)
