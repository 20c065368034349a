"""How :mod:`cal_actions.search` reads a request: its weighted terms, the verbs it asks for, the owners and the
resources it names.

Everyday words become the registry's through :mod:`cal_actions.search.vocab` (phrases rewritten, grammar cues
added, synonyms replaced or expanded); an unknown word is folded onto a known one by
:mod:`cal_actions.search.morph`; the resources named, and the verbs they take, come from
:mod:`cal_actions.search.model`.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from cal_actions.search.clause import split_request
from cal_actions.search.lexicon import RESOURCE_TERMS
from cal_actions.search.model import (
    NO_RESOURCES,
    RELATED,
    WH_QUESTION,
    Resources,
    negated_scopes,
    resolve_verbs,
)
from cal_actions.search.morph import fold, stem
from cal_actions.search.vocab import (
    CANONICAL,
    CUES,
    EXPAND,
    PHRASES,
    QUERY_ONLY_STOPWORDS,
    REPLACE,
    STOPWORDS,
    VERB_TERMS,
    VERBS,
)

#: Weight of a word the vocabulary adds next to one the request used (which weighs 1).
EXPANSION_WEIGHT = 0.6
#: Share of its weight a word keeps when it tells the story around the request rather than asking.
CONTEXT_WEIGHT = 0.5
#: Weight of the list/get hint read from plurals or ids.
HINT_WEIGHT = 0.5
PHRASE_WORD = re.compile(r"[A-Z]+|[a-z0-9]+(?:'[a-z]+)?")
# A rewrite is upper-cased so its words can be told from the request's own.
PHRASE_PATTERNS = tuple((re.compile(pattern), f" {rewrite.upper()} ") for pattern, rewrite in PHRASES.items())
CUE_PATTERNS = tuple((re.compile(pattern), f" {words.upper()} ") for pattern, words in CUES.items())
READ_VERBS = frozenset({"get", "list"})
URL = re.compile(r"\b(https?://|www\.)\S+|\b[\w-]+(\.[\w-]+)*\.(com|org|net|io|dev|app|co|me)(/\S*)?")
# an address starts after a space or an opening mark; matching from anywhere costs the square of a long word
EMAIL = re.compile(r"(?<![^\s(<,;:\"'])[^\s@]+@\S+")
# An id asks for one item; a time or a length ("4pm", "3:30", "30 minutes") does not.
ID = re.compile(r"\bu?id\b|\b\d+\b(?![:.]\d|\s*(?:am|pm|min|mins|minutes?|h|hours?|days?|weeks?)\b)")
#: Numbers that ask for no one item: a date, or the id of the organization or team the request is in.
OWNER_ID = re.compile(r"\b\d{4}-\d\d-\d\d\b|\b(org|organi[sz]ation|team)( id)? #?\d+\b")
#: "I need the user id of tom@acme.com", "what's the externalId": ids asked for, not given, are read from a list.
IDS_ASKED = re.compile(r"\b(need|want|find|look up|give me|what'?s|what (is|are))\b( [\w']+){0,3}? [\w-]*ids?\b"
                       r"(?! ?#?\d)")
OWN = re.compile(r"\b(my|our|mine)\b")
#: The people are what the request asks for: "which users hold option 7", "who is tagged", "I need the user ids".
WHO_ASKED = re.compile(r"\bwho\b|\bwhich (people|users|members|persons|employees)\b|\buser ids\b")
#: What the request acts on, said with a pronoun: "confirm it for team 27".
PRONOUN = re.compile(r"\b(it|them|this one|that one)\b")
#: A named value, as parameters spell them: "BOOKING_CREATED", "round_robin".
VALUE = re.compile(r"\b[A-Za-z]+(?:_[A-Za-z]+)+\b")

SCOPE_TERMS = {"org": "org", "team": "team", "platform": "platform", "managed": "platform", "google": "google"}
EVENT_TYPE_WORDS = re.compile(r"\bevent[ -]?types?\b")
OAUTH_CLIENT_WORDS = re.compile(r"\boauth[ -]?clients?\b")


@dataclass(frozen=True)
class Request:
    """What the scorer reads from a request: weighted terms, the verbs it asks for, the owners it names, and the
    resources it names (the one acted on first)."""

    terms: dict[str, float]
    verbs: frozenset[str]
    scopes: frozenset[str]
    resources: Resources = NO_RESOURCES
    #: the named values it gives (``BOOKING_CREATED``), lower-cased
    values: frozenset[str] = frozenset()

    @classmethod
    def read(
        cls,
        query: str,
        known: Callable[[str], bool] = lambda term: False,
        supported: dict[str, frozenset[str]] | None = None,
        spell: Callable[[str], str] = str,
    ) -> Request:
        """``known`` says which terms the index holds: an unknown word is folded onto a known one if it can be;
        ``supported`` which verbs the actions on each resource have; ``spell`` rewrites abbreviations and slips
        (:mod:`cal_actions.search.spelling`) before anything else reads the request."""
        query = spell(query)
        query, ruled_out = negated_scopes(query)  # "team 77 (not an org team)": the org scope is ruled out, not named
        asking, context = split_request(query)
        resources = _resources(asking, context)
        text = _rewrite(asking)
        terms: dict[str, float] = {}

        def add(term: str, weight: float) -> None:
            terms[term] = max(terms.get(term, 0.0), weight)

        told: dict[str, float] = {}  # the story around the request: its words count for less, and ask for nothing

        def tell(term: str, weight: float) -> None:
            told[term] = max(told.get(term, 0.0), weight)

        _read_words(_rewrite(context), known, tell)
        for term, weight in told.items():
            add(term, weight * CONTEXT_WEIGHT)
        participles: list[str] = []
        plural = _read_words(text, known, add, participles)
        verbs = frozenset(term for term, weight in terms.items() if weight == 1.0) & VERBS
        if not verbs and participles:  # nothing else asks: "managed user 42 has to be deleted"
            _read_words(" ".join(participles), known, add)
            verbs = frozenset(term for term, weight in terms.items() if weight == 1.0) & VERBS
        if WH_QUESTION.search(asking):  # "what url does my webhook point to" asks what is there: its verb describes
            verbs &= READ_VERBS | {"check"}
        # A plural asks for a list, a number or uid for one item; without a verb, the request wants to read.
        # The words naming the resource acted on say it best: "schedule 88" is one, "all the settings of event type
        # 5" one too; other plurals ("settings", "details") only describe it.
        number = {"one": "get", "many": "list"}.get(resources.number)
        if number is None and resources.head is not None:
            plural = False
        hint = number or ("list" if plural else "get" if ID.search(OWNER_ID.sub(" ", text)) else None)
        ids = IDS_ASKED.search(asking)  # someone else's id is looked up in a list; one's own is read from oneself
        if ids and not OWN.search(ids.group()) and resources.head not in ("org", "me"):
            hint = "list"
        if hint:
            add(hint, HINT_WEIGHT)
        guessed = not verbs
        if guessed:
            verbs = frozenset({hint} if hint else READ_VERBS)
        elif number and verbs <= READ_VERBS:
            verbs = frozenset({number})
        elif hint and verbs >= READ_VERBS:  # "show" or "see": the plural or the id decides
            verbs = verbs - READ_VERBS | {hint}
        verbs = resolve_verbs(verbs, asking, resources.head)
        if supported is not None:
            resources, verbs = _fit(resources, verbs, asking, hint, supported, guessed)
        if resources.head != "user" and "user" in resources.found and resources.numbers.get("user") != "one" \
                and WHO_ASKED.search(asking):  # the users are what is asked, not whose the thing is
            resources = resources.without("user")
        # the resource acted on is settled: the registry's words for it, and for the others named (for less)
        for resource, weight in resources.found.items():
            for word in RESOURCE_TERMS[resource].split():
                add(stem(word), weight if resource == resources.head else EXPANSION_WEIGHT * weight)
        for term in [term for term in terms if term in VERBS and term not in verbs]:  # the verbs resolved are asked
            del terms[term]
        for verb in verbs:
            for word in VERB_TERMS.get(verb, ()):
                add(word, 1.0)
            if verb not in READ_VERBS and verb not in terms:  # a rule read it ("remove the calendar" disconnects)
                add(verb, EXPANSION_WEIGHT)
        scopes = _scopes(text, terms) | _scopes(context, told)
        scopes -= ruled_out
        values = frozenset(value.lower() for value in VALUE.findall(query) if not value.upper().startswith("CAL_"))
        return cls(terms, verbs, frozenset(scopes), resources, values)


def _fit(
    resources: Resources,
    verbs: frozenset[str],
    asking: str,
    hint: str | None,
    supported: dict[str, frozenset[str]],
    guessed: bool,
) -> tuple[Resources, frozenset[str]]:
    """The resource acted on and the verbs asked, fitted to what the registry's actions on it do; ``guessed``: the
    request said no verb, the ones given are a guess."""
    reheaded = resources.acted_on_by(verbs, supported)
    moved = reheaded != resources
    if moved:  # "confirm their slot" confirms a booking
        resources = reheaded
        verbs = resolve_verbs(verbs, asking, resources.head)
    can = supported.get(resources.head or "", frozenset())
    if resources.head and verbs <= READ_VERBS and not verbs & can:  # read it the way it is read
        if moved and can & READ_VERBS:  # "what time zone am I in" gets one's profile
            verbs = can & READ_VERBS
        elif not guessed and "check" in can and not can & READ_VERBS:  # "do I have an ics feed?" checks it
            verbs = frozenset({"check"})
    if resources.head and "check" in verbs - can:  # "checking membership 501" looks at it: nothing to test
        verbs = verbs - {"check"} | {hint or "get"}
    return resources, verbs


def _resources(asking: str, context: str) -> Resources:
    """The resources named anywhere, headed by the one the asking words act on; the story's head only when the asking
    words merely hint at theirs ("host") or name a broader one ("calendar" for the destination calendar)."""
    own = Resources.read(asking)
    if not context:
        return own
    every = Resources.read(f"{asking} , {context}")
    head = own.head
    unnamed = own.owner_head and PRONOUN.search(asking)  # "confirm it for team 27": "it" is what the story names
    if head is None or own.found[head] < 1.0 or unnamed or head in RELATED.get(every.head or "", ()):
        head = every.head
    order = tuple(dict.fromkeys([head, *every.order])) if head else ()
    # a resource only the story names counts for less ("before toggling conflict checking, I need …")
    found = {**{r: weight * CONTEXT_WEIGHT for r, weight in every.found.items()}, **own.found}
    if head is not None:
        found[head] = every.found[head]
    # how many the asking words name decides, even when they name no number: "show my default availability: the
    # weekly hours and any overrides"
    numbers = {r: n for r, n in every.numbers.items() if r not in own.found} | own.numbers
    return Resources(found, head, order, numbers)


def _rewrite(text: str) -> str:
    """Values blanked, grammar cues added, phrases rewritten (upper-cased: their words are taken as they are)."""
    # a URL or an address is a value, not words ("example.org" names no organization)
    text = URL.sub(" url ", EMAIL.sub(" email ", text))
    text += "".join(words for pattern, words in CUE_PATTERNS if pattern.search(text))
    for pattern, rewrite in PHRASE_PATTERNS:
        text = pattern.sub(rewrite, text)
    return text


def _read_words(
    text: str, known: Callable[[str], bool], add: Callable[[str, float], None], participles: list[str] | None = None
) -> bool:
    """Adds the terms of a rewritten text through ``add``; True when a word was a plural. Past participles
    ("attached") and nouns made of verbs ("confirmation") are added as related words only, and appended to
    ``participles``."""
    participles = [] if participles is None else participles
    plural = False
    for word in PHRASE_WORD.findall(text):
        if word.isupper():
            add(stem(word.lower()), 1.0)
            continue
        if word in STOPWORDS or word in QUERY_ONLY_STOPWORDS:
            continue
        term = stem(word)
        weight = 1.0
        if not (known(term) or _in_vocabulary(word) or _in_vocabulary(term)):
            if undone := _undone(word):  # "untag" unassigns
                add(undone, 1.0)
                continue
            base = fold(word, lambda w: known(stem(w)) or _in_vocabulary(w))
            if base and word.endswith("ed") and word.startswith(base[:-1]):
                # "webhooks attached to event type 4" describes them, unless nothing else asks ("it has to be deleted")
                weight = EXPANSION_WEIGHT
                participles.append(base)
            word = base or word
            term = stem(word)
        plural = plural or (term != word.removesuffix("'s") and word in (term + "s", term[:-1] + "ies"))
        meaning = REPLACE.get(word) or REPLACE.get(term) or ()
        if term.endswith("tion") and meaning and set(meaning) <= VERBS:
            weight = EXPANSION_WEIGHT  # "require confirmation" names a thing, unless nothing else asks
            participles.append(word)
        if meaning:
            for synonym in meaning:
                add(stem(synonym), weight)
            continue
        add(term, weight)
        # "rescheduling my call" asks to reschedule; "cancelled bookings" only describes them
        if term.endswith("ing") and term not in VERBS and (verb := fold(term, VERBS.__contains__)):
            add(verb, 1.0)
        for synonym in EXPAND.get(word, EXPAND.get(term, ())):
            add(stem(synonym), EXPANSION_WEIGHT)
    return plural


def _undone(word: str) -> str | None:
    """The registry verb that undoes what ``un…`` names: "untag" (tag: assign) unassigns."""
    if not word.startswith("un"):
        return None
    rest = word[2:]
    return next((f"un{verb}" for verb in (rest, *REPLACE.get(rest, ()), *EXPAND.get(rest, ())) if f"un{verb}" in VERBS),
                None)


def _in_vocabulary(word: str) -> bool:
    return word in REPLACE or word in EXPAND or word in VERBS or word in CANONICAL


def _scopes(text: str, terms: dict[str, float]) -> frozenset[str]:
    scopes = {scope for term, scope in SCOPE_TERMS.items() if terms.get(term) == 1.0}
    if OAUTH_CLIENT_WORDS.search(text):
        scopes.add("platform")
    if EVENT_TYPE_WORDS.search(text):
        scopes.add("event-type")
    return frozenset(scopes)
