"""The part of a request that asks, told from the part that tells: for :mod:`cal_actions.search.request`.

Long messages carry context: "I left that job, please remove my old office365 account", "Ravi moved to the London
office, so take the APAC tag off his profile", "Need the orgId of the user before calling any organization
endpoint". The words of the story (left, moved, calling) are not what to do. A message is cut into clauses; when
some clauses ask (an imperative, "please", "can you", "I need", "let's", "should be") and others only tell, the
others are context. Asides in parentheses without an id, purpose or time tails ("so I can …", "before …") and quoted
names ('Night shift') are context as well. Context words still count, for less, and name no verb and no resource
acted on.
"""

from __future__ import annotations

import re

from cal_actions.search.model import QUOTED
from cal_actions.search.vocab import REPLACE, VERBS

#: Vocabulary words for a verb that do not ask when they open a clause ("new hire", "details of").
NOT_IMPERATIVE = frozenset({"new", "details", "info", "information", "status", "healthy", "confirmation",
                            "cancellation", "rejection", "overview", "lookup", "ok", "okay"})

_EVERYDAY_IMPERATIVES = frozenset({
    "give", "take", "tell", "put", "turn", "set", "send", "write", "let", "block", "stop", "tag", "kill", "book",
    "schedule", "pull", "bring", "look", "fetch", "retrieve", "show", "list", "find", "get", "add", "remove", "move",
    "email", "text", "sms", "verify",
})
#: Words that ask for something when they open a clause: the registry's verbs, the everyday words for them, and
#: verbs the vocabulary reads through phrases ("give her admin rights", "take the tag off", "turn it down").
IMPERATIVES = sorted(
    VERBS
    | {word for word, meaning in REPLACE.items() if meaning[0] in VERBS and word not in NOT_IMPERATIVE}
    | _EVERYDAY_IMPERATIVES,
    key=len,
    reverse=True,
)
#: Where one clause ends and another starts: sentence ends, dashes, and commas or "and"/"but" before a new clause.
CLAUSE_BREAK = re.compile(r"[.!?;:]+(?:\s+|$)|\s+[-–—]+\s+|\.{3}|,\s+(?=(?:so|but|and|then|now)\b)|,\s+"
                          r"|\s+(?=but\s)|\s+so\s+")
#: A clause that asks: a request marker, or a verb in the imperative at its start.
ASKING = re.compile(
    r"^(?:(?:ok|okay|hey|hi|hello|so|and|then|now|just|also|oh|um|well|pls|please)\b[,\s]*)*"
    r"(?:please|pls|can you|could you|would you|will you|can we|could we|can i|could i|i need|i want|i'd like"
    r"|i would like|we need|we want|we'd like|i have to|we have to|need|needs|let's|lets|help me|go ahead|make sure"
    r"|i'm looking to|i am looking to|how do i|how can i|how many|what|which|who|where|when|is|are|do|does"
    # an agent saying what it will do next: "I'll pull every member's entries"
    r"|i'll|i will|let me|i'm going to|i am going to"
    r"|" + "|".join(IMPERATIVES) + r")\b"
    r"|\b(?:please|can you|could you|should (?:be|have|also|get|go|now)|needs?|want(?:s)? (?:to|the|a|an|it|them|my)"
    r"|wanna|i'd like|instead)\b"
)
#: A clause that only qualifies the request ("all teams at once", "org 7", "not 30") rather than tells a story: a few
#: words, or words opening on a quantifier or a preposition. What is not to be done ("not just the membership", "but
#: keep the people") tells.
QUALIFIER = re.compile(r"^(?:\S+(?:\s+\S+){0,2}$|(?:all|every|each|in|on|for|with|at|from|of|by|including|both"
                       r"|only|just|as|across|under|inside|within|via|without|except|plus|also)\b)")
#: An aside in parentheses without a digit ("(the old crew, it never joined an org)"); one with an id is kept.
ASIDE = re.compile(r"\(([^()\d]*)\)")
#: A tail that gives the purpose or the moment, not the request: "… so I can look up slots", "… before calling",
#: "… when a booking is cancelled".
TAIL = re.compile(r"\s(?:so (?:that |i |we |they |you )|before |after |because |since |once |in order to |while |when "
                  r"|whenever "
                  r"|to (?:offer|answer|use|help|make sure|avoid|check|see|know|call|look)\b)")
#: An opening that gives the moment or the purpose before the request with no comma: "before toggling X I need the
#: ids", "to assign a value I first need the option ids".
LEAD = re.compile(r"^(?:before|after|once|while|since|because|to|in order to)\s[^,]*?\s"
                  r"(?=(?:i|we) (?:first |just |still )?(?:need|want|would like|'d like)\b)")
#: A closing courtesy is no clause of its own: "only the org teams I'm in, please".
POLITE_END = re.compile(r"[,.!\s]*\b(please|pls|thanks|thank you|thx|ty|cheers)\W*$")
#: A capitalised name that is also an everyday verb, followed by what the person did: "Mark left the company".
NAME_AS_VERB = re.compile(r"^(?:Mark|Bill|Sue|Pat|Rob|Chase|Grant|Drew|Jack|Will|May|Jean|Bob|Ray|Bo|Dawn|Faith|"
                          r"Hope|Joy|Max|Penny|Rose|Summer|Cliff|Dean|Frank|Gene|Glen|Hunter|Lance|Miles|Reid)"
                          r"(?= (?:\w+ed|left|quit|is|was|has|had|wants|needs|should|can|will|went|took|got|\w+s)\b)")

#: A relative clause says more of what it follows: "team 61, which is inside org 5" is no clause of its own.
RELATIVE = re.compile(r",\s+(?=(?:which|who|that)\s+(?:is|are|was|were|has|have|isn'?t|aren'?t|wasn'?t|hasn'?t"
                      r"|belongs?|sits?|lives?)\b)")


def split_request(query: str) -> tuple[str, str]:
    """(the words that ask, lower-cased; the words that tell). With no clause that asks, all of it asks."""
    query = POLITE_END.sub("", NAME_AS_VERB.sub("someone", query.strip()).lower())
    query = RELATIVE.sub(" ", query)
    # a quoted name ('Night shift', "Move fast") names an item: its words do not ask for anything
    asides = " ".join([*ASIDE.findall(query), *QUOTED.findall(query)])
    text = re.sub(r" {2,}", " ", ASIDE.sub(" ", QUOTED.sub(" ", query)))
    clauses = [c.strip(" ,") for c in CLAUSE_BREAK.split(text) if c and c.strip(" ,")]
    asking = [c for c in clauses if ASKING.search(c) or QUALIFIER.search(c)]
    if len(asking) in (0, len(clauses)) or not any(ASKING.search(c) for c in asking):
        asking = clauses
    context = [asides, *(c for c in clauses if c not in asking)]
    main = []
    for clause in asking:
        if lead := LEAD.match(clause):
            context.append(lead.group())
            clause = clause[lead.end():]
        tail = TAIL.search(clause)
        if tail and tail.start() > 0:
            main.append(clause[: tail.start()])
            context.append(clause[tail.start():])
        else:
            main.append(clause)
    return " , ".join(main), " , ".join(c for c in context if c.strip())
