"""Stage 4 of the search: the ``k`` best actions, best first.

Actions the request names outright come first; the others follow by score, ties in registry order. An action with
no score left is not offered.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from cal_actions.search.index import SearchIndex

if TYPE_CHECKING:
    from cal_actions.action import Action

#: Added to an action the request names outright, which puts it above any score words can earn.
NAMED_BONUS = 1000.0


def rank(index: SearchIndex, scores: dict[int, float], named: frozenset[int], k: int) -> list[tuple[Action, float]]:
    """The ``k`` best actions with their scores (rounded), best first."""
    totals = dict(scores)
    for position in named:
        totals[position] = totals.get(position, 0.0) + NAMED_BONUS
    ranked = sorted(totals.items(), key=lambda item: (-item[1], item[0]))
    return [(index.actions[position], round(total, 4)) for position, total in ranked[:k] if total > 0]
