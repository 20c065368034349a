"""Find the actions that fit a natural-language request, offline: BM25, a request model and ranking rules.

Agents can afford only a handful of tools per turn, so ``registry.search("move my 3pm to Friday")`` picks them. The
search is one pipeline over an index built once per registry (:mod:`~cal_actions.search.index`):

1. Read the request (:mod:`~cal_actions.search.request`): the words the registry uses for it, the verbs it asks
   for, the owners (scopes) and the resources it names.
2. Candidates (:mod:`~cal_actions.search.candidates`): every offered action sharing a word with it, BM25-scored.
3. Score (:mod:`~cal_actions.search.score`): each candidate's score times its agreement with the request's verb,
   resource and scope.
4. Rank (:mod:`~cal_actions.search.rank`): the ``k`` best, an action named outright first, and never a destructive
   action first for a request that only reads.

Arguments are checked before anything runs: a query that is not a string, or a ``k`` that is not an integer, is a
``TypeError``; an empty or blank query, or ``k < 1``, is a ``ValueError``. A query that is a string but matches no
action (``"xyzzy"``) is no error: the result is empty.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from cal_actions.search.candidates import candidates, named
from cal_actions.search.index import SearchIndex, index_for
from cal_actions.search.morph import tokens
from cal_actions.search.rank import rank
from cal_actions.search.request import Request
from cal_actions.search.score import reads_only, score

if TYPE_CHECKING:
    from cal_actions.action import Action, Registry

__all__ = ["SearchIndex", "check_arguments", "index_for", "run", "search", "search_scored"]


def check_arguments(query: object, k: object) -> None:
    """Raise ``TypeError`` for a query that is not a string or a ``k`` that is not an integer, ``ValueError`` for a
    blank query or ``k < 1``."""
    if not isinstance(query, str):
        raise TypeError(f"search query must be a string, not {type(query).__name__}")
    if isinstance(k, bool) or not isinstance(k, int):
        raise TypeError(f"search k must be an integer, not {type(k).__name__}")
    if not query.strip():
        raise ValueError("search query is empty")
    if k < 1:
        raise ValueError(f"search k must be at least 1, not {k}")


def run(index: SearchIndex, query: str, k: int, rules: bool = True) -> list[tuple[Action, float]]:
    """The pipeline over one index, arguments already checked; ``rules=False`` is plain BM25 over the request's
    words (no vocabulary, no agreement), the baseline the benchmarks compare with."""
    if rules:
        request = Request.read(query, index.idf.__contains__, index.resource_verbs, index.spelling.spell)  # 1. read
    else:
        request = Request(dict.fromkeys(tokens(query), 1.0), frozenset(), frozenset())
    found = candidates(index, request)  # 2. candidates
    if not rules:
        return rank(index, found, named(index, query), k)
    scores = score(index, request, found)  # 3. score
    return rank(index, scores, named(index, query), k, reads_only(index, request))  # 4. rank


def search_scored(registry: Registry, query: str, k: int = 5) -> list[tuple[Action, float]]:
    """The ``k`` actions of ``registry`` that best fit ``query``, with their scores, best first."""
    check_arguments(query, k)
    return run(index_for(registry), query, k)


def search(registry: Registry, query: str, k: int = 5) -> list[Action]:
    """The ``k`` actions of ``registry`` that best fit ``query``, best first."""
    return [action for action, _ in search_scored(registry, query, k)]
