"""Step one of reading a request: its words spelled as the search knows them, abbreviations and slips folded.

People type "resched bkg 55c2 to fri", "cancl my 3pm", "evnt types", "org memebers", "rm webhook 31". Every later
step (the clause splitter, the resource lexicon, the verb rules, BM25) matches whole words, so a word none of them
knows is rewritten first, onto a word they do know:

1. a conventional short form of a small table ("rm" → remove, "mv" → move, "cals" → calendars);
2. a word cut short: the word it starts ("resched" → reschedule, "attr" → attribute);
3. one typing slip (:func:`cal_actions.search.morph.fold`: a letter dropped, added, changed or two swapped);
4. a contraction: a word with the same first and last letters that holds all of its letters in order, short of
   one letter or of its vowels ("bkg" → booking, "evnt" → event, "cancl" → cancel, "mbrships" → memberships).

The words folded onto are the ones requests act on and with (the words of action names, the vocabulary's verbs
and nouns). An abbreviation keeps at least ``ABBREVIATION_MIN_SHARE`` of the word's letters; a plural abbreviates
a plural ("bkgs" → bookings); of several words that fit, the one most actions use wins. Names and acronyms
(capitalised inside a sentence, or in capitals) are left alone.

A word is known when the index holds it (as a stem), when a vocabulary table or a pattern of the request model
names it, or when it is an inflection of one of those; known words, numbers and short words are never rewritten.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from functools import cache

from cal_actions.search import clause, lexicon, model, vocab
from cal_actions.search.morph import TYPO_MAX_LENGTH, fold, inflection_bases, stem

#: Conventional short forms that the letters alone do not lead to, or lead to the wrong word ("dec" is December,
#: not decline).
ABBREVIATIONS = {
    "rm": "remove", "mv": "move", "del": "delete", "cals": "calendars", "conf": "conferencing", "typ": "type",
    "appt": "appointment", "appts": "appointments", "mtg": "meeting", "mtgs": "meetings", "pls": "please",
    "plz": "please", "tmrw": "tomorrow", "tmr": "tomorrow", "acct": "account", "w": "with", "min": "minutes",
    "mins": "minutes", "hr": "hour", "hrs": "hours",
    "mon": "monday", "tue": "tuesday", "tues": "tuesday", "wed": "wednesday", "thu": "thursday", "thur": "thursday",
    "thurs": "thursday", "fri": "friday", "sat": "saturday", "sun": "sunday", "jan": "january", "feb": "february",
    "mar": "march", "apr": "april", "jun": "june", "jul": "july", "aug": "august", "sep": "september",
    "sept": "september", "oct": "october", "nov": "november", "dec": "december",
    # acronyms people type in lower case, kept as they are
    "crm": "crm", "api": "api", "sms": "sms", "erp": "erp", "ooo": "ooo", "asap": "asap", "eod": "eod",
}  # fmt: skip
#: Shortest word read as an abbreviation: two letters fit too many words.
ABBREVIATION_MIN_LENGTH = 3
#: Least share of the full word's letters an abbreviation keeps ("bkg": 3 of booking's 7).
ABBREVIATION_MIN_SHARE = 0.4
VOWELS = frozenset("aeiouy")
#: A word standing on its own: not part of an address, a URL, an id or a hyphenated word ("crm.example", "bk_7a").
WORD = re.compile(r"(?<![\w./@-])[A-Za-z]+(?![\w/@-]|\.\w)")
# A word spelled out in a pattern, or the stem a pattern completes ("delet\w*", "hand(ed|ing)?").
_PATTERN_WORD = re.compile(r"(?<![\]\)a-z])[a-z]{2,}(?![a-z])")
_ESCAPE = re.compile(r"\\[a-zA-Z]")


@cache
def pattern_words() -> frozenset[str]:
    """The words the request model's tables and patterns spell out: a request word among them is read as it is."""
    sources = [source for _, strong, weak in lexicon.RESOURCES for source in (strong, weak)]
    sources += [*vocab.PHRASES, *vocab.CUES, *(p.pattern for rules in model.VERB_RULES.values() for p, _ in rules)]
    sources += [p.pattern for p in (clause.ASKING, clause.TAIL, clause.QUALIFIER, clause.LEAD, clause.POLITE_END)]
    words = {word for source in sources for word in _PATTERN_WORD.findall(_ESCAPE.sub(" ", source))}
    tables = (vocab.REPLACE, vocab.EXPAND, vocab.CANONICAL, vocab.VERBS, vocab.STOPWORDS, vocab.QUERY_ONLY_STOPWORDS)
    return frozenset(words).union(*tables, clause.NOT_IMPERATIVE)


