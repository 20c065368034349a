"""Stage 4 of the search: the ``k`` best actions, best first.

Actions the request names outright come first; the others follow by score, ties in registry order. An action with
no score left is not offered. A request that only reads never gets a destructive action first, whatever the scores:
the best action without the ``destructive`` hint takes its place, unless the request named the destructive one.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from cal_actions.search.index import SearchIndex

if TYPE_CHECKING:
    from cal_actions.action import Action

#: Added to an action the request names outright, which puts it above any score words can earn.
NAMED_BONUS = 1000.0


def rank(
    index: SearchIndex, scores: dict[int, float], named: frozenset[int], k: int, reads_only: bool = False
) -> list[tuple[Action, float]]:
    """The ``k`` best actions with their scores (rounded), best first."""
    totals = dict(scores)
    for position in named:
        totals[position] = totals.get(position, 0.0) + NAMED_BONUS
    ranked = [item for item in sorted(totals.items(), key=lambda item: (-item[1], item[0])) if item[1] > 0]
    if reads_only and ranked and ranked[0][0] not in named and index.actions[ranked[0][0]].destructive:
        safe = next((i for i, (position, _) in enumerate(ranked) if not index.actions[position].destructive), None)
        if safe is not None:
            ranked.insert(0, ranked.pop(safe))
    return [(index.actions[position], round(total, 4)) for position, total in ranked[:k]]
