"""The words of :mod:`cal_actions.search`: how people ask, mapped to the words the registry uses.

Plain data, kept apart from the scorer so the tables can grow without burying the logic.
"""

from __future__ import annotations


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


STOPWORDS = _words(
    "a an the and or of to in on for with by at from as is are be been it its this that these those i we our "
    "us you your can could would should please want need just some do does did so then there their them "
    "what which when where how about into one it's i'm we're cal com theirs they he she his her him its"
)
#: Dropped from requests but kept in the registry, where they mean something (``CAL_GET_ME``).
QUERY_ONLY_STOPWORDS = frozenset({"me", "my", "called", "named", "titled"})  # "a team called Growth": a name follows

#: Spellings folded into one term on both sides.
CANONICAL = {"organization": "org", "organisation": "org", "organizations": "org", "orgs": "org", "my": "mine",
    # "is it connected" asks about the connection, not to connect
    "connected": "connection", "connections": "connection",
}

#: Phrases (regular expressions) rewritten before words are read; the rewrite replaces the phrase, and its
#: words are taken as they are (no stopwords, no synonyms).
PHRASES: dict[str, str] = {
    # whether Stripe works is checked, not listed or connected: "have Stripe set up?", "take card payments yet?"
    r"\b(have|has|got)( \w+){0,2} stripe set up\b|\b(working|usable) stripe\b"
    r"|\bstripe (is |still )?(working|usable|connected)\b": "check stripe connection",
    r"\b(take|accept) (card |credit card )?payments\b"
    r"(?=.*(\?|\byet\b|\bstripe (is |still )?connected\b))": "check stripe",  # asked, not wished for
    # "what webhooks have I set up?" asks what exists; "set it up" makes it
    r"\b(have|has|did|got|i've|we've)( \w+){0,2} set up\b": "list",
    r"\bset (it |that |this |them |one |those )up\b": "create",
    r"\bon (my|our|the|his|her|their) plate\b": "list booking",
    r"\b(sync|syncing|connection|link) (still )?(ok|okay|fine|working|healthy|alive|good|broken)\b": "check connection",
    r"\b(turn|convert|make) (that|it|this|them|the \w+) into (an? )?(real |proper |actual |confirmed )?"
    r"(booking|appointment|meeting)s?\b": "create booking",
    # what will not take place is cancelled
    r"\bnot (happening|going ahead|taking place)\b|\bwon'?t (happen|go ahead|take place)\b"
    r"|\b(is|are) (off|cancelled|canceled)\b(?!\s+(on|for|from|until|till|work)\b)": "cancel",
    r"\bshould (now )?(read|say|run|start|end|last|be (called|named|renamed|spelled))\b": "update",
    # "sorted by start date": a start or an end is a time, not a verb
    r"\bstart (date|time)s?\b": "start time",
    r"\bend (date|time)s?\b": "end time",
    r"\b(needs?|should (have|get)) (an?|another|one more|extra) (new )?[\w'-]+ (choice|option|value)s?\b": "create",
    r"\bgo-to\b|\bunless (i|we|they) say otherwise\b|\bby default\b": "default",
    r"who am i|logged in as|my details|my (own )?profile": "get me profile",
    r"\b(my|our|the) org(anization)?'?s? id\b|\borgid\b": "get mine org id",
    r"(working|work|office) hours": "schedule hours",
    r"days? off": "schedule update",
    r"free time|open times|time slots?|openings": "available slot",
    # "open event type 5" reads it
    r"^open\b(?! (times?|slots?|spots?|hours?|windows?)\b)": "get",
    r"no[ -]show|didn't show|did not show|never showed": "absent",
    r"round[ -]robin": "round-robin",
    r"set up|sign up": "create",
    r"call off|call it off": "cancel",
    r"\bturn (\w+ ){0,2}down\b": "decline",
    r"hook(ed)? up|hooked|link up": "connect",
    r"\b(ms|microsoft) teams\b": "conferencing",  # the video app, which says nothing of a team's scope
    r"time ?zones?": "timezone zone",
    r"^(is|are) ": "check ",
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
    # "make org membership 12 an admin": the words between still say whose membership
    r"\b(make|give)(?= (\S+ ){1,6}?(an? )?(admin|owner|member)( rights| access| role)?\b)": "update role membership",
    r"for conflicts|conflict check(ing|s)?": "selected conflict",
    # what is not to be done is not asked: "don't save anything", "without changing it"
    r"\b(don'?t|do not|never|no need to|without) (\w+ )?(sav|stor|submit|record|chang|updat|delet|creat|book|touch"
    r"|modif|edit|remov|cancel)\w*\b( anything| it| them)?": "",
    r"\bdry[- ]run\b|\bwhat[- ]if\b": "calculate",
    r"\bget rid of\b|\bdo away with\b|\btear (\w+ )?down\b": "delete",
    r"\blet go of\b": "release",
    r"\bsay no\b": "decline",
    r"\b(who )?hold(s|ing)? (which |what |the |an? )?(roles?|admin|rights)\b": "list membership role",
    r"\b(who )?hold(s|ing)? (which |what |the |an? |any )?(\w+ )?(options?|values?|tags?)\b": "assigned option",
    r"\b(is|are|was|were|been|being|currently) tagged\b": "assigned tag",
    r"\b(i|we|they) (still |already )?hold\b": "have",
    r"\bsay yes\b|\bgo ahead with\b": "confirm",
    r"\b(pull|look|bring) up\b|\blook (at|into)\b": "get",
    r"\bhand(ed|ing)? (it |this |that )?(over|off)\b|\bgive (it|this|that) to\b|\bmove\s+(\S+\s+){1,4}over to\b":
        "reassign",
    r"\bspin up\b|\bcome up with\b": "create",
    r"\b(turn|switch|flip) (\S+ ){0,3}?(off|on)\b": "update",
    # a value that should hold: "my intro call should be 45 minutes" (not "it should be deleted")
    r"\b(should|must|needs? to|has to) (now )?be (?!(\w+(ed|en)|on|in|part|an?)\b)": "update",
}