class Spelling:
    """The words a registry's index and the request model know, and the folding of other words onto them."""

    def __init__(self, frequencies: Mapping[str, int], targets: Iterable[str]) -> None:
        """``frequencies``: index term → how many actions use it; ``targets``: the words an abbreviation or a slip
        may stand for (what requests act on and with: the words of action names, the vocabulary's verbs and
        nouns); an everyday word the search merely knows ("existing", "format") is no target."""
        self._frequencies = frequencies
        self._known = pattern_words() | frequencies.keys()
        self._target_set = frozenset(word for word in targets if word.isalpha() and len(word) > 1)
        self._targets: dict[str, list[str]] = {}
        for word in sorted(self._target_set):
            self._targets.setdefault(word[0], []).append(word)
        self._folded: dict[str, str | None] = {}

    def knows(self, word: str) -> bool:
        return word in self._known or stem(word) in self._known

    def spell(self, text: str) -> str:
        """``text`` with each word the search does not know replaced by the known word it most likely stands for.
        A capitalised word inside a sentence, or one in capitals, is a name or an acronym (Ana, CRM): left alone."""

        def respell(match: re.Match[str]) -> str:
            word = match.group()
            opening = not text[: match.start()].rstrip() or text[: match.start()].rstrip()[-1] in ".!?;:"
            if (word[0].isupper() and not opening) or (len(word) > 1 and word.isupper()):
                return word
            return self.word(word) or word

        return WORD.sub(respell, text)

    def word(self, word: str) -> str | None:
        """The known word ``word`` stands for, or None when it is known or nothing fits."""
        lower = word.lower()
        if lower not in self._folded:
            if len(self._folded) > 10_000:  # bound the memory a long-lived process spends on one-off words
                self._folded.clear()
            self._folded[lower] = ABBREVIATIONS.get(lower) or (None if self._is_known(lower) else self._fold(lower))
        return self._folded[lower]

    def _is_known(self, word: str) -> bool:
        return self.knows(word) or any(self.knows(base) for base in inflection_bases(word))

    def _fold(self, word: str) -> str | None:
        if not ABBREVIATION_MIN_LENGTH <= len(word) <= TYPO_MAX_LENGTH or not word.isalpha():
            return None
        # a word cut short is read before a slip: "resched" is reschedule, not "reached" with a letter changed
        slip = fold(word, lambda w: w in self._target_set)
        if slip is None and word.endswith("s"):  # a slip in a plural: "calenders"
            slip = fold(word[:-1], lambda w: w in self._target_set)
            slip = slip and slip + "s"
        return self._expand(word, _cut) or slip or self._expand(word, _contracted)

    def _expand(self, short: str, fits: Callable[[str, str], bool]) -> str | None:
        """The target ``short`` abbreviates by ``fits``, its plural abbreviating a plural ("bkgs": bookings); of
        several, the word most actions use, then the shortest."""
        full = self._longer(short, fits)
        if full is None and short.endswith("s") and len(short) > ABBREVIATION_MIN_LENGTH:
            full = self._longer(short[:-1], fits)
            full = full if full is None or full.endswith("s") else full + "s"
        return full

    def _longer(self, short: str, fits: Callable[[str, str], bool]) -> str | None:
        words = [word for word in self._targets.get(short[0], ()) if len(short) >= ABBREVIATION_MIN_SHARE * len(word)]
        fitting = [word for word in words if len(word) > len(short) and fits(word, short)]
        return min(fitting, key=lambda w: (-self._frequencies.get(stem(w), 0), len(w), w)) if fitting else None


def _cut(word: str, short: str) -> bool:
    """``short`` is ``word`` cut short by two letters or more ("resched"; "even" is a word, not "event" cut)."""
    return word.startswith(short) and len(word) - len(short) >= 2


def _contracted(word: str, short: str) -> bool:
    """``short`` keeps ``word``'s first and last letters and others in order, and either drops one letter or two
    vowels of a word of four or more ("cancl", "evnt", "webhks"), or has next to no vowels itself ("bkg", "usr",
    "mbrships"); an everyday word keeps its vowels ("care" is no contraction of "charge")."""
    rest = iter(word)
    if word[0] != short[0] or word[-1] != short[-1] or not all(letter in rest for letter in short):
        return False
    dropped = len(word) - len(short)
    dropped_vowels = sum(letter in VOWELS for letter in word) - sum(letter in VOWELS for letter in short)
    if len(short) >= 4 and (dropped == 1 or dropped == dropped_vowels <= 2):
        return True
    return sum(letter in VOWELS for letter in short[1:]) <= (len(short) - 2) // 4
