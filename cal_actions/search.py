"""Find the actions that fit a natural-language request, offline: BM25, a synonym table, scope and verb rules.

Agents can afford only a handful of tools per turn, so ``registry.search("move my 3pm to Friday")`` picks them.

How a score is made:

1. Words. Each action is a bag of words from its name (weighted most), tags, description, aliases, path and
   parameters. Description sentences that point at *other* actions ("For a team use CAL_…") weigh little:
   they name the twin's scope and would pull the wrong twin up. A request is read with the same tokenizer,
   and :mod:`cal_actions.search_vocab` turns everyday words into the registry's (appointment → booking,
   free time → available slot, working hours → schedule, move → reschedule) and adds grammar cues ("add Kim
   to the team" asks for a membership). A word the index and the tables do not know is folded onto one they
   do by :mod:`cal_actions.search_morph` (cancelled → cancel, organisations → organization, webhoks → webhook).
2. BM25 over those bags; field weights scale term frequency, as in BM25F.
3. Verb. When the request says what to do (list, cancel, decline, reschedule…), an action whose name starts
   with another verb is multiplied by ``VERB_PENALTY`` (``KIN_PENALTY`` for a close one: delete for cancel).
   Without a verb, a plural asks for a list, an id for one item, and anything else for a read.
   Name. The score shrinks toward ``NAME_FLOOR`` as fewer of the action's name words appear in the request,
   so "create an event type" beats ``CAL_CREATE_EVENT_TYPE_WEBHOOK``; and toward ``RESOURCE_FLOOR`` as fewer
   of the things the request names (booking, event type, membership…) appear in the name.
4. Scope. Near-twins differ only by who owns the resource: the user, a team, an organization, a platform
   OAuth client, or one event type (``CAL_LIST_WEBHOOKS`` / ``CAL_LIST_ORG_WEBHOOKS`` / …). Among twins,
   each scope the request names that the action lacks, or the action has that the request does not name,
   multiplies its score by ``SCOPE_PENALTY``; so a request naming no scope prefers the user's own action.
5. Resource. :mod:`cal_actions.search_model` reads the resource the request acts on (with the lexicon of
   :mod:`cal_actions.search_lexicon`: "booking link" is an event type, "check for clashes" a selected calendar)
   and the resources named as context; an action on another resource, or whose path lacks the context, weighs
   less. The resource also settles the verb: a booking is cancelled, a schedule deleted.
6. A request that names an action (``CAL_…`` or an alias) gets that action first.
"""

from __future__ import annotations

import math
import re
import weakref
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from cal_actions.action import Action, Registry
from cal_actions.search_model import action_context, action_resource, resource_fit
from cal_actions.search_request import Request, tokens
from cal_actions.search_vocab import NAME_VERBS, VERB_KIN, VERBS

K1 = 1.2
B = 0.5
SCOPE_PENALTY = 0.6
VERB_PENALTY = 0.75
#: Share of the score kept by an action none of whose name words the request used (all of them: 1).
NAME_FLOOR = 0.5
#: Share kept by an action whose name has none of the things the request names (all of them: 1).
RESOURCE_FLOOR = 0.6
#: Factor for a verb close to the one asked (delete for cancel), instead of ``VERB_PENALTY``.
KIN_PENALTY = 0.9
#: Words that name an owner rather than a thing; owners are weighed by the scope rule.
OWNER_TERMS = frozenset({"org", "mine", "my", "managed", "google", "oauth", "client"})
#: Added to an action the request names outright, which puts it above any score words can earn.
NAMED_BONUS = 1000.0
FIELD_WEIGHTS = {
    "name": 3.0,
    "tags": 1.5,
    "description": 1.0,
    # Sentences that point at other actions ("For a team use CAL_…") name the twin's scope: they count little.
    "pointers": 0.25,
    "aliases": 0.5,
    "path": 0.5,
    "params": 0.3,
}

ACTION_REFERENCE = re.compile(r"\bCAL_[A-Z0-9_/]+")
ACTION_NAME = re.compile(r"\bCAL_[A-Z0-9_]+")
SENTENCE_END = re.compile(r"(?<=[.;])\s+")
POINTER_ASIDE = re.compile(r"\s*\([^()]*\bCAL_[^()]*\)")

