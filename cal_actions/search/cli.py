"""The ``cal-actions search`` command: the best actions for a request, as a table or as JSON."""

from __future__ import annotations

import json
import sys

from cal_actions.search import search_scored


def print_search(query: str, k: int = 5, as_json: bool = False) -> int:
    """Print the best actions; exit status 1 when none matches, 2 for an empty query or ``k < 1``."""
    from cal_actions import registry

    try:
        found = search_scored(registry, query, k)
    except ValueError as error:
        print(f"cal-actions: {error}", file=sys.stderr)
        return 2
    if as_json:
        rows = [{"name": a.name, "score": score, "description": a.description} for a, score in found]
        print(json.dumps(rows, indent=2, ensure_ascii=False))
    else:
        width = max((len(action.name) for action, _ in found), default=0)
        for action, score in found:
            print(f"{action.name:<{width}}  {score:>7.3f}  {action.method:<6} {action.path}")
    if not found:
        print(f"cal-actions: no action matches {query!r}", file=sys.stderr)
    return 0 if found else 1
