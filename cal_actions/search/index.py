"""The search index: what the pipeline knows of each action, computed once per registry.

Each action is a bag of words from its name (weighted most), tags, description, aliases, path and parameters, as in
BM25F: field weights scale term frequency. Description sentences that point at *other* actions ("For a team use
CAL_…") weigh little: they name the twin's scope and would pull the wrong twin up. Beside the words, the index keeps
per action what the scoring stage compares with the request: its verb, the words of its name, the owners on its
path (its scope) and those of its twins, the resource it acts on, the named values its parameters accept
(``BOOKING_CREATED``), and its hints.

Legacy actions (tag ``legacy``) are indexed by name and alias only: they stay callable, and the search offers one
only when the request names it outright.

The hints say which verbs only read (every offered action with that verb is ``read_only``) and which may destroy
(some offered action with that verb is ``destructive``): the safety rule of the scoring and ranking stages reads
the request's verbs through them, so it follows the hints as they are declared.
"""

from __future__ import annotations

import math
import re
import weakref
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal, get_args, get_origin

from pydantic import BaseModel

from cal_actions.search.lexicon import RESOURCE_TERMS
from cal_actions.search.model import action_context, action_resource
from cal_actions.search.morph import tokens
from cal_actions.search.spelling import Spelling
from cal_actions.search.vocab import CANONICAL, EXPAND, NAME_VERBS, REPLACE, VERBS

if TYPE_CHECKING:
    from cal_actions.action import Action, Registry

K1 = 1.2
B = 0.5
#: Words that name an owner rather than a thing; owners are weighed by the scope rule.
OWNER_TERMS = frozenset({"org", "mine", "my", "managed", "google", "oauth", "client"})
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


def action_values(action: Action) -> frozenset[str]:
    """The named values the action's parameters accept (``BOOKING_CREATED``, ``roundRobin``), as a request writes
    them (``booking_created``, ``round_robin``): those of two words or more, which no request writes by chance.
    The values of nested objects count too: those inside forms, unions and lists."""
    words = (_CAMEL_HUMP.sub("_", value).lower() for value in _literals(action.params, set()))
    return frozenset(word for word in words if "_" in word)


_CAMEL_HUMP = re.compile(r"(?<=[a-z0-9])(?=[A-Z])")


def _literals(annotation: Any, seen: set[type[BaseModel]]) -> Iterator[str]:
    """The strings of every ``Literal`` in a type, the fields of the models in it included (each model once)."""
    if get_origin(annotation) is Literal:
        yield from (value for value in get_args(annotation) if isinstance(value, str))
    elif isinstance(annotation, type) and issubclass(annotation, BaseModel):
        if annotation not in seen:
            seen.add(annotation)
            for info in annotation.model_fields.values():
                yield from _literals(info.annotation, seen)
    else:
        for argument in get_args(annotation):
            yield from _literals(argument, seen)


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
    #: term → [(action position, BM25 weight of the term in that action, before idf)]; offered actions only
    postings: dict[str, list[tuple[int, float]]]
    idf: dict[str, float]
    verbs: tuple[frozenset[str], ...]
    name_terms: tuple[frozenset[str], ...]
    scopes: tuple[frozenset[str], ...]
    #: per action, the union and the intersection of its twins' scopes (itself included)
    twin_scopes: tuple[tuple[frozenset[str], frozenset[str]], ...]
    #: upper-cased name or alias → action position (every action, legacy ones included)
    names: dict[str, int]
    #: the name words that name things (not verbs, not owners): what a request can ask about
    resource_terms: frozenset[str]
    #: per action, the resource it acts on and those its path passes through
    resources: tuple[tuple[str, frozenset[str]], ...]
    #: resource → the verbs of the actions on it
    resource_verbs: dict[str, frozenset[str]]
    #: verbs whose offered actions all only read (list, get, check)
    read_verbs: frozenset[str]
    #: verbs some offered action with the ``destructive`` hint has (delete, cancel, disconnect…)
    destructive_verbs: frozenset[str]
    #: the words the index and the request model know, and the folding of others onto them
    spelling: Spelling
    #: per action, the named values its parameters accept (lower-cased)
    values: tuple[frozenset[str], ...]

    @classmethod
    def build(cls, actions: Iterable[Action], field_weights: dict[str, float] | None = None) -> SearchIndex:
        actions = tuple(actions)
        offered = [position for position, action in enumerate(actions) if not action.legacy]
        weights = FIELD_WEIGHTS if field_weights is None else field_weights
        bags: dict[int, dict[str, float]] = {}
        for position in offered:
            bag: dict[str, float] = defaultdict(float)
            for field_name, text in action_fields(actions[position]).items():
                terms = tokens(text)
                # Each parameter word counts once: a long parameter list should not drown the rest.
                for term in dict.fromkeys(terms) if field_name == "params" else terms:
                    bag[term] += weights.get(field_name, 0.0)
            bags[position] = {term: frequency for term, frequency in bag.items() if frequency > 0}
        average = sum(sum(bag.values()) for bag in bags.values()) / max(len(bags), 1)
        postings: dict[str, list[tuple[int, float]]] = defaultdict(list)
        for position, bag in bags.items():
            norm = K1 * (1 - B + B * sum(bag.values()) / average)
            for term, frequency in bag.items():
                postings[term].append((position, frequency * (K1 + 1) / (frequency + norm)))
        count = len(bags)
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
        # a name's first word is its verb, whether or not requests say it ("send" a code)
        resource_terms = frozenset().union(*name_terms) - VERBS - NAME_VERBS.keys() - OWNER_TERMS - {
            action.name.removeprefix("CAL_").split("_")[0].lower() for action in actions}
        resources = tuple((action_resource(action), action_context(action)) for action in actions)
        resource_verbs: dict[str, frozenset[str]] = defaultdict(frozenset)
        for position in offered:
            resource_verbs[resources[position][0]] |= verbs[position]
        offered_verbs = frozenset().union(*(verbs[position] for position in offered))
        writes = frozenset().union(*(verbs[position] for position in offered if not actions[position].read_only))
        destroys = frozenset().union(*(verbs[position] for position in offered if actions[position].destructive))
        return cls(
            actions, dict(postings), idf, verbs, name_terms, scopes, twin_scopes, names, resource_terms, resources,
            dict(resource_verbs), offered_verbs - writes, destroys,
            Spelling({term: len(hits) for term, hits in postings.items()}, spelling_targets(name_terms)),
            tuple(map(action_values, actions)),
        )


def spelling_targets(name_terms: Iterable[frozenset[str]]) -> frozenset[str]:
    """The words an abbreviation or a slip in a request may stand for: those of action names, the vocabulary's
    verbs, the words it replaces or expands, and the registry's words for each resource."""
    resource_words = (word for words in RESOURCE_TERMS.values() for word in words.split())
    return frozenset().union(*name_terms, VERBS, REPLACE, EXPAND, CANONICAL, resource_words)


_indexes: weakref.WeakKeyDictionary[Registry, tuple[int, SearchIndex]] = weakref.WeakKeyDictionary()


def index_for(registry: Registry) -> SearchIndex:
    """The registry's index, built on first use and again only if actions were added since."""
    cached = _indexes.get(registry)
    if cached is None or cached[0] != len(registry):
        cached = (len(registry), SearchIndex.build(registry))
        _indexes[registry] = cached
    return cached[1]
