"""A request's model for :mod:`cal_actions.search`: which resource it acts on, and what it does to it.

An action's resource is read from its declaration (``CAL_{VERB}_{SCOPE?}_{RESOURCE}``, and the resources its path
passes through: ``/v2/organizations/{orgId}/teams/{teamId}/memberships`` is a membership, in a team). A request's
resources are read with the lexicon of :mod:`cal_actions.search.lexicon`; the earliest found in that lexicon is
the one acted on, unless it is named after a preposition ("a call on event type 7"); the others are context. Words
for what to do often depend on the resource: a booking is cancelled, a schedule deleted; a booking is moved
(rescheduled), working hours are moved (updated); a hold is released (its reservation deleted).
:func:`resolve_verbs` applies those rules to the verbs the scorer read; a request that asks to read, or asks what is
there, takes no change from them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from cal_actions.search.lexicon import NO_SHOW, RESOURCES

if TYPE_CHECKING:
    from cal_actions.action import Action

#: Action-name fragments (from the start of a word of the name) and the resource they name, most specific first.
NAME_RESOURCES = (
    (r"VERIF(Y|IED)_(\w+_)?EMAIL|EMAIL_VERIFICATION", "verified-email"),
    (r"VERIF(Y|IED)_(\w+_)?PHONE|PHONE_VERIFICATION", "verified-phone"),
    ("BOOKING_REFERENCES", "booking-reference"),
    ("RECORDINGS", "recording"),
    ("TRANSCRIPTS", "transcript"),
    ("CALENDAR_LINKS", "calendar-link"),
    ("ROUTING_FORM", "routing-form"),
    ("WORKFLOW", "workflow"),
    ("INVITE_LINK", "invite-link"),
    ("PRIVATE_LINK", "private-link"),
    ("OUT_OF_OFFICE", "out-of-office"),
    ("MANAGED_ORG", "managed-org"),
    ("DELEGATION_CREDENTIAL", "delegation-credential"),
    ("ASSIGNED_OPTIONS", "attribute-option"),
    ("ICS_FEED", "ics-feed"),
    ("SELECTED_CALENDAR", "selected-calendar"),
    ("DESTINATION_CALENDAR", "destination-calendar"),
    ("BUSY_TIMES", "busy-time"),
    ("RESERV", "reservation"),
    ("SLOTS", "slot"),
    ("WEBHOOK", "webhook"),
    ("TOKEN", "token"),
    ("PHONE_CALL", "phone-call"),
    ("CONFERENCING", "conferencing"),
    ("STRIPE", "stripe"),
    ("ATTRIBUTE_OPTION", "attribute-option"),
    ("ATTRIBUTE", "attribute"),
    ("SCHEDULE", "schedule"),
    ("MANAGED_USER", "managed-user"),
    ("MEMBERSHIP", "membership"),
    ("EVENT_TYPE", "event-type"),
    ("BOOKING", "booking"),
    ("ORGANIZATION_ID", "org"),
    ("TIMEZONES", "timezone"),
    ("TEAM", "team"),
    ("OAUTH_CLIENT", "oauth-client"),
    ("USER", "user"),
    ("CALENDAR", "calendar"),
    ("ME$", "me"),
)
#: A fragment is read from the start of a name word: CAL_RESCHEDULE_BOOKING is about a booking, not a schedule.
_NAME_PATTERNS = tuple((re.compile(f"(?<![A-Z]){fragment}"), resource) for fragment, resource in NAME_RESOURCES)
#: Path segments and the resource an action under them is about, as context.
PATH_RESOURCES = (
    ("/event-types", "event-type"),
    ("/teams", "team"),
    ("/users", "user"),
    ("/options/{userId}", "user"),  # one user's attribute options
    ("/attributes", "attribute"),
    ("/calendars", "calendar"),
    ("/selected-calendars", "calendar"),
    ("/destination-calendars", "calendar"),
    ("/slots", "slot"),
    ("/bookings", "booking"),
    ("/schedules", "schedule"),
    ("/me", "me"),
    ("/private-links", "private-link"),
)
#: Resources that are one another's in the request's words: a managed user is a user, a hold is on a slot.
RELATED = {
    "managed-user": {"user"},
    "reservation": {"slot"},
    "attribute-option": {"attribute"},
    "selected-calendar": {"calendar"},
    "destination-calendar": {"calendar"},
    "busy-time": {"calendar"},
    "ics-feed": {"calendar"},
    "me": {"user"},
    "timezone": {"me"},  # a time zone is a setting of one's profile
    "private-link": {"event-type"},
    "out-of-office": {"schedule"},  # away days are what "time off" on a schedule means for one person
    "managed-org": {"org"},
    # what a booking left in other apps: its calendar event and video meeting, their recordings and transcripts
    "booking-reference": {"booking", "calendar", "conferencing"},
    "recording": {"booking", "conferencing"},
    "transcript": {"booking", "conferencing"},
    "calendar-link": {"booking", "calendar"},
}
_PATTERNS = tuple(
    (resource, re.compile(strong), re.compile(weak) if weak else None) for resource, strong, weak in RESOURCES
)
#: Quoted names ('Office hours', "Sales demo") name an item; their words say nothing of what it is.
QUOTED = re.compile(r"(?<![\w'])'[^']{1,40}'(?!\w)|\"[^\"]{1,40}\"")
#: "schedule" as a verb ("schedule a call") books; as a noun it is a schedule.
SCHEDULE_VERB = re.compile(r"(^|\b(to|please|you|let's|lets|and|i|we|then|me)\s+)schedul(e|ing)\b(?!\s+#?\d)")
WEAK = 0.5
#: An id after a resource's words ("booking abc123", "schedule #88", "event type id 5"); a time or a length is not one.
ITEM_ID = re.compile(r"\s*(#|(no\.?|number|id|uid)\s*)?(?=[\w-]*\d)(?!\d+(am|pm|h|mins?)\b)[\w-]+\b"
                     r"(?![:.]\d|\s*(am|pm|min|mins|minutes?|h|hours?|days?|weeks?)\b)")
LINKED = re.compile(r" (of|for|on|to|from|in|into|onto) ")
#: A resource named after a preposition is where the thing acted on lives, not that thing: "book a call on event type
#: 7" books, "the webhooks of event type 5" are webhooks.
OWNER_LINK = re.compile(r"\b(on|of|for|in|under|inside|within|through|via)\s+"
                        r"((the|my|our|this|that|its|their|[\w']+'s)\s+)?([\w-]+\s+)?$")
#: "(not in any org)", "not an org team", "no organization", "our org-less team", "not team ones": a scope the request
#: rules out. The owner word must end the phrase or name the kind of owner ("org team"): "not an org admin" rules out
#: a role, not the organization.
NEGATED_SCOPE = re.compile(
    r"\b(?:not|no|without|never|outside|(?:is|are|was|were|has|have)n'?t|(?:do|does|did)(?:n'?t| not) have)\s+"
    r"(?:(?:in|part of|under|within|inside|on|belong\w* to|joined|been in|was in|a member of|with|of|from)\s+)?"
    r"(?:(?:any|an?|the|our|some|one of the|one of our)\s+)?(org|organi[sz]ations?|company|teams?)"
    r"(?:[- ]org\b)?(?=\s*(?:$|[),.;:!?]|ones?\b|teams?\b|level\b|-level\b|memberships?\b|-?wide\b|and\b|but\b"
    r"|involved\b|needed\b|required\b|at all\b|here\b|yet\b|anymore\b))"
    r"|\b(org|organi[sz]ation|company)[- ]?less\b",
    re.IGNORECASE,
)
SCOPE_OF_OWNER = {"org": "org", "organization": "org", "organisation": "org", "company": "org", "team": "team"}


def negated_scopes(text: str) -> tuple[str, frozenset[str]]:
    """The text with the phrases that rule a scope out blanked, and the scopes they rule out."""
    ruled_out: set[str] = set()

    def blank(match: re.Match[str]) -> str:
        owner = (match.group(1) or match.group(2)).lower().removesuffix("s")
        ruled_out.add(SCOPE_OF_OWNER[owner])
        return " "

    return NEGATED_SCOPE.sub(blank, text), frozenset(ruled_out)


@dataclass(frozen=True)
class Resources:
    """The resources a request names (resource → 1 for a strong phrase, ``WEAK`` for a hint) and the one acted on."""

    found: dict[str, float]
    head: str | None
    #: every resource found, the head first
    order: tuple[str, ...] = ()
    #: resource → "one" when an id or a name follows its word ("schedule 88"), "many" when its word is plural
    numbers: dict[str, str] = field(default_factory=dict)
    #: the head is only named as the owner of something unnamed: "confirm it for team 27"
    owner_head: bool = False

    @classmethod
    def read(cls, text: str) -> Resources:
        found: dict[str, float] = {}
        numbers: dict[str, str] = {}
        # (-weight, lexicon position, place in the text, named as an owner, resource): the head sorts first
        candidates: list[tuple[float, int, int, bool, str]] = []
        text = SCHEDULE_VERB.sub(" book ", QUOTED.sub(" ", text))
        for rank, (resource, strong, weak) in enumerate(_PATTERNS):
            for pattern, weight in ((strong, 1.0), (weak, WEAK)):
                if pattern is not None and (first := pattern.search(text)):
                    found[resource] = max(found.get(resource, 0.0), weight)
                    if number := next(filter(None, (_number(m, pattern) for m in pattern.finditer(text))), ""):
                        numbers[resource] = number
                    owner = bool(OWNER_LINK.search(text, 0, first.start()))
                    candidates.append((-weight, rank, first.start(), owner, resource))
                    text = pattern.sub(" ", text)
                    break
        candidates.sort()
        if candidates and candidates[0][3]:  # "a call on event type 7": the thing named before its owner is acted on
            weight, _, place, _, _ = candidates[0]
            owned = next((c for c in candidates if c[0] == weight and not c[3] and c[2] < place), None)
            if owned is not None:
                candidates.remove(owned)
                candidates.insert(0, owned)
        order = tuple(dict.fromkeys(resource for *_, resource in candidates))
        if order and order[0] in EVERYONES and EVERYONE.search(text) and numbers.get("user") != "one":
            # every user's schedules, time off or bookings: no one user
            found = {r: weight for r, weight in found.items() if r not in ("user", "membership")}
            order = tuple(r for r in order if r in found)
        return cls(found, order[0] if order else None, order, numbers, bool(candidates and candidates[0][3]))

    def acted_on_by(self, verbs: frozenset[str], supported: dict[str, frozenset[str]]) -> Resources:
        """The same, headed by the first resource that has an action for the specific verb asked: a slot is not
        confirmed, so "confirm their slot" acts on the booking; for another verb, by a resource the head is part of."""
        asked = verbs & SPECIFIC_VERBS

        def takes(resource: str) -> bool:  # what is listed can be read one by one, the other way round, or checked
            own = supported.get(resource, frozenset())
            return bool((asked or verbs) & own or (verbs <= READS and (READS | {"check"}) & own))

        if self.head is None or takes(self.head):
            return self
        if not asked:  # a resource that does not take the verb hands it to the one it is part of: "which calendar do
            # new bookings land in?" lists the calendars, which name the destination one
            head = next((r for r in sorted(RELATED.get(self.head, ())) if takes(r)), None)
            return self if head is None else Resources(self.found, head, self.order, self.numbers)
        head = next((r for r in self.order if asked & supported.get(r, frozenset())), None)
        if head is None:  # none named has it: the one resource that has it, if only one does (confirm: a booking)
            having = [r for r, verbs in supported.items() if asked & verbs]
            head = having[0] if len(having) == 1 else self.head
        return Resources(self.found, head, self.order, self.numbers)

    def without(self, resource: str) -> Resources:
        """The same, ``resource`` left out (it is not the head)."""
        found = {r: weight for r, weight in self.found.items() if r != resource}
        order = tuple(r for r in self.order if r != resource)
        return Resources(found, self.head, order, self.numbers, self.owner_head)

    @property
    def number(self) -> str:
        """"one" or "many" for the resource acted on, "" when its words do not say."""
        return self.numbers.get(self.head or "", "")


def _number(match: re.Match[str], pattern: re.Pattern[str]) -> str:
    """"one" when an id follows the words that named a resource, "many" when those words are a plural of words
    that name it too ("schedules", not "working hours")."""
    phrase = match.group()
    if ITEM_ID.match(match.string, match.end()) and not LINKED.search(phrase):  # "options of attribute 4": the id is
        return "one"  # the attribute's
    singular = phrase[:-3] + "y" if phrase.endswith("ies") else phrase[:-1]
    if phrase.endswith("s") and not phrase.endswith(("ss", "'s")) and pattern.fullmatch(singular):
        return "many"
    return ""


NO_RESOURCES = Resources({}, None)
#: Resources on a path that narrow what the action acts on to one owner's.
OWNER_RESOURCES = frozenset({"user", "attribute"})
#: Share of the score lost for each named resource the action's path lacks, or each owner it has unasked.
CONTEXT_PENALTY = 0.12
#: Verbs that say what to do more exactly than create, get, list or update, which they override when both are read
#: ("I can't make Thursday's call, push it to Tuesday" reschedules).
SPECIFIC_VERBS = frozenset({"reschedule", "cancel", "decline", "confirm", "reassign", "refresh", "reserve",
                            "disconnect", "mark", "save", "check", "verify", "connect", "unassign", "send",
                            "calculate"})
READS = frozenset({"get", "list"})
#: Resources read for every user at once as well as for one.
EVERYONES = frozenset({"schedule", "out-of-office", "booking"})
#: "all", "everyone": the request is about every user, not one ("the schedules of everyone in the org").
EVERYONE = re.compile(r"\b(all|every|everyone|everybody|each)\b")


def action_resource(action: Action) -> str:
    name = action.name.removeprefix("CAL_")
    return next((resource for pattern, resource in _NAME_PATTERNS if pattern.search(name)), "")


def action_context(action: Action) -> frozenset[str]:
    """The resource an action acts on, with those its path passes through."""
    path = {resource for segment, resource in PATH_RESOURCES if segment in action.path}
    if "user" in path and "/organizations/" in action.path:  # an org's user is one of its members
        path.add("membership")
    own = action_resource(action)
    return frozenset({own, *path, *RELATED.get(own, ())})


def resource_fit(own: str, context: frozenset[str], asked: Resources) -> float:
    """1 when the action acts on the resource the request acts on; less when it acts on one the request names only
    as context; least when the request names neither its resource nor any of its context."""
    if asked.head is None:
        return 1.0
    if own == asked.head:
        # what the request names beside the head should be on the action's path ("the schedule of org user 7")
        missing = sum(weight for r, weight in asked.found.items() if r not in context)
        extra = len((context & OWNER_RESOURCES) - asked.found.keys() - {own})
        return (1 - CONTEXT_PENALTY) ** (missing + extra)
    if own in asked.found:
        return 0.6
    if asked.head in context:
        return 0.45
    return 0.3


#: An address or a number is verified with the code it was sent (a code given, or "confirm", verifies it); asking for a
#: code sends one; anything else reads what is verified.
VERIFICATION_RULES = (
    (re.compile(r"\b(verify|verifying|confirm\w*|finish\w*|complete\w*|enter)\b|\bcodes?\W+(is\W+|was\W+)?\d{3,8}\b"
                r"|(?<![\d+-])\b\d{3,8}\W+(is\W+)?(the\W+|my\W+)?code\b|\bwith (the )?(code|\d{3,8}\b)"), "verify"),
    (re.compile(r"\b(send|sending|text|sms|txt|e-?mail|mail|request|kick\w* off|start|trigger|resend)\b[^.;]{0,40}"
                r"\b(codes?|verification|verify)\b|\bverification codes?\b"), "send"),
)
# Verb rules by the resource acted on: (pattern, verb). The first that matches replaces the verbs read.
VERB_RULES: dict[str, tuple[tuple[re.Pattern[str], str], ...]] = {
    "reservation": (
        (re.compile(r"\b(releas\w*|let go|free (it )?up|drop|cancel\w*|remov\w*|delet\w*|give back|abandon\w*|undo)\b"),
         "delete"),
        (re.compile(r"\b(mov\w*|chang\w*|extend\w*|prolong\w*|renew\w*|shift\w*|push\w*|switch\w*|updat\w*)\b"),
         "update"),
        (re.compile(r"\b(show|get|look (up|at)|check(s|ing)? (on|if|whether)|status|details?|still|expir\w*"
                    r"|double[- ]check\w*)\b"),
         "get"),
        (re.compile(r"\b(hold|reserv\w*|pencil\w*|lock|keep|block)\b"), "reserve"),
    ),
    "selected-calendar": (
        (re.compile(r"\b(stop\w*|don'?t|no longer|exclud\w*|remov\w*|ignor\w*|anymore|not)\b"), "delete"),
        (re.compile(r"."), "create"),
    ),
    # asking where new bookings go reads the calendars, which name the destination one
    "destination-calendar": (
        (re.compile(r"^(what|which|where)\b(?!.*\b(set|make|change|switch|use|put)\b)"), "list"),
        (re.compile(r"."), "update"),
    ),
    # a connected calendar account is not deleted but disconnected
    "calendar": ((re.compile(r"\b(remov\w*|delet\w*|disconnect\w*|unlink\w*|get rid|drop\w*|forget)\b"),
                  "disconnect"),),
    "conferencing": (
        (re.compile(r"\b(uninstall|disconnect\w*|remov\w*|unlink|revoke|get rid)\b"), "disconnect"),
        (re.compile(r"^(which|what)\b.*\bdefault\b"), "get"),
        (re.compile(r"\b(for all|from now on|always|every)\b|\b(make|set|use|switch|change|should be|to be|as)\b.{0,30}"
                    r"\b(default|go-?to|fallback)\b"), "update"),
        # a default named with no change to it: "default conf app link"
        (re.compile(r"\b(default|go-?to|fallback)\b"), "get"),
        (re.compile(r"\b(callback|code|stor\w*|sav\w*|tokens?)\b"), "save"),
        # whether an installed app works is in the list of apps
        (re.compile(r"\b(working|works|ok|okay|healthy|broken|status)\b"), "list"),
        # Zoom and Microsoft Teams connect through OAuth: the user is sent to their sign-in page
        (re.compile(r"\b(zoom|teams|oauth|authori[sz]\w*|log ?in|sign ?in|auth)\b"), "authorize"),
        (re.compile(r"\b(turn on|enable|add|install|connect|hook up|set up|link)\b"), "connect"),
    ),
    # an option taken off a person is unassigned (one taken from an attribute is deleted); one given to them assigned
    "attribute-option": (
        (re.compile(r"\b(take|strip|remove|drop|pull)\b.{0,40}\b(off|from)\b(?![^,.;]{0,40}\battribute\b)"),
         "unassign"),
        (re.compile(r"\b(give|set|put|tag\w*|apply|add)\b.{0,60}\b(her|him|them|user #?\d+)\b"
                    r"|\b(her|him|them|user #?\d+)\b.{0,30}\btagged\b"), "assign"),
    ),
    "ics-feed": (
        (re.compile(r"\b(working|check\w*|valid|status|ok|healthy|still)\b"), "check"),
        (re.compile(r"\b(subscrib\w*|add|save|import|use|connect)\b"), "save"),
    ),
    "schedule": (  # a day off or new hours change a schedule, unless it is being deleted
        (re.compile(r"^(?!.*\b(delete|remove|drop|get rid)\b).*"
                    r"\b(block|off|overrides?|holidays?|vacation|work(ing)? \d)"), "update"),
    ),
    "membership": ((re.compile(r"\b(revoke|kick|take \w+ off|remov\w*)\b"), "delete"),),
    # a no-show is marked; a booking given to someone, or to whoever Cal.com picks, is reassigned
    "booking": (
        (re.compile(NO_SHOW), "mark"),
        (re.compile(r"\b(give|hand|pass)\b.{0,40}\bto\b|\b(another|other|different|next) host\b"
                    r"|\blet (cal|cal\.com|the system|it|them) (pick|choose)\b|\b(rotation|whoever)\b"), "reassign"),
    ),
    "webhook": (
        (re.compile(r"\b(detach|remov\w*|delet\w*)\b"), "delete"),
        (re.compile(r"\b(notify|ping|register|subscribe|hear about|send|forward|deliver|post|push|stream)\b"),
         "create"),
    ),
    "event-type": ((re.compile(r"\b(add|set|make)\b.{0,40}\b(gap|buffer|notice|hosts?|long|longer|shorter)\b"),
                    "update"),),
    # whatever is done to a managed user's tokens renews them
    "managed-user": ((re.compile(r"\boffboard\w*"), "delete"), (re.compile(r"\btokens?\b"), "refresh")),
    "private-link": ((re.compile(r"\b(revok\w*|invalidat\w*|kill|disabl\w*|remov\w*|delet\w*)\b"), "delete"),),
    "out-of-office": (
        (re.compile(r"^(?!.*\b(delete|remove|drop|cancel)\b).*\b(mark\w*|put|record|log|enter|register)\b"), "create"),
    ),
    # a token is renewed, unless the request only wants to know whether it is still good
    "token": (
        (re.compile(r"\b(valid\w*|verif\w*|check\w*|still (good|valid|ok|okay|working|accepted|active))\b"), "check"),
        (re.compile(r"."), "refresh"),
    ),
    "phone-call": ((re.compile(r"."), "create"),),  # a call is only ever placed
    # messages sent on their own, before or after meetings, are a workflow made for them
    "workflow": ((re.compile(r"^(please )?(e-?mail|text|sms|whatsapp|remind|message|send)\b"), "create"),),
    "verified-email": VERIFICATION_RULES,
    "verified-phone": VERIFICATION_RULES,
}


#: A value given in place of another, or "make the team private" (the thing made is there already): what exists
#: is changed, not made.
INSTEAD = re.compile(r"\b(instead of|rather than)\b"
                     # a value added to a list the thing has: "add https://x/cb to the redirect URIs of client 8"
                     r"|\b(add|append)\b.{1,60}\bto (the|its|their) (?!(team|org|organi[sz]ation|company|group)\b)"
                     r"([\w-]+ ){0,2}[\w-]+s (of|on|for)\b"
                     r"|\bmake (the|this|that|our|my|its|their)\b(?! (new|first|another)\b)"
                     # what has a number exists: "make team 14 private", "make org webhook 7 also fire on …"
                     r"|\bmake (?!(a|an|new|another)\b)([\w-]+ ){1,3}#?\d+ (?!(a|an|the|min\w*|hours?)\b)\w")
QUESTION = re.compile(r"^(what|which|who|how many|do|does|have|has)\b")
#: Verbs a rule may read from a request that asks to read (what is checked or authorized is not changed).
READ_VERBS = frozenset({"get", "list", "check", "authorize"})
#: A question about what is there: "what url does my webhook point to", "which calendar do bookings land in".
WH_QUESTION = re.compile(r"^(what|which|where|who)\b[^,;]*?\b(do|does|did|is|are|am|was|were|has|have)\b"
                         # and whether something is or happened: "did anyone book today?", "do I have an ics feed?"
                         r"|^(did|do|does|has|have|is|are|was|were)\s+(anyone|anybody|someone|somebody|i|we|you|it|this"
                         r"|that|these|those|the|my|our|there)\b")
#: A request that opens by asking to read ("show …", "please open …", "can you list …", "I need the …").
READ_OPENING = re.compile(r"^(?:(?:please|pls|can you|could you|would you|just|quickly|now)\s+)*"
                          r"(?:show|open|view|see|get|list|fetch|display|look up|pull up|bring up|give me"
                          # needing a thing, not needing to do something: "need the date overrides of schedule 210"
                          r"|(?:i |we )?need (?:the|a|an|my|our|all|every|its|their)\b)\b")


def resolve_verbs(verbs: frozenset[str], text: str, head: str | None) -> frozenset[str]:
    """The verbs a request asks for, once the resource acted on is known. A rule that reads a change does not apply
    to a request that opens by asking to read or asks what is there: "open schedule 5 with its overrides" looks at
    them, "where does webhook 5 send its events?" sends nothing."""
    reading = READ_OPENING.search(text) or WH_QUESTION.search(text)
    for pattern, verb in VERB_RULES.get(head or "", ()):
        if pattern.search(text) and not (reading and verb not in READ_VERBS):
            return frozenset(verb.split())
    if QUESTION.search(text) and verbs & {"get", "list"}:  # "what hours do I have set up?" reads
        verbs = verbs & {"get", "list", "check"}
    elif INSTEAD.search(text) and verbs & {"create", "get", "list"}:  # "make it 45 minutes instead of 30" changes it
        verbs = frozenset({"update"})
    elif verbs & SPECIFIC_VERBS:
        verbs = verbs & SPECIFIC_VERBS
    if head == "booking":  # a booking is cancelled, not deleted, moved, not edited, and handed on, not assigned
        swap = {"delete": "cancel", "update": "reschedule", "assign": "reassign"}
    elif head is not None:  # anything else is deleted, not cancelled, and edited, not rescheduled
        swap = {"cancel": "delete", "reschedule": "update"}
    else:
        swap = {}
    return frozenset(swap.get(verb, verb) for verb in verbs)


def rules_out_org(text: str) -> bool:
    return "org" in negated_scopes(text)[1]
