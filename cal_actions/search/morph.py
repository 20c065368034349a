"""Word forms for :mod:`cal_actions.search`: the stems both sides are read with, and the folding of a request word
the index does not know onto one it does.

People write "cancelled", "organisations", "reschduling" or "webhoks"; the index holds "cancel", "org",
"reschedule", "webhook". Stemming both sides blindly would merge words that must stay apart ("booking" the
noun and "book" the verb), so a request word is folded only when it is unknown, and only onto a known word:
first by its ending (plural, -ing, -ed, British spelling), then by one typing slip (a letter dropped, added,
changed or two swapped) in words long enough for that to be safe.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from cal_actions.search.vocab import CANONICAL, STOPWORDS

#: British endings and their American forms, tried before the inflections.
SPELLINGS = (("isation", "ization"), ("ise", "ize"), ("ising", "izing"), ("ised", "ized"), ("our", "or"),
             ("lled", "led"), ("lling", "ling"), ("tre", "ter"))
INFLECTIONS = ("ies", "es", "s", "ing", "ed")
#: Shortest word a typing slip is corrected in: below it, one letter turns a word into another one.
TYPO_MIN_LENGTH = 6
#: Longest word a slip is looked for in: the candidates grow with the square of its length, and no word the
#: registry uses is longer.
TYPO_MAX_LENGTH = 30
ALPHABET = "abcdefghijklmnopqrstuvwxyz"
WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")
CAMEL = re.compile(r"(?<=[a-z0-9])(?=[A-Z])")


def stem(word: str) -> str:
    """Fold plurals and spellings so 'bookings' meets 'booking' and 'organization' meets 'org'."""
    word = word.removesuffix("'s").replace("'", "")
    if word in CANONICAL:
        return CANONICAL[word]
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us")):
        return word[:-1]
    return word


def tokens(text: str) -> list[str]:
    """Stems of a registry text: camelCase and snake_case split, lower-cased, stopwords dropped."""
    words = WORD.findall(CAMEL.sub(" ", text.replace("_", " ")).lower())
    return [stem(word) for word in words if word not in STOPWORDS]


def inflection_bases(word: str) -> Iterator[str]:
    """The words ``word`` may be an inflection or a British spelling of, most likely first."""
    for british, american in SPELLINGS:
        if word.endswith(british):
            yield word[: -len(british)] + american
    for ending in INFLECTIONS:
        if len(word) > len(ending) + 2 and word.endswith(ending):
            base = word[: -len(ending)]
            yield base
            yield base + "e"  # scheduling → schedule
            if ending == "ies":
                yield base + "y"
            if len(base) > 2 and base[-1] == base[-2]:
                yield base[:-1]  # cancelled → cancel, dropped → drop


def _one_slip(word: str) -> Iterator[str]:
    """Words one keystroke away (letter dropped, swapped, added, changed), never at the first or last letter:
    a change there is more often another word ("hooks", "books") or an inflection ("manage", "managed")."""
    splits = [(word[:i], word[i:]) for i in range(1, len(word) - 1)]
    for left, right in splits:
        yield left + right[1:]
        yield left + right[1] + right[0] + right[2:]
    for left, right in splits:
        for letter in ALPHABET:
            yield left + letter + right
            if letter != right[0]:
                yield left + letter + right[1:]


def fold(word: str, known: Callable[[str], bool]) -> str | None:
    """The known word ``word`` is a form or a slip of, or None; ``known`` says which words the caller knows."""
    for base in inflection_bases(word):
        if known(base):
            return base
    if TYPO_MIN_LENGTH <= len(word) <= TYPO_MAX_LENGTH and word.isalpha():
        for candidate in _one_slip(word):
            if known(candidate):
                return candidate
    return None
