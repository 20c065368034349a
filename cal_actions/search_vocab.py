"""The words of :mod:`cal_actions.search`: how people ask, mapped to the words the registry uses.

Plain data, kept apart from the scorer so the tables can grow without burying the logic.
"""

from __future__ import annotations


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


STOPWORDS = _words(
    "a an the and or of to in on for with by at from as is are be been it its this that these those i we our "
    "us you your can could would should please want need just some do does did so then there their them "
    "what which when where how about into one it's i'm we're cal com"
)
#: Dropped from requests but kept in the registry, where they mean something (``CAL_GET_ME``).
QUERY_ONLY_STOPWORDS = frozenset({"me", "my"})

#: Spellings folded into one term on both sides.
CANONICAL = {"organization": "org", "organisation": "org", "organizations": "org", "orgs": "org", "my": "mine",
    # "is it connected" asks about the connection, not to connect
    "connected": "connection", "connections": "connection",
}

#: Phrases (regular expressions) rewritten before words are read; the rewrite replaces the phrase, and its
#: words are taken as they are (no stopwords, no synonyms).
PHRASES: dict[str, str] = {
    r"who am i|logged in as|my details|my (own )?profile": "get me profile",
    r"\b(my|our|the) org(anization)?'?s? id\b|\borgid\b": "get mine org id",
    r"(working|work|office) hours": "schedule hours",
    r"days? off": "schedule update",
    r"free time|open times|time slots?|openings": "available slot",
    r"no[ -]show|didn't show|did not show|never showed": "absent",
    r"round[ -]robin": "round-robin",
    r"set up|sign up": "create",
    r"call off|call it off": "cancel",
    r"turn down": "decline",
    r"hook(ed)? up|hooked|link up": "connect",
    r"time ?zones?": "timezone zone",
    r"^(is|are) ": "check ",
    r"\b(have|got) set up\b": "list",
    r"\bdo i have\b|\bdo we have\b": "list",
    r"(am i|i'm|are we|we're) (on|in)\b|part of|belong to|member of": "list mine",
    r"phone call": "phone",
    r"schedule an? (meeting|appointment|call|session)": "create booking",
    r"book an? ": "create booking ",
    r"who(('s)| is| are) (on|in)\b": "list membership",
    r"(kinds|types) of meetings|meeting types": "event type",
    r"\b(add|remove) \w+ as (an? )?hosts?\b": "update host",
    r"\bplatform users?\b": "managed user",
    r"\b(all|every|each) (of (the|its|their) )?webhooks?": "all webhook",
    r"\bfrom (my|the|our|this) (\w+ )?team": "membership team",
    r"\bmake \w+ (an? )?(admin|owner|member)\b": "update role membership",
    r"for conflicts|conflict check(ing|s)?": "selected conflict",
}

#: Words the registry does not use, or uses for something else: replaced by the registry's words.
REPLACE: dict[str, tuple[str, ...]] = {
    "meeting": ("booking",),
    "meetings": ("booking",),
    "appointment": ("booking",),
    "call": ("booking",),
    "session": ("booking",),
    "demo": ("booking",),
    "agenda": ("booking", "list"),
    "book": ("create", "booking"),
    "ring": ("phone",),
    "dial": ("phone",),
    "free": ("available", "slot"),
    "openings": ("available", "slot"),
    "hold": ("reserve", "reservation"),
    "lock": ("reserve",),
    "move": ("reschedule",),
    "push": ("reschedule",),
    "shift": ("reschedule",),
    "postpone": ("reschedule",),
    "reject": ("decline",),
    "refuse": ("decline",),
    "deny": ("decline",),
    "approve": ("confirm",),
    "accept": ("confirm",),
    "remove": ("delete",),
    "drop": ("delete",),
    "wipe": ("delete", "all"),
    "clear": ("delete", "all"),
    "erase": ("delete",),
    "kick": ("delete", "membership"),
    "change": ("update",),
    "edit": ("update",),
    "modify": ("update",),
    "rename": ("update", "name"),
    "promote": ("update", "role"),
    "make": ("create",),
    "new": ("create",),
    "add": ("create",),
    "invite": ("create", "membership"),
    "show": ("get", "list"),
    "see": ("get", "list"),
    "view": ("get",),
    "details": ("get",),
    "fetch": ("get",),
    "find": ("list",),
    "member": ("membership",),
    "members": ("membership",),
    "install": ("connect",),
    "uninstall": ("disconnect",),
    "unlink": ("disconnect",),
    "gcal": ("google", "calendar"),
    "outlook": ("calendar", "outlook"),
    "office365": ("calendar", "outlook"),
    "icloud": ("apple", "calendar"),
    "payment": ("stripe",),
    "payments": ("stripe",),
    "charge": ("stripe",),
    "company": ("org",),
    "teammate": ("team", "membership"),
    "logged": ("me",),
}

#: Words kept as asked, with the registry's related words added at a lower weight.
EXPAND: dict[str, tuple[str, ...]] = {
    "available": ("slot",),
    "availability": ("available", "slot"),
    "minutes": ("length",),
    "duration": ("length",),
    "longer": ("length",),
    "shorter": ("length",),
    "open": ("available", "get"),
    "store": ("save",),
    "hours": ("schedule",),
    "reserve": ("reservation",),
    "release": ("delete", "reservation"),
    "admin": ("membership", "role"),
    "role": ("membership",),
    "link": ("connect", "url"),
    "integration": ("connect",),
    "zoom": ("conferencing",),
    "meet": ("conferencing",),
    "video": ("conferencing",),
    "ics": ("feed",),
    "tag": ("attribute", "assign"),
    "token": ("refresh",),
    "expired": ("refresh",),
    "set": ("update",),
    "who": ("list",),
}

#: Request words that say which verb the action should have.
VERBS = _words(
    "list get create update delete cancel reschedule confirm decline mark reassign reserve save check sync "
    "disconnect connect assign unassign refresh verify"
)
#: An action's verb is its name's first word, read through this table where the request would say it otherwise.
NAME_VERBS = {"add": "create", "remove": "delete", "set": "update", "force": "refresh", "sync": "connect"}