# The owners a path can name, and the request words that name them.
OWNER_PATTERNS = (
    ("org", re.compile(r"/organizations/")),
    ("team", re.compile(r"/teams\b")),
    ("platform", re.compile(r"/(oauth-clients|oauth|provider)/")),
    ("event-type", re.compile(r"/event-types\b")),
    # Not an owner, but the same kind of twin: the Google routes do what the generic ones do with calendar=google.
    ("google", re.compile(r"/google/")),
)
# Name words dropped to group an action with its twins (CAL_LIST_ORG_TEAM_MEMBERSHIPS → LIST MEMBERSHIPS);
# the inner ones only when they qualify a later word (CAL_LIST_TEAMS keeps TEAMS).
SCOPE_NAME_WORDS = frozenset({"ORG", "MY", "OAUTH", "CLIENT", "MANAGED", "GOOGLE"})
INNER_SCOPE_NAME_WORDS = frozenset({"TEAM", "TEAMS", "EVENT", "TYPE", "USER"})



def action_scopes(action: Action) -> frozenset[str]:
    return frozenset(scope for scope, pattern in OWNER_PATTERNS if pattern.search(action.path))


def action_verbs(action: Action) -> frozenset[str]:
    """The name's first word; an action that returns a connect URL also answers to 'connect' and 'authorize' (the
    verb the request model reads for apps that connect through OAuth)."""
    verb = action.name.removeprefix("CAL_").split("_")[0].lower()
    connects = action.name.endswith(("_CONNECT_URL", "_AUTH_URL"))
    return frozenset({NAME_VERBS.get(verb, verb), *(["connect", "authorize"] if connects else [])})


def twin_key(action: Action) -> str:
    words = action.name.removeprefix("CAL_").split("_")
    last = len(words) - 1
    inner = {i for i, word in enumerate(words) if word in INNER_SCOPE_NAME_WORDS and i < last}
    return "_".join(word for i, word in enumerate(words) if word not in SCOPE_NAME_WORDS and i not in inner)


def split_description(description: str) -> tuple[str, str]:
    """The description's own sentences, and its asides and sentences that point at other actions."""
    asides = POINTER_ASIDE.findall(description)
    sentences = SENTENCE_END.split(POINTER_ASIDE.sub("", description))
    own = " ".join(s for s in sentences if not ACTION_REFERENCE.search(s))
    pointers = " ".join([*asides, *(s for s in sentences if ACTION_REFERENCE.search(s))])
    return own, ACTION_REFERENCE.sub(" ", pointers)


def action_fields(action: Action) -> dict[str, str]:
    fields = action.params.model_fields.items()
    params = " ".join(f"{name} {ACTION_REFERENCE.sub(' ', info.description or '')}" for name, info in fields)
    own, pointers = split_description(action.description)
    return {
        "name": action.name.removeprefix("CAL_"),
        "tags": " ".join(action.tags),
        "description": own,
        "pointers": pointers,
        "aliases": " ".join(alias.removeprefix("CAL_") for alias in action.aliases),
        "path": re.sub(r"{\w+}", " ", action.path.removeprefix("/v2/")),
        "params": params,
    }


