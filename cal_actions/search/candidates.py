"""Stage 2 of the search: the candidates, every offered action sharing a word with the request, with its BM25 score.

The request's weighted terms are looked up in the index's postings; an action's score is the sum, over the terms it
shares with the request, of the term's weight in the request × its idf × its BM25 weight in the action. The actions the
request names outright (``CAL_…`` or an alias, legacy ones included) are found apart, by :func:`named`.
"""

from __future__ import annotations

import re
from collections import defaultdict

from cal_actions.search.index import SearchIndex
from cal_actions.search.request import Request

ACTION_NAME = re.compile(r"\bCAL_[A-Z0-9_]+")


def candidates(index: SearchIndex, request: Request) -> dict[int, float]:
    """Action position → BM25 score, for every action sharing a term with the request."""
    totals: dict[int, float] = defaultdict(float)
    for term, weight in request.terms.items():
        idf = index.idf.get(term)
        if idf is not None:
            for position, term_weight in index.postings[term]:
                totals[position] += weight * idf * term_weight
    return dict(totals)


def named(index: SearchIndex, query: str) -> frozenset[int]:
    """The actions the request names outright, by name or alias, in any case."""
    return frozenset(index.names[name] for name in ACTION_NAME.findall(query.upper()) if name in index.names)
