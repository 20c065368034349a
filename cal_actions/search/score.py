"""Stage 3 of the search: how well each candidate fits the request, as a factor of its BM25 score.

- Verb. When the request says what to do (list, cancel, decline, reschedule…), an action whose name starts with
  another verb is multiplied by ``VERB_PENALTY`` (``KIN_PENALTY`` for a close one: delete for cancel).
- Name. The score shrinks toward ``NAME_FLOOR`` as fewer of the action's name words appear in the request, so
  "create an event type" beats ``CAL_CREATE_EVENT_TYPE_WEBHOOK``; and toward ``RESOURCE_FLOOR`` as fewer of the
  things the request names (booking, event type, membership…) appear in the name.
- Resource. An action on another resource than the one the request acts on, or whose path lacks the resources the
  request names as context, weighs less (:func:`cal_actions.search.model.resource_fit`).
- Scope. Near-twins differ only by who owns the resource: the user, a team, an organization, a platform OAuth
  client, or one event type (``CAL_LIST_WEBHOOKS`` / ``CAL_LIST_ORG_WEBHOOKS`` / …). Among twins, each scope the
  request names that the action lacks, or the action has that the request does not name, multiplies its score by
  ``SCOPE_PENALTY``; so a request naming no scope prefers the user's own action.
- Values. An action whose parameters accept a named value the request gives (``BOOKING_CREATED``: a webhook
  trigger) is multiplied by ``VALUE_BONUS``.
- Safety. An action with the ``destructive`` hint is multiplied by ``SAFETY_PENALTY`` unless the request asks for a
  verb some destructive action has: "list the webhooks of event type 44" and "subscribe to booking cancelled
  events" should not be offered a delete. (The ranking stage adds a guarantee for requests that only read.)
"""

from __future__ import annotations

from cal_actions.search.index import SearchIndex
from cal_actions.search.model import resource_fit
from cal_actions.search.request import Request
from cal_actions.search.vocab import VERB_KIN

SCOPE_PENALTY = 0.6
VERB_PENALTY = 0.75
#: Factor for a verb close to the one asked (delete for cancel), instead of ``VERB_PENALTY``.
KIN_PENALTY = 0.9
#: Share of the score kept by an action none of whose name words the request used (all of them: 1).
NAME_FLOOR = 0.5
#: Share kept by an action whose name has none of the things the request names (all of them: 1).
RESOURCE_FLOOR = 0.6
#: Factor for an action that accepts a named value the request gives.
VALUE_BONUS = 1.5
#: Factor for a destructive action when the request asks for no verb a destructive action has.
SAFETY_PENALTY = 0.5


def score(index: SearchIndex, request: Request, found: dict[int, float]) -> dict[int, float]:
    """Each candidate's BM25 score times its agreement with the request."""
    resources = frozenset(t for t, weight in request.terms.items() if weight == 1.0) & index.resource_terms
    safe = not request.verbs & index.destructive_verbs
    return {
        position: bm25 * agreement(index, position, request, resources)
        * (SAFETY_PENALTY if safe and index.actions[position].destructive else 1.0)
        for position, bm25 in found.items()
    }


def reads_only(index: SearchIndex, request: Request) -> bool:
    """True when every verb the request asks for only reads (list, get, check)."""
    return bool(request.verbs) and request.verbs <= index.read_verbs


def agreement(index: SearchIndex, position: int, request: Request, resources: frozenset[str]) -> float:
    """How well the action's verb, resource and owner fit the request, as a factor of its BM25 score."""
    factor = 1.0
    own_verbs = index.verbs[position]
    if request.verbs and not request.verbs & own_verbs:
        kin = any(VERB_KIN.get(verb, frozenset()) & own_verbs for verb in request.verbs)
        factor *= KIN_PENALTY if kin else VERB_PENALTY
    name = index.name_terms[position]
    used = sum(term in request.terms for term in name) / len(name)
    factor *= NAME_FLOOR + (1 - NAME_FLOOR) * used
    if resources:  # the things the request names, and how many of them the action's name has
        factor *= RESOURCE_FLOOR + (1 - RESOURCE_FLOOR) * len(resources & name) / len(resources)
    factor *= resource_fit(*index.resources[position], request.resources)
    if request.values & index.values[position]:
        factor *= VALUE_BONUS
    return factor * SCOPE_PENALTY ** scope_mismatches(index, position, request.scopes)


def scope_mismatches(index: SearchIndex, position: int, asked: frozenset[str]) -> int:
    """Scopes that set this action apart from a twin the wrong way; 0 for an action without twins."""
    own = index.scopes[position]
    union, common = index.twin_scopes[position]
    missing = (asked & union) - own  # the request names it, and a twin has it
    extra = (own - common) - asked  # a twin does without it, and the request does not name it
    return len(missing) + len(extra)