@dataclass(frozen=True)
class SearchIndex:
    actions: tuple[Action, ...]
    #: term → [(action position, BM25 weight of the term in that action, before idf)]
    postings: dict[str, list[tuple[int, float]]]
    idf: dict[str, float]
    verbs: tuple[frozenset[str], ...]
    name_terms: tuple[frozenset[str], ...]
    scopes: tuple[frozenset[str], ...]
    #: per action, the union and the intersection of its twins' scopes (itself included)
    twin_scopes: tuple[tuple[frozenset[str], frozenset[str]], ...]
    #: upper-cased name or alias → action position
    names: dict[str, int]
    #: the name words that name things (not verbs, not owners): what a request can ask about
    resource_terms: frozenset[str]
    #: per action, the resource it acts on and those its path passes through
    resources: tuple[tuple[str, frozenset[str]], ...] = ()
    #: resource → the verbs of the actions on it
    resource_verbs: dict[str, frozenset[str]] = field(default_factory=dict)

    @classmethod
    def build(cls, actions: Iterable[Action], field_weights: dict[str, float] | None = None) -> SearchIndex:
        actions = tuple(actions)
        weights = FIELD_WEIGHTS if field_weights is None else field_weights
        bags: list[Counter[str]] = []
        for action in actions:
            bag: Counter[str] = Counter()
            for field_name, text in action_fields(action).items():
                terms = tokens(text)
                # Each parameter word counts once: a long parameter list should not drown the rest.
                for term in dict.fromkeys(terms) if field_name == "params" else terms:
                    bag[term] += weights.get(field_name, 0.0)
            bags.append(+bag)
        average = sum(sum(bag.values()) for bag in bags) / max(len(bags), 1)
        postings: dict[str, list[tuple[int, float]]] = defaultdict(list)
        for position, bag in enumerate(bags):
            norm = K1 * (1 - B + B * sum(bag.values()) / average)
            for term, frequency in bag.items():
                postings[term].append((position, frequency * (K1 + 1) / (frequency + norm)))
        count = len(actions)
        idf = {term: math.log(1 + (count - len(hits) + 0.5) / (len(hits) + 0.5)) for term, hits in postings.items()}
        scopes = tuple(action_scopes(action) for action in actions)
        twins: dict[str, list[frozenset[str]]] = defaultdict(list)
        for action, scope in zip(actions, scopes, strict=True):
            twins[twin_key(action)].append(scope)
        twin_scopes = tuple(
            (frozenset().union(*group), frozenset.intersection(*group))
            for group in (twins[twin_key(action)] for action in actions)
        )
        name_terms = tuple(frozenset(tokens(action.name.removeprefix("CAL_"))) for action in actions)
        verbs = tuple(map(action_verbs, actions))
        names = {key: i for i, action in enumerate(actions) for key in (action.name, *action.aliases)}
        resource_terms = frozenset().union(*name_terms) - VERBS - NAME_VERBS.keys() - OWNER_TERMS
        resources = tuple((action_resource(action), action_context(action)) for action in actions)
        resource_verbs: dict[str, frozenset[str]] = defaultdict(frozenset)
        for (resource, _), own_verbs in zip(resources, verbs, strict=True):
            resource_verbs[resource] |= own_verbs
        return cls(
            actions, dict(postings), idf, verbs, name_terms, scopes, twin_scopes, names, resource_terms, resources,
            dict(resource_verbs),
        )

    def scores(self, query: str, rules: bool = True) -> dict[int, float]:
        """Score of every action sharing a term with the request; ``rules=False`` is plain BM25 (no vocabulary)."""
        plain = Request(dict.fromkeys(tokens(query), 1.0), frozenset(), frozenset())
        request = Request.read(query, self.idf.__contains__, self.resource_verbs) if rules else plain
        totals: dict[int, float] = defaultdict(float)
        for term, weight in request.terms.items():
            idf = self.idf.get(term)
            if idf is not None:
                for position, term_weight in self.postings[term]:
                    totals[position] += weight * idf * term_weight
        if rules:
            resources = frozenset(t for t, weight in request.terms.items() if weight == 1.0) & self.resource_terms
            for position in totals:
                totals[position] *= self.agreement(position, request, resources)
        for name in ACTION_NAME.findall(query.upper()):  # an action named outright comes first
            if name in self.names:
                totals[self.names[name]] += NAMED_BONUS
        return totals

    def agreement(self, position: int, request: Request, resources: frozenset[str]) -> float:
        """How well the action's verb, resource and owner fit the request, as a factor of its BM25 score."""
        factor = 1.0
        own_verbs = self.verbs[position]
        if request.verbs and not request.verbs & own_verbs:
            kin = any(VERB_KIN.get(verb, frozenset()) & own_verbs for verb in request.verbs)
            factor *= KIN_PENALTY if kin else VERB_PENALTY
        name = self.name_terms[position]
        used = sum(term in request.terms for term in name) / len(name)
        factor *= NAME_FLOOR + (1 - NAME_FLOOR) * used
        if resources:  # the things the request names, and how many of them the action's name has
            factor *= RESOURCE_FLOOR + (1 - RESOURCE_FLOOR) * len(resources & name) / len(resources)
        factor *= resource_fit(*self.resources[position], request.resources)
        return factor * SCOPE_PENALTY ** self.scope_mismatches(position, request.scopes)

    def scope_mismatches(self, position: int, asked: frozenset[str]) -> int:
        """Scopes that set this action apart from a twin the wrong way; 0 for an action without twins."""
        own = self.scopes[position]
        union, common = self.twin_scopes[position]
        missing = (asked & union) - own  # the request names it, and a twin has it
        extra = (own - common) - asked  # a twin does without it, and the request does not name it
        return len(missing) + len(extra)

    def search_scored(self, query: str, k: int = 5, rules: bool = True) -> list[tuple[Action, float]]:
        """The ``k`` best actions with their scores, best first; ties keep registry order."""
        ranked = sorted(self.scores(query, rules).items(), key=lambda item: (-item[1], item[0]))
        return [(self.actions[position], round(score, 4)) for position, score in ranked[: max(k, 0)] if score > 0]

    def search(self, query: str, k: int = 5) -> list[Action]:
        return [action for action, _ in self.search_scored(query, k)]


_indexes: weakref.WeakKeyDictionary[Registry, tuple[int, SearchIndex]] = weakref.WeakKeyDictionary()


def index_for(registry: Registry) -> SearchIndex:
    """The registry's index, built on first use and again only if actions were added since."""
    cached = _indexes.get(registry)
    if cached is None or cached[0] != len(registry):
        cached = (len(registry), SearchIndex.build(registry))
        _indexes[registry] = cached
    return cached[1]
