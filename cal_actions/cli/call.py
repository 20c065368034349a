"""``call``: run one action and print its envelope; ``demo``: watch an agent use the actions."""

from __future__ import annotations

import argparse
from typing import Any

from cal_actions.cli.common import add_client_options, arguments_text, fail, find_action, print_json, sync_client


def call(args: argparse.Namespace) -> int:
    find_action(args.name)  # a typo is a usage problem with a suggestion, not an envelope
    with sync_client(args) as cal:
        result = cal.execute(args.name, args.args)
    print_json(result.model_dump())
    return 0 if result.successful else 1


def demo(args: argparse.Namespace) -> int:
    from cal_actions.demo.agent import ModelUnavailable
    from cal_actions.demo.run import run_demo

    try:
        return run_demo()
    except ModelUnavailable as error:
        fail(str(error))


def add_commands(commands: Any) -> None:
    running = commands.add_parser(
        "call", help="run an action and print its envelope; credentials come from CAL_* environment variables"
    )
    running.add_argument("name", help="an action name or alias, e.g. CAL_GET_ME")
    running.add_argument(
        "--args",
        type=arguments_text,
        default="{}",
        help="the arguments as a JSON object, @FILE to read them from a file, or - to read standard input",
    )
    add_client_options(running)
    running.set_defaults(handler=call)

    demo_parser = commands.add_parser("demo", help="watch an agent book, reschedule and cancel on the embedded sandbox")
    demo_parser.set_defaults(handler=demo)
