"""``list``, ``describe``, ``schema`` and ``search``: what the actions are, read from their declarations."""

from __future__ import annotations

import argparse
from typing import Any

from cal_actions.action import Action, example_line
from cal_actions.cli.common import fail, find_action, positive_int, print_json


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
        "examples": action.example_calls(),
    }


def list_actions(args: argparse.Namespace) -> int:
    from cal_actions import registry
    from cal_actions.presets import select

    try:
        actions = list(registry) if args.tag is None else select(registry, tags=[args.tag])
    except ValueError as error:  # an unknown tag: the message lists the known ones
        fail(str(error))
    if args.json:
        print_json([action_summary(action) for action in actions])
        return 0
    width = max(len(action.name) for action in actions)
    for action in actions:
        print(f"{action.name:<{width}}  {action.method:<6} {action.path}")
    return 0


def describe(args: argparse.Namespace) -> int:
    action = find_action(args.name)
    hints = [hint for hint in ("read_only", "destructive", "idempotent") if getattr(action, hint)]
    version = f"  cal-api-version: {action.route.version}" if action.route.version else ""
    print(f"{action.name}  ({', '.join(action.aliases) or 'no aliases'})")
    print(f"{action.method} {action.path}{version}")
    print(f"tags: {', '.join(action.tags)}   hints: {', '.join(hints) or 'none'}   auth: {action.route.auth}")
    print()
    print(action.description)
    schema = action.json_schema()
    required = set(schema.get("required", []))
    if schema["properties"]:
        print()
    for name, prop in schema["properties"].items():
        marker = "required" if name in required else "optional"
        print(f"  {name} [{action.placement[name]}, {marker}]: {prop.get('description', '')}")
    print("\nexamples:")
    for example in action.examples:
        print(f"  {example_line(example)}")
    return 0


def schema(args: argparse.Namespace) -> int:
    print_json(find_action(args.name).json_schema())
    return 0


def search(args: argparse.Namespace) -> int:
    from cal_actions.search.cli import print_search

    return print_search(args.query, args.k, as_json=args.json)


def add_commands(commands: Any) -> None:
    listing = commands.add_parser("list", help="list the actions")
    listing.add_argument("--json", action="store_true", help="one JSON object per action, with its schema")
    listing.add_argument("--tag", help="only actions with this tag (e.g. bookings, orgs, webhooks)")
    listing.set_defaults(handler=list_actions)

    describing = commands.add_parser("describe", help="explain one action and its parameters")
    describing.add_argument("name", help="an action name or alias, e.g. CAL_CREATE_BOOKING")
    describing.set_defaults(handler=describe)

    schemas = commands.add_parser("schema", help="print an action's parameter JSON Schema")
    schemas.add_argument("name", help="an action name or alias, e.g. CAL_CREATE_BOOKING")
    schemas.set_defaults(handler=schema)

    searching = commands.add_parser("search", help="find the actions that fit a request in plain words, best first")
    searching.add_argument("query", help='what you want to do, e.g. "move my 3pm to Friday"')
    searching.add_argument("-k", type=positive_int, default=5, help="how many actions to show (default 5)")
    searching.add_argument("--json", action="store_true", help="name, score and description of each, as JSON")
    searching.set_defaults(handler=search)