#: Grammar cues (regular expressions) whose words are added to the request, which keeps its own words.
CUES: dict[str, str] = {
    # who is added to or taken from a team or an organization is a membership.
    r"\b(add|invite|put|bring|assign)\b[\w' ]{1,30}?\b(to|into|onto|in) (the|my|our|this|a|an|that) (\w+ ){0,2}?"
    r"(team|org|organi[sz]ation|company)\b": "create membership",
    r"\b(remove|kick|drop|take|delete)\b[\w' ]{1,30}?\b(from|out of|off) (?:(the|my|our|this|that) (\w+ ){0,2}?"
    r"(team|org|organi[sz]ation|company)\b|(team|org) #?\d+\b(?!'s))": "delete membership",
    r"\bon (my|the|our) (work |personal )?(calendar|diary|agenda)\b": "booking",
    r"(^|, )(which|what) (\w+ )?(?!(is|was|has|does|its|this|thus|always|perhaps)\b)(\w+s|people|staff|folks)\b"
    r"|\b(all|every|each) (of )?(the |my |our )?\w+s\b"
    # "every booking across the company" (not "every day" or "every Monday")
    r"|\bevery (single )?(?!(day|week|month|year|morning|evening|night|time|hour|minute|mon|tue|wed|thu|fri|sat"
    r"|sun)\w*)\w+\b(?!'s)": "list",
    r"\b(called|named|titled)\b": "get",
    # "give the Platform team a collective 'Review' event": a thing given to its owner is made for it
    r"\bgive (the|our|my|this|that) ([\w']+ ){0,3}?(an?|another|one more) (new )?[\w' ]{0,40}?"
    r"\b(event|event type|meeting type|webhook|schedule|option|choice)s?\b": "create",
    # "tag user 5 with Region = EMEA" gives a person an attribute option
    r"^tag\b|\btag \w+( \w+)? with\b": "assign",
    # "set my time zone to Lisbon" changes a setting; "set up" was read as create before cues are added
    r"(^|, )(require|enforce)\b|(^|, )set\b(?! up)|\bset (it|this|that|my|the|our|its|his|her|their) (\w+ ){0,2}to\b":
        "update",
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
    "store": ("save",),
    "new": ("create",),
    "add": ("create",),
    "invite": ("create", "membership"),
    "show": ("get", "list"),
    "see": ("get", "list"),
    "view": ("get",),
    "details": ("get",),
    "fetch": ("get",),
    "find": ("list",),
    "member": ("membership", "user"),
    "members": ("membership",),
    "install": ("connect",),
    "uninstall": ("disconnect",),
    "unlink": ("disconnect",),
    "gcal": ("google", "calendar"),
    "gmail": ("google", "calendar"),
    "fallback": ("default",),
    "externalid": ("external", "id"),
    "credentialid": ("id",),  # a field of a connected calendar, not its credentials
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
    "hours": ("schedule",),
    "reserve": ("reservation",),
    "release": ("delete", "reservation"),
    "admin": ("membership", "role"),
    "role": ("membership",),
    "link": ("connect", "url"),
    "authorization": ("auth",),  # the registry names its sign-in links auth URLs
    "authorisation": ("auth",),
    "integration": ("connect",),
    "zoom": ("conferencing",),
    "meet": ("conferencing",),
    "video": ("conferencing",),
    "ics": ("feed",),
    "tag": ("attribute", "assign"),
    "token": ("refresh",),
    "expired": ("refresh",),
    "submission": ("response",),  # what was sent through a form
    "submissions": ("response",),
    "lost": ("force",),  # tokens lost are issued anew, without the refresh token
    "set": ("update",),
    "who": ("list",),
}

#: Request words that say which verb the action should have.
VERBS = _words(
    "list get create update delete cancel reschedule confirm decline mark reassign reserve save check sync "
    "disconnect connect assign unassign refresh verify calculate"
)
#: An action's verb is its name's first word, read through this table where the request would say it otherwise.
NAME_VERBS = {"add": "create", "remove": "delete", "set": "update", "force": "refresh", "sync": "connect"}


#: Everyday verbs by the registry verb they ask for; inflections and slips reach them through the folding.
VERB_WORDS: dict[str, str] = {
    "cancel": "scrap scratch abort nix cancellation unbook",
    "reschedule": "delay bump rebook defer rearrange",
    "confirm": "greenlight okay ok confirmation",
    "decline": "veto rejection",
    "mark": "flag",
    "create": "start register provision onboard generate establish build launch spin enroll enrol",
    "update": "adjust tweak switch swap alter amend point disable enable pause deactivate activate extend shorten "
    "lengthen demote reconfigure fix correct tune grant forbid allow permit",
    "delete": "destroy purge discard trash ditch axe retire rid nuke kill terminate strip dissolve disband deprovision "
    "offboard unreserve",
    "list": "browse enumerate overview dump export",
    "get": "retrieve lookup inspect info information read",
    "check": "verify test validate status healthy",
    "calculate": "preview simulate",
    "connect": "integrate authorize authorise attach plug",
    "disconnect": "revoke detach unhook unplug",
    "refresh": "renew rotate reissue regenerate",
    "reassign": "transfer handover",
}
#: Everyday nouns by the registry words they mean.
NOUN_WORDS: dict[str, str] = {
    "booking": "interview consult consultation chat catchup standup huddle 1on1 visit",
    "schedule": "timetable override overrides holiday holidays vacation",
    "webhook": "endpoint subscriber",
    "membership": "colleague colleagues staff staffer",
    "org": "workspace enterprise tenant",
    "user": "employee employees person people account accounts",
    "option": "choice choices",
    "conferencing": "webex",
    "stripe": "billing card",
}
for _verb, _words_text in VERB_WORDS.items():
    for _word in _words_text.split():
        REPLACE.setdefault(_word, (_verb,))
for _noun, _words_text in NOUN_WORDS.items():
    for _word in _words_text.split():
        REPLACE.setdefault(_word, (_noun,))
#: The registry's words for a verb the request model resolves to but the registry spells otherwise.
VERB_TERMS: dict[str, tuple[str, ...]] = {"authorize": ("oauth", "auth", "url")}
#: Verbs close enough that one may stand for the other: a booking is cancelled, not deleted.
VERB_KIN = {"cancel": frozenset({"delete"}), "delete": frozenset({"cancel"})}
